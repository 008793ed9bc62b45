// A pool of backup-deflate workers for one backup: frames go round the workers, so two frames compress
// at once on a 2-core office PC while the page serialises the next (and the window keeps answering).
// Registered once by the app (main.tsx → configureBackupDeflaters); closed when the backup ends.
import type { BackupDeflaters } from '../db/backup/auto-backup';
import type { DeflateReply, DeflateRequest } from './backup-deflate-protocol';

export const BACKUP_DEFLATE_WORKERS = 2;

export function backupDeflatePool(size: number = BACKUP_DEFLATE_WORKERS): BackupDeflaters | null {
  if (typeof Worker === 'undefined') return null;
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
  const workers: Worker[] = [];
  let failed: Error | null = null;
  const fail = (error: Error) => {
    failed = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./backup-deflate.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DeflateReply>) => {
      const reply = e.data;
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.bytes);
      else w.reject(new Error(`备份压缩失败：${reply.message}`));
    };
    worker.onerror = (e) => fail(new Error(`备份压缩进程出错：${e.message}`));
    workers.push(worker);
  }
  let next = 0;
  return {
    workers: size,
    deflate: (text) =>
      new Promise<Uint8Array>((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        const request: DeflateRequest = { id, text };
        (workers[id % size] as Worker).postMessage(request, [text.buffer as ArrayBuffer]);
      }),
    close: () => {
      for (const w of workers) w.terminate();
      fail(new Error('备份压缩已结束'));
    },
  };
}
