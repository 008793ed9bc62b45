import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_DIVISOR_LIMIT, limbs, mulDivMod } from '../../../../renderer/src/core/repayment/exact-mul-div';

function check(a: number, b: number, c: number): void {
  const out = new Float64Array(2);
  mulDivMod(a, limbs(a), b, c, limbs(c), out);
  const p = BigInt(a) * BigInt(b);
  expect([BigInt(out[0] ?? -1), BigInt(out[1] ?? -1)]).toEqual([p / BigInt(c), p % BigInt(c)]);
}

/** Divisors biased towards the limit and towards powers of two, where rounding bites. */
const divisor = fc.oneof(
  fc.integer({ min: 1, max: EXACT_DIVISOR_LIMIT }),
  fc.integer({ min: EXACT_DIVISOR_LIMIT - 1_000_000, max: EXACT_DIVISOR_LIMIT }),
  fc.integer({ min: 1, max: 50 }).map((k) => 2 ** k),
  fc.integer({ min: 1, max: 1_000 }),
);

describe('mulDivMod (exact a·b / c in doubles)', () => {
  it('agrees with BigInt for every a < c, b ≤ c ≤ 2^50', () => {
    fc.assert(
      fc.property(divisor, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, fa, fb) => {
        const a = Math.min(c - 1, Math.floor(fa * c));
        const b = Math.min(c, Math.floor(fb * c) + (fb > 0.999 ? c : 0));
        check(a, b, c);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is exact at the edges: zero, b = c, quotients just below an integer', () => {
    const c = EXACT_DIVISOR_LIMIT;
    check(0, c, c);
    check(c - 1, c, c);
    check(c - 1, c - 1, c);
    check(c - 1, 1, c);
    check(10_000_000_000_000 - 7, 99_999_999_999, 200_000_000_000_000);
    check(3, 333_333_333_333_333, 999_999_999_999_999);
  });
});
