// Runs one export in creditor-export.worker.ts and ends the worker.
import type { ExportRequest, ExportResponse } from '../../../workers/creditor-export.worker';

export function buildExport(request: ExportRequest): Promise<{ bytes: Uint8Array; hash: string; rows: number }> {
  const worker = new Worker(new URL('../../../workers/creditor-export.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ExportResponse>) => {
      worker.terminate();
      const r = event.data;
      if (r.type === 'built') resolve({ bytes: new Uint8Array(r.bytes), hash: r.hash, rows: r.rows });
      else reject(new Error(r.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || '导出程序出错'));
    });
    worker.postMessage(request);
  });
}
