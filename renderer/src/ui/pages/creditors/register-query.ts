// Search, filter and sort over a loaded register. Built for a million creditors: the search keys
// are extracted once per load, a query is one pass over plain string arrays and the result is an
// index array (the creditor objects are never copied).
import type { CreditorStatus } from '../../../core/creditors';
import type { StoredCreditor } from '../../../db/repositories/creditor-repository';

export interface RegisterIndex {
  readonly names: readonly string[];
  readonly ids: readonly string[];
  readonly phones: readonly string[];
}

export type SortKey = 'order' | 'name' | 'idNumber' | 'contracts' | 'principal' | 'returned' | 'netClaim';

export interface RegisterQuery {
  readonly text: string;
  readonly status: CreditorStatus | '';
  readonly sort: SortKey;
  readonly descending: boolean;
}

export const EMPTY_QUERY: RegisterQuery = { text: '', status: '', sort: 'order', descending: false };

/** Names sort by Chinese collation up to this size; above it by code point (a collator would take seconds). */
const COLLATED_SORT_LIMIT = 20_000;

export function buildRegisterIndex(creditors: readonly StoredCreditor[]): RegisterIndex {
  const n = creditors.length;
  const names = new Array<string>(n);
  const ids = new Array<string>(n);
  const phones = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = creditors[i] as StoredCreditor;
    names[i] = c.name;
    ids[i] = c.idNumber;
    phones[i] = c.phone ?? '';
  }
  return { names, ids, phones };
}

/** Full-width digits and letters typed by an IME are folded; x is the ID check character X. */
export function normalizeQuery(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Indices of the creditors matching: name contains the text; or ID / phone starts with the digits. */
export function searchRegister(creditors: readonly StoredCreditor[], index: RegisterIndex, query: RegisterQuery): Int32Array {
  const q = normalizeQuery(query.text);
  const status = query.status;
  const n = index.names.length;
  const out = new Int32Array(n);
  let k = 0;
  const digits = /^[0-9X]+$/.test(q);
  for (let i = 0; i < n; i++) {
    if (status !== '' && (creditors[i] as StoredCreditor).status !== status) continue;
    if (q !== '') {
      const hit = digits ? (index.ids[i] as string).startsWith(q) || (index.phones[i] as string).startsWith(q) : (index.names[i] as string).includes(q);
      if (!hit) continue;
    }
    out[k++] = i;
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
