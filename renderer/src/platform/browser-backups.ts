import type { BackupBridge, BackupFileHandle, BackupWriter } from './bridge';
import { browserSealKey } from './browser-seal-key';

const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Backups in a plain browser: a page cannot keep writing to a folder, so there are no automatic
 * backups; a manual backup is collected as a Blob (the browser may keep its parts on disk) and handed
 * to the download mechanism; a backup to restore is read from a chosen file in 4 MiB slices.
 */
export function createBrowserBackups(): BackupBridge {
  return {
    automaticBackups: false,
    beginBackup: async (target): Promise<BackupWriter | null> => {
      if (target.kind === 'auto') return null;
      let parts: Blob[] = [];
      let size = 0;
      const fileName = target.suggestedName;
      return {
        fileName,
        write: async (chunk) => {
          parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
          size += chunk.byteLength;
        },
        rewind: async () => {
          parts = [];
          size = 0;
        },
        finish: async () => {
          download(new Blob(parts, { type: 'application/octet-stream' }), fileName);
          parts = [];
          return { fileName, byteLength: size, removedOld: 0 };
        },
        abort: async () => {
          parts = [];
        },
      };
    },
    listBackups: async () => [],
    openBackup: async (source) => (source.kind === 'choose' ? pickFile() : null),
    diskSpace: async () => {
      const estimate = await globalThis.navigator?.storage?.estimate?.();
      if (!estimate || estimate.quota === undefined) return null;
      return { freeBytes: estimate.quota - (estimate.usage ?? 0), totalBytes: estimate.quota, where: '浏览器存储配额' };
    },
    sealKey: browserSealKey,
    onBeforeQuit: () => {},
  };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(): Promise<BackupFileHandle | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.cfbak';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? fileHandle(file) : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export function fileHandle(file: Blob & { readonly name: string }): BackupFileHandle {
  return {
    fileName: file.name,
    byteLength: file.size,
    chunks: async function* () {
      for (let at = 0; at < file.size; at += READ_CHUNK_BYTES) {
        yield new Uint8Array(await file.slice(at, at + READ_CHUNK_BYTES).arrayBuffer());
      }
    },
    close: async () => {},
  };
}
