// The problems file sent back to whoever made the list: the original rows as they were, with the
// Excel row number and what is wrong, so they can correct their copy and send it again.
import { utils, write } from '@e965/xlsx';
import type { CellValue, RowOutcome, SheetRow } from '../core/creditors';

export function problemsWorkbook(
  headerCells: readonly CellValue[],
  rows: Iterable<SheetRow>,
  problems: readonly RowOutcome[],
): Uint8Array {
  const byRow = new Map<number, RowOutcome>();
  for (const p of problems) byRow.set(p.row, p);
  const aoa: CellValue[][] = [['原表行号', '问题', '说明', ...headerCells]];
  for (const r of rows) {
    const p = byRow.get(r.row);
    if (!p) continue;
    const text = (p.issues ?? [p]).map((i) => i.message).join('\n');
    aoa.push([r.row, p.status === 'error' ? '错误（未导入）' : '提示（已导入）', text, ...r.cells]);
  }
  const sheet = utils.aoa_to_sheet(aoa);
  // ID and account columns must stay text when the file is opened again.
  for (const cell of Object.values(sheet)) {
    if (cell && typeof cell === 'object' && 't' in cell && cell.t === 's') cell.z = '@';
  }
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '问题行');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
