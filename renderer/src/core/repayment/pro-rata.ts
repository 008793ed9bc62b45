// Pro-rata sharing of one pool in exact integer fen, rounded by largest remainder (最大余额法).
//
// Exact share of line i: amount × r_i / R (R = the members' remaining claims, a safe integer).
// Each line gets floor(share); the fen left over (fewer than the number of members) go one each to
// the lines with the largest remainder (amount × r_i mod R, compared exactly as integers < R).
// Tie-break, independent of input order: larger remaining claim first, then smaller id in code-unit
// order. amount < R is required, so every share is below its claim and floor + 1 never exceeds it:
// the cap holds by construction and nothing needs redistributing here.
import { EXACT_DIVISOR_LIMIT, limbs, mulDivMod } from './exact-mul-div';
import { selectTop } from './select-top';
import { LINE_FLAG } from './types';

export interface ProRataTarget {
  readonly ids: readonly string[];
  readonly remaining: Float64Array;
  readonly amounts: Float64Array;
  readonly flags: Uint8Array;
  readonly poolIndex: Int32Array;
}

/**
 * Shares `amountFen` over `members` (claim indices, all with remaining > 0) and writes amounts,
 * pool index and flags into `target`. Requires 0 ≤ amountFen < Σ remaining of the members.
 */
export function shareProRata(
  target: ProRataTarget,
  members: Uint32Array,
  amountFen: number,
  remainingSumFen: number,
  pool: number,
): void {
  const { remaining, amounts, flags, poolIndex, ids } = target;
  if (!(amountFen < remainingSumFen)) throw new RangeError('shareProRata: amount must be below the claims');
  const rem = new Float64Array(members.length);
  const R = remainingSumFen;
  // Exact quotient and remainder per line: doubles with limb arithmetic up to R ≤ 2^50 (any real
  // case: 2^50 fen is 11 trillion yuan), BigInt beyond.
  const fast = R <= EXACT_DIVISOR_LIMIT;
  const aLimbs = limbs(amountFen);
  const rLimbs = limbs(R);
  const qr = new Float64Array(2);
  const bigA = BigInt(amountFen);
  const bigR = BigInt(R);
  let floorSum = 0;
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    const r = remaining[i] as number;
    let q: number;
    let rm: number;
    if (fast) {
      mulDivMod(amountFen, aLimbs, r, R, rLimbs, qr);
      q = qr[0] as number;
      rm = qr[1] as number;
    } else {
      const p = bigA * BigInt(r);
      const bq = p / bigR;
      q = Number(bq);
      rm = Number(p - bq * bigR);
    }
    amounts[i] = q;
    rem[s] = rm;
    poolIndex[i] = pool;
    floorSum += q;
  }
  const extra = amountFen - floorSum;
  if (extra > 0) {
    // Slot order: positions into `members` / `rem`.
    const slots = new Uint32Array(members.length);
    for (let s = 0; s < slots.length; s++) slots[s] = s;
    const before = (a: number, b: number): boolean => {
      const ra = rem[a] as number;
      const rb = rem[b] as number;
      if (ra !== rb) return ra > rb;
      const ia = members[a] as number;
      const ib = members[b] as number;
      const ca = remaining[ia] as number;
      const cb = remaining[ib] as number;
      if (ca !== cb) return ca > cb;
      return (ids[ia] as string) < (ids[ib] as string);
    };
    selectTop(slots, extra, before);
    for (let t = 0; t < extra; t++) {
      const i = members[slots[t] as number] as number;
      amounts[i] = (amounts[i] as number) + 1;
      flags[i] = (flags[i] as number) | LINE_FLAG.roundedUp;
    }
  }
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    if (amounts[i] === remaining[i]) flags[i] = (flags[i] as number) | LINE_FLAG.paidInFull;
  }
}
