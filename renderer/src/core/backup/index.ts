// Public surface of the backup core. Callers (the database layer, the main process via IPC, the CLI)
// import from here.
export type { AuditChainReport, AuditChainVerdictLike, AuditChainVerifier } from './audit-check';
export type { BackupKey } from './backup-crypto';
export type { ByteSource } from './byte-reader';
export { deflateRaw } from './compression';
export type { BackupErrorCode, BackupWriteErrorCode } from './errors';
export { BackupError, BackupWriteError, isBackupError } from './errors';
export { BACKUP_FILE_EXTENSION, FORMAT_VERSION, PBKDF2_MIN_ITERATIONS } from './format';
export type { AuditChainHead, BackupAuditAnchor, BackupEncryptionParams, BackupHeader, BackupReason, BackupSealParams } from './header';
export { BACKUP_REASONS } from './header';
export type { BackupInspection, InspectOptions } from './inspect-backup';
export { inspectBackup } from './inspect-backup';
export type { BackupRowBatch } from './read-backup-rows';
export { readBackupRows } from './read-backup-rows';
export type { BackupStamp, KeepReason, RetentionPlan, RetentionPolicy } from './retention';
export { DEFAULT_RETENTION, planBackupRetention } from './retention';
export type { BackupSealKey, BackupSealReport } from './seal';
export { importSealKey, newSealKeyBytes, SEAL_KEY_BYTES, sealKeyId } from './seal';
export type { BackupTableSource, BackupWriteSummary, FrameDeflater, WriteBackupOptions } from './write-backup';
export { writeBackup } from './write-backup';
export { checkBackupPassphrase, MIN_PASSPHRASE_CHARS } from './write-options';
