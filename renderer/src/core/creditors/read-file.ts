// Choosing the reader by the file's bytes (not its name: .xls files are often HTML or CSV inside).

import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { csvRows, estimateCsvRows, type TextEncodingName } from './read-csv';
import { type PreparedWorkbook, parseSheetPiece, prepareWorkbook, sheetRowCount, sheetRows } from './read-xlsx';
import { headerSearch } from './sheet-choice';
import type { SheetRow } from './types';
import type { XlsxPieceFiles } from './xlsx-open';
import { XlsxLimitError } from './xlsx-zip';

export type SpreadsheetKind = 'xlsx' | 'xls' | 'csv';

export interface SpreadsheetRows {
  readonly kind: SpreadsheetKind;
  readonly sheetNames: readonly string[];
  readonly sheetName: string;
  readonly rows: Iterable<SheetRow>;
  /** Row slots for progress (exact for workbooks; bytes-based estimate for CSV). */
  readonly rowCountHint: number;
  readonly encoding?: TextEncodingName;
}

export class SpreadsheetError extends Error {
  constructor(
    readonly code: 'SHEET_NOT_FOUND' | 'FILE_UNREADABLE' | 'FILE_LIMIT',
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/**
 * Parses a workbook for the import with its limits (readWorkbook); every failure becomes a
 * SpreadsheetError whose message says what to do. `extra`: more SheetJS options (the worker's).
 */
export function openWorkbook(bytes: Uint8Array, fileName: string, sheet?: string, extra: ParsingOptions = {}): WorkBook {
  // A named sheet is the only one parsed; SheetNames still lists them all.
  return prepareOpenWorkbook(bytes, fileName, sheet, extra).parse();
}

/**
 * openWorkbook in two steps (prepareWorkbook): a large sheet cut into `pieces`, whose other pieces
 * are parsed elsewhere (parseSheetPiece) while `parse()` reads the first. Failures as openWorkbook's.
 */
export function prepareOpenWorkbook(bytes: Uint8Array, fileName: string, sheet?: string, extra: ParsingOptions = {}, pieces = 1): PreparedWorkbook {
  try {
    const prepared = prepareWorkbook(bytes, sheet, extra, fileName, pieces);
    return {
      split: prepared.split,
      parse: () => {
        try {
          return prepared.parse();
        } catch (err) {
          throw spreadsheetError(err, fileName);
        }
      },
    };
  } catch (err) {
    throw spreadsheetError(err, fileName);
  }
}

/** One piece of a split sheet's rows (parseSheetPiece), failures as openWorkbook's. */
export function readSheetPiece(files: XlsxPieceFiles, sheet: string, extra: ParsingOptions, fileName: string): SheetRow[] {
  try {
    return parseSheetPiece(files, sheet, extra);
  } catch (err) {
    throw spreadsheetError(err, fileName);
  }
}

function spreadsheetError(err: unknown, fileName: string): SpreadsheetError {
  if (err instanceof XlsxLimitError) {
    return new SpreadsheetError(err.code, err.code === 'FILE_UNREADABLE' ? `无法读取文件“${fileName}”：${err.message}` : err.message);
  }
  return new SpreadsheetError(
    'FILE_UNREADABLE',
    `无法读取文件“${fileName}”（${err instanceof Error ? err.message : String(err)}）。请确认它是 Excel 文件，必要时在 Excel 中另存为 .xlsx 后重新导入。`,
  );
}

export function spreadsheetKind(bytes: Uint8Array): SpreadsheetKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

/**
 * Opens a spreadsheet and returns the rows of one sheet. Without `sheet`, the first sheet whose
 * first rows hold a register header is taken (registers are not always on the first sheet).
 */
export function readSpreadsheet(bytes: Uint8Array, fileName: string, sheet?: string): SpreadsheetRows {
  const kind = spreadsheetKind(bytes);
  if (kind === 'csv') {
    if (sheet !== undefined && sheet !== fileName) {
      throw new SpreadsheetError('SHEET_NOT_FOUND', `CSV 文件只有一个工作表，没有“${sheet}”。`);
    }
    const { encoding, rows } = csvRows(bytes);
    return { kind, sheetNames: [fileName], sheetName: fileName, rows, rowCountHint: estimateCsvRows(bytes), encoding };
  }
  const book = openWorkbook(bytes, fileName, sheet);
  const names = book.SheetNames;
  let chosen = sheet;
  if (chosen === undefined) {
    chosen = names.find((n) => {
      const s = book.Sheets[n];
      return s !== undefined && headerSearch(sheetRows(s));
    }) ?? names[0];
  }
  if (chosen === undefined) {
    throw new SpreadsheetError('FILE_UNREADABLE', `文件“${fileName}”中没有可读取的工作表。请在 Excel 或 WPS 中打开核对，另存为 .xlsx 后重新导入。`);
  }
  const ws = book.Sheets[chosen];
  if (!ws) {
    throw new SpreadsheetError('SHEET_NOT_FOUND', `工作簿中没有名为“${chosen}”的工作表（现有：${names.join('、') || '无'}）。请选择其中之一。`);
  }
  return { kind, sheetNames: names, sheetName: chosen, rows: sheetRows(ws), rowCountHint: sheetRowCount(ws) };
}
