import { describe, expect, it } from 'vitest';
import { formatExactQuotient, formatRatePercent, rateBasisPoints } from '../../../../renderer/src/core/repayment/rate';

describe('refund rates from integers', () => {
  it('gives basis points and a percentage string without float drift', () => {
    // 1 / 3 = 33.333…% → 3333 bp, "33.33%"; 0.1 + 0.2 style drift cannot appear.
    expect(rateBasisPoints(1, 3)).toBe(3_333);
    expect(formatRatePercent(1, 3)).toBe('33.33%');
    expect(formatRatePercent(3, 10)).toBe('30.00%');
    expect(formatRatePercent(22_000_000_000, 22_000_000_000)).toBe('100.00%');
  });

  it('truncates, so an almost-complete refund never shows as 100%', () => {
    // 99,999 / 100,000 = 99.999% → "99.99%", 9999 bp.
    expect(formatRatePercent(99_999, 100_000)).toBe('99.99%');
    expect(rateBasisPoints(99_999, 100_000)).toBe(9_999);
  });

  it('shows "—" when there is nothing to measure against', () => {
    expect(formatRatePercent(0, 0)).toBe('—');
    expect(rateBasisPoints(5, 0)).toBe(0);
  });

  it('handles amounts whose product exceeds 2^53', () => {
    // 10^13 × 10^11 / 3 × 10^13 = 3.333… × 10^10 exactly as a string.
    expect(formatExactQuotient(10_000_000_000_000, 100_000_000_000, 30_000_000_000_000, 4)).toBe('33333333333.3333');
    expect(formatRatePercent(1, 7, 4)).toBe('14.2857%');
    expect(formatRatePercent(1, 7, 0)).toBe('14%');
  });
});
