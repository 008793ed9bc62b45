// Builds the register's xlsx exports off the UI thread (full, or the masked public notice), streamed
// (creditor-register-export.ts): a million creditors never exist at once in this worker, and the file
// comes back as a Blob the page hands to bridge.saveFile without copying. Reads the case's current
// generation itself, so the list never crosses from the page.
import { describeExportFailure } from '../core/storage/export-failure';
import { WorkstationDb } from '../db/database';
import { createRepositories } from '../db/repositories';
import type { FromExportWorker, ToExportWorker } from './creditor-export-protocol';
import { exportRegister } from './creditor-register-export';

let running: AbortController | null = null;
const post = (message: FromExportWorker) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<ToExportWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    running?.abort();
    return;
  }
  const controller = new AbortController();
  running = controller;
  const db = new WorkstationDb();
  void exportRegister(createRepositories(db), message, { signal: controller.signal, onProgress: (done, total) => post({ type: 'progress', done, total }) })
    .then(
      (built) => post({ type: 'built', ...built }),
      (err: unknown) => post(controller.signal.aborted ? { type: 'cancelled' } : { type: 'failed', message: describeExportFailure(err, '导出名单', '名单未受影响') }),
    )
    .finally(() => db.close());
});
