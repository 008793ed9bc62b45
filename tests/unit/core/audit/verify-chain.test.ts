import { describe, expect, it } from 'vitest';
import { type AuditEntry, GENESIS_HASH, sealAuditEntry } from '../../../../renderer/src/core/audit/audit-entry';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = sealAuditEntry({
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      operator: '张三',
      action: 'update',
      entity: 'cases',
      entityId: `c${seq}`,
      before: { amountInvolvedFen: seq },
      after: { amountInvolvedFen: seq * 100 },
      prevHash,
    });
    entries.push(e);
    prevHash = e.hash;
  }
  return entries;
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries)).toEqual({ ok: true, count: 5, headHash: entries[4]?.hash, headSeq: 5 });
  });

  it('accepts an empty log', () => {
    expect(verifyAuditChain([])).toMatchObject({ ok: true, count: 0, headSeq: 0 });
  });

  it('names the entry whose content was changed', () => {
    const entries = chain(5);
    const e3 = entries[2] as AuditEntry;
    entries[2] = { ...e3, after: { amountInvolvedFen: 1 } };
    const verdict = verifyAuditChain(entries);
    expect(verdict).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch' });
    expect(verdict.ok ? '' : verdict.message).toContain('第 3 条');
  });

  it('detects an entry re-hashed after tampering through the next link', () => {
    const entries = chain(4);
    const e2 = entries[1] as AuditEntry;
    const { hash: _old, ...body } = e2;
    entries[1] = sealAuditEntry({ ...body, operator: '李四' });
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'prev-hash-mismatch' });
  });

  it('detects a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'sequence-gap' });
  });

  it('hashes independently of property order', () => {
    const [a] = chain(1) as [AuditEntry];
    const reordered = JSON.parse(JSON.stringify({ hash: a.hash, prevHash: a.prevHash, after: a.after, before: a.before, entityId: a.entityId, entity: a.entity, action: a.action, operator: a.operator, at: a.at, seq: a.seq })) as AuditEntry;
    expect(verifyAuditChain([reordered]).ok).toBe(true);
  });
});
