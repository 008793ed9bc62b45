// Whether a large write fits on the disk, before it starts. Chromium drops an origin's whole
// IndexedDB when a write fails for lack of space (issue 12: cases, settings and the audit log gone
// with a half-written import), so a write that may not fit is refused up front, saying how much it
// needs and what to free. Pure.

/** Left free after any large write: the audit entry, the quit backup's bookkeeping, the OS. */
export const SPACE_RESERVE_BYTES = 64 * 1024 * 1024;

/**
 * Disk bytes to allow per character of the records' JSON. Measured: 299,808 creditors (about 300
 * JSON characters each) took 33 MB of IndexedDB at rest, about 0.37 byte per character (values are
 * compressed); while written, the log and the compaction hold the data more than once. One byte
 * per character leaves that peak room.
 */
export const INDEXEDDB_BYTES_PER_BYTE = 1;

/** One measurement of free space, e.g. the data folder's disk or the browser's storage quota. */
export interface SpaceFigure {
  readonly freeBytes: number;
  /** Chinese, names what was measured: "数据所在磁盘（C:\\Users\\…）", "浏览器存储配额". */
  readonly where: string;
}

export type SpaceVerdict =
  | { readonly ok: true; readonly neededBytes: number }
  | { readonly ok: false; readonly neededBytes: number; readonly where: string; readonly message: string };

/** Bytes on disk for `count` records whose JSON takes `sampleBytes` for `sampleCount` of them. */
export function estimateWriteBytes(count: number, sampleBytes: number, sampleCount: number): number {
  if (count <= 0 || sampleCount <= 0) return 0;
  return Math.ceil((sampleBytes / sampleCount) * count * INDEXEDDB_BYTES_PER_BYTE);
}

/** "1.2 GB", "350 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  if (mb >= 1) return `${Math.ceil(mb).toLocaleString('zh-CN')} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The refusal: how much the write needs, what is free (null: less, by an unknown amount), what to free. */
export function spaceRefusal(what: string, neededBytes: number, where: string, freeBytes: number | null): string {
  const free = freeBytes === null ? '剩余空间不够' : `仅剩 ${formatBytes(Math.max(0, freeBytes))}`;
  const missing = freeBytes === null ? '' : `至少 ${formatBytes(neededBytes - Math.max(0, freeBytes))}`;
  return (
    `磁盘空间不足：${what}约需 ${formatBytes(neededBytes)}（含 ${formatBytes(SPACE_RESERVE_BYTES)} 余量），${where}${free}。` +
    `请腾出${missing ? ` ${missing} ` : ''}空间：清空回收站，删除或移走不需要的大文件（下载的安装包、视频等），或把旧备份移到其他磁盘，然后再试。`
  );
}

/**
 * Refuses when any figure has less than the write plus the reserve. `what` names the write in the
 * message ("本次导入（300,000 人）").
 */
export function checkSpaceFor(what: string, writeBytes: number, figures: readonly SpaceFigure[]): SpaceVerdict {
  const neededBytes = writeBytes + SPACE_RESERVE_BYTES;
  const short = figures.filter((f) => Number.isFinite(f.freeBytes)).sort((a, b) => a.freeBytes - b.freeBytes)[0];
  if (!short || short.freeBytes >= neededBytes) return { ok: true, neededBytes };
  return { ok: false, neededBytes, where: short.where, message: spaceRefusal(what, neededBytes, short.where, short.freeBytes) };
}
