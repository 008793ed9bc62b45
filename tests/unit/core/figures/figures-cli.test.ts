// `npm run cli -- figures FILE …` on a backup the app itself wrote (createBackup over the store).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../../renderer/src/db/backup/create-backup';
import { run } from '../../../../scripts/cli/commands/figures';
import { captureCliOutput } from '../../cli-output';
import { batchDraft, createCase, importCreditors } from '../../db/repayment-test-data';
import { makeTestRepos } from '../../db/test-db';

const dir = mkdtempSync(join(tmpdir(), 'figures-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = captureCliOutput();

async function backupOf(passphrase?: string): Promise<string> {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...(await t.repos.settings.get()), operatorName: '林淼', districts: ['环翠区', '文登区'] });
  const caseId = await createCase(t.repos); // 环翠区, filed 2020-06-01
  await importCreditors(t.repos, caseId, [
    { name: '王喆', netClaimFen: 600_000 },
    { name: '李堃', netClaimFen: 400_000 },
  ]);
  await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '5,000', date: '2026-11-01', note: '' });
  const batch = await t.repos.repayment.createBatch(caseId, batchDraft('5,000'));
  if (!batch.ok) throw new Error('batch');
  await t.repos.repayment.approve(batch.id, '王主任');
  const lines = (await t.repos.repayment.batchLines(batch.id)).filter((l) => l.amountFen > 0);
  await t.repos.repayment.recordPaymentResults(batch.id, lines.map((l) => ({ cid: l.cid, result: 'paid' as const, note: '' })), { fileName: null, rejected: [] });
  const chunks: Uint8Array[] = [];
  const name = join(dir, `${passphrase ? 'enc' : 'plain'}-${Math.random()}.cfbak`);
  await createBackup(
    t.db,
    {
      fileName: name,
      write: async (c) => {
        chunks.push(c);
      },
      rewind: async () => {
        chunks.length = 0;
      },
      finish: async () => ({ fileName: name, byteLength: 0, removedOld: 0 }),
      abort: async () => undefined,
    },
    { appVersion: 'test', schemaVersion: t.db.verno, reason: 'manual', ...(passphrase ? { passphrase, pbkdf2Iterations: 600_000 } : {}) },
  );
  writeFileSync(name, Buffer.concat(chunks));
  return name;
}

let plain = '';
beforeAll(async () => {
  plain = await backupOf();
});

const json = () => JSON.parse(io.out) as { id: string; value: number | null; previous: number | null; changePercent: number | null; definition: string; label: string; note?: string }[];

describe('cli figures', () => {
  it('prints every figure with value, previous, change and definition as JSON', async () => {
    expect(await run([plain, '--from', '2020-01-01', '--to', '2020-12-31', '--as-of', '2026-12-01', '--json'])).toBe(0);
    const out = json();
    expect(out.map((f) => f.id)).toContain('refunds.rate');
    expect(out.find((f) => f.id === 'cases.new.count')).toMatchObject({ label: '新立案件数', value: 1, previous: 0, changePercent: null });
    expect(out.find((f) => f.id === 'cases.zeroCaseDistricts')).toMatchObject({ value: 50, previous: 100 });
    expect(out.every((f) => f.definition.length > 10)).toBe(true);
    // 涉及人数 from the case's register of two, with its source as the dashboard and the xlsx say it.
    expect(out.find((f) => f.id === 'cases.new.people')).toMatchObject({ value: 2, note: '名单 2 人（1 起）' });
    expect(out.find((f) => f.id === 'cases.new.count')).not.toHaveProperty('note');
  });
  it('computes refunds from the register and the paid batch in the backup', async () => {
    expect(await run([plain, '--from', '2026-01-01', '--to', '2026-12-31', '--as-of', '2026-12-01', '--json'])).toBe(0);
    const out = json();
    expect(out.find((f) => f.id === 'refunds.amount')?.value).toBe(500_000);
    expect(out.find((f) => f.id === 'refunds.persons')?.value).toBe(2);
    expect(out.find((f) => f.id === 'refunds.rate')?.value).toBe(50);
  });
  it('filters to a district, and refuses one the backup does not know', async () => {
    expect(await run([plain, '--from', '2020-01-01', '--to', '2020-12-31', '--district', '文登区', '--json'])).toBe(0);
    expect(json().find((f) => f.id === 'cases.new.count')?.value).toBe(0);
    io.reset();
    expect(await run([plain, '--from', '2020-01-01', '--to', '2020-12-31', '--district', '高区'])).toBe(1);
    expect(io.err).toContain('区县“高区”不在备份的区县列表中（环翠区、文登区）');
  });
  it('reads an encrypted backup with the passphrase from an environment variable', async () => {
    const file = await backupOf('统计用的备份密码口令');
    process.env.FIG_PASS = '统计用的备份密码口令';
    try {
      expect(await run([file, '--from', '2020-01-01', '--to', '2020-12-31', '--passphrase-env', 'FIG_PASS', '--json'])).toBe(0);
      expect(json().find((f) => f.id === 'cases.new.count')?.value).toBe(1);
      io.reset();
      process.env.FIG_PASS = '错误的口令错误的口令';
      expect(await run([file, '--from', '2020-01-01', '--to', '2020-12-31', '--passphrase-env', 'FIG_PASS'])).toBe(1);
      expect(io.err).toContain('密码不正确');
    } finally {
      delete process.env.FIG_PASS;
    }
  });
  it('names the wrong option in Chinese and exits 2', async () => {
    expect(await run([plain, '--from', '2020-12-31', '--to', '2020-01-01'])).toBe(2);
    expect(io.err).toContain('--to：结束日期 2020-01-01 早于开始日期 2020-12-31');
    io.reset();
    expect(await run([plain, '--to', '2020-01-01'])).toBe(2);
    expect(io.err).toContain('--from 和 --to');
    io.reset();
    expect(await run([join(dir, 'missing.cfbak'), '--from', '2020-01-01', '--to', '2020-12-31'])).toBe(1);
    expect(io.err).toContain('找不到文件');
  });
});
