// Search, filter and sort over a loaded register, held by columns (core/creditors/columnar-register):
// built for a million creditors, a query is one native indexOf pass over each joined key column
// and one pass over the typed status arrays; the result is an index array.
import type { CreditorStatus } from '../../../core/creditors';
import { type ColumnarRegister, entryOf, normalizeKey, STATUS_CODES, type TextColumn } from '../../../core/creditors/columnar-register';
import { markHits } from '../../../core/creditors/text-search';

/** A text of keys joined for search (the creditor columns, the screening ledger). */
export type KeyText = TextColumn;

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

export { markHits };

/** Full-width digits and letters typed by an IME are folded; x is the ID check character X. */
export const normalizeQuery = normalizeKey;

/**
 * Indices of the creditors matching: name contains the text; or ID / phone starts with it. An ID
 * of any type (passport E12345678, 港澳通行证 H12345678, credit code) is letters and digits: text
 * with a digit is looked up in IDs and phones, and in names too (a name rarely holds a digit).
 */
export function searchRegister(register: ColumnarRegister, query: RegisterQuery): Int32Array {
  const q = normalizeQuery(query.text);
  const status = query.status === '' ? -1 : STATUS_CODES.indexOf(query.status);
  const fileStatus = (query.fileStatus ?? '') === '' ? -1 : STATUS_CODES.indexOf(query.fileStatus as CreditorStatus) + 1;
  const { statuses, fileStatuses } = register;
  const n = register.count;
  const out = new Int32Array(n);
  let k = 0;
  if (q === '') {
    for (let i = 0; i < n; i++) if ((status < 0 || statuses[i] === status) && (fileStatus < 0 || fileStatuses[i] === fileStatus)) out[k++] = i;
    return out.slice(0, k);
  }
  const hits = new Uint8Array(n);
  const residentLike = /^[0-9X]+$/.test(q);
  if (residentLike || (/^[0-9A-Z]+$/.test(q) && /[0-9]/.test(q))) {
    markHits(register.idNumbers, n, `\n${q}`, true, hits);
    markHits(register.phones, n, `\n${q}`, true, hits);
    if (!residentLike) markHits(register.nameKeys, n, q, false, hits);
  } else {
    markHits(register.nameKeys, n, q, false, hits);
  }
  for (let i = 0; i < n; i++) {
    if (hits[i] === 1 && (status < 0 || statuses[i] === status) && (fileStatus < 0 || fileStatuses[i] === fileStatus)) out[k++] = i;
  }
  return out.slice(0, k);
}

export function sortIndices(register: ColumnarRegister, indices: Int32Array, sort: SortKey, descending: boolean): Int32Array {
  if (sort === 'order') return descending ? indices.slice().reverse() : indices;
  const sign = descending ? -1 : 1;
  const sorted = indices.slice();
  if (sort === 'name' || sort === 'idNumber') {
    const column = sort === 'name' ? register.names : register.idNumbers;
    const collator = sort === 'name' && indices.length <= COLLATED_SORT_LIMIT ? new Intl.Collator('zh-CN') : null;
    // The keys of the view taken out once (a slice per comparison would be n·log n slices).
    const keys = new Array<string>(register.count);
    for (const i of indices) keys[i] = entryOf(column, i);
    sorted.sort((a, b) => {
      const x = keys[a] as string;
      const y = keys[b] as string;
      const c = collator ? collator.compare(x, y) : x < y ? -1 : x > y ? 1 : 0;
      return sign * c || a - b;
    });
    return sorted;
  }
  const keys = numericColumn(register, sort);
  sorted.sort((a, b) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b);
  return sorted;
}

function numericColumn(r: ColumnarRegister, sort: 'contracts' | 'principal' | 'returned' | 'netClaim'): Int32Array | Float64Array {
  switch (sort) {
    case 'contracts':
      return r.contractCounts;
    case 'principal':
      return r.principalFen;
    case 'returned':
      return r.returnedFen;
    case 'netClaim':
      return r.netClaimFen;
  }
}

export interface ViewTotals {
  readonly count: number;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
}

export function viewTotals(register: ColumnarRegister, indices: Int32Array): ViewTotals {
  let principalFen = 0;
  let returnedFen = 0;
  let netClaimFen = 0;
  for (const i of indices) {
    principalFen += register.principalFen[i] as number;
    returnedFen += register.returnedFen[i] as number;
    netClaimFen += register.netClaimFen[i] as number;
  }
  return { count: indices.length, principalFen, returnedFen, netClaimFen };
}
