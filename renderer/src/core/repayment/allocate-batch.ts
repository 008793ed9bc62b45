// Batch allocation (批次分配): who gets how many fen from one repayment batch. The same function
// serves the batch page (draft recompute), the CLI (`allocate`) and the benchmark.
//
// Rules, in order:
// 1. Remaining claim = net claim − paid. If the batch covers every remaining claim, each is paid in
//    full and the rest is unallocated.
// 2. Small claims first (optional): remaining claims ≤ the threshold are paid in full first; if the
//    batch cannot pay all of them, it is shared pro rata among them only and larger claims wait.
// 3. The rest is shared pro rata on remaining claim (pro-rata.ts: exact, largest remainder with an
//    input-order-independent tie-break), under the minimum-payment rule if set (minimum-payment.ts).
// Nobody ever gets more than their remaining claim: a pro-rata pool is only formed when its amount
// is below its members' total, and a pool that covers its members pays them in full instead.
import { planMinimumPayment } from './minimum-payment';
import type { ProRataTarget } from './pro-rata';
import { shareProRata } from './pro-rata';
import type { AllocationInput, AllocationLine, AllocationOutcome, AllocationPool, AllocationResult } from './types';
import { LINE_FLAG } from './types';
import { validateAllocationInput } from './validate-allocation-input';

/** Validates, then allocates. Errors come back as data; nothing throws on bad input. */
export function allocateBatch(input: AllocationInput): AllocationOutcome {
  const errors = validateAllocationInput(input);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, result: allocateValidated(input) };
}

function markFull(target: ProRataTarget, members: Uint32Array, pool: number): void {
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    target.amounts[i] = target.remaining[i] as number;
    target.poolIndex[i] = pool;
    target.flags[i] = (target.flags[i] as number) | LINE_FLAG.paidInFull;
  }
}

function sumOf(remaining: Float64Array, members: Uint32Array): number {
  let sum = 0;
  for (let s = 0; s < members.length; s++) sum += remaining[members[s] as number] as number;
  return sum;
}

/** Allocation of an input already accepted by validateAllocationInput. */
export function allocateValidated(input: AllocationInput): AllocationResult {
  const { claims, amountFen } = input;
  const n = claims.length;
  const threshold = input.smallClaimThresholdFen ?? 0;
  const minimum = input.minPaymentFen ?? 0;
  const ids: string[] = new Array(n);
  const target: ProRataTarget = {
    ids,
    remaining: new Float64Array(n),
    amounts: new Float64Array(n),
    flags: new Uint8Array(n),
    poolIndex: new Int32Array(n).fill(-1),
  };
  const { remaining, flags } = target;
  let total = 0;
  // Member lists as typed arrays: a million pushes into JS arrays cost more than the arithmetic.
  const smallBuf = new Uint32Array(n);
  const restBuf = new Uint32Array(n);
  let smallCount = 0;
  let restCount = 0;
  for (let i = 0; i < n; i++) {
    const c = claims[i] as AllocationInput['claims'][number];
    ids[i] = c.id;
    const r = c.netClaimFen - c.paidFen;
    remaining[i] = r;
    total += r;
    if (r === 0) flags[i] = c.netClaimFen === 0 ? LINE_FLAG.nothingRemaining | LINE_FLAG.noClaim : LINE_FLAG.nothingRemaining;
    else if (threshold > 0 && r <= threshold) {
      flags[i] = LINE_FLAG.smallClaim;
      smallBuf[smallCount++] = i;
    } else restBuf[restCount++] = i;
  }
  const small = smallBuf.subarray(0, smallCount);
  const rest = restBuf.subarray(0, restCount);
  const pools: AllocationPool[] = [];
  let unallocated = 0;

  const addPool = (pool: AllocationPool): number => pools.push(pool) - 1;
  const share = (amount: number, members: Uint32Array, kind: 'smallClaims' | 'proRata'): void => {
    if (members.length === 0 || amount === 0) return;
    if (minimum === 0) {
      const sum = sumOf(remaining, members);
      const pool = addPool({ kind, amountFen: amount, remainingFen: sum, memberCount: members.length });
      shareProRata(target, members, amount, sum, pool);
      return;
    }
    const plan = planMinimumPayment(members, remaining, ids, amount, minimum);
    if (plan.full.length > 0) {
      const { full, fullRemainingFen } = plan;
      const kindFull = kind === 'smallClaims' ? 'smallClaims' : 'paidInFull';
      const pool = addPool({ kind: kindFull, amountFen: fullRemainingFen, remainingFen: fullRemainingFen, memberCount: full.length });
      markFull(target, full, pool);
    }
    if (plan.proRata.length > 0) {
      const { proRata, proRataAmountFen, proRataRemainingFen } = plan;
      const pool = addPool({ kind, amountFen: proRataAmountFen, remainingFen: proRataRemainingFen, memberCount: proRata.length });
      shareProRata(target, proRata, proRataAmountFen, proRataRemainingFen, pool);
    }
    for (let s = 0; s < plan.dropped.length; s++) {
      const i = plan.dropped[s] as number;
      flags[i] = (flags[i] as number) | LINE_FLAG.belowMinimum;
    }
    unallocated += plan.unallocatedFen;
  };

  if (amountFen >= total) {
    const members = new Uint32Array(smallCount + restCount);
    members.set(small);
    members.set(rest, smallCount);
    if (members.length > 0) {
      markFull(target, members, addPool({ kind: 'paidInFull', amountFen: total, remainingFen: total, memberCount: members.length }));
    }
    unallocated = amountFen - total;
  } else {
    const smallSum = sumOf(remaining, small);
    if (small.length > 0 && amountFen >= smallSum) {
      markFull(target, small, addPool({ kind: 'smallClaims', amountFen: smallSum, remainingFen: smallSum, memberCount: small.length }));
      share(amountFen - smallSum, rest, 'proRata');
    } else if (small.length > 0) {
      share(amountFen, small, 'smallClaims');
      for (let s = 0; s < rest.length; s++) {
        const i = rest[s] as number;
        flags[i] = (flags[i] as number) | LINE_FLAG.waitingForSmallClaims;
      }
    } else {
      share(amountFen, rest, 'proRata');
    }
  }

  const allocations: AllocationLine[] = new Array(n);
  let allocated = 0;
  for (let i = 0; i < n; i++) {
    const amount = target.amounts[i] as number;
    allocated += amount;
    allocations[i] = { id: ids[i] as string, amountFen: amount };
  }
  return {
    allocations,
    allocatedFen: allocated,
    unallocatedFen: unallocated,
    remainingTotalFen: total,
    pools,
    lines: { remainingFen: remaining, poolIndex: target.poolIndex, flags },
  };
}
