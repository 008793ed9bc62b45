// The real cause of a failed database write, in Chinese. A transaction that fails for lack of disk
// space reaches the code as QuotaExceededError, or as an AbortError / UnknownError / DataError
// ("Failed to write blobs (IOError)") with the cause only in its message; the import wizard used to
// read an AbortError as the user's own cancel and said 「已取消」. Pure.

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
  readonly cause?: unknown;
}

/** The error and the errors it wraps (Dexie's `inner`, standard `cause`), outermost first. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && out.length < 5 && !out.includes(current as ErrorLike)) {
    const e = current as ErrorLike;
    out.push(e);
    current = e.inner ?? e.cause;
  }
  return out;
}

const FULL = /quota|no[ _]space|disk (is )?full|ENOSPC|not enough (disk )?space/i;
const IO = /IO ?error|failed to write|internal error (committing|opening)|unable to write|corrupt|backing store/i;

export type WriteFailureKind = 'disk-full' | 'disk-io' | 'other';

export function classifyWriteFailure(error: unknown): WriteFailureKind {
  const errors = chain(error);
  const text = errors.map((e) => `${String(e.name ?? '')} ${String(e.message ?? '')}`).join(' | ');
  if (errors.some((e) => e.name === 'QuotaExceededError') || FULL.test(text)) return 'disk-full';
  if (errors.some((e) => e.name === 'UnknownError') || IO.test(text)) return 'disk-io';
  return 'other';
}

function detail(error: unknown): string {
  const innermost = chain(error).at(-1);
  const message = innermost ? String(innermost.message ?? innermost.name ?? '') : String(error);
  return message.trim().slice(0, 200) || '未知错误';
}

/**
 * "磁盘空间不足…" when the cause is space or the disk, else the browser's own words. `what` names
 * the write ("导入"), `unchanged` what is still as it was ("本案名单没有变化").
 */
export function describeWriteFailure(error: unknown, what: string, unchanged: string): string {
  switch (classifyWriteFailure(error)) {
    case 'disk-full':
      return `${what}失败：磁盘空间不足（浏览器报告：${detail(error)}）。${unchanged}。请清空回收站、删除或移走不需要的大文件，或把旧备份移到其他磁盘，腾出空间后再试。`;
    case 'disk-io':
      return `${what}失败：磁盘写入出错，最常见的原因是磁盘空间不足（浏览器报告：${detail(error)}）。${unchanged}。请先腾出磁盘空间；如空间充足仍出错，请重启电脑后再试，并立即备份。`;
    default:
      return `${what}失败：${detail(error)}。${unchanged}。`;
  }
}
