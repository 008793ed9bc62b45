// The other pieces of a large sheet (core/creditors/xlsx-split.ts), parsed on workers of their own
// while the import worker parses the first piece: SheetJS's parse is most of a large import's time,
// and it runs on one thread (issue 17). A worker that cannot run has its piece parsed here instead,
// so the rows are the same either way.
import type { ParsingOptions } from '@e965/xlsx';
import { readSheetPiece, type SheetRow, type SplitSheet, SpreadsheetError, type XlsxPieceFiles } from '../core/creditors';
import type { FromPieceWorker, ToPieceWorker } from './creditor-sheet-piece-protocol';

/** Pieces a large sheet is cut into here: one per core, at most 4 (1: not cut). */
export function piecesHere(): number {
  return Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 1));
}

export interface PieceWorkers {
  /** The rows of each other piece, in order; ends the workers. */
  rowsOf(split: SplitSheet, options: ParsingOptions, fileName: string): Promise<Array<readonly SheetRow[]>>;
  /** Ends the workers (no split after all, or the file was let go). */
  end(): void;
}

/** Started before the file is read, so their code loads while it is read and inflated. */
export function startPieceWorkers(count: number): PieceWorkers {
  const workers: Worker[] = [];
  if (typeof Worker !== 'undefined') {
    for (let i = 0; i < count; i++) workers.push(new Worker(new URL('./creditor-sheet-piece.worker.ts', import.meta.url), { type: 'module' }));
  }
  const end = () => {
    for (const w of workers.splice(0)) w.terminate();
  };
  return {
    end,
    rowsOf: async (split, options, fileName) => {
      try {
        return await Promise.all(split.others.map((files, i) => rowsOfPiece(workers[i], files, split.sheet, options, fileName)));
      } finally {
        end();
      }
    },
  };
}

function rowsOfPiece(worker: Worker | undefined, files: XlsxPieceFiles, sheet: string, options: ParsingOptions, fileName: string): Promise<readonly SheetRow[]> {
  const here = () => readSheetPiece(files, sheet, options, fileName);
  if (!worker) return Promise.resolve().then(here);
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<FromPieceWorker>) => {
      const m = event.data;
      if (m.type === 'rows') resolve(m.rows);
      else reject(new SpreadsheetError(m.code, m.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      try {
        resolve(here());
      } catch (err) {
        reject(err);
      }
    });
    // Copies, handed over: a part of a stored (uncompressed) zip is a view into the whole file,
    // which a structured clone would copy whole.
    const own = files.map(([name, bytes]) => [name, bytes.slice()] as const);
    const message: ToPieceWorker = { type: 'parse', sheet, files: own, options, fileName };
    worker.postMessage(message, own.map(([, bytes]) => bytes.buffer));
  });
}
