// The problems file sent back to whoever made the list: the original rows as they were, with the
// Excel row number and what is wrong, so they can correct their copy and send it again.
import { type CellObject, utils, type WorkSheet, write } from '@e965/xlsx';
import { escapeWorkbookTexts } from '../core/common/ooxml-text';
import { type CellValue, forEachCell, type RowOutcome, type SheetRow } from '../core/creditors';

/** Leading columns before the original cells: 原表行号, 问题, 说明. */
const LEAD = 3;
const EXCEL_COLUMNS = 16_384;

export function problemsWorkbook(
  headerCells: readonly CellValue[],
  rows: Iterable<SheetRow>,
  problems: readonly RowOutcome[],
): Uint8Array {
  const byRow = new Map<number, RowOutcome>();
  for (const p of problems) byRow.set(p.row, p);
  // Built cell by cell: a row may be sparse (a stray cell in column XFD) and must not become 16,384 cells.
  const sheet: WorkSheet = {};
  let lastRow = 0;
  let lastCol = LEAD - 1;
  const put = (r: number, c: number, v: CellValue | undefined) => {
    // Shifted right by the lead columns, the sheet's last three columns have no room left in Excel.
    if (v === null || v === undefined || v === '' || c >= EXCEL_COLUMNS) return;
    // ID and account columns must stay text when the file is opened again.
    const cell: CellObject = typeof v === 'number' ? { t: 'n', v } : typeof v === 'boolean' ? { t: 'b', v } : { t: 's', v, z: '@' };
    sheet[utils.encode_cell({ r, c })] = cell;
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, c);
  };
  for (const [c, h] of ['原表行号', '问题', '说明'].entries()) put(0, c, h);
  forEachCell(headerCells, (v, c) => put(0, c + LEAD, v));
  let r = 0;
  for (const row of rows) {
    const p = byRow.get(row.row);
    if (!p) continue;
    r++;
    put(r, 0, row.row);
    put(r, 1, p.status === 'error' ? '错误（未导入）' : '提示（已导入）');
    put(r, 2, (p.issues ?? [p]).map((i) => i.message).join('\n'));
    forEachCell(row.cells, (v, c) => put(r, c + LEAD, v));
  }
  sheet['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '问题行');
  return new Uint8Array(write(escapeWorkbookTexts(book), { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);
}
