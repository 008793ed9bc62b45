// Search, filter and sort over a loaded register. Built for a million creditors: the search keys
// are extracted once per load, a query is one pass over plain string arrays and the result is an
// index array (the creditor objects are never copied).
import type { CreditorStatus } from '../../../core/creditors';
import type { StoredCreditor } from '../../../db/repositories/creditor-repository';

/**
 * Each search key of every creditor joined into one string, "\n" before each entry, with the
 * offset of each entry: String.prototype.indexOf over one long string is a fast native scan, and a
 * hit maps back to its creditor by binary search. A million names, IDs and phones are ~40 MB.
 */
export interface RegisterIndex {
  readonly count: number;
  readonly names: KeyText;
  readonly ids: KeyText;
  readonly phones: KeyText;
}

export interface KeyText {
  readonly text: string;
  /** Offset in `text` of the first character of entry i (after its "\n"). */
  readonly starts: Int32Array;
}

export type SortKey = 'order' | 'name' | 'idNumber' | 'contracts' | 'principal' | 'returned' | 'netClaim';

export interface RegisterQuery {
  readonly text: string;
  readonly status: CreditorStatus | '';
  /** 核实状态 as the imported file gave it ('' any). */
  readonly fileStatus?: CreditorStatus | '';
  readonly sort: SortKey;
  readonly descending: boolean;
}

export const EMPTY_QUERY: RegisterQuery = { text: '', status: '', sort: 'order', descending: false };

/** Names sort by Chinese collation up to this size; above it by code point (a collator would take seconds). */
const COLLATED_SORT_LIMIT = 20_000;

export function buildRegisterIndex(creditors: readonly StoredCreditor[]): RegisterIndex {
  return {
    count: creditors.length,
    // Folded like a query: "John Smith" is found by "john smith", "johnsmith" or "SMITH".
    names: keyText(creditors, (c) => normalizeQuery(c.name)),
    ids: keyText(creditors, (c) => c.idNumber),
    phones: keyText(creditors, (c) => c.phone ?? ''),
  };
}

/** The keys of `items` as one searchable text (also the screening ledger's search). */
export function keyText<T>(items: readonly T[], key: (item: T) => string): KeyText {
  // parts[0] = '' makes join() put "\n" before every entry and return one flat string (a "\n" +
  // concatenation would leave a rope that the first search would have to flatten).
  const parts = new Array<string>(items.length + 1);
  parts[0] = '';
  const starts = new Int32Array(items.length + 1);
  let offset = 1;
  for (let i = 0; i < items.length; i++) {
    // A key never holds "\n" (names are normalized, IDs and phones are digits); keep it that way.
    const k = key(items[i] as T).replace(/\n/g, ' ');
    parts[i + 1] = k;
    starts[i] = offset;
    offset += k.length + 1;
  }
  starts[items.length] = offset;
  return { text: parts.join('\n'), starts };
}

/** Index of the entry holding text position `pos` (the last start ≤ pos). */
function entryAt(starts: Int32Array, count: number, pos: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Marks entries containing `needle` (prefix: needle starts with "\n"); each entry counted once. */
export function markHits(keys: KeyText, count: number, needle: string, prefix: boolean, hits: Uint8Array): void {
  const { text, starts } = keys;
  let pos = text.indexOf(needle);
  while (pos >= 0) {
    const entry = entryAt(starts, count, prefix ? pos + 1 : pos);
    hits[entry] = 1;
    // Go on from the next entry; a prefix needle includes the "\n" just before it.
    pos = text.indexOf(needle, (starts[entry + 1] as number) - (prefix ? 1 : 0));
  }
}

/** Full-width digits and letters typed by an IME are folded; x is the ID check character X. */
export function normalizeQuery(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Indices of the creditors matching: name contains the text; or ID / phone starts with it. An ID
 * of any type (passport E12345678, 港澳通行证 H12345678, credit code) is letters and digits: text
 * with a digit is looked up in IDs and phones, and in names too (a name rarely holds a digit).
 */
export function searchRegister(creditors: readonly StoredCreditor[], index: RegisterIndex, query: RegisterQuery): Int32Array {
  const q = normalizeQuery(query.text);
  const status = query.status;
  const fileStatus = query.fileStatus ?? '';
  const keep = (c: StoredCreditor) => (status === '' || c.status === status) && (fileStatus === '' || c.fileStatus === fileStatus);
  const n = index.count;
  const out = new Int32Array(n);
  let k = 0;
  if (q === '') {
    for (let i = 0; i < n; i++) if (keep(creditors[i] as StoredCreditor)) out[k++] = i;
    return out.slice(0, k);
  }
  const hits = new Uint8Array(n);
  const residentLike = /^[0-9X]+$/.test(q);
  if (residentLike || (/^[0-9A-Z]+$/.test(q) && /[0-9]/.test(q))) {
    markHits(index.ids, n, `\n${q}`, true, hits);
    markHits(index.phones, n, `\n${q}`, true, hits);
    if (!residentLike) markHits(index.names, n, q, false, hits);
  } else {
    markHits(index.names, n, q, false, hits);
  }
  for (let i = 0; i < n; i++) {
    if (hits[i] === 1 && keep(creditors[i] as StoredCreditor)) out[k++] = i;
  }
  return out.slice(0, k);
}

export function sortIndices(creditors: readonly StoredCreditor[], indices: Int32Array, sort: SortKey, descending: boolean): Int32Array {
  if (sort === 'order') return descending ? indices.slice().reverse() : indices;
  const sign = descending ? -1 : 1;
  const sorted = indices.slice();
  if (sort === 'name' || sort === 'idNumber') {
    const key = sort === 'name' ? (i: number) => (creditors[i] as StoredCreditor).name : (i: number) => (creditors[i] as StoredCreditor).idNumber;
    const collator = sort === 'name' && indices.length <= COLLATED_SORT_LIMIT ? new Intl.Collator('zh-CN') : null;
    sorted.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = collator ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
      return sign * c || a - b;
    });
    return sorted;
  }
  const value = numericKey(sort);
  const keys = new Float64Array(creditors.length);
  for (const i of indices) keys[i] = value(creditors[i] as StoredCreditor);
  sorted.sort((a, b) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b);
  return sorted;
}

function numericKey(sort: 'contracts' | 'principal' | 'returned' | 'netClaim'): (c: StoredCreditor) => number {
  switch (sort) {
    case 'contracts':
      return (c) => c.contracts.length;
    case 'principal':
      return (c) => c.principalFen;
    case 'returned':
      return (c) => c.returnedFen;
    case 'netClaim':
      return (c) => c.netClaimFen;
  }
}

export interface ViewTotals {
  readonly count: number;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
}

export function viewTotals(creditors: readonly StoredCreditor[], indices: Int32Array): ViewTotals {
  let principalFen = 0;
  let returnedFen = 0;
  let netClaimFen = 0;
  for (const i of indices) {
    const c = creditors[i] as StoredCreditor;
    principalFen += c.principalFen;
    returnedFen += c.returnedFen;
    netClaimFen += c.netClaimFen;
  }
  return { count: indices.length, principalFen, returnedFen, netClaimFen };
}
