// The audit chain inside a backup is verified by a function the caller injects (core/audit's
// verifyAuditChain), so this module does not depend on how the chain is hashed.
import type { AuditChainHead, BackupAuditAnchor } from './header';

/** The fields of core/audit's AuditChainVerdict this module reads. */
export interface AuditChainVerdictLike {
  readonly ok: boolean;
  readonly count: number;
  readonly headHash?: string;
  readonly headSeq?: number;
  readonly brokenAtSeq?: number;
  readonly message?: string;
}

/**
 * Receives the audit table's rows as read from the backup, unvalidated and in file order.
 * Typed `never[]` so that core/audit's `verifyAuditChain(entries: Iterable<AuditEntry>)` fits as is.
 */
export type AuditChainVerifier = (entries: never[]) => AuditChainVerdictLike | Promise<AuditChainVerdictLike>;

export type AuditChainReport =
  | { readonly status: 'verified'; readonly count: number; readonly headSeq: number; readonly headHash: string }
  | { readonly status: 'broken'; readonly count: number; readonly brokenAtSeq: number | null; readonly message: string }
  /** The backup holds no audit log (its header names no chain head). */
  | { readonly status: 'absent'; readonly message: string }
  | { readonly status: 'not-checked'; readonly message: string };

export async function checkAuditChain(
  head: AuditChainHead | null,
  entries: unknown[] | null,
  verify: AuditChainVerifier | undefined,
  anchor: BackupAuditAnchor | null = null,
): Promise<AuditChainReport> {
  if (head === null) return { status: 'absent', message: '此备份不含审计日志链头，无法核对审计链。' };
  if (!verify || entries === null) return { status: 'not-checked', message: '未核对审计链（未提供核对函数）。' };
  let verdict: AuditChainVerdictLike;
  try {
    verdict = await verify(entries as never[]);
  } catch (e) {
    return {
      status: 'broken',
      count: entries.length,
      brokenAtSeq: null,
      message: `审计日志无法核对：记录格式异常（${e instanceof Error ? e.message : String(e)}）。`,
    };
  }
  if (!verdict.ok) {
    return {
      status: 'broken',
      count: verdict.count,
      brokenAtSeq: verdict.brokenAtSeq ?? null,
      message: verdict.message ?? '审计链校验未通过。',
    };
  }
  const headSeq = verdict.headSeq ?? 0;
  if (headSeq !== head.seq || (head.seq > 0 && verdict.headHash !== head.hash)) {
    return {
      status: 'broken',
      count: verdict.count,
      brokenAtSeq: null,
      message: `审计链本身完整，但止于第 ${headSeq} 条，与备份头记录的第 ${head.seq} 条不符：备份中的审计日志不是备份时的那一份。`,
    };
  }
  const anchorProblem = anchor ? checkAgainstAnchor(anchor, entries, headSeq) : null;
  if (anchorProblem) return { status: 'broken', count: verdict.count, brokenAtSeq: null, message: anchorProblem };
  return { status: 'verified', count: verdict.count, headSeq, headHash: verdict.headHash ?? head.hash };
}

const hashOf = (entries: unknown[], seq: number): string | null => {
  for (const e of entries) {
    const entry = e as { seq?: unknown; hash?: unknown } | null;
    if (entry?.seq === seq) return typeof entry.hash === 'string' ? entry.hash : null;
  }
  return null;
};

/**
 * The backup's chain against the installation's anchor written into the same backup: a chain that
 * stops short of it, or differs from it, is not the log the app had kept (cut short or replaced
 * before the backup was taken).
 */
function checkAgainstAnchor(anchor: BackupAuditAnchor, entries: unknown[], headSeq: number): string | null {
  if (hashOf(entries, 1) !== anchor.firstHash) {
    return `备份中的审计链与备份时的锚点不是同一条链（锚点记录原链止于第 ${anchor.seq} 条）：备份前审计日志已被清除或替换。`;
  }
  if (headSeq < anchor.seq) {
    return `备份中的审计链止于第 ${headSeq} 条，而备份时的锚点记录到第 ${anchor.seq} 条：备份前最新的 ${anchor.seq - headSeq} 条审计记录已被删除。`;
  }
  if (hashOf(entries, anchor.seq) !== anchor.hash) {
    return `备份中的第 ${anchor.seq} 条审计记录与备份时的锚点不符：备份前审计日志已被改写。`;
  }
  return null;
}
