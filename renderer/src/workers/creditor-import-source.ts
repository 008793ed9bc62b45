// The opened file inside the worker: the workbook is parsed once (SheetJS is most of the cost; a
// large sheet in pieces on several workers) and its sheets re-read as rows; a CSV is read from its Blob 1 MB at a time on each pass (preview,
// validation, problems export), so neither its bytes nor its text are ever held whole.
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { csvRowsFrom, prepareOpenWorkbook, type SheetRow, sheetRows, spreadsheetKind } from '../core/creditors';
import { headerSearch } from '../core/creditors/sheet-choice';
import { piecesHere, startPieceWorkers } from './sheet-pieces';

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

/** Synchronous Blob reads: a dedicated worker has FileReaderSync (lib.dom does not declare it). */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

const CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 4 * CHUNK_BYTES;

function* blobChunks(file: Blob): Generator<Uint8Array> {
  const reader = new FileReaderSync();
  for (let at = 0; at < file.size; at += CHUNK_BYTES) yield new Uint8Array(reader.readAsArrayBuffer(file.slice(at, at + CHUNK_BYTES)));
}

/** Compressed files smaller than this are never cut: their sheet parses in well under a second. */
const PIECES_FROM_FILE_BYTES = 1024 * 1024;

/**
 * Opens the chosen file. A large .xlsx sheet is cut into pieces parsed on workers of their own
 * (sheet-pieces.ts) while this one parses the first; its rows are the first piece's, then the
 * others' in order, the same rows as the whole sheet's.
 */
export async function openFile(fileName: string, file: Blob): Promise<OpenedFile> {
  const reader = new FileReaderSync();
  const head = new Uint8Array(reader.readAsArrayBuffer(file.slice(0, HEAD_BYTES)));
  const kind = spreadsheetKind(head);
  if (kind === 'csv') {
    const { rows } = csvRowsFrom(head, () => blobChunks(file));
    return {
      fileName,
      kind,
      sheetNames: [fileName],
      chosenSheet: fileName,
      rows: () => rows,
      // About 60 bytes per register row; only for the progress bar.
      rowCount: () => Math.ceil(file.size / 60),
    };
  }
  const pieces = kind === 'xlsx' && file.size >= PIECES_FROM_FILE_BYTES ? piecesHere() : 1;
  const helpers = pieces > 1 ? startPieceWorkers(pieces - 1) : null;
  try {
    const bytes = head.length === file.size ? head : new Uint8Array(reader.readAsArrayBuffer(file));
    // Limits (inflated size, shared strings, dimensions) are checked before SheetJS parses a cell.
    const prepared = prepareOpenWorkbook(bytes, fileName, undefined, WORKER_OPTIONS, pieces);
    const split = prepared.split;
    const elsewhere = split && helpers ? helpers.rowsOf(split, WORKER_OPTIONS, fileName) : null;
    // Settled below; a failure of the first piece must not leave this one unhandled.
    elsewhere?.catch(() => undefined);
    const book: WorkBook = prepared.parse();
    const later = elsewhere ? (await elsewhere).flat() : [];
    return openedBook(fileName, kind, book, split?.sheet ?? null, later);
  } finally {
    helpers?.end();
  }
}

function openedBook(fileName: string, kind: 'xlsx' | 'xls', book: WorkBook, splitSheet: string | null, later: readonly SheetRow[]): OpenedFile {
  const names = book.SheetNames;
  const sheetOf = (name: string) => {
    const ws = book.Sheets[name];
    if (!ws) throw new Error(`工作簿中没有名为“${name}”的工作表（现有：${names.join('、')}）。请选择其中之一。`);
    return ws;
  };
  const rows = (name: string): Iterable<SheetRow> => (name === splitSheet ? joined(sheetRows(sheetOf(name)), later) : sheetRows(sheetOf(name)));
  const chosen = names.find((n) => headerSearch(rows(n))) ?? names[0] ?? '';
  return {
    fileName,
    kind,
    sheetNames: names,
    chosenSheet: chosen,
    rows,
    rowCount: (name) => (name === splitSheet && later.length > 0 ? (later[later.length - 1]?.row ?? 0) : (sheetOf(name)['!data']?.length ?? 0)),
  };
}

function* joined(first: Iterable<SheetRow>, rest: readonly SheetRow[]): Generator<SheetRow> {
  yield* first;
  yield* rest;
}
