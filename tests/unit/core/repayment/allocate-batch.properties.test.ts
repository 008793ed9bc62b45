// Property-based checks (fast-check) of the allocation rules of issue 4 on random batches, plus an
// exact comparison with a slow BigInt reference (reference-allocation.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import type { AllocationClaim, AllocationInput, AllocationResult } from '../../../../renderer/src/core/repayment/types';
import { referenceAllocation } from './reference-allocation';

function allocate(input: AllocationInput): AllocationResult {
  const outcome = allocateBatch(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('\n'));
  return outcome.result;
}

/** Claims with unique ids; `maxFen` switches between small figures (many ties) and 10^11 fen. */
function claimsArb(maxFen: number, maxLength = 40): fc.Arbitrary<AllocationClaim[]> {
  const one = fc
    .tuple(fc.integer({ min: 0, max: maxFen }), fc.integer({ min: 0, max: 100 }))
    .map(([net, paidPct]) => ({ net, paid: paidPct >= 60 ? Math.floor((net * (paidPct - 60)) / 40) : 0 }));
  return fc
    .uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '0', '9', '-', '张', '喆'), minLength: 1, maxLength: 4 }), {
      minLength: 0,
      maxLength,
    })
    .chain((ids) => fc.tuple(fc.constant(ids), fc.array(one, { minLength: ids.length, maxLength: ids.length })))
    .map(([ids, rows]) => ids.map((id, i) => ({ id, netClaimFen: rows[i]?.net ?? 0, paidFen: rows[i]?.paid ?? 0 })));
}

const remainingOf = (c: AllocationClaim): number => c.netClaimFen - c.paidFen;

/** A batch: claims, an amount from 0 to 120% of what remains, and optional rules. */
function inputArb(maxFen: number, rules: { small?: boolean; minimum?: boolean }): fc.Arbitrary<AllocationInput> {
  return claimsArb(maxFen).chain((claims) => {
    const total = claims.reduce((s, c) => s + remainingOf(c), 0);
    return fc
      .record({
        amountFen: fc.oneof(fc.integer({ min: 0, max: Math.ceil(total * 1.2) + 10 }), fc.integer({ min: 0, max: 10_000_000_000_000 })),
        small: rules.small ? fc.integer({ min: 0, max: Math.max(1, Math.floor(maxFen / 3)) }) : fc.constant(0),
        minimum: rules.minimum ? fc.integer({ min: 0, max: Math.max(1, Math.floor(maxFen / 4)) }) : fc.constant(0),
      })
      .map(({ amountFen, small, minimum }) => ({
        amountFen,
        claims,
        smallClaimThresholdFen: small,
        minPaymentFen: minimum,
      }));
  });
}

const SIZES = [100, 1_000_000, 100_000_000_000];
const RULES = [{}, { small: true }, { minimum: true }, { small: true, minimum: true }];
const RUNS = { numRuns: 150 };

describe.each(SIZES)('allocateBatch properties, claims up to %d fen', (maxFen) => {
  describe.each(RULES)('rules %j', (rules) => {
    it('matches the BigInt reference exactly', () => {
      fc.assert(
        fc.property(inputArb(maxFen, rules), (input) => {
          const r = allocate(input);
          const ref = referenceAllocation(input);
          expect(r.allocations.map((a) => BigInt(a.amountFen))).toEqual(ref.amounts);
          expect(BigInt(r.unallocatedFen)).toBe(ref.unallocated);
        }),
        RUNS,
      );
    });

    it('sums exactly, never exceeds a remaining claim, and pays whole fen', () => {
      fc.assert(
        fc.property(inputArb(maxFen, rules), (input) => {
          const r = allocate(input);
          const sum = r.allocations.reduce((s, a) => s + a.amountFen, 0);
          expect(sum).toBe(r.allocatedFen);
          expect(r.allocatedFen + r.unallocatedFen).toBe(input.amountFen);
          const total = input.claims.reduce((s, c) => s + remainingOf(c), 0);
          // Without the minimum rule the batch pays all it has unless every claim is settled.
          if (!input.minPaymentFen) expect(r.unallocatedFen).toBe(Math.max(0, input.amountFen - total));
          r.allocations.forEach((a, i) => {
            const c = input.claims[i] as AllocationClaim;
            expect(a.id).toBe(c.id);
            expect(Number.isSafeInteger(a.amountFen)).toBe(true);
            expect(a.amountFen).toBeGreaterThanOrEqual(0);
            expect(a.amountFen).toBeLessThanOrEqual(remainingOf(c));
          });
        }),
        RUNS,
      );
    });

    it('does not depend on the order of the input', () => {
      fc.assert(
        fc.property(
          inputArb(maxFen, rules).chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.claims], { minLength: input.claims.length }))),
          ([input, shuffled]) => {
            const byId = (r: AllocationResult) => new Map(r.allocations.map((a) => [a.id, a.amountFen]));
            const a = allocate(input);
            const b = allocate({ ...input, claims: shuffled });
            expect(byId(b)).toEqual(byId(a));
            expect(b.unallocatedFen).toBe(a.unallocatedFen);
          },
        ),
        RUNS,
      );
    });

    it('never gives a larger remaining claim less than a smaller one (within the same small/large group)', () => {
      fc.assert(
        fc.property(inputArb(maxFen, rules), (input) => {
          const r = allocate(input);
          const threshold = input.smallClaimThresholdFen ?? 0;
          const group = (rem: number) => (threshold > 0 && rem <= threshold ? 0 : 1);
          const lines = input.claims.map((c, i) => ({ rem: remainingOf(c), got: r.allocations[i]?.amountFen ?? 0 }));
          for (const x of lines) {
            for (const y of lines) {
              if (x.rem > y.rem && group(x.rem) === group(y.rem)) expect(x.got).toBeGreaterThanOrEqual(y.got);
            }
          }
        }),
        RUNS,
      );
    });
  });

  it('pays every claim in full and leaves the rest unallocated when the batch covers them all', () => {
    fc.assert(
      fc.property(claimsArb(maxFen), fc.integer({ min: 0, max: 1_000_000 }), (claims, extra) => {
        const total = claims.reduce((s, c) => s + remainingOf(c), 0);
        const r = allocate({ amountFen: total + extra, claims, minPaymentFen: extra % 7 });
        r.allocations.forEach((a, i) => {
          expect(a.amountFen).toBe(remainingOf(claims[i] as AllocationClaim));
        });
        expect(r.unallocatedFen).toBe(extra);
      }),
      RUNS,
    );
  });

  it('small claims first: all small claims in full, or larger claims get nothing', () => {
    fc.assert(
      fc.property(inputArb(maxFen, { small: true, minimum: true }), (input) => {
        const r = allocate(input);
        const t = input.smallClaimThresholdFen ?? 0;
        const small = input.claims.map((c, i) => ({ c, i })).filter(({ c }) => t > 0 && remainingOf(c) > 0 && remainingOf(c) <= t);
        const allSmallFull = small.every(({ c, i }) => r.allocations[i]?.amountFen === remainingOf(c));
        const largeZero = input.claims.every((c, i) => remainingOf(c) <= t || r.allocations[i]?.amountFen === 0);
        expect(allSmallFull || largeZero).toBe(true);
      }),
      RUNS,
    );
  });

  it('minimum payment: each line is 0, at least the minimum, or the whole remaining claim; less than the minimum stays over', () => {
    fc.assert(
      fc.property(inputArb(maxFen, { minimum: true }), (input) => {
        const r = allocate(input);
        const m = input.minPaymentFen ?? 0;
        input.claims.forEach((c, i) => {
          const got = r.allocations[i]?.amountFen ?? 0;
          expect(got === 0 || got >= m || got === remainingOf(c)).toBe(true);
        });
        const total = input.claims.reduce((s, c) => s + remainingOf(c), 0);
        if (input.amountFen < total) expect(r.unallocatedFen).toBeLessThan(Math.max(m, 1));
      }),
      RUNS,
    );
  });
});
