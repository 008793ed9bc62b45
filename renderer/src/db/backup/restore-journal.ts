import type { AuditChainHead, BackupInspection } from '../../core/backup';

/** The restore journal (safety database): written when the staging copy is complete, cleared when the copy into the case database is done. */
export interface RestoreJournal {
  readonly stagedAt: string;
  readonly fileName: string;
  readonly backupCreatedAt: string;
  readonly rowCounts: Readonly<Record<string, number>>;
  // Written since issue 11 (a journal left by an older version lacks them): what the audit entry of
  // the restore records and what the notice after the restore says.
  /** SHA-256 of the backup's header and of its body: name the backup exactly. */
  readonly backupHeaderSha256?: string;
  readonly backupBodySha256?: string;
  readonly backupReason?: string;
  readonly backupAuditHead?: AuditChainHead | null;
  readonly backupEncrypted?: boolean;
  /** The state the backup replaced: its audit chain head and rows per table. */
  readonly replaced?: ReplacedState | null;
  /** Where the backup of the replaced state went. */
  readonly preRestoreBackup?: PreRestoreBackupInfo | null;
}

export interface PreRestoreBackupInfo {
  readonly fileName: string;
  /** A folder (Electron's backups folder) or a description ("浏览器的下载文件夹"). */
  readonly where: string;
  readonly encrypted: boolean;
}

/** The state a restore replaces, as its audit entry records it. */
export interface ReplacedState {
  readonly auditHead: AuditChainHead | null;
  readonly rowCounts: Readonly<Record<string, number>>;
}

/** The journal of a restore of `fileName` (verified as `inspection`), written before the copy. */
export function restoreJournalFor(
  fileName: string,
  inspection: BackupInspection,
  replaced: ReplacedState | null,
  preRestoreBackup: PreRestoreBackupInfo | null,
  now: Date = new Date(),
): RestoreJournal {
  return {
    stagedAt: now.toISOString(),
    fileName,
    backupCreatedAt: inspection.header.createdAt,
    rowCounts: inspection.rowCounts,
    backupHeaderSha256: inspection.headerSha256,
    backupBodySha256: inspection.bodySha256,
    backupReason: inspection.header.reason,
    backupAuditHead: inspection.header.auditChainHead,
    backupEncrypted: inspection.encrypted,
    replaced,
    preRestoreBackup,
  };
}
