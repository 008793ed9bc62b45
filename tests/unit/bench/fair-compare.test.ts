import { describe, expect, it } from 'vitest';
import { abbaOrder, compareRuns } from '../../../scripts/bench/fair-compare';

const runs = (...pairs: [number, number][]) => pairs.map(([ms, cpu]) => ({ ms, cpu }));

describe('fair comparison of two builds (repayment-app bench)', () => {
  it('runs the builds A B B A in every round', () => {
    expect(abbaOrder(1)).toEqual(['ref', 'mine', 'mine', 'ref']);
    expect(abbaOrder(2)).toEqual(['ref', 'mine', 'mine', 'ref', 'ref', 'mine', 'mine', 'ref']);
  });

  const ref = runs([9_900, 26], [10_100, 27], [10_000, 26.5], [9_950, 26.2]);

  it('calls a step slower only when wall and CPU both exceed the reference by > 5 % in every run', () => {
    const c = compareRuns(runs([11_500, 30], [11_800, 31], [11_600, 30.2], [11_700, 30.8]), ref);
    expect(c.verdict).toBe('slower');
    expect(c.wall).toBeCloseTo(11_650 / 9_975, 6);
    expect(c.cpu).toBeCloseTo(30.5 / 26.35, 6);
    expect(c.text).toContain('wall 1.17×');
  });

  it('calls a step faster on the same terms', () => {
    expect(compareRuns(runs([8_000, 20], [8_200, 21], [8_100, 20.5]), ref).verdict).toBe('faster');
  });

  it('calls nothing from two runs of each, however far apart (the control of one build against itself did that)', () => {
    const c = compareRuns(runs([20_200, 9.8], [19_000, 9.6]), runs([33_500, 14.8], [42_100, 15.2]));
    expect(c.verdict).toBe('too few runs');
    expect(c.text).toContain('REPAYMENT_BENCH_ROUNDS=2');
  });

  it('shows no difference when only the wall time differs (a loaded machine, same CPU)', () => {
    // As in the old bench's control: a second run of the same build at 1.8× the wall time; here with the same CPU.
    const c = compareRuns(runs([25_600, 30], [25_000, 29.5], [26_000, 30.5]), runs([13_900, 30], [14_000, 29.8], [13_800, 30.2]));
    expect(c.verdict).toBe('no difference shown');
    expect(c.wall).toBeGreaterThan(1.8);
  });

  it('shows no difference when the runs overlap, even with medians apart', () => {
    const c = compareRuns(runs([12_000, 32], [9_000, 24], [12_500, 33]), runs([10_000, 27], [10_200, 27.5], [9_800, 26]));
    expect(c.wall).toBeGreaterThan(1.05);
    expect(c.cpu).toBeGreaterThan(1.05);
    expect(c.verdict).toBe('no difference shown');
  });

  it('shows no difference within 5 %', () => {
    expect(compareRuns(runs([10_400, 27.6], [10_500, 27.7], [10_450, 27.5]), ref).verdict).toBe('no difference shown');
  });

  it('refuses to compare without a run of each build', () => {
    expect(() => compareRuns([], runs([1, 1]))).toThrow();
  });
});
