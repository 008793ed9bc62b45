// The minimum-payment rule (最低支付额), defined so that it is order-independent and pays as much as
// the rule allows:
//
// Rank the members by priority: larger remaining claim first, then smaller id (code-unit order).
// The active set is the longest priority prefix S such that either
//   (a) the pool covers S in full (amount ≥ ΣS), or
//   (b) every member's exact pro-rata share amount × r / ΣS is at least the minimum
//       (the smallest claim of S decides: amount × min(S) ≥ minimum × ΣS).
// In case (b) S is shared pro rata and the rest of the members get 0 (carried over). In case (a)
// S is paid in full and what is left, L, is offered to the remaining members by the same rule.
// L is then always below the minimum, so it stays unallocated: if the next member (claim r) made S
// invalid, A·r < m·(ΣS + r) with A = ΣS + L and L < r; L ≥ m would give ΣS·r + L·r < L·ΣS + L·r,
// i.e. r < L, a contradiction. The loop still re-applies the rule rather than rely on that proof.
// Both conditions only get easier as S shrinks, so the longest valid prefix is found by binary search
// over claims sorted by size; ids matter only for equal claims cut by a boundary.

export interface MinimumPaymentPlan {
  /** Members paid their whole remaining claim. */
  readonly full: Uint32Array;
  readonly fullRemainingFen: number;
  /** Members shared pro rata; amount < their remaining total. */
  readonly proRata: Uint32Array;
  readonly proRataAmountFen: number;
  readonly proRataRemainingFen: number;
  /** Members below the minimum: 0 this batch. */
  readonly dropped: Uint32Array;
  readonly unallocatedFen: number;
}

function lowerBound(v: Float64Array, x: number): number {
  let lo = 0;
  let hi = v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((v[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function planMinimumPayment(
  members: Uint32Array,
  remaining: Float64Array,
  ids: readonly string[],
  amountFen: number,
  minPaymentFen: number,
): MinimumPaymentPlan {
  const k = members.length;
  // Usual case: even the smallest claim's share reaches the minimum, so nobody is dropped and no
  // sort is needed.
  let smallest = Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let s = 0; s < k; s++) {
    const r = remaining[members[s] as number] as number;
    sum += r;
    if (r < smallest) smallest = r;
  }
  if (k > 0 && amountFen < sum && BigInt(amountFen) * BigInt(smallest) >= BigInt(minPaymentFen) * BigInt(sum)) {
    const none = new Uint32Array(0);
    return {
      full: none,
      fullRemainingFen: 0,
      proRata: members,
      proRataAmountFen: amountFen,
      proRataRemainingFen: sum,
      dropped: none,
      unallocatedFen: 0,
    };
  }
  const v = new Float64Array(k);
  for (let s = 0; s < k; s++) v[s] = remaining[members[s] as number] as number;
  v.sort();
  // suffix[j] = v[j] + … + v[k−1]; exact because the grand total is a safe integer.
  const suffix = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) suffix[j] = (suffix[j + 1] as number) + (v[j] as number);
  const bigMin = BigInt(minPaymentFen);

  // Positions ascend by (claim ↑, id ↓), so a priority prefix is a position suffix [j, upper).
  let upper = k;
  let amount = amountFen;
  let fullFrom = k;
  let proFrom = k;
  let proTo = k;
  let proAmount = 0;
  while (upper > 0 && amount > 0) {
    const total = (j: number): number => (suffix[j] as number) - (suffix[upper] as number);
    const valid = (j: number): boolean =>
      j === upper || amount >= total(j) || BigInt(amount) * BigInt(v[j] as number) >= bigMin * BigInt(total(j));
    let lo = 0;
    let hi = upper;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (valid(mid)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === upper) break;
    const sum = total(lo);
    if (amount >= sum) {
      amount -= sum;
      fullFrom = lo;
      proFrom = lo;
      proTo = lo;
      upper = lo;
      continue;
    }
    proFrom = lo;
    proTo = upper;
    proAmount = amount;
    amount = 0;
  }

  // Region of a position: 0 dropped, 1 pro rata, 2 full. A claim value whose equal claims do not
  // straddle a boundary has one region, found by comparing with the values at the boundaries.
  const region = (p: number): number => (p >= fullFrom ? 2 : p >= proFrom && p < proTo ? 1 : 0);
  const straddles = (b: number): number | null =>
    b > 0 && b < k && v[b - 1] === v[b] ? (v[b] as number) : null;
  const fullMin = fullFrom < k ? (v[fullFrom] as number) : Number.POSITIVE_INFINITY;
  const proMin = proFrom < proTo ? (v[proFrom] as number) : Number.POSITIVE_INFINITY;
  const split1 = straddles(proFrom);
  const split2 = straddles(fullFrom);
  const buckets = [new Uint32Array(k), new Uint32Array(k), new Uint32Array(k)] as const;
  const counts = [0, 0, 0];
  const place = (i: number, r: number): void => {
    const bucket = buckets[r as 0 | 1 | 2];
    bucket[counts[r] as number] = i;
    counts[r] = (counts[r] as number) + 1;
  };
  const split = new Map<number, number[]>();
  for (let s = 0; s < k; s++) {
    const i = members[s] as number;
    const x = remaining[i] as number;
    if (x === split1 || x === split2) {
      const list = split.get(x) ?? [];
      list.push(i);
      split.set(x, list);
    } else {
      place(i, x >= fullMin ? 2 : x >= proMin ? 1 : 0);
    }
  }
  for (const [x, list] of split) {
    // Within equal claims, position ascends as id descends (priority: smaller id first).
    list.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? 1 : -1));
    const start = lowerBound(v, x);
    list.forEach((i, rank) => {
      place(i, region(start + rank));
    });
  }
  const take = (r: 0 | 1 | 2): Uint32Array => buckets[r].subarray(0, counts[r]);
  return {
    full: take(2),
    fullRemainingFen: (suffix[fullFrom] as number) - (suffix[k] as number),
    proRata: take(1),
    proRataAmountFen: proAmount,
    proRataRemainingFen: (suffix[proFrom] as number) - (suffix[proTo] as number),
    dropped: take(0),
    unallocatedFen: amount,
  };
}
