// Browsing a received creditor register at the city, a page at a time. The register is stored as it
// came, up to CREDITORS_PER_FRAME creditors a row (register-frames.ts: every frame but a register's
// last is full), so a page of 50 reads one row or two, and a search reads the rows one after another,
// never a 1,000,000-creditor register at once.
import type { RegisterCreditor } from './build-records';
import { CREDITORS_PER_FRAME } from './register-frames';

export const REGISTER_PAGE_SIZE = 50;

/** Where a page of creditors lies: row `seq`, creditors [from, to) of that row. */
export interface RegisterRowSlice {
  readonly seq: number;
  readonly from: number;
  readonly to: number;
}

/** The stored rows a page [offset, offset + limit) of a `count`-creditor register reads. */
export function registerPageSlices(offset: number, limit: number, count: number): RegisterRowSlice[] {
  const end = Math.min(count, offset + limit);
  const out: RegisterRowSlice[] = [];
  for (let at = Math.max(0, offset); at < end; ) {
    const seq = Math.floor(at / CREDITORS_PER_FRAME);
    const rowEnd = Math.min(end, (seq + 1) * CREDITORS_PER_FRAME);
    out.push({ seq, from: at - seq * CREDITORS_PER_FRAME, to: rowEnd - seq * CREDITORS_PER_FRAME });
    at = rowEnd;
  }
  return out;
}

/** What was typed in the search box, as it is matched (spaces dropped, x of an ID number as X). */
export function registerQuery(text: string): string {
  return text.replace(/\s+/g, '').replace(/x/g, 'X');
}

/**
 * A creditor matches when the query is part of the name, the ID number, the phone or the number in
 * the register (编号), as received: in a masked register 「王」 finds 王*兰 and 「1234」 the ID numbers
 * ending so, nothing more can be found than the district sent.
 */
export function creditorMatches(c: RegisterCreditor, query: string): boolean {
  if (query === '') return true;
  return c.name.includes(query) || c.idNumber.toUpperCase().includes(query) || (c.phone ?? '').includes(query) || c.cid === query;
}

/** A creditor found by a search, with its place in the register (1-based, as the table numbers rows). */
export interface RegisterHit {
  readonly n: number;
  readonly creditor: RegisterCreditor;
}

/**
 * Searches one stored row's creditors (as readRegisterFrame decodes them) from index `skip` on. Returns
 * the hits (numbered from `first`, the row's first creditor's place - 1) and, when `limit` was reached,
 * the index in the row to resume at.
 */
export function searchRegisterCreditors(
  creditors: readonly RegisterCreditor[],
  query: string,
  first: number,
  skip: number,
  limit: number,
): { hits: RegisterHit[]; resumeAt: number | null } {
  const hits: RegisterHit[] = [];
  for (let index = Math.max(0, skip); index < creditors.length; index++) {
    if (hits.length === limit) return { hits, resumeAt: index };
    const creditor = creditors[index] as RegisterCreditor;
    if (creditorMatches(creditor, query)) hits.push({ n: first + index + 1, creditor });
  }
  return { hits, resumeAt: null };
}
