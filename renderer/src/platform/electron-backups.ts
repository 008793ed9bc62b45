import type { WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';
import { type BackupSealKey, importSealKey } from '../core/backup';
import type { BackupBridge, BackupFileHandle, BackupWriter } from './bridge';

/** Bytes per read of a backup file over IPC (main caps a read at 16 MiB). */
export const BACKUP_READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Backups over IPC: the stream goes to main in chunks (one per backup frame, ~1 MiB); files are
 * read back in 4 MiB pieces, so neither side ever holds a whole backup in memory.
 */
export function createElectronBackups(api: WorkstationPreloadApi, call: <T>(op: () => Promise<T>) => Promise<T>): BackupBridge {
  let sealKey: Promise<BackupSealKey> | null = null;
  return {
    automaticBackups: true,
    beginBackup: async (target): Promise<BackupWriter | null> => {
      const started = await call(() =>
        api.backupBegin(target.kind === 'auto' ? { target: 'auto', reason: target.reason } : { target: 'choose', suggestedName: target.suggestedName }),
      );
      if (started.status !== 'started') return null;
      const { sessionId } = started;
      return {
        fileName: started.fileName,
        write: (bytes) => call(() => api.backupWrite({ sessionId, bytes })),
        rewind: () => call(() => api.backupRewind({ sessionId })),
        finish: () => call(() => api.backupFinish({ sessionId })),
        abort: () => call(() => api.backupAbort({ sessionId })),
      };
    },
    listBackups: async () => (await call(() => api.listBackups())).backups,
    openBackup: async (source): Promise<BackupFileHandle | null> => {
      const opened = await call(() => api.backupOpen(source.kind === 'auto' ? { source: 'auto', fileName: source.fileName } : { source: 'choose' }));
      if (opened.status !== 'opened') return null;
      const { readId, byteLength } = opened;
      return {
        fileName: opened.fileName,
        byteLength,
        chunks: async function* () {
          for (let offset = 0; offset < byteLength; offset += BACKUP_READ_CHUNK_BYTES) {
            const bytes = await call(() => api.backupRead({ readId, offset, length: Math.min(BACKUP_READ_CHUNK_BYTES, byteLength - offset) }));
            if (bytes.byteLength === 0) return; // the file shrank: the reader reports it as truncated
            yield bytes;
          }
        },
        close: () => call(() => api.backupClose({ readId })),
      };
    },
    diskSpace: async () => {
      const space = await call(() => api.diskSpace());
      return { freeBytes: space.freeBytes, totalBytes: space.totalBytes, where: space.path };
    },
    sealKey: () => {
      // Main keeps the key's bytes in userData; here it becomes a non-extractable key once per session.
      sealKey ??= call(() => api.backupSealKey()).then(
        ({ key }) => importSealKey(key),
        (error: unknown) => {
          sealKey = null;
          throw error;
        },
      );
      return sealKey;
    },
    onBeforeQuit: (handler) => api.onBeforeQuit(handler),
  };
}
