// Duplicate-id detection for up to millions of creditors. A Map<string, number> of a million ids
// costs 300–800 ms in V8 here; an open-addressing table of indices keyed by a 32-bit string hash
// (FNV-1a + murmur finaliser) costs about a third of that, and strings are compared only when the
// hashes match, so the answer is exact.

export interface DuplicateId {
  /** Index of the later occurrence. */
  readonly index: number;
  /** Index of the first occurrence of the same id. */
  readonly firstIndex: number;
}

function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Every later occurrence of an id already seen (up to `limit`), in input order. Entries that are
 * not strings (rows whose id was already reported missing) are skipped.
 */
export function findDuplicateIds(ids: readonly (string | undefined)[], limit = Number.POSITIVE_INFINITY): DuplicateId[] {
  const n = ids.length;
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const hashes = new Int32Array(n);
  const found: DuplicateId[] = [];
  for (let i = 0; i < n && found.length < limit; i++) {
    const s = ids[i];
    if (typeof s !== 'string') continue;
    const h = hashString(s);
    hashes[i] = h;
    let slot = h & mask;
    for (;;) {
      const j = table[slot] as number;
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if (hashes[j] === h && ids[j] === s) {
        found.push({ index: i, firstIndex: j });
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return found;
}
