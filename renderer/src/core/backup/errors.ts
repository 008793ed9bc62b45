// Typed refusals. A backup that cannot be trusted is never restored, and the office worker reading
// the message must learn what happened and what to do next, in Chinese; `detail` keeps the English
// technical reason for the CLI and for bug reports.

export type BackupErrorCode =
  | 'NOT_A_BACKUP'
  | 'TRUNCATED'
  | 'CORRUPTED'
  | 'PASSPHRASE_REQUIRED'
  | 'WRONG_PASSPHRASE'
  | 'NEWER_FORMAT'
  /** Sealed by this installation, but the seal does not match: changed after it was written. */
  | 'TAMPERED';

const USE_ANOTHER = '此文件不能用于恢复，请改用其他备份文件（如自动备份文件夹中较早的备份）。';

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    /** Chinese: what happened and what to do. */
    message: string,
    /** English technical detail (where in the file, which check). */
    readonly detail: string,
  ) {
    super(message);
  }
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError;
}

export function notABackup(detail: string): BackupError {
  return new BackupError(
    'NOT_A_BACKUP',
    '所选文件不是处非工作台的备份文件（文件开头的标识不符）。请确认选择的是处非工作台生成的备份文件（.cfbak）。',
    detail,
  );
}

export function truncated(atByte: number, detail: string): BackupError {
  return new BackupError(
    'TRUNCATED',
    `备份文件不完整：在第 ${atByte} 字节处提前结束，可能是复制中断、磁盘已满或写入时断电。${USE_ANOTHER}`,
    detail,
  );
}

/** `where` names the damaged part in Chinese, e.g. "文件头" or "第 12 个数据块". */
export function corrupted(where: string, detail: string): BackupError {
  return new BackupError(
    'CORRUPTED',
    `备份文件已损坏：${where}校验不符，文件内容被改动过或存储介质出错。${USE_ANOTHER}`,
    detail,
  );
}

export function tampered(detail: string): BackupError {
  return new BackupError(
    'TAMPERED',
    `备份文件的签名不符：此文件由本机的处非工作台签名，但内容在备份之后被改动过（例如改了某一行并重新计算了校验值）。${USE_ANOTHER}`,
    detail,
  );
}

export function passphraseRequired(): BackupError {
  return new BackupError(
    'PASSPHRASE_REQUIRED',
    '此备份已加密：请输入创建该备份时设置的密码后再打开。',
    'encrypted backup, no passphrase given',
  );
}

export function wrongPassphrase(detail: string): BackupError {
  return new BackupError(
    'WRONG_PASSPHRASE',
    '密码不正确，无法解密此备份（文件本身完好）。请核对密码（注意大小写、全角/半角和输入法状态）后重试。',
    detail,
  );
}

export function newerFormat(what: string, found: number, supported: number): BackupError {
  return new BackupError(
    'NEWER_FORMAT',
    `此备份由更新版本的处非工作台创建（${what}为第 ${found} 版，本程序只支持到第 ${supported} 版）。请先把处非工作台升级到最新版本，再打开此备份。`,
    `${what === '备份格式' ? 'format' : 'schema'} version ${found} > supported ${supported}`,
  );
}

export type BackupWriteErrorCode =
  | 'INVALID_OPTIONS'
  | 'WEAK_PASSPHRASE'
  | 'INVALID_ROW'
  | 'ROW_TOO_LARGE'
  | 'AUDIT_HEAD_MISMATCH';

/** Thrown while writing: the chunks produced so far are not a usable backup and must be discarded. */
export class BackupWriteError extends Error {
  override readonly name = 'BackupWriteError';
  constructor(
    readonly code: BackupWriteErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}
