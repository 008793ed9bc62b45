import { isHeaderRow } from './header';
import { HEADER_SEARCH_ROWS } from './import-session';
import type { SheetRow } from './types';

/** True when one of the first rows looks like a register header. */
export function headerSearch(rows: Iterable<SheetRow>): boolean {
  let seen = 0;
  for (const row of rows) {
    if (isHeaderRow(row.cells)) return true;
    if (++seen >= HEADER_SEARCH_ROWS) return false;
  }
  return false;
}
