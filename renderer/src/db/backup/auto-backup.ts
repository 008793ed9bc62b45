import type { Dexie } from 'dexie';
import type { BackupReason, FrameDeflater } from '../../core/backup';
import type { BackupBridge, BackupFileInfo, BackupTarget } from '../../platform/bridge';
import { type CreatedBackup, createBackup } from './create-backup';

/** A backup at start is due when the newest automatic one is older than this. */
export const STARTUP_BACKUP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function isStartupBackupDue(backups: readonly BackupFileInfo[], now: Date): boolean {
  const newest = Math.max(...backups.map((b) => Date.parse(b.createdAt)).filter((ms) => !Number.isNaN(ms)));
  return !Number.isFinite(newest) || now.getTime() - newest > STARTUP_BACKUP_MAX_AGE_MS;
}

// One backup at a time: the quit backup waits for a running start-up backup instead of racing it.
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Frames compressed off the page's thread while a backup is written (workers/backup-deflate-pool.ts). */
export interface BackupDeflaters {
  readonly deflate: FrameDeflater;
  readonly workers: number;
  close(): void;
}

let deflaters: (() => BackupDeflaters | null) | null = null;

/**
 * The app registers its worker pool once at start; every backup then compresses its frames on those
 * workers, in parallel and off the UI thread. Without it (tests, a page without Worker) the frames are
 * compressed where the backup runs.
 */
export function configureBackupDeflaters(factory: (() => BackupDeflaters | null) | null): void {
  deflaters = factory;
}

export interface BackupRequest {
  readonly reason: BackupReason;
  readonly appVersion: string;
  /** Defaults to the backups folder ('auto'). */
  readonly target?: BackupTarget;
  readonly passphrase?: string;
  readonly onProgress?: (bytesWritten: number) => void;
}

/**
 * Writes one backup of `db` through the platform. Null when the user cancelled a save dialog, or
 * when an automatic backup was asked for in a browser (it has no backups folder).
 */
export function backupDatabase(db: Dexie, backups: BackupBridge, request: BackupRequest): Promise<CreatedBackup | null> {
  const target = request.target ?? { kind: 'auto', reason: request.reason };
  if (target.kind === 'auto' && !backups.automaticBackups) return Promise.resolve(null);
  return serialised(async () => {
    // Every backup is sealed with this installation's key when the platform keeps one, so a changed
    // row is detected even in a plain (automatic) backup.
    const sealKey = await backups.sealKey();
    const writer = await backups.beginBackup(target);
    if (!writer) return null;
    const pool = deflaters?.() ?? null;
    try {
      return await createBackup(db, writer, {
        ...(pool ? { deflate: pool.deflate, framesInFlight: pool.workers + 1 } : {}),
      ...(sealKey ? { sealKey } : {}),
      appVersion: request.appVersion,
      schemaVersion: db.verno,
      reason: request.reason,
      ...(request.passphrase ? { passphrase: request.passphrase } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      });
    } finally {
      pool?.close();
    }
  });
}

/** At start: an automatic backup when the newest is more than a day old. */
export async function backupAtStartupIfDue(db: Dexie, backups: BackupBridge, appVersion: string, now = new Date()): Promise<CreatedBackup | null> {
  if (!backups.automaticBackups) return null;
  if (!isStartupBackupDue(await backups.listBackups(), now)) return null;
  return backupDatabase(db, backups, { reason: 'startup', appVersion });
}
