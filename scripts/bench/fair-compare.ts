// Comparing two builds fairly on a shared, loaded machine (repayment-app.bench.ts, w-repctl): a run
// order that gives both the same share of the drift, and a verdict that needs wall time and CPU time
// to agree. A control run of one build against itself in the old order (the reference first, both in
// one browser) came out 1.5–2.2× "slower" on the second run (2026-12-03 11:55, load average 1 at the
// start, 10 at the end, other sessions starting): one pair in one order says nothing about the builds.
//
// May import: bench-result.ts only (no playwright, no app modules), so it is unit tested.
import { medianMs } from './bench-result';

/** One run's figures for one step: wall ms and CPU seconds of all the run's Chromium processes. */
export interface StepSample {
  readonly ms: number;
  readonly cpu: number;
}

/** How much both figures must differ before a step is called slower or faster. */
export const MARGIN = 0.05;

/**
 * Runs of each build needed before a verdict. With two each, two builds are fully apart by chance one
 * time in three (either way): the control of e6ac7b1 against itself, one round A B B A at load 16–24,
 * came out "faster" on the batch page (0.52× wall, 0.65× CPU, both runs of each apart). With four
 * each (two rounds), one time in 35.
 */
export const MIN_RUNS = 3;

/**
 * The order of the runs: A B B A (reference, this build, this build, reference) per round, so a
 * load that rises or falls steadily over a round costs both builds alike.
 */
export function abbaOrder(rounds: number): readonly ('ref' | 'mine')[] {
  const order: ('ref' | 'mine')[] = [];
  for (let r = 0; r < rounds; r++) order.push('ref', 'mine', 'mine', 'ref');
  return order;
}

export interface Comparison {
  /** This build's median over the reference's, wall and CPU. */
  readonly wall: number;
  readonly cpu: number;
  readonly verdict: 'slower' | 'faster' | 'no difference shown' | 'too few runs';
  /** The verdict with its ratios, for the bench's row. */
  readonly text: string;
}

/**
 * This build against the reference on one step, from every run of each: slower (or faster) only
 * when the medians of wall time and of CPU time both differ by more than MARGIN and every run of
 * one build is beyond every run of the other in both, with at least MIN_RUNS runs of each;
 * otherwise no difference is shown (or too few runs to show one).
 */
export function compareRuns(mine: readonly StepSample[], ref: readonly StepSample[]): Comparison {
  if (mine.length === 0 || ref.length === 0) throw new Error('compareRuns needs at least one run of each build');
  const wall = medianMs(mine.map((m) => m.ms)) / medianMs(ref.map((r) => r.ms));
  const cpu = medianMs(mine.map((m) => m.cpu)) / medianMs(ref.map((r) => r.cpu));
  const beyond = (pick: (x: StepSample) => number, sign: 1 | -1) => Math.min(...mine.map((m) => sign * pick(m))) > Math.max(...ref.map((r) => sign * pick(r)));
  const ratios = `wall ${wall.toFixed(2)}×, CPU ${cpu.toFixed(2)}×`;
  if (mine.length < MIN_RUNS || ref.length < MIN_RUNS)
    return { wall, cpu, verdict: 'too few runs', text: `too few runs to call it (${ratios}; ${mine.length} and ${ref.length} runs, ${MIN_RUNS} of each needed: REPAYMENT_BENCH_ROUNDS=2 or more)` };
  if (wall > 1 + MARGIN && cpu > 1 + MARGIN && beyond((x) => x.ms, 1) && beyond((x) => x.cpu, 1)) return { wall, cpu, verdict: 'slower', text: `slower (${ratios}, every run)` };
  if (wall < 1 / (1 + MARGIN) && cpu < 1 / (1 + MARGIN) && beyond((x) => x.ms, -1) && beyond((x) => x.cpu, -1)) return { wall, cpu, verdict: 'faster', text: `faster (${ratios}, every run)` };
  return { wall, cpu, verdict: 'no difference shown', text: `no difference shown (${ratios}; > 5 % in both, every run beyond the other build's, needed to call it)` };
}
