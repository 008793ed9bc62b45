// The asynchronous driver a Web Worker (or the CLI) runs: rows in chunks, progress after each chunk,
// a yield to the event loop so a cancel message can arrive, and AbortSignal to stop.
import { type CreditorImportOptions, createCreditorImport } from './import-session';
import { CsvEncodingError, CsvStructureError } from './read-csv';
import { readSpreadsheet, SpreadsheetError } from './read-file';
import type { CreditorImportResult, SheetRow } from './types';

export interface ImportProgress {
  readonly rowsDone: number;
  /** Estimate (exact for workbooks); may be exceeded for CSV. */
  readonly rowsTotal: number;
}

export interface ImportControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Rows per chunk between progress reports (default 20,000). */
  readonly chunkRows?: number;
  readonly rowsTotal?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Rows, or runs of rows that arrive one after another (a sheet parsed in pieces on other threads:
 * the first piece's rows are validated while the others are still parsed).
 */
export type ImportRows = Iterable<SheetRow> | AsyncIterable<Iterable<SheetRow>>;

const arriving = (rows: ImportRows): rows is AsyncIterable<Iterable<SheetRow>> => Symbol.asyncIterator in rows;

/** Runs the whole pipeline over rows; rejects with the signal's reason (an AbortError) when cancelled. */
export async function runCreditorImport(rows: ImportRows, options: CreditorImportOptions = {}, control: ImportControl = {}): Promise<CreditorImportResult> {
  const session = createCreditorImport(options);
  const chunkRows = control.chunkRows ?? 20_000;
  const rowsTotal = control.rowsTotal ?? 0;
  const chunk: SheetRow[] = [];
  control.signal?.throwIfAborted();
  for await (const run of arriving(rows) ? rows : [rows]) {
    for (const row of run) {
      chunk.push(row);
      if (chunk.length >= chunkRows) {
        session.feed(chunk);
        chunk.length = 0;
        control.onProgress?.({ rowsDone: session.rowsSeen, rowsTotal: Math.max(rowsTotal, session.rowsSeen) });
        await yieldToEventLoop();
        control.signal?.throwIfAborted();
      }
    }
    control.signal?.throwIfAborted();
  }
  session.feed(chunk);
  control.onProgress?.({ rowsDone: session.rowsSeen, rowsTotal: session.rowsSeen });
  return session.finish();
}

export interface CheckFileOptions extends CreditorImportOptions {
  /** Sheet to read; by default the first sheet with a register header. */
  readonly sheet?: string;
}

/**
 * Reads a file (xlsx, xls, csv in UTF-8 or GB18030) and runs parse, validation and merge: the same
 * path the app's import wizard and `npm run cli -- creditors check` take. Unreadable files and
 * missing sheets come back as `fatal`, not as exceptions; cancellation rejects.
 */
export async function checkCreditorFile(
  bytes: Uint8Array,
  fileName: string,
  options: CheckFileOptions = {},
  control: ImportControl = {},
): Promise<CreditorImportResult & { readonly sheetNames: readonly string[] }> {
  let source: ReturnType<typeof readSpreadsheet>;
  try {
    source = readSpreadsheet(bytes, fileName, options.sheet);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    const empty = await runCreditorImport([], options);
    return { ...empty, sheetNames: [], fatal: { code: err.code, message: err.message } };
  }
  try {
    const result = await runCreditorImport(
      source.rows,
      { ...options, sheetName: source.sheetName },
      { ...control, rowsTotal: control.rowsTotal ?? source.rowCountHint },
    );
    return { ...result, sheetNames: source.sheetNames };
  } catch (err) {
    if (err instanceof CsvEncodingError || err instanceof CsvStructureError) {
      const empty = await runCreditorImport([], options);
      return { ...empty, sheetNames: source.sheetNames, fatal: { code: err.code, message: err.message } };
    }
    throw err;
  }
}
