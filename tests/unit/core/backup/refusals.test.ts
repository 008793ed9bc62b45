// What a user sees when a file cannot be used: the right code, and a Chinese message that says what to do.

import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';
import { inspectBackup, readBackupRows } from '../../../../renderer/src/core/backup';
import { forgePlainBackup } from './forge';
import { auditLog, collect, headOf, makeBackup, refused } from './helpers';

const tables = [{ name: 'cases', rows: [{ id: 'c1' }, { id: 'c2' }] }];


describe('refusals with a message saying what to do', () => {
  it('a wrong passphrase is WRONG_PASSPHRASE, a missing one PASSPHRASE_REQUIRED', async () => {
    const bytes = await makeBackup(tables, { passphrase: '备份密码-甲乙丙丁' });
    const wrong = await refused(inspectBackup([bytes], { passphrase: '备份密码-甲乙丙戊' }));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).toContain('密码不正确');
    const none = await refused(inspectBackup([bytes]));
    expect(none.code).toBe('PASSPHRASE_REQUIRED');
    expect(none.message).toContain('请输入');
  });

  it('the same passphrase typed in another Unicode normal form still opens the file', async () => {
    const composed = 'Café-密码-ｅ\u00e9'.normalize('NFC');
    const bytes = await makeBackup(tables, { passphrase: composed });
    const r = await inspectBackup([bytes], { passphrase: composed.normalize('NFD') });
    expect(r.rowCounts).toEqual({ cases: 2 });
  });

  it('a newer backup format, or a newer database schema, is NEWER_FORMAT and says to upgrade', async () => {
    const bytes = await makeBackup(tables);
    const newer = bytes.slice();
    const view = new DataView(newer.buffer);
    view.setUint16(8, 4);
    view.setUint16(10, ~4 & 0xffff);
    const e = await refused(inspectBackup([newer]));
    expect(e.code).toBe('NEWER_FORMAT');
    expect(e.message).toContain('升级');
    const s = await refused(inspectBackup([bytes], { maxSchemaVersion: 2 }));
    expect(s.code).toBe('NEWER_FORMAT');
    expect(s.message).toContain('数据库结构为第 3 版');
    await expect(inspectBackup([bytes], { maxSchemaVersion: 3 })).resolves.toBeTruthy();
  });

  it('other files are NOT_A_BACKUP; an empty file is TRUNCATED', async () => {
    const enc = new TextEncoder();
    for (const other of ['%PDF-1.7\n', 'PK\u0003\u0004', '姓名,身份证号\n张三,1101']) {
      const e = await refused(inspectBackup([enc.encode(other)]));
      expect(e.code).toBe('NOT_A_BACKUP');
      expect(e.message).toContain('不是处非工作台的备份文件');
    }
    expect((await refused(inspectBackup([]))).code).toBe('TRUNCATED');
    const t = await refused(inspectBackup([(await makeBackup(tables)).subarray(0, 100)]));
    expect(t.message).toMatch(/不完整.*请改用其他备份文件/);
  });

  it('a body whose hash does not match says CORRUPTED and where', async () => {
    const bytes = await makeBackup(tables);
    // A frame replaced by another valid one (compressed, right length), the trailer left as it was.
    const copy = await forgePlainBackup(bytes, { recomputeHashes: false, editRows: (_, lines) => lines.map((l) => l.replace('"c2"', '"c3"')) });
    expect(copy).not.toEqual(bytes);
    const e = await refused(inspectBackup([copy]));
    expect(e.code).toBe('CORRUPTED');
    expect(e.message).toContain('SHA-256');
  });
});

describe('audit chain inside a backup', () => {
  it('verifies with the injected verifier and reports where a tampered chain breaks', async () => {
    const log = auditLog(5);
    const ok = await makeBackup([{ name: 'auditLog', rows: log }], { auditChainHead: headOf(log) });
    expect((await inspectBackup([ok], { verifyAuditChain })).auditChain).toMatchObject({ status: 'verified', count: 5 });
    expect((await inspectBackup([ok])).auditChain.status).toBe('not-checked');

    const tampered = log.map((e) => (e.seq === 3 ? { ...e, operator: '改过的人' } : e));
    const bad = await makeBackup([{ name: 'auditLog', rows: tampered }], { auditChainHead: headOf(tampered) });
    const report = (await inspectBackup([bad], { verifyAuditChain })).auditChain;
    expect(report).toMatchObject({ status: 'broken', brokenAtSeq: 3 });
    expect(report.status === 'broken' && report.message).toContain('第 3 条');

    const noLog = await makeBackup(tables);
    expect((await inspectBackup([noLog], { verifyAuditChain })).auditChain.status).toBe('absent');
  });

  it('a verifier that throws on malformed entries gives "broken", not a crash', async () => {
    const bytes = await makeBackup([{ name: 'auditLog', rows: [{ seq: 1, hash: 'a'.repeat(64) }] }], {
      auditChainHead: { table: 'auditLog', seq: 1, hash: 'a'.repeat(64) },
    });
    const r = await inspectBackup([bytes], {
      verifyAuditChain: () => {
        throw new Error('bad entry');
      },
    });
    expect(r.auditChain).toMatchObject({ status: 'broken' });
  });
});

describe('restore reads only what was verified', () => {
  it('refuses in pass two a file replaced after inspection, before yielding a row', async () => {
    const a = await makeBackup(tables, { createdAt: '2026-01-01T00:00:00Z' });
    const b = await makeBackup(tables, { createdAt: '2026-01-02T00:00:00Z' });
    const inspection = await inspectBackup([a]);
    const seen: unknown[] = [];
    const e = await refused(
      (async () => {
        for await (const batch of readBackupRows([b], inspection)) seen.push(...batch.rows);
      })(),
    );
    expect(e.code).toBe('CORRUPTED');
    expect(e.message).toContain('校验后被替换');
    expect(seen).toEqual([]);
  });

  it('throws at the end when only the body changed after inspection, so the restore rolls back', async () => {
    const a = await makeBackup(tables);
    const b = await makeBackup([{ name: 'cases', rows: [{ id: 'c1' }, { id: 'XX' }] }]);
    expect(sha256(a.subarray(0, 100))).toEqual(sha256(b.subarray(0, 100)));
    const inspection = await inspectBackup([a]);
    const e = await refused(collect((async function* () {
      for await (const batch of readBackupRows([b], inspection)) yield new Uint8Array(batch.rows.length);
    })()));
    expect(e.code).toBe('CORRUPTED');
  });

  it('an encrypted restore uses the key from inspection, without the passphrase again', async () => {
    const bytes = await makeBackup(tables, { passphrase: 'long enough passphrase' });
    const inspection = await inspectBackup([bytes], { passphrase: 'long enough passphrase' });
    const rows: unknown[] = [];
    for await (const batch of readBackupRows([bytes], inspection)) rows.push(...batch.rows);
    expect(rows).toEqual([{ id: 'c1' }, { id: 'c2' }]);
  });
});
