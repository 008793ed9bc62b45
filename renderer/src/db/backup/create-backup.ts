import type { Dexie } from 'dexie';
import { type BackupAuditAnchor, type BackupReason, type BackupSealKey, BackupWriteError, type BackupWriteSummary, type FrameDeflater, writeBackup } from '../../core/backup';
import type { BackupSaved, BackupWriter } from '../../platform/bridge';
import { anchorKeeperOf } from '../audit-anchor';
import { backupTableSources, readAuditHead } from './table-source';

export interface CreateBackupOptions {
  readonly appVersion: string;
  /** The schema version the rows are shaped for: db.verno of the database being read. */
  readonly schemaVersion: number;
  readonly reason: BackupReason;
  readonly passphrase?: string;
  readonly pbkdf2Iterations?: number;
  readonly sealKey?: BackupSealKey;
  readonly now?: () => Date;
  /** How often a backup interrupted by a concurrent write is started again. */
  readonly attempts?: number;
  /** Bytes written so far (for a progress bar; the total is not known in advance). */
  readonly onProgress?: (bytesWritten: number) => void;
  readonly pageRows?: number;
  /** Compresses frames elsewhere (the app: a pool of workers, see auto-backup.ts); with `framesInFlight`. */
  readonly deflate?: FrameDeflater;
  readonly framesInFlight?: number;
}

export interface CreatedBackup extends BackupSaved {
  readonly summary: BackupWriteSummary;
  readonly attempts: number;
}

/** A write landed while the backup was read; its snapshot would mix two states. */
function isConcurrentWrite(error: unknown): boolean {
  return error instanceof BackupWriteError && error.code === 'AUDIT_HEAD_MISMATCH';
}

const sameHead = (a: { seq: number; hash: string } | null, b: { seq: number; hash: string } | null): boolean =>
  a === b || (a !== null && b !== null && a.seq === b.seq && a.hash === b.hash);

/**
 * Streams the whole database into `writer`, chunk by chunk (memory does not grow with the number of
 * rows). Each page of rows is its own read transaction, so a repository write may land in between;
 * the audit head check catches that and the backup starts again (`attempts` times, default 3) from
 * a rewound file. On any failure the partial file is removed and the error rethrown.
 */
export async function createBackup(db: Dexie, writer: BackupWriter, options: CreateBackupOptions): Promise<CreatedBackup> {
  const attempts = options.attempts ?? 3;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const summary = await writeOnce(db, writer, options);
        const saved = await writer.finish();
        return { ...saved, summary, attempts: attempt };
      } catch (error) {
        if (!isConcurrentWrite(error) || attempt >= attempts) throw error;
        await writer.rewind();
      }
    }
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}

async function writeOnce(db: Dexie, writer: BackupWriter, options: CreateBackupOptions): Promise<BackupWriteSummary> {
  const anchor = await readAnchorForBackup(db);
  const head = await readAuditHead(db);
  const stream = writeBackup(backupTableSources(db, options.pageRows), {
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    reason: options.reason,
    auditChainHead: head,
    ...(anchor !== undefined ? { auditAnchor: anchor } : {}),
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    ...(options.pbkdf2Iterations !== undefined ? { pbkdf2Iterations: options.pbkdf2Iterations } : {}),
    ...(options.sealKey ? { sealKey: options.sealKey } : {}),
    ...(options.deflate ? { deflate: options.deflate } : {}),
    ...(options.framesInFlight !== undefined ? { framesInFlight: options.framesInFlight } : {}),
  });
  let written = 0;
  let step = await stream.next();
  while (!step.done) {
    await writer.write(step.value);
    written += step.value.byteLength;
    options.onProgress?.(written);
    step = await stream.next();
  }
  // The writer checks a non-empty audit table against the head; an empty one (a brand-new office)
  // is checked here: if anything was written meanwhile, the snapshot may be mixed.
  if (!sameHead(head, await readAuditHead(db))) {
    throw new BackupWriteError('AUDIT_HEAD_MISMATCH', '备份期间数据库被修改，请重新备份。', 'audit head changed during the backup');
  }
  return step.value;
}

/**
 * The installation's audit anchor for the header, once every anchor write already started is done:
 * undefined where no anchor is kept (a database opened without the app's keeper).
 */
async function readAnchorForBackup(db: Dexie): Promise<BackupAuditAnchor | null | undefined> {
  const keeper = anchorKeeperOf(db);
  if (!keeper) return undefined;
  await keeper.settled();
  const anchor = await keeper.read();
  return anchor ? { seq: anchor.seq, hash: anchor.hash, firstHash: anchor.firstHash } : null;
}

/** "处非工作台备份-20261126-0930.cfbak" in the office's time (UTC+8). */
export function suggestedBackupName(now: Date, encrypted: boolean): string {
  const local = new Date(now.getTime() + 8 * 3600_000).toISOString();
  const stamp = `${local.slice(0, 10).replace(/-/g, '')}-${local.slice(11, 16).replace(':', '')}`;
  return `处非工作台备份-${stamp}${encrypted ? '-加密' : ''}.cfbak`;
}
