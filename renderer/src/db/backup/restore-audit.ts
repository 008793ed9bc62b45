import type { AuditEntry } from '../../core/audit/audit-entry';
import { appendAudit } from '../audit-writer';
import type { WorkstationDb } from '../database';
import type { RestoreJournal } from './restore-journal';

/** What the audit entry of a restore holds; the chain then says which backup replaced which state. */
export interface RestoreAuditRecord {
  /** The backup, named by the SHA-256 of its header and body, its file name and when it was taken. */
  readonly backup: {
    readonly fileName: string;
    readonly headerSha256: string | null;
    readonly bodySha256: string | null;
    readonly createdAt: string;
    readonly reason: string | null;
    readonly encrypted: boolean | null;
    /** The audit chain head the restored log ends at (just before this entry). */
    readonly auditHead: { readonly seq: number; readonly hash: string } | null;
    readonly rowCounts: Readonly<Record<string, number>>;
  };
  /** Where the state that was replaced was backed up first. */
  readonly preRestoreBackup: { readonly fileName: string; readonly where: string; readonly encrypted: boolean } | null;
}

/**
 * Appends the restore's own entry to the restored audit log (action 'restore', entity 'database'):
 * `before` is the replaced state (its chain head and rows per table), `after` the backup that
 * replaced it. Everything else in the restored database equals the backup.
 */
export function recordRestoreInAudit(db: WorkstationDb, journal: RestoreJournal, now: Date): Promise<AuditEntry> {
  const after: RestoreAuditRecord = {
    backup: {
      fileName: journal.fileName,
      headerSha256: journal.backupHeaderSha256 ?? null,
      bodySha256: journal.backupBodySha256 ?? null,
      createdAt: journal.backupCreatedAt,
      reason: journal.backupReason ?? null,
      encrypted: journal.backupEncrypted ?? null,
      auditHead: journal.backupAuditHead ? { seq: journal.backupAuditHead.seq, hash: journal.backupAuditHead.hash } : null,
      rowCounts: journal.rowCounts,
    },
    preRestoreBackup: journal.preRestoreBackup ?? null,
  };
  return db.transaction('rw', db.audit, db.settings, () =>
    appendAudit(
      db,
      {
        action: 'restore',
        entity: 'database',
        entityId: journal.backupHeaderSha256 ?? journal.fileName,
        before: journal.replaced ?? null,
        after,
      },
      now,
    ),
  );
}
