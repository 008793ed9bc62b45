import { type AuditEntry, GENESIS_HASH, hashAuditEntry } from './audit-entry';

export type AuditChainVerdict =
  | { readonly ok: true; readonly count: number; readonly headHash: string; readonly headSeq: number }
  | {
      readonly ok: false;
      readonly count: number;
      /** The sequence number of the first entry that does not verify. */
      readonly brokenAtSeq: number;
      readonly reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap';
      /** Chinese, for the settings screen. */
      readonly message: string;
    };

/**
 * Walks the chain in sequence order and names the first entry that does not verify. Entries must be
 * given in ascending seq order (as the audit table returns them).
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>): AuditChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    count++;
    if (entry.seq !== expectedSeq) {
      return broken(count, expectedSeq, 'sequence-gap', `第 ${expectedSeq} 条审计记录缺失（下一条是第 ${entry.seq} 条）：记录被删除或插入过。`);
    }
    if (entry.prevHash !== prevHash) {
      return broken(count, entry.seq, 'prev-hash-mismatch', `第 ${entry.seq} 条审计记录与前一条不衔接：前一条或本条被改动过。`);
    }
    const { hash, ...body } = entry;
    if (hashAuditEntry(body) !== hash) {
      return broken(count, entry.seq, 'hash-mismatch', `第 ${entry.seq} 条审计记录的内容与其校验值不符：该记录被改动过。`);
    }
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, count, headHash: prevHash, headSeq: expectedSeq - 1 };
}

function broken(
  count: number,
  brokenAtSeq: number,
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap',
  message: string,
): AuditChainVerdict {
  return { ok: false, count, brokenAtSeq, reason, message };
}
