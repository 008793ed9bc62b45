// Runs one register export in creditor-export.worker.ts (progress, 取消) and ends the worker.
import type { BuiltExport, ExportRequest, FromExportWorker, ToExportWorker } from '../../../workers/creditor-export-protocol';

/** The export was cancelled by the user (no file, nothing to audit). */
export class ExportCancelled extends Error {
  constructor() {
    super('已取消导出');
  }
}

/** The export failed; its message is the worker's, in Chinese with what to do (describeExportFailure). */
export class ExportFailed extends Error {}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
}

export interface RunningExport {
  readonly done: Promise<BuiltExport>;
  /** Stops the export; `done` then rejects with ExportCancelled. */
  cancel(): void;
  /** Creditors written so far (for useSyncExternalStore: only the progress line renders again). */
  progress(): ExportProgress;
  subscribe(listener: () => void): () => void;
}

export function buildExport(request: ExportRequest, total: number): RunningExport {
  const worker = new Worker(new URL('../../../workers/creditor-export.worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToExportWorker) => worker.postMessage(message);
  let cancel = () => {};
  let progress: ExportProgress = { done: 0, total };
  const listeners = new Set<() => void>();
  const done = new Promise<BuiltExport>((resolve, reject) => {
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    cancel = () => {
      // The worker stops between two reads and answers 'cancelled'; ended at once all the same, so
      // its memory is given back now (it only reads the database).
      send({ type: 'cancel' });
      end(() => reject(new ExportCancelled()));
    };
    worker.addEventListener('message', (event: MessageEvent<FromExportWorker>) => {
      const m = event.data;
      if (m.type === 'progress') {
        progress = { done: m.done, total: m.total };
        for (const listener of listeners) listener();
      }
      else if (m.type === 'built') end(() => resolve({ file: m.file, hash: m.hash, rows: m.rows, sheetNames: m.sheetNames }));
      else if (m.type === 'cancelled') end(() => reject(new ExportCancelled()));
      else end(() => reject(new ExportFailed(m.message)));
    });
    worker.addEventListener('error', (event) => end(() => reject(new Error(event.message || '导出程序出错'))));
  });
  send({ type: 'start', ...request });
  return {
    done,
    cancel: () => cancel(),
    progress: () => progress,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
