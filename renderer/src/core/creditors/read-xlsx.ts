// xlsx/xls through SheetJS (@e965/xlsx), keeping raw cell values and their type: a numeric cell in
// the ID or account column is an error, so numbers must stay numbers.
import { type CellObject, read, type WorkBook, type WorkSheet } from '@e965/xlsx';
import type { CellValue, SheetRow } from './types';

/** Options per architecture.md: dense rows, raw values, no formatted text or dates built. */
export function readWorkbook(bytes: Uint8Array, sheet?: string): WorkBook {
  return read(bytes, {
    type: 'array',
    dense: true,
    cellText: false,
    cellDates: false,
    raw: true,
    ...(sheet === undefined ? {} : { sheets: sheet }),
  });
}

/** Sheet names only, without parsing the cells. */
export function readSheetNames(bytes: Uint8Array): string[] {
  return read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

function cellValue(cell: CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v === true;
    case 'e':
      // Formula errors (#N/A, #REF!) are shown as Excel shows them so the message can quote them.
      return cell.w ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

/**
 * A cell merged down several rows (a name or ID spanning a person's contract rows) holds its value
 * only in the top cell; Excel shows it on every row, so it is copied down. Merges across columns
 * (titles, notes, grouped headers) are left alone. Returns, per row index, the columns that are part
 * of a vertical merge: an amount merged over several contracts cannot be split and is rejected later.
 */
function fillVerticalMerges(sheet: WorkSheet, data: CellObject[][]): Map<number, number[]> {
  const mergedColumns = new Map<number, number[]>();
  for (const merge of sheet['!merges'] ?? []) {
    if (merge.s.c !== merge.e.c || merge.s.r === merge.e.r) continue;
    const top = data[merge.s.r]?.[merge.s.c];
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      const cols = mergedColumns.get(r);
      if (cols) cols.push(merge.s.c);
      else mergedColumns.set(r, [merge.s.c]);
      if (!top || r === merge.s.r) continue;
      let row = data[r];
      if (!row) {
        row = [];
        data[r] = row;
      }
      if (!row[merge.s.c]) row[merge.s.c] = top;
    }
  }
  return mergedColumns;
}

/** Rows of a sheet with Excel row numbers; rows SheetJS stores nothing for are skipped (they are blank). */
export function* sheetRows(sheet: WorkSheet): Generator<SheetRow> {
  const data = sheet['!data'];
  if (!data) return;
  const mergedColumns = fillVerticalMerges(sheet, data);
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells) continue;
    const values: CellValue[] = new Array(cells.length);
    for (let c = 0; c < cells.length; c++) values[c] = cellValue(cells[c]);
    const merged = mergedColumns.get(r);
    yield merged ? { row: r + 1, cells: values, merged } : { row: r + 1, cells: values };
  }
}

/** Number of row slots in a sheet, for progress bars. */
export function sheetRowCount(sheet: WorkSheet): number {
  return sheet['!data']?.length ?? 0;
}
