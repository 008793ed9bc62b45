import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../renderer/src/core/audit/audit-entry';
import { describeAuditEntry } from '../../../renderer/src/core/audit/describe-entry';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { petitionForm } from './intake-forms';
import { createCase } from './repayment-test-data';
import { makeTestRepos } from './test-db';

// What a first-week clerk reads in 设置 → 审计日志 after a day's work: every record by the name the
// rest of the app gives it, never 「记录已不存在」 for a record that exists, never an English word.

async function setup() {
  const t = makeTestRepos();
  const saved = await t.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '林淼' });
  expect(saved.ok).toBe(true);
  return t;
}

async function described(t: Awaited<ReturnType<typeof setup>>, pick: (e: AuditEntry) => boolean) {
  const entries = (await t.db.audit.toArray()).filter(pick);
  const names = await t.repos.audit.names(entries);
  return entries.map((e) => describeAuditEntry(e, (table, id) => names.get(`${table}:${id}`)));
}

describe('the audit log names what a day of work touched', () => {
  it('a recovered-funds entry names its case\'s 清退方案, which exists', async () => {
    const t = await setup();
    const caseId = await createCase(t.repos);
    const fund = await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '300000', date: '2026-11-01', note: '' });
    expect(fund.ok).toBe(true);
    const [entry] = await described(t, (e) => e.entity === 'fundReceipts');
    expect(entry?.lines).toContainEqual({ label: '清退方案', after: '威公经立〔2020〕15号 的清退方案' });
    expect(JSON.stringify(entry)).not.toContain('记录已不存在');
  });

  it('a petition is named by its number, as on its own page', async () => {
    const t = await setup();
    const r = await t.repos.petitions.register(petitionForm());
    expect(r).toMatchObject({ ok: true, registerNo: '处非信〔2026〕1号' });
    const [entry] = await described(t, (e) => e.entity === 'petitions');
    expect(entry).toMatchObject({ entity: '信访件', target: '处非信〔2026〕1号' });
  });

  it('the 统计 rebuild of refund figures reads in Chinese with the cases by name', async () => {
    const t = await setup();
    const caseId = await createCase(t.repos);
    expect(await t.repos.figures.refreshRefundFacts([caseId])).toBe(1);
    const [entry] = await described(t, (e) => e.entity === 'figureFacts');
    expect(entry).toMatchObject({ entity: '统计底数', target: '清退数据' });
    expect(entry?.lines).toEqual([
      { label: '重算案件数', after: '1' },
      { label: '案件', after: '威公经立〔2020〕15号' },
    ]);
    expect(JSON.stringify(entry)).not.toMatch(/figureFacts|rebuilt|caseIds|refunds|记录已不存在/);
    expect(JSON.stringify(entry)).not.toContain(caseId);
  });

  it('an exported work report names the report and its built-in template', async () => {
    const t = await setup();
    await t.repos.figures.recordExport('work-report', '2026年工作情况报告.docx', { templateId: 'work-report', format: 'docx' });
    const [entry] = await described(t, (e) => e.entity === 'figures');
    expect(entry).toMatchObject({ entity: '统计', target: '工作情况报告' });
    expect(entry?.lines).toContainEqual({ label: '模板', after: expect.stringMatching(/（内置模板）$/) });
  });
});
