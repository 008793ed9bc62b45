import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';
import { inspectBackup, readBackupRows } from '../../../../renderer/src/core/backup';
import { auditLog, chunked, creditorBlock, headOf, makeBackup } from './helpers';

async function restoreAll(bytes: Uint8Array, passphrase?: string) {
  const inspection = await inspectBackup(chunked(bytes), passphrase ? { passphrase, verifyAuditChain } : { verifyAuditChain });
  const tables = new Map<string, unknown[]>();
  for await (const batch of readBackupRows(chunked(bytes, 70_000, 7), inspection)) {
    const rows = tables.get(batch.table) ?? [];
    for (const r of batch.rows) rows.push(r);
    tables.set(batch.table, rows);
  }
  return { inspection, tables };
}

const tricky = [
  { id: 'a', name: '堃喆赟昇珺玥 🀄 𠀀', note: 'line\nbreak "quotes" \\ back', lone: '\ud800x', nested: { deep: [1, [2, { x: null }]] } },
  { id: 'b', bytes: Uint8Array.of(0, 1, 2, 255), when: new Date('2026-01-02T03:04:05.678Z'), negZero: -0 },
  { id: 'c', $t: 'bytes', v: 'not a tag', inner: { $t: 'obj' } },
  { id: 'd', maybe: undefined, empty: {}, list: [], big: Number.MAX_SAFE_INTEGER, small: -5e-324 },
  { id: 'e', ['__proto__']: { polluted: true } },
  { id: 'f', docs: [{ scan: new Uint8Array(70_000).fill(7), at: new Date(0) }, 'x', [-0, { $t: 1 }]], after: 'kept' },
];
const trickyRows = tricky.map((r) => (r.id === 'e' ? JSON.parse('{"id":"e","__proto__":{"polluted":true}}') : r));

describe('backup round trip', () => {
  it('gives back several tables unchanged, incl. 100k rows and values JSON alone would lose', async () => {
    const log = auditLog(50);
    const big = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `李${i}`, amountFen: i * 37 }));
    const tables = [
      { name: 'cases', rows: [{ id: 'case-1', title: '某某养老服务有限公司涉嫌非法吸收公众存款案' }] },
      { name: 'empty', rows: [] },
      { name: 'tricky', rows: trickyRows },
      { name: 'bigTable', rows: big },
      { name: 'creditorBlocks', rows: (async function* () { for (let b = 0; b < 5; b++) yield creditorBlock(b, 1000); })() },
      { name: 'auditLog', rows: log },
    ];
    const bytes = await makeBackup(tables, { auditChainHead: headOf(log), targetFrameBytes: 64 * 1024 });
    const { inspection, tables: back } = await restoreAll(bytes);
    expect(inspection.rowCounts).toEqual({ cases: 1, empty: 0, tricky: 6, bigTable: 100_000, creditorBlocks: 5, auditLog: 50 });
    expect(inspection.auditChain).toMatchObject({ status: 'verified', count: 50, headSeq: 50 });
    expect(inspection.encrypted).toBe(false);
    expect(inspection.frames).toBeGreaterThan(10);
    expect(back.get('bigTable')).toEqual(big);
    expect(back.get('auditLog')).toEqual(log);
    expect(back.has('empty')).toBe(false);
    const t = back.get('tricky') as Record<string, unknown>[];
    expect(t).toEqual(trickyRows);
    expect(Object.is(t[1]?.negZero, -0)).toBe(true);
    expect(t[1]?.bytes).toBeInstanceOf(Uint8Array);
    expect(t[1]?.when).toBeInstanceOf(Date);
    expect(Object.hasOwn(t[4] as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(t[4])).toBe(Object.prototype);
    const f = t[5] as { docs: [{ scan: Uint8Array; at: Date }, string, [number, object]] };
    expect(f.docs[0].scan).toBeInstanceOf(Uint8Array);
    expect(f.docs[0].scan.length).toBe(70_000);
    expect(Object.is(f.docs[2][0], -0)).toBe(true);
    expect(back.get('creditorBlocks')?.[4]).toEqual(creditorBlock(4, 1000));
  });

  it('encrypted round trip with a Chinese passphrase', async () => {
    const log = auditLog(3);
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, 姓名: `赵昇${i}` }));
    const bytes = await makeBackup(
      [{ name: 'creditors', rows }, { name: 'auditLog', rows: log }],
      { passphrase: '处非办备份密码2026', auditChainHead: headOf(log), targetFrameBytes: 4096 },
    );
    expect(new TextDecoder().decode(bytes)).not.toContain('赵昇');
    const { inspection, tables } = await restoreAll(bytes, '处非办备份密码2026');
    expect(inspection.encrypted).toBe(true);
    expect(inspection.verified.authenticated).toBe(true);
    expect(inspection.header.encryption?.iterations).toBeGreaterThanOrEqual(600_000);
    expect(inspection.auditChain.status).toBe('verified');
    expect(tables.get('creditors')).toEqual(rows);
  });
});
