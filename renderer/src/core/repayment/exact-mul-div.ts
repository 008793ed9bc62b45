// floor(a × b / c) and (a × b mod c) exactly, in doubles, for safe integers with c ≤ 2^50.
//
// Why not BigInt: a million BigInt multiplications and divisions cost ~150 ms here, most of the
// allocation budget. This costs ~15 ms and is checked against BigInt by the property tests.
//
// How: the quotient is first estimated in floating point. With a × b / c < b ≤ c ≤ 2^50 the estimate
// is within 2^-52 relative, i.e. off by less than 1/4, so floor(estimate) is the true quotient or
// one off. The remainder t = a·b − q·c is then evaluated exactly by splitting every operand into
// three 18-bit limbs: each limb product is < 2^36, each coefficient of the difference a sum of at
// most six of them (< 2^39), and Horner's evaluation of Σ d_k·2^(18k) keeps every intermediate
// below 2^52 because the result satisfies |t| < 2c ≤ 2^51. One correction step then brings t into
// [0, c).

const LIMB = 262_144; // 2^18

/** Largest divisor the double path accepts; above it, callers use BigInt. */
export const EXACT_DIVISOR_LIMIT = 2 ** 50;

/** Splits a safe integer into 18-bit limbs [x0, x1, x2] (x = x0 + x1·2^18 + x2·2^36). */
export function limbs(x: number): [number, number, number] {
  // floor and multiply by powers of two are exact; `%` on doubles above 2^31 is a slow fmod call.
  const high = Math.floor(x / LIMB);
  const x2 = Math.floor(high / LIMB);
  return [x - high * LIMB, high - x2 * LIMB, x2];
}

/**
 * Writes floor(a·b / c) to out[0] and a·b mod c to out[1]. Requires safe integers with
 * 0 ≤ a < c, 0 ≤ b ≤ c and 0 < c ≤ EXACT_DIVISOR_LIMIT; `aLimbs`/`cLimbs` are limbs(a)/limbs(c),
 * passed in because a and c are the same for every line of a pool.
 */
export function mulDivMod(
  a: number,
  aLimbs: readonly [number, number, number],
  b: number,
  c: number,
  cLimbs: readonly [number, number, number],
  out: Float64Array,
): void {
  let q = Math.floor((a * b) / c);
  const [a0, a1, a2] = aLimbs;
  const [c0, c1, c2] = cLimbs;
  const bHigh = Math.floor(b / LIMB);
  const b2 = Math.floor(bHigh / LIMB);
  const b1 = bHigh - b2 * LIMB;
  const b0 = b - bHigh * LIMB;
  const qHigh = Math.floor(q / LIMB);
  const q2 = Math.floor(qHigh / LIMB);
  const q1 = qHigh - q2 * LIMB;
  const q0 = q - qHigh * LIMB;
  const d4 = a2 * b2 - q2 * c2;
  const d3 = a1 * b2 + a2 * b1 - (q1 * c2 + q2 * c1);
  const d2 = a0 * b2 + a1 * b1 + a2 * b0 - (q0 * c2 + q1 * c1 + q2 * c0);
  const d1 = a0 * b1 + a1 * b0 - (q0 * c1 + q1 * c0);
  const d0 = a0 * b0 - q0 * c0;
  let t = (((d4 * LIMB + d3) * LIMB + d2) * LIMB + d1) * LIMB + d0;
  while (t < 0) {
    q -= 1;
    t += c;
  }
  while (t >= c) {
    q += 1;
    t -= c;
  }
  out[0] = q;
  out[1] = t;
}
