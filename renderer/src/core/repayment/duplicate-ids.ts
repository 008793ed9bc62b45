// Duplicate-id detection for up to millions of creditors. A Map<string, number> of a million ids
// costs 300–800 ms in V8 here; one big open-addressing table ~220 ms, nearly all of it cache misses.
// So ids are hashed (FNV-1a + murmur finaliser), bucketed by the top 8 bits of the hash (a counting
// sort, sequential writes), and each bucket is checked with a small table that stays in cache:
// ~70 ms. Strings are compared only when hashes match, so the answer is exact.

export interface DuplicateId {
  /** Index of the later occurrence. */
  readonly index: number;
  /** Index of the first occurrence of the same id. */
  readonly firstIndex: number;
}

const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;

function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Every later occurrence of an id already seen (the first `limit` of them in input order). Entries
 * that are not strings (rows whose id was already reported missing) are skipped.
 */
export function findDuplicateIds(ids: readonly (string | undefined)[], limit = Number.POSITIVE_INFINITY): DuplicateId[] {
  const n = ids.length;
  const hashes = new Int32Array(n);
  const starts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const s = ids[i];
    if (typeof s !== 'string') continue;
    const h = hashString(s);
    hashes[i] = h;
    starts[(h >>> (32 - BUCKET_BITS)) + 1] = (starts[(h >>> (32 - BUCKET_BITS)) + 1] as number) + 1;
  }
  let largest = 0;
  for (let b = 0; b < BUCKETS; b++) {
    largest = Math.max(largest, starts[b + 1] as number);
    starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  }
  // Stable counting sort: within a bucket indices ascend, so the first one seen is the first occurrence.
  const order = new Int32Array(starts[BUCKETS] as number);
  const next = starts.slice(0, BUCKETS);
  for (let i = 0; i < n; i++) {
    if (typeof ids[i] !== 'string') continue;
    const b = (hashes[i] as number) >>> (32 - BUCKET_BITS);
    order[next[b] as number] = i;
    next[b] = (next[b] as number) + 1;
  }
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity);
  const found: DuplicateId[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    if (to - from < 2) continue;
    table.fill(-1);
    for (let t = from; t < to; t++) {
      const i = order[t] as number;
      const h = hashes[i] as number;
      let slot = h & mask;
      for (;;) {
        const j = table[slot] as number;
        if (j < 0) {
          table[slot] = i;
          break;
        }
        if (hashes[j] === h && ids[j] === ids[i]) {
          found.push({ index: i, firstIndex: j });
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  found.sort((x, y) => x.index - y.index);
  return found.length > limit ? found.slice(0, limit) : found;
}
