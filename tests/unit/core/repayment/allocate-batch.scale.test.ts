// Larger random batches against the BigInt reference: exercises the quickselect on thousands of
// lines and the BigInt path where the claims' total exceeds 2^52.
import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import type { AllocationClaim, AllocationInput } from '../../../../renderer/src/core/repayment/types';
import { referenceAllocation } from './reference-allocation';

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function makeInput(n: number, maxFen: number, ratio: number, seed: number, extra: Partial<AllocationInput> = {}): AllocationInput {
  const rand = seeded(seed);
  const claims: AllocationClaim[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const net = Math.floor(rand() * maxFen);
    const paid = rand() < 0.2 ? Math.floor(net / 3) : 0;
    claims.push({ id: `c${(i * 7919) % n}`, netClaimFen: net, paidFen: paid });
    total += net - paid;
  }
  return { amountFen: Math.floor(total * ratio), claims, ...extra };
}

describe('allocateBatch on larger batches', () => {
  it.each([
    ['3,000 lines, claims up to 5,000 fen (many ties)', makeInput(3_000, 5_000, 0.4131, 1)],
    ['3,000 lines, claims up to 10^11 fen', makeInput(3_000, 100_000_000_000, 0.77, 2)],
    ['60,000 lines, total above 2^52', makeInput(60_000, 200_000_000_000, 0.5, 3)],
    ['3,000 lines with small claims first and a minimum', makeInput(3_000, 1_000_000, 0.3, 4, { smallClaimThresholdFen: 50_000, minPaymentFen: 20_000 })],
    ['3,000 lines with a minimum that drops most', makeInput(3_000, 1_000_000, 0.05, 5, { minPaymentFen: 60_000 })],
  ])('%s: same as the reference, sum exact', (_name, input) => {
    const outcome = allocateBatch(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const ref = referenceAllocation(input);
    expect(outcome.result.allocations.map((a) => BigInt(a.amountFen))).toEqual(ref.amounts);
    expect(outcome.result.allocatedFen + outcome.result.unallocatedFen).toBe(input.amountFen);
  });
});
