// xlsx/xls through SheetJS (@e965/xlsx), keeping raw cell values and their type: a numeric cell in
// the ID or account column is an error, so numbers must stay numbers.
import { type CellObject, type ParsingOptions, read, type WorkBook, type WorkSheet } from '@e965/xlsx';
import type { PlainSheet } from './sheet-xml-rows';
import type { CellValue, SheetRow } from './types';
import { parseInflated, prepareXlsx, readPlainPiece, type SplitSheet, type XlsxPieceFiles, xlsxSheets } from './xlsx-open';

/** Options per architecture.md: dense rows, raw values, no formatted text or dates built. */
export const WORKBOOK_OPTIONS: ParsingOptions = { type: 'array', dense: true, cellText: false, cellDates: false, raw: true };

// Cells holding a formula without a saved result, per sheet (found by prepareXlsx; SheetJS drops them).
const uncachedBySheet = new WeakMap<WorkSheet, ReadonlyMap<number, number[]>>();
// Sheets our own reader read (sheet-xml-rows.ts): the book holds a stub, its rows are kept here.
const plainBySheet = new WeakMap<WorkSheet, PlainSheet>();

/**
 * Reads a workbook for the import: .xlsx through prepareXlsx (limits checked before parsing), .xls
 * (BIFF, not compressed) through SheetJS directly. `extra` adds SheetJS options (the worker turns
 * off formulas and HTML, which the import never reads). Throws XlsxLimitError for a refused file.
 */
export function readWorkbook(bytes: Uint8Array, sheet?: string, extra: ParsingOptions = {}, fileName = 'xlsx'): WorkBook {
  return prepareWorkbook(bytes, sheet, extra, fileName).parse();
}

export interface PreparedWorkbook {
  /** An .xlsx sheet cut for parsing on other threads (parseSheetPiece), or null. */
  readonly split: SplitSheet | null;
  /** SheetJS's parse (of the split sheet's first piece only). */
  parse(): WorkBook;
}

/** readWorkbook in two steps, so a split sheet's other pieces can be handed out before parsing. */
export function prepareWorkbook(bytes: Uint8Array, sheet?: string, extra: ParsingOptions = {}, fileName = 'xlsx', pieces = 1, ownReader = true): PreparedWorkbook {
  const options: ParsingOptions = { ...WORKBOOK_OPTIONS, ...extra };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) return { split: null, parse: () => read(bytes, { ...options, ...(sheet === undefined ? {} : { sheets: sheet }) }) };
  const prepared = prepareXlsx(bytes, fileName, options, sheet, pieces, ownReader);
  return {
    split: prepared.split,
    parse: () => {
      const opened = prepared.parse();
      for (const [name, cells] of opened.uncachedFormulas) {
        const ws = opened.book.Sheets[name];
        if (ws) uncachedBySheet.set(ws, cells);
      }
      for (const [name, plain] of opened.plainSheets) opened.book.Sheets[name] = plainStub(plain);
      return opened.book;
    },
  };
}

/** A sheet read by our own reader, as the book holds it: its range, its rows beside it. */
function plainStub(plain: PlainSheet): WorkSheet {
  const last = plain.rows.at(-1);
  const ws: WorkSheet = { '!ref': plain.dimension ?? (last ? `A1:A${last.row}` : 'A1') };
  plainBySheet.set(ws, plain);
  return ws;
}

/**
 * The rows of one piece of a split sheet (on another thread), read as sheetRows reads the whole
 * sheet: the same options, so the same values. Pieces never hold merged cells or formulas without
 * a result (xlsx-split.ts refuses those sheets).
 */
export function parseSheetPiece(files: XlsxPieceFiles, sheet: string, extra: ParsingOptions = {}, ownReader = true): SheetRow[] {
  const plain = ownReader ? readPlainPiece(files, sheet) : null;
  if (plain) return plain.rows;
  const book = parseInflated(files, { ...WORKBOOK_OPTIONS, ...extra, sheets: sheet });
  const ws = book.Sheets[sheet];
  return ws ? [...sheetRows(ws)] : [];
}

/** Sheet names only, without parsing the cells (an .xlsx inflates only its workbook part). */
export function readSheetNames(bytes: Uint8Array): string[] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return xlsxSheets(bytes, 'xlsx').map((s) => s.name);
  return read(bytes, { type: 'array', bookSheets: true }).SheetNames;
}

/** Excel's error codes (BIFF / SheetJS cell.v of an error cell) as Excel shows them. */
const EXCEL_ERROR_TEXT: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

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
      // Formula errors (#N/A, #REF!) as Excel shows them: validation refuses the field by that text.
      return cell.w ?? EXCEL_ERROR_TEXT[typeof cell.v === 'number' ? cell.v : -1] ?? '#VALUE!';
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

/** Rows wider than this are read cell by cell (only cells that exist), not slot by slot. */
const DENSE_WIDTH = 256;

/**
 * Rows of a sheet with Excel row numbers; rows SheetJS stores nothing for are skipped (they are
 * blank). Only cells that exist are visited: a row with one cell in column XFD costs one cell, not
 * 16,384 (its `cells` array is then sparse).
 */
export function* sheetRows(sheet: WorkSheet): Generator<SheetRow> {
  const plain = plainBySheet.get(sheet);
  // Each pass gets rows of its own, as from SheetJS's cells (a reader may keep or change them).
  if (plain) {
    for (const r of plain.rows) yield { row: r.row, cells: copyCells(r.cells) };
    return;
  }
  const data = sheet['!data'];
  if (!data) return;
  const mergedColumns = fillVerticalMerges(sheet, data);
  const formulas = uncachedBySheet.get(sheet);
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells && !formulas?.has(r)) continue;
    const values: CellValue[] = cells ? readCells(cells) : [];
    const merged = mergedColumns.get(r);
    const uncached = formulas?.get(r);
    if (uncached) for (const c of uncached) if (values[c] === undefined || values[c] === '') values[c] = null;
    if (!merged && !uncached) yield { row: r + 1, cells: values };
    else yield { row: r + 1, cells: values, ...(merged ? { merged } : {}), ...(uncached ? { formulas: uncached } : {}) };
  }
}

/** A row's values copied; a wide (sparse) row by the cells that exist, not slot by slot. */
function copyCells(cells: readonly CellValue[]): CellValue[] {
  if (cells.length <= DENSE_WIDTH) return cells.slice();
  const copy: CellValue[] = [];
  for (const key of Object.keys(cells)) {
    const c = Number(key);
    if (Number.isInteger(c)) copy[c] = cells[c] as CellValue;
  }
  return copy;
}

function readCells(cells: CellObject[]): CellValue[] {
  if (cells.length <= DENSE_WIDTH) {
    const values: CellValue[] = new Array(cells.length);
    for (let c = 0; c < cells.length; c++) values[c] = cellValue(cells[c]);
    return values;
  }
  // A wide row is sparse in SheetJS (holes): its own keys are the cells that exist.
  const values: CellValue[] = [];
  for (const key of Object.keys(cells)) {
    const c = Number(key);
    if (Number.isInteger(c)) values[c] = cellValue(cells[c]);
  }
  return values;
}

/** Number of row slots in a sheet, for progress bars. */
export function sheetRowCount(sheet: WorkSheet): number {
  const plain = plainBySheet.get(sheet);
  if (plain) return plain.rows.at(-1)?.row ?? 0;
  return sheet['!data']?.length ?? 0;
}
