// The register as xlsx: the full list (personal data in full, for the case file) and the public
// notice version (公示名单: persons' names and ID numbers masked). Both are audited by the caller.
// SheetJS builds the whole sheet in memory: the app writes with register-xlsx-stream.ts now (a
// million creditors), so this writer lives with the tests, as the reference they compare that file with.
import { utils, type WorkSheet, write } from '@e965/xlsx';
import type { StoredCreditor } from '../../../renderer/src/db/repositories/creditor-types';
import { type RegisterCell as Cell, FULL_HEADER, fullRow, PUBLIC_HEADER, publicRow } from '../../../renderer/src/workers/register-rows';

/**
 * One export's sheet: the full list (personal data in full, for the case file) or the public notice.
 * Creditors are taken a block at a time as the register is read (issue 17): only their cells are
 * kept, so the register's objects (contracts, review) never all exist in the worker at once, and the
 * cells are let go once the sheet is made from them, before the file is written.
 */
export class RegisterSheet {
  private rows: Cell[][];

  constructor(private readonly kind: 'full' | 'public') {
    this.rows = [[...(kind === 'full' ? FULL_HEADER : PUBLIC_HEADER)]];
  }

  /** Creditors taken so far. */
  get count(): number {
    return this.rows.length - 1;
  }

  /** Takes the next creditors of the register, in register order. */
  add(creditors: readonly StoredCreditor[]): void {
    for (const c of creditors) this.rows.push(this.kind === 'full' ? fullRow(c) : publicRow(c, this.rows.length));
  }

  /** The xlsx bytes; the sheet can take no more creditors after. */
  finish(sheetName: string): Uint8Array {
    const rows = this.rows;
    this.rows = [];
    const sheet = this.kind === 'full' ? sheetOf(rows, [3, 4, 7], [9, 10, 11]) : sheetOf(rows, [2], [3]);
    rows.length = 0;
    const wb = utils.book_new();
    utils.book_append_sheet(wb, sheet, sheetName);
    return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
}

function sheetOf(rows: Cell[][], textColumns: readonly number[], moneyColumns: readonly number[]): WorkSheet {
  const sheet: WorkSheet = utils.aoa_to_sheet(rows, { dense: true });
  const data = sheet['!data'];
  if (data) {
    for (let r = 1; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      // IDs and accounts as text: Excel would otherwise show 3.71002E+17 and lose digits.
      for (const c of textColumns) {
        const cell = row[c];
        if (cell) cell.z = '@';
      }
      for (const c of moneyColumns) {
        const cell = row[c];
        if (cell) cell.z = '#,##0.00';
      }
    }
  }
  return sheet;
}
