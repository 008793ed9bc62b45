// The audit chain's anchor (审计链锚点): the newest entry's sequence number and hash, and the first
// entry's hash, kept where an edit of the database does not reach (a file in userData in Electron,
// localStorage in browser mode) and in every backup. The chain alone proves no entry inside it was
// changed; only something outside it can tell that the newest entries were deleted, or that the
// whole log was cleared and a new chain started at 1. Pure.

import { parseJsonObject } from '../common/json-object';
import { formatOfficeDateTime } from '../common/office-time';

export interface AuditAnchor {
  readonly version: 1;
  /** The newest entry the app saw committed. */
  readonly seq: number;
  readonly hash: string;
  /** The hash of entry 1: a chain started again has a different first entry. */
  readonly firstHash: string;
  /** When the anchor was last moved (ISO 8601). */
  readonly at: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The anchor from its stored text; null when absent or unreadable (treated as no anchor). */
export function parseAuditAnchor(text: string | null): AuditAnchor | null {
  const a = parseJsonObject(text);
  if (!a) return null;
  if (a.version !== 1 || typeof a.seq !== 'number' || !Number.isSafeInteger(a.seq) || a.seq < 1) return null;
  if (typeof a.hash !== 'string' || !HEX64.test(a.hash) || typeof a.firstHash !== 'string' || !HEX64.test(a.firstHash)) return null;
  if (typeof a.at !== 'string') return null;
  return { version: 1, seq: a.seq, hash: a.hash, firstHash: a.firstHash, at: a.at };
}

/** What the anchor check needs to know of the chain as stored now. */
export interface ChainSnapshot {
  readonly count: number;
  /** Highest seq stored (0 when empty). */
  readonly headSeq: number;
  readonly headHash: string | null;
  /** Hash of entry 1, null when there is none. */
  readonly firstHash: string | null;
  /** Hash of the entry with the anchor's seq, null when there is none. */
  readonly hashAtAnchor: string | null;
}

export type AnchorVerdict =
  | { readonly status: 'ok' }
  /** Nothing to compare: no anchor was ever kept and the log is empty (a new installation). */
  | { readonly status: 'new' }
  | { readonly status: 'missing'; readonly message: string }
  | { readonly status: 'cleared' | 'restarted' | 'truncated' | 'rewritten'; readonly anchor: AuditAnchor; readonly message: string };

/**
 * Compares the stored chain with the anchor. An anchor behind the head is fine (the app stopped
 * between a commit and the anchor's write); everything else that disagrees is named.
 */
export function checkAnchor(anchor: AuditAnchor | null, chain: ChainSnapshot): AnchorVerdict {
  if (!anchor) {
    if (chain.count === 0) return { status: 'new' };
    return {
      status: 'missing',
      message: `未找到审计链锚点：无法确认最新的审计记录没有被删除（现有 ${chain.count} 条，止于第 ${chain.headSeq} 条）。锚点将随下一次操作重新记录；如非首次使用本版本，请检查数据目录是否被改动。`,
    };
  }
  if (chain.count === 0) {
    return {
      status: 'cleared',
      anchor,
      message: `审计日志已被清空：锚点记录审计链止于第 ${anchor.seq} 条（${formatOfficeDateTime(anchor.at)}），现在一条也没有。请从备份恢复，不要在清空的日志上继续工作。`,
    };
  }
  if (chain.firstHash !== anchor.firstHash) {
    return {
      status: 'restarted',
      anchor,
      message: `审计链被重新开始：第 1 条审计记录与锚点记录的不是同一条（原链止于第 ${anchor.seq} 条），原有的审计日志已被清除或替换。请从备份恢复。`,
    };
  }
  if (chain.headSeq < anchor.seq) {
    return {
      status: 'truncated',
      anchor,
      message: `审计链被截断：锚点记录审计链止于第 ${anchor.seq} 条，现在只到第 ${chain.headSeq} 条，最新的 ${anchor.seq - chain.headSeq} 条审计记录被删除。请从备份恢复。`,
    };
  }
  if (chain.hashAtAnchor !== anchor.hash) {
    return {
      status: 'rewritten',
      anchor,
      message: `第 ${anchor.seq} 条审计记录与锚点不符：原有的审计记录被删除或改写过（例如最新的若干条被删除后又继续写入）。请从备份恢复。`,
    };
  }
  return { status: 'ok' };
}

export function anchorAt(seq: number, hash: string, firstHash: string, now: Date): AuditAnchor {
  return { version: 1, seq, hash, firstHash, at: now.toISOString() };
}
