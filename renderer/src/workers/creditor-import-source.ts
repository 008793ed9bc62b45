// The opened file inside the worker: the workbook is parsed once (SheetJS is most of the cost) and
// its sheets re-read as rows; a CSV is decoded again on each pass, which is cheap and keeps no copy.
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { csvRows, openWorkbook, type SheetRow, sheetRows, spreadsheetKind } from '../core/creditors';
import { headerSearch } from '../core/creditors/sheet-choice';

/**
 * The core reader's options (dense rows, raw values, no formatted text or dates) plus no formulas
 * and no rich-text HTML: the import reads values only, and skipping those makes SheetJS ~15% faster
 * on a 100k-row register. Cell values and types are the same as with readWorkbook.
 */
const WORKER_OPTIONS: ParsingOptions = { cellFormula: false, cellHTML: false };

export interface OpenedFile {
  readonly fileName: string;
  readonly kind: 'xlsx' | 'xls' | 'csv';
  readonly sheetNames: readonly string[];
  readonly chosenSheet: string;
  rows(sheet: string): Iterable<SheetRow>;
  rowCount(sheet: string): number;
}

export function openFile(fileName: string, bytes: Uint8Array): OpenedFile {
  const kind = spreadsheetKind(bytes);
  if (kind === 'csv') {
    return {
      fileName,
      kind,
      sheetNames: [fileName],
      chosenSheet: fileName,
      rows: () => csvRows(bytes).rows,
      // About 60 bytes per register row; only for the progress bar.
      rowCount: () => Math.ceil(bytes.length / 60),
    };
  }
  // Limits (inflated size, shared strings, dimensions) are checked before SheetJS parses a cell.
  const book: WorkBook = openWorkbook(bytes, fileName, undefined, WORKER_OPTIONS);
  const names = book.SheetNames;
  const sheetOf = (name: string) => {
    const ws = book.Sheets[name];
    if (!ws) throw new Error(`工作簿中没有名为“${name}”的工作表（现有：${names.join('、')}）。请选择其中之一。`);
    return ws;
  };
  const chosen = names.find((n) => headerSearch(sheetRows(sheetOf(n)))) ?? names[0] ?? '';
  return {
    fileName,
    kind,
    sheetNames: names,
    chosenSheet: chosen,
    rows: (sheet) => sheetRows(sheetOf(sheet)),
    rowCount: (sheet) => sheetOf(sheet)['!data']?.length ?? 0,
  };
}
