import { type BackupSealKey, importSealKey, newSealKeyBytes } from '../../../renderer/src/core/backup';
import type { BackupBridge, BackupFileHandle, BackupFileInfo, BackupTarget, BackupWriter } from '../../../renderer/src/platform/bridge';

/** An in-memory stand-in for the platform's backup storage (what main does with files). */
export class MemoryBackups implements BackupBridge {
  readonly files = new Map<string, Uint8Array>();
  readonly created = new Map<string, string>();
  automaticBackups = true;
  private counter = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async beginBackup(target: BackupTarget): Promise<BackupWriter | null> {
    const fileName = target.kind === 'auto' ? `auto-${++this.counter}-${target.reason}.cfbak` : target.suggestedName;
    let parts: Uint8Array[] = [];
    const files = this.files;
    const created = this.created;
    const at = this.clock().toISOString();
    return {
      fileName,
      write: async (chunk) => {
        parts.push(chunk.slice());
      },
      rewind: async () => {
        parts = [];
      },
      finish: async () => {
        const bytes = concat(parts);
        files.set(fileName, bytes);
        created.set(fileName, at);
        return { fileName, byteLength: bytes.byteLength, removedOld: 0 };
      },
      abort: async () => {
        parts = [];
      },
    };
  }

  async listBackups(): Promise<readonly BackupFileInfo[]> {
    return [...this.files].map(([fileName, bytes]) => ({ fileName, byteLength: bytes.byteLength, createdAt: this.created.get(fileName) ?? '' }));
  }

  async openBackup(source: { kind: 'auto'; fileName: string } | { kind: 'choose' }): Promise<BackupFileHandle | null> {
    if (source.kind !== 'auto') return null;
    return handleFor(source.fileName, this.get(source.fileName));
  }

  get(fileName: string): Uint8Array {
    const bytes = this.files.get(fileName);
    if (!bytes) throw new Error(`no backup ${fileName}`);
    return bytes;
  }

  async diskSpace() {
    return null;
  }

  private key: Promise<BackupSealKey> | null = null;
  /** Set to false to stand for a platform that keeps no key (backups are then unsealed). */
  keepsSealKey = true;

  sealKey(): Promise<BackupSealKey | null> {
    if (!this.keepsSealKey) return Promise.resolve(null);
    this.key ??= importSealKey(newSealKeyBytes());
    return this.key;
  }

  onBeforeQuit(): void {}
}

export function handleFor(fileName: string, bytes: Uint8Array, chunkBytes = 4096): BackupFileHandle {
  return {
    fileName,
    byteLength: bytes.byteLength,
    chunks: async function* () {
      for (let at = 0; at < bytes.byteLength; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
    },
    close: async () => {},
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
