// The audit chain inside a backup is verified by a function the caller injects (core/audit's
// verifyAuditChain), so this module does not depend on how the chain is hashed.
import type { AuditChainHead } from './header';

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
  return { status: 'verified', count: verdict.count, headSeq, headHash: verdict.headHash ?? head.hash };
}
