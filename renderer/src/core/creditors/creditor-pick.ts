// Finding a petitioner among a case's creditors (a handful to a million) for the petition form: by
// part of the name, by the ID number from its start or its last characters (as staff read them off
// a petitioner's card), or by the phone number from its start. Runs over the register's text
// columns alone (columnar-register.ts RegisterTexts), one native indexOf pass per column, in the
// picker's worker.
import { entryOf, indexOfCid, normalizeKey, type RegisterTexts } from './columnar-register';
import { markHits } from './text-search';

/** Characters typed before anything is looked up. */
export const PICK_MIN_CHARS = 2;

export interface PickHits {
  /** Creditors matching (those already picked left out). */
  readonly total: number;
  /** Row indices of the first `limit` of them, in register order. */
  readonly indices: readonly number[];
}

/** The creditors matching `query`, in register order, leaving out the cids already picked. */
export function pickCreditors(register: RegisterTexts, query: string, taken: readonly string[], limit: number): PickHits {
  const q = normalizeKey(query);
  if ([...q].length < PICK_MIN_CHARS) return { total: 0, indices: [] };
  const n = register.count;
  const hits = new Uint8Array(n);
  markHits(register.nameKeys, n, q, false, hits);
  // Four letters or digits and more: an ID number's start or end, a phone number's start.
  if (/^[0-9A-Z]{4,}$/.test(q)) {
    markHits(register.idNumbers, n, `\n${q}`, true, hits);
    markHits(register.idNumbers, n, `${q}\n`, false, hits);
    // The last entry has no "\n" after it.
    if (n > 0 && entryOf(register.idNumbers, n - 1).endsWith(q)) hits[n - 1] = 1;
    if (/^[0-9]+$/.test(q)) markHits(register.phones, n, `\n${q}`, true, hits);
  }
  for (const cid of taken) {
    const i = indexOfCid(register, cid);
    if (i >= 0) hits[i] = 0;
  }
  let total = 0;
  const indices: number[] = [];
  for (let i = 0; i < n; i++) {
    if (hits[i] !== 1) continue;
    if (indices.length < limit) indices.push(i);
    total++;
  }
  return { total, indices };
}
