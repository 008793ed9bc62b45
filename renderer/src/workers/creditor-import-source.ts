// The opened file inside the worker: the workbook is parsed once (SheetJS is most of the cost; a
// large sheet in pieces on several workers) and its sheets re-read as rows; a CSV is read from its
// Blob 1 MB at a time on each pass (preview, validation, problems export), so neither its bytes nor
// its text are ever held whole.
import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { releaseBuffer } from '../core/common/release-buffer';
import { csvRowsFrom, prepareOpenWorkbook, type SheetRow, sheetRows, spreadsheetKind } from '../core/creditors';
import { sheetRowCount } from '../core/creditors/read-xlsx';
import { headerSearch } from '../core/creditors/sheet-choice';
import { type PieceRows, type PieceWorkers, piecesHere, startPieceWorkers } from './sheet-pieces';

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
  /** All rows of a sheet; a sheet parsed in pieces gives them once its validation has begun (runs). */
  rows(sheet: string): Iterable<SheetRow>;
  /** The rows as they come: a sheet parsed in pieces yields its first piece's before the others are in. */
  runs(sheet: string): AsyncIterable<Iterable<SheetRow>>;
  rowCount(sheet: string): number;
}

/** Synchronous Blob reads: a dedicated worker has FileReaderSync (lib.dom does not declare it). */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

const CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 4 * CHUNK_BYTES;

/**
 * The file 1 MB at a time. Each read is let go once the next is asked for (decodePieces reads a
 * chunk no more by then): 165 reads of a million-row list otherwise piled up as garbage beside the
 * validation's peak until a full collection (issue 17).
 */
function* blobChunks(file: Blob): Generator<Uint8Array> {
  const reader = new FileReaderSync();
  for (let at = 0; at < file.size; at += CHUNK_BYTES) {
    const chunk = reader.readAsArrayBuffer(file.slice(at, at + CHUNK_BYTES));
    yield new Uint8Array(chunk);
    releaseBuffer(chunk);
  }
}

/** Compressed files smaller than this are never cut: their sheet parses in well under a second. */
const PIECES_FROM_FILE_BYTES = 1024 * 1024;

/**
 * Opens the chosen file. A large .xlsx sheet is cut into pieces parsed on workers of their own
 * (sheet-pieces.ts) while this one parses the first; its rows are the first piece's, then the
 * others' in order, the same rows as the whole sheet's. Returns once the first piece is parsed:
 * the preview and the validation's first rows need no more. `spare`: piece workers started before
 * (their code loaded while the user chose the file), used or ended here.
 */
export async function openFile(fileName: string, file: Blob, spare: PieceWorkers | null = null): Promise<OpenedFile> {
  const reader = new FileReaderSync();
  const head = new Uint8Array(reader.readAsArrayBuffer(file.slice(0, HEAD_BYTES)));
  const kind = spreadsheetKind(head);
  const pieces = kind === 'xlsx' && file.size >= PIECES_FROM_FILE_BYTES ? piecesHere() : 1;
  if (pieces === 1 || spare?.count !== pieces - 1) spare?.end();
  if (kind === 'csv') {
    const { rows } = csvRowsFrom(head, () => blobChunks(file));
    return {
      fileName,
      kind,
      sheetNames: [fileName],
      chosenSheet: fileName,
      rows: () => rows,
      runs: () => oneRun(rows),
      // About 60 bytes per register row; only for the progress bar.
      rowCount: () => Math.ceil(file.size / 60),
    };
  }
  const helpers = pieces === 1 ? null : spare?.count === pieces - 1 ? spare : startPieceWorkers(pieces - 1);
  try {
    const bytes = head.length === file.size ? head : new Uint8Array(reader.readAsArrayBuffer(file));
    performance.mark('import:file-read');
    // Limits (inflated size, shared strings, dimensions) are checked before SheetJS parses a cell.
    const prepared = prepareOpenWorkbook(bytes, fileName, undefined, WORKER_OPTIONS, pieces);
    const split = prepared.split;
    performance.mark('import:prepared');
    // The helpers end themselves once their pieces are parsed.
    const elsewhere = split && helpers ? helpers.parse(split, WORKER_OPTIONS, fileName) : null;
    if (!elsewhere) helpers?.end();
    const rest = elsewhere ? elsewhere.rows : null;
    // Awaited by the validation; a failure of the first piece must not leave it unhandled.
    rest?.catch(() => undefined);
    // The helpers start, and get their pieces, through this worker's event loop: not during a long parse.
    await elsewhere?.started;
    performance.mark('import:pieces-started');
    const book: WorkBook = prepared.parse();
    performance.mark('import:first-piece-parsed');
    rest?.then(() => performance.mark('import:other-pieces-in'), () => undefined);
    return openedBook(fileName, kind, book, split && rest ? { sheet: split.sheet, rest } : null);
  } catch (err) {
    helpers?.end();
    throw err;
  }
}

async function* oneRun(rows: Iterable<SheetRow>): AsyncGenerator<Iterable<SheetRow>> {
  yield rows;
}

/** A sheet parsed in pieces: the first piece is the sheet in the book, the rows of the others come. */
interface SplitRows {
  readonly sheet: string;
  readonly rest: Promise<readonly PieceRows[]>;
}

/** The other pieces' rows in order, unpacked as they are read. */
function* piecesRows(pieces: readonly PieceRows[]): Generator<SheetRow> {
  for (const p of pieces) yield* p.rows();
}

function openedBook(fileName: string, kind: 'xlsx' | 'xls', book: WorkBook, split: SplitRows | null): OpenedFile {
  const names = book.SheetNames;
  const sheetOf = (name: string) => {
    const ws = book.Sheets[name];
    if (!ws) throw new Error(`工作簿中没有名为“${name}”的工作表（现有：${names.join('、')}）。请选择其中之一。`);
    return ws;
  };
  let later: readonly PieceRows[] | null = null;
  split?.rest.then(
    (rows) => {
      later = rows;
    },
    () => undefined,
  );
  const isSplit = (name: string) => split !== null && name === split.sheet;
  const rows = (name: string): Iterable<SheetRow> => (isSplit(name) ? joined(sheetRows(sheetOf(name)), () => later) : sheetRows(sheetOf(name)));
  async function* runs(name: string): AsyncGenerator<Iterable<SheetRow>> {
    yield sheetRows(sheetOf(name));
    if (split && isSplit(name)) yield piecesRows(await split.rest);
  }
  // The header is within the first rows, which the first piece holds.
  const chosen = names.find((n) => headerSearch(rows(n))) ?? names[0] ?? '';
  return {
    fileName,
    kind,
    sheetNames: names,
    chosenSheet: chosen,
    rows,
    runs,
    rowCount: (name) => {
      const ws = sheetOf(name);
      if (!isSplit(name)) return sheetRowCount(ws);
      // Until the other pieces are in, the last row the sheet's dimension claims (progress only).
      const last = later?.reduce<number | null>((at, p) => p.lastRow ?? at, null);
      return last ?? Number(/(\d+)$/.exec(ws['!ref'] ?? '')?.[1] ?? sheetRowCount(ws));
    },
  };
}

/** The first piece's rows, then the others' (there by then: only the validation reads that far, and it waits for them). */
function* joined(first: Iterable<SheetRow>, rest: () => readonly PieceRows[] | null): Generator<SheetRow> {
  yield* first;
  const more = rest();
  if (more === null) throw new Error('文件的其余部分仍在读取，请稍候再试。');
  yield* piecesRows(more);
}
