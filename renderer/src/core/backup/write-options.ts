// Checks what a caller asks the writer for before a single byte is produced, so a bad request fails
// with a message instead of leaving half a file behind.
import { BackupWriteError } from './errors';
import { DEFAULT_TARGET_FRAME_BYTES, MAX_TABLES, PBKDF2_MAX_ITERATIONS, PBKDF2_MIN_ITERATIONS } from './format';
import type { AuditChainHead, BackupAuditAnchor, BackupReason } from './header';
import { BACKUP_REASONS, isValidTableName } from './header';
import type { BackupSealKey } from './seal';

/** One table to back up: its rows in the order they should be restored (e.g. by primary key). */
export interface BackupTableSource {
  readonly name: string;
  /** Structured-clone rows: JSON values, Uint8Array and Date. A packed block of creditors is one row. */
  readonly rows: AsyncIterable<unknown> | Iterable<unknown>;
}

export interface WriteBackupOptions {
  readonly appVersion: string;
  /** The Dexie schema version the rows are shaped for. */
  readonly schemaVersion: number;
  readonly reason?: BackupReason;
  /** ISO 8601; defaults to now. */
  readonly createdAt?: string;
  /**
   * Last audit-log entry, read before any table; its table must come last in `tables`. The writer
   * checks the audit table's last row against it, so a backup during which anything was written
   * fails (AUDIT_HEAD_MISMATCH) instead of mixing two states. Null when there is no audit log.
   */
  readonly auditChainHead: AuditChainHead | null;
  /** The installation's audit anchor (header.ts); left out of the header when not given. */
  readonly auditAnchor?: BackupAuditAnchor | null;
  /** Encrypts the backup when given (at least 8 characters). */
  readonly passphrase?: string;
  /** At least 600,000 (the default). */
  readonly pbkdf2Iterations?: number;
  /**
   * Seals the backup (HMAC-SHA256 with a key kept outside the database), so a changed row is
   * detected even in a plain backup. Without it the backup is unsealed (see seal.ts).
   */
  readonly sealKey?: BackupSealKey;
  /** Plaintext bytes per frame before it is flushed; memory use is a few times this. */
  readonly targetFrameBytes?: number;
  /**
   * Compresses one frame's text (deflate-raw, any level: the reader only inflates). Defaults to the
   * platform's CompressionStream on the calling thread's event loop; the app passes a pool of workers
   * (workers/backup-deflate) so frames compress in parallel, off the page's thread.
   */
  readonly deflate?: FrameDeflater;
  /** Frames compressed at once (default 2; a deflater pool of n workers wants n + 1). */
  readonly framesInFlight?: number;
}

/** Compresses one frame's text to deflate-raw. */
export type FrameDeflater = (text: Uint8Array) => Promise<Uint8Array>;

export const MIN_PASSPHRASE_CHARS = 8;

/** Null when the passphrase is acceptable, else a Chinese message for the passphrase field. */
export function checkBackupPassphrase(passphrase: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) return `备份密码至少需要 ${MIN_PASSPHRASE_CHARS} 个字符，请设置更长的密码。`;
  if (passphrase.trim() === '') return '备份密码不能全是空格，请重新设置。';
  return null;
}

function invalid(message: string, detail: string): BackupWriteError {
  return new BackupWriteError('INVALID_OPTIONS', message, detail);
}

export function checkWriteRequest(tables: readonly BackupTableSource[], options: WriteBackupOptions): void {
  if (tables.length > MAX_TABLES) throw invalid(`数据表过多（${tables.length} 个），备份格式最多支持 ${MAX_TABLES} 个。`, 'too many tables');
  const seen = new Set<string>();
  for (const t of tables) {
    if (!isValidTableName(t.name)) {
      throw invalid(
        `数据表名称“${String(t.name)}”无效：须为 1–200 个英文字母、数字或 _ $ . -，以字母、_ 或 $ 开头，且不能是 __proto__。`,
        'bad table name',
      );
    }
    if (seen.has(t.name)) throw invalid(`数据表“${t.name}”重复出现，每个表只能备份一次。`, 'duplicate table name');
    seen.add(t.name);
  }
  if (typeof options.appVersion !== 'string' || options.appVersion.length === 0 || options.appVersion.length > 100) {
    throw invalid('程序版本号（appVersion）为空或过长，无法写入备份。', 'bad appVersion');
  }
  if (!Number.isSafeInteger(options.schemaVersion) || options.schemaVersion < 0) {
    throw invalid(`数据库结构版本（schemaVersion）“${options.schemaVersion}”不是非负整数。`, 'bad schemaVersion');
  }
  if (options.reason !== undefined && !BACKUP_REASONS.includes(options.reason)) {
    throw invalid(`备份原因“${String(options.reason)}”无效。`, 'bad reason');
  }
  if (options.createdAt !== undefined && Number.isNaN(Date.parse(options.createdAt))) {
    throw invalid(`备份时间“${options.createdAt}”不是有效的 ISO 8601 时间。`, 'bad createdAt');
  }
  const head = options.auditChainHead;
  if (head !== null) {
    if (!seen.has(head.table)) throw invalid(`审计链头所在的表“${head.table}”不在本次备份的表中。`, 'audit table not backed up');
    // Read last, the audit table proves the snapshot: every write appends an audit entry, so a write
    // made while the other tables were being read shows up as a row after the captured head.
    if (tables[tables.length - 1]?.name !== head.table) {
      throw invalid(`审计日志表“${head.table}”须排在最后备份，才能发现备份期间发生的修改。`, 'audit table must be the last table');
    }
    if (!Number.isSafeInteger(head.seq) || head.seq < 0 || !/^[0-9a-f]{64}$/.test(head.hash)) {
      throw invalid('审计链头（序号或哈希）格式无效。', 'bad audit chain head');
    }
  }
  if (options.passphrase !== undefined) {
    const problem = checkBackupPassphrase(options.passphrase);
    if (problem) throw new BackupWriteError('WEAK_PASSPHRASE', problem, 'passphrase too short or blank');
  }
  const iterations = options.pbkdf2Iterations ?? PBKDF2_MIN_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
    throw invalid(
      `密钥派生迭代次数须在 ${PBKDF2_MIN_ITERATIONS} 到 ${PBKDF2_MAX_ITERATIONS} 之间（收到 ${iterations}）。`,
      'pbkdf2 iterations out of range',
    );
  }
  const target = options.targetFrameBytes ?? DEFAULT_TARGET_FRAME_BYTES;
  if (!Number.isSafeInteger(target) || target < 1024 || target > 64 * 1024 * 1024) {
    throw invalid(`分块大小须在 1 KiB 到 64 MiB 之间（收到 ${target}）。`, 'targetFrameBytes out of range');
  }
}
