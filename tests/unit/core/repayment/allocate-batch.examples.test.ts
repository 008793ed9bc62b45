// Hand-computed allocations; the arithmetic is written out next to each expectation.
import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import type { AllocationInput, AllocationResult } from '../../../../renderer/src/core/repayment/types';
import { LINE_FLAG } from '../../../../renderer/src/core/repayment/types';

function allocate(input: AllocationInput): AllocationResult {
  const outcome = allocateBatch(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  return outcome.result;
}

function amounts(result: AllocationResult): Record<string, number> {
  return Object.fromEntries(result.allocations.map((a) => [a.id, a.amountFen]));
}

const claim = (id: string, netClaimFen: number, paidFen = 0) => ({ id, netClaimFen, paidFen });

describe('allocateBatch: hand-computed examples', () => {
  it('shares pro rata on the remaining claim (net − paid) and hands the odd fen to the largest remainder', () => {
    // Remaining: A 300,000; B 200,000 − 50,000 = 150,000; R = 450,000; batch 100,000 fen.
    // A: 100,000 × 300,000 / 450,000 = 66,666.67 → 66,666 r .67
    // B: 100,000 × 150,000 / 450,000 = 33,333.33 → 33,333 r .33
    // floors 99,999; 1 fen left → A (larger remainder) → 66,667 + 33,333 = 100,000.
    const r = allocate({ amountFen: 100_000, claims: [claim('A', 300_000), claim('B', 200_000, 50_000)] });
    expect(r.allocations).toEqual([
      { id: 'A', amountFen: 66_667 },
      { id: 'B', amountFen: 33_333 },
    ]);
    expect(r.allocatedFen).toBe(100_000);
    expect(r.unallocatedFen).toBe(0);
    expect(r.pools).toEqual([{ kind: 'proRata', amountFen: 100_000, remainingFen: 450_000, memberCount: 2 }]);
    expect((r.lines.flags[0] ?? 0) & LINE_FLAG.roundedUp).toBeTruthy();
  });

  it('breaks an exact tie in remainders by the smaller id, whatever the input order', () => {
    // Three claims of 100 fen, batch 100: each 33.33 → 33, floors 99, 1 fen left; remainders all
    // 100 × 100 mod 300 = 100, claims equal → smallest id "a" gets 34.
    const claims = [claim('b', 100), claim('a', 100), claim('c', 100)];
    expect(amounts(allocate({ amountFen: 100, claims }))).toEqual({ a: 34, b: 33, c: 33 });
    expect(amounts(allocate({ amountFen: 100, claims: [...claims].reverse() }))).toEqual({ a: 34, b: 33, c: 33 });
  });

  it('breaks an equal remainder by the larger remaining claim before the id', () => {
    // R = 3 + 1 + 6 = 10, batch 5: quotas 1.5, 0.5, 3.0 → floors 1, 0, 3 = 4; 1 fen left.
    // Remainders 5, 5, 0 (out of 10): tie between "z" (claim 3) and "a" (claim 1) → larger claim "z".
    const r = allocate({ amountFen: 5, claims: [claim('a', 1), claim('z', 3), claim('m', 6)] });
    expect(amounts(r)).toEqual({ a: 0, z: 2, m: 3 });
  });

  it('pays everyone in full and leaves the rest unallocated when the batch covers every claim', () => {
    // Remaining 3,000 + (2,500 − 500) = 5,000 < 10,000 → both in full, 5,000 unallocated.
    const r = allocate({ amountFen: 10_000, claims: [claim('A', 3_000), claim('B', 2_500, 500), claim('C', 700, 700)] });
    expect(amounts(r)).toEqual({ A: 3_000, B: 2_000, C: 0 });
    expect(r.unallocatedFen).toBe(5_000);
    expect(r.allocatedFen).toBe(5_000);
    expect((r.lines.flags[2] ?? 0) & LINE_FLAG.nothingRemaining).toBeTruthy();
  });

  it('pays small claims in full first, then the rest pro rata', () => {
    // Threshold 1,000: small s1 500 + s2 1,000 = 1,500 paid in full; 5,000 − 1,500 = 3,500 left.
    // big1: 3,500 × 9,000 / 13,500 = 2,333.33 → 2,333 r .33; big2: 3,500 × 4,500 / 13,500 = 1,166.67
    // → 1,166 r .67; floors 3,499, 1 fen → big2 → 1,167. Total 500 + 1,000 + 2,333 + 1,167 = 5,000.
    const r = allocate({
      amountFen: 5_000,
      smallClaimThresholdFen: 1_000,
      claims: [claim('s1', 500), claim('big1', 9_000), claim('s2', 1_000), claim('big2', 4_500)],
    });
    expect(amounts(r)).toEqual({ s1: 500, big1: 2_333, s2: 1_000, big2: 1_167 });
    expect(r.pools.map((p) => p.kind)).toEqual(['smallClaims', 'proRata']);
  });

  it('shares among the small claims only when the batch cannot pay them all; larger claims wait', () => {
    // Small 600 + 400 = 1,000 > batch 500 → 500 × 600/1,000 = 300, 500 × 400/1,000 = 200; big gets 0.
    const r = allocate({
      amountFen: 500,
      smallClaimThresholdFen: 1_000,
      claims: [claim('s1', 600), claim('s2', 400), claim('big', 10_000)],
    });
    expect(amounts(r)).toEqual({ s1: 300, s2: 200, big: 0 });
    expect((r.lines.flags[2] ?? 0) & LINE_FLAG.waitingForSmallClaims).toBeTruthy();
  });

  it('drops shares below the minimum payment and gives their money to the larger claims', () => {
    // A 90,000, B 9,000, C 1,000; R = 100,000; batch 10,000; minimum 1,000.
    // All three: smallest quota 10,000 × 1,000 / 100,000 = 100 < 1,000 → invalid.
    // A and B: 10,000 × 9,000 / 99,000 = 909.09 < 1,000 → invalid. A alone: quota 10,000 ≥ 1,000.
    // → A 10,000; B and C 0, carried over.
    const r = allocate({ amountFen: 10_000, minPaymentFen: 1_000, claims: [claim('A', 90_000), claim('B', 9_000), claim('C', 1_000)] });
    expect(amounts(r)).toEqual({ A: 10_000, B: 0, C: 0 });
    expect(r.unallocatedFen).toBe(0);
    expect((r.lines.flags[1] ?? 0) & LINE_FLAG.belowMinimum).toBeTruthy();
  });

  it('under the minimum, cuts equal claims by id and shares pro rata over the rest', () => {
    // x 1,000, y 100, z 100; batch 1,080; minimum 95. Priority: x, y (id y < z), z.
    // All: 1,080 × 100 = 108,000 < 95 × 1,200 = 114,000 → invalid.
    // x, y: 1,080 × 100 = 108,000 ≥ 95 × 1,100 = 104,500 → valid, shared pro rata over 1,100:
    // x 1,080 × 1,000 / 1,100 = 981.82 → 981 r .82; y 98.18 → 98 r .18; 1 fen left → x → 982.
    const r = allocate({ amountFen: 1_080, minPaymentFen: 95, claims: [claim('z', 100), claim('x', 1_000), claim('y', 100)] });
    expect(amounts(r)).toEqual({ x: 982, y: 98, z: 0 });
  });

  it('under the minimum, pays the largest claims in full and leaves less than the minimum unallocated', () => {
    // x 1,000, p 30, q 30; batch 1,040; minimum 100. All: 1,040 × 30 < 100 × 1,060 → invalid.
    // x, p: 1,040 ≥ 1,030 → paid in full; 10 left; q alone: 10 < 30 and 10 < 100 → 0.
    const r = allocate({ amountFen: 1_040, minPaymentFen: 100, claims: [claim('q', 30), claim('p', 30), claim('x', 1_000)] });
    expect(amounts(r)).toEqual({ x: 1_000, p: 30, q: 0 });
    expect(r.unallocatedFen).toBe(10);
    expect(r.allocatedFen).toBe(1_030);
  });

  it('keeps exact fen where amount × claim exceeds 2^53', () => {
    // Products reach 10^22 (> 2^53 ≈ 9.007 × 10^15). R = (10^11 − 1) + 1 + 10^11 = 2 × 10^11; batch 10^11 − 7.
    // big:  (10^11 − 7)(10^11 − 1) / (2 × 10^11) = (10^22 − 8 × 10^11 + 7) / (2 × 10^11)
    //       = 49,999,999,996 + 7 / (2 × 10^11) → 49,999,999,996 r 7
    // one:  (10^11 − 7) / (2 × 10^11) → 0 r 99,999,999,993
    // big2: (10^11 − 7) / 2 = 49,999,999,996.5 → 49,999,999,996 r 10^11
    // floors 99,999,999,992; 1 fen left → largest remainder big2 (10^11 > 99,999,999,993 > 7).
    // In doubles the product for big (10^22, 74 bits) is already rounded before the division.
    const r = allocate({
      amountFen: 100_000_000_000 - 7,
      claims: [claim('big', 99_999_999_999), claim('one', 1), claim('big2', 100_000_000_000)],
    });
    expect(amounts(r)).toEqual({ big: 49_999_999_996, one: 0, big2: 49_999_999_997 });
  });

  it('allocates a zero batch and an empty claim list without error', () => {
    expect(allocate({ amountFen: 0, claims: [claim('A', 100)] }).allocations).toEqual([{ id: 'A', amountFen: 0 }]);
    const empty = allocate({ amountFen: 500, claims: [] });
    expect(empty.allocations).toEqual([]);
    expect(empty.unallocatedFen).toBe(500);
  });
});
