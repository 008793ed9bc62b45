// Partial selection (nth_element): the largest-remainder step only needs to know WHICH k lines get
// the extra fen, not a full ordering, so an average O(n) quickselect replaces an O(n log n) sort.

/**
 * Reorders `items` so that its first `k` entries are the k items that come first under `before`
 * (a strict total order: before(a, b) XOR before(b, a) for a ≠ b). Order inside either part is
 * unspecified; which items land in the first k is fully determined by `before`.
 */
export function selectTop(items: Uint32Array, k: number, before: (a: number, b: number) => boolean): void {
  let lo = 0;
  let hi = items.length - 1;
  if (k <= 0 || k >= items.length) return;
  let mix = 0x9e3779b9;
  while (lo < hi) {
    // Pivot: median of three, one of them pseudo-random, so sorted or adversarial input stays O(n).
    mix = (Math.imul(mix ^ (mix >>> 15), 0x2c1b3c6d) + 0x6b43a9b5) >>> 0;
    const r = lo + (mix % (hi - lo + 1));
    const mid = lo + ((hi - lo) >> 1);
    const pivotPos = medianOfThree(items, lo, mid, r, before);
    const p = partition(items, lo, hi, pivotPos, before);
    if (p === k || p === k - 1) return;
    if (p < k) lo = p + 1;
    else hi = p - 1;
  }
}

function at(items: Uint32Array, i: number): number {
  return items[i] as number;
}

function medianOfThree(
  items: Uint32Array,
  a: number,
  b: number,
  c: number,
  before: (x: number, y: number) => boolean,
): number {
  const x = at(items, a);
  const y = at(items, b);
  const z = at(items, c);
  if (before(x, y)) {
    if (before(y, z)) return b;
    return before(x, z) ? c : a;
  }
  if (before(x, z)) return a;
  return before(y, z) ? c : b;
}

/** Lomuto partition around items[pivotPos]; returns the pivot's final position. */
function partition(
  items: Uint32Array,
  lo: number,
  hi: number,
  pivotPos: number,
  before: (x: number, y: number) => boolean,
): number {
  const pivot = at(items, pivotPos);
  items[pivotPos] = at(items, hi);
  items[hi] = pivot;
  let store = lo;
  for (let i = lo; i < hi; i++) {
    const v = at(items, i);
    if (before(v, pivot)) {
      items[i] = at(items, store);
      items[store] = v;
      store++;
    }
  }
  items[hi] = at(items, store);
  items[store] = pivot;
  return store;
}
