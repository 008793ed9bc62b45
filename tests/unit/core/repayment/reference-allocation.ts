// A slow, obviously-correct reference for the property tests: BigInt everywhere, full sorts, and the
// minimum-payment rule applied literally (longest valid priority prefix, found by trying each one).
import type { AllocationInput } from '../../../../renderer/src/core/repayment/types';

interface Member {
  readonly index: number;
  readonly id: string;
  readonly r: bigint;
}

/** Priority: larger remaining claim first, then smaller id (code-unit order). */
function byPriority(a: Member, b: Member): number {
  if (a.r !== b.r) return a.r > b.r ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

function proRata(out: bigint[], members: readonly Member[], amount: bigint): void {
  const R = members.reduce((s, m) => s + m.r, 0n);
  const rows = members.map((m) => ({ m, q: (amount * m.r) / R, rem: (amount * m.r) % R }));
  let left = amount - rows.reduce((s, x) => s + x.q, 0n);
  rows.sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : byPriority(a.m, b.m)));
  for (const row of rows) {
    out[row.m.index] = row.q + (left > 0n ? 1n : 0n);
    if (left > 0n) left -= 1n;
  }
}

function share(out: bigint[], members: Member[], amount: bigint, minimum: bigint): bigint {
  if (members.length === 0 || amount === 0n) return amount;
  if (minimum === 0n) {
    proRata(out, members, amount);
    return 0n;
  }
  const ordered = [...members].sort(byPriority);
  let rest = amount;
  let upper = ordered.length;
  while (upper > 0 && rest > 0n) {
    let chosen = 0;
    for (let len = upper; len >= 1; len--) {
      const s = ordered.slice(0, len);
      const sum = s.reduce((acc, m) => acc + m.r, 0n);
      const smallest = s[len - 1] as Member;
      if (rest >= sum || rest * smallest.r >= minimum * sum) {
        chosen = len;
        break;
      }
    }
    if (chosen === 0) break;
    const s = ordered.slice(0, chosen);
    const sum = s.reduce((acc, m) => acc + m.r, 0n);
    if (rest >= sum) {
      for (const m of s) out[m.index] = m.r;
      rest -= sum;
      ordered.splice(0, chosen);
      upper = ordered.length;
      continue;
    }
    proRata(out, s, rest);
    return 0n;
  }
  return rest;
}

/** Returns amounts (input order) and the unallocated rest. */
export function referenceAllocation(input: AllocationInput): { amounts: bigint[]; unallocated: bigint } {
  const out = input.claims.map(() => 0n);
  const members = input.claims.map((c, index) => ({ index, id: c.id, r: BigInt(c.netClaimFen - c.paidFen) })).filter((m) => m.r > 0n);
  const amount = BigInt(input.amountFen);
  const total = members.reduce((s, m) => s + m.r, 0n);
  const threshold = BigInt(input.smallClaimThresholdFen ?? 0);
  const minimum = BigInt(input.minPaymentFen ?? 0);
  if (amount >= total) {
    for (const m of members) out[m.index] = m.r;
    return { amounts: out, unallocated: amount - total };
  }
  const small = threshold > 0n ? members.filter((m) => m.r <= threshold) : [];
  const rest = members.filter((m) => !small.includes(m));
  const smallSum = small.reduce((s, m) => s + m.r, 0n);
  if (small.length > 0 && amount < smallSum) {
    return { amounts: out, unallocated: share(out, small, amount, minimum) };
  }
  for (const m of small) out[m.index] = m.r;
  return { amounts: out, unallocated: share(out, rest, amount - smallSum, minimum) };
}
