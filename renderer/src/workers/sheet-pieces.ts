// The other pieces of a large sheet (core/creditors/xlsx-split.ts), parsed on workers of their own
// while the import worker parses the first piece: SheetJS's parse is most of a large import's time,
// and it runs on one thread (issue 17). A worker that cannot start has its piece parsed here
// instead, so the rows are the same either way.
import type { ParsingOptions } from '@e965/xlsx';
import { readSheetPiece, type SheetRow, type SplitSheet, SpreadsheetError, type XlsxPieceFiles } from '../core/creditors';
import { lastPackedRow, type PackedRows, unpackSheetRows } from '../core/creditors/packed-rows';
import type { FromPieceWorker, ToPieceWorker } from './creditor-sheet-piece-protocol';

/** A piece's rows as they came: packed rows are unpacked on each pass, one row at a time. */
export interface PieceRows {
  /** The Excel row number of its last row (null: none). */
  readonly lastRow: number | null;
  rows(): Iterable<SheetRow>;
}

const plainRows = (rows: readonly SheetRow[]): PieceRows => ({ lastRow: rows.at(-1)?.row ?? null, rows: () => rows });
const packedRows = (packed: PackedRows): PieceRows => ({ lastRow: lastPackedRow(packed), rows: () => unpackSheetRows(packed) });

/** Pieces a large sheet is cut into here: one per core, at most 4 (1: not cut). */
export function piecesHere(): number {
  return Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 1));
}

export interface PieceWorkers {
  readonly count: number;
  /**
   * Hands each other piece to a worker: `started` settles once every worker has its piece (or has
   * failed), `rows` with the rows of each piece, in order (the workers are then ended). A nested
   * worker is started, and its messages delivered, through the worker that made it, which must not
   * begin a long parse before `started`, or the helpers begin only after it.
   */
  parse(split: SplitSheet, options: ParsingOptions, fileName: string): { readonly started: Promise<void>; readonly rows: Promise<PieceRows[]> };
  /** Ends the workers (no split after all, or the file was let go). */
  end(): void;
}

interface Helper {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  /** Set when the worker failed to start: its piece is parsed here. */
  failed: boolean;
}

/** Starts `count` workers; start them early (when the wizard opens), so their code is loaded when a file comes. */
export function startPieceWorkers(count: number): PieceWorkers {
  const helpers: Helper[] = [];
  if (typeof Worker !== 'undefined') {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./creditor-sheet-piece.worker.ts', import.meta.url), { type: 'module' });
      const helper: Helper = {
        worker,
        failed: false,
        ready: new Promise<void>((resolve) => {
          worker.addEventListener('message', (event: MessageEvent<FromPieceWorker>) => event.data.type === 'ready' && resolve());
          worker.addEventListener('error', () => {
            helper.failed = true;
            resolve();
          });
        }),
      };
      helpers.push(helper);
    }
  }
  const end = () => {
    for (const h of helpers.splice(0)) h.worker.terminate();
  };
  return {
    count: helpers.length,
    end,
    parse: (split, options, fileName) => {
      const pieces = split.others.map((files, i) => parsePiece(helpers[i], files, split.sheet, options, fileName));
      const rows = Promise.all(pieces.map((p) => p.rows)).finally(end);
      return { started: Promise.all(pieces.map((p) => p.started)).then(() => undefined), rows };
    },
  };
}

function parsePiece(helper: Helper | undefined, files: XlsxPieceFiles, sheet: string, options: ParsingOptions, fileName: string) {
  let started: () => void = () => undefined;
  const onStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const rows = (async (): Promise<PieceRows> => {
    await helper?.ready;
    if (!helper || helper.failed) {
      started();
      return plainRows(readSheetPiece(files, sheet, options, fileName));
    }
    const { worker } = helper;
    return new Promise<PieceRows>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<FromPieceWorker>) => {
        const m = event.data;
        if (m.type === 'started') started();
        else if (m.type === 'rows') resolve('packed' in m ? packedRows(m.packed) : plainRows(m.rows));
        else if (m.type === 'unreadable') reject(new SpreadsheetError(m.code, m.message));
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        started();
        // The piece went with the message; a worker that fails while parsing it (out of memory) fails the file.
        reject(new SpreadsheetError('FILE_UNREADABLE', `读取文件“${fileName}”时后台程序出错（${event.message || '未知错误'}）。请关闭导入窗口后重试；仍不行时可在 Excel 或 WPS 中另存为“CSV UTF-8”后导入。`));
      });
      // Handed over, not cloned: a part of a stored (uncompressed) zip is a view into the whole file
      // (copied, or a clone would copy the whole file); the piece itself has a buffer of its own.
      const own = files.map(([name, bytes]) => [name, bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()] as const);
      const message: ToPieceWorker = { type: 'parse', sheet, files: own, options, fileName };
      worker.postMessage(message, own.map(([, bytes]) => bytes.buffer));
    });
  })();
  return { started: onStarted, rows };
}
