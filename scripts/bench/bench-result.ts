/** One line of `npm run bench` output. Figures are measured, never asserted. */
export interface BenchResult {
  /** What was measured, e.g. "allocate 1,048,576 creditors". */
  readonly name: string;
  /** The measurement, e.g. "412 ms" or "1.21× (3.9 s vs 3.2 s)". */
  readonly figure: string;
  /** The target, e.g. "≤ 1 s" or "≤ 1.5×". */
  readonly target: string;
  /** "meets" / "misses" with the ratio, computed from the figure. */
  readonly verdict: string;
}

/** Median of several timings in ms; benchmarks repeat a measurement to damp noise on a 2-core box. */
export function medianMs(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function verdictAtMost(value: number, limit: number, unit: string): string {
  const ratio = value / limit;
  return `${ratio <= 1 ? 'meets' : 'misses'} (${value.toFixed(unit === '×' ? 2 : 0)}${unit} / ${limit}${unit} = ${ratio.toFixed(2)})`;
}
