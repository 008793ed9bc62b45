import { describe, expect, it } from 'vitest';
import { frameGapVerdict } from '../../../scripts/bench/frame-gap-verdict';

describe('frameGapVerdict', () => {
  it('decides on the median of three or more runs and still names the worst run and how many missed', () => {
    const v = frameGapVerdict([67, 50, 133], 100);
    expect(v.figure).toBe('67 / 50 / 133 ms (median 67 ms, worst 133 ms)');
    expect(v.verdict).toBe('meets (67 ms / 100 ms = 0.67) on the median of 3 runs; worst run 1.33, 1 of 3 runs over 100 ms');
    expect(frameGapVerdict([200, 167, 50], 100).verdict).toMatch(/^misses \(167 ms \/ 100 ms = 1\.67\) on the median of 3 runs; worst run 2\.00, 2 of 3 runs over 100 ms$/);
  });

  it('with fewer than three runs every run must meet', () => {
    expect(frameGapVerdict([50, 117], 100).verdict).toBe('misses (117 ms / 100 ms = 1.17) on the worst of 2 runs; worst run 1.17, 1 of 2 runs over 100 ms');
    expect(frameGapVerdict([83], 100).verdict).toBe('meets (83 ms / 100 ms = 0.83) on the worst of 1 run; every run within');
    expect(() => frameGapVerdict([], 100)).toThrow();
  });
});
