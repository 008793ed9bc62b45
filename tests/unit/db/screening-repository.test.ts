import { describe, expect, it } from 'vitest';
import { checkFirmFile, createKeywordMatcher, EMPTY_FIRM_INPUT, type FirmInput } from '../../../renderer/src/core/screening';
import { isPermissionDenied } from '../../../renderer/src/db/access';
import { backupTableSources } from '../../../renderer/src/db/backup/table-source';
import { addUser, firstAdmin, makeUserRepos, refusals, signInAs } from './users-test-data';

const firm = (patch: Partial<FirmInput> = {}): FirmInput => ({
  ...EMPTY_FIRM_INPUT,
  name: '威海鑫源理财咨询有限公司',
  creditCode: '91371000MA3C8X7P1P',
  district: '环翠区',
  department: '环翠区处非办',
  businessScope: '企业管理咨询',
  ...patch,
});

async function clerkRepos() {
  const t = makeUserRepos();
  await firstAdmin(t.repos, ['admin', 'clerk']);
  return t;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('ScreeningRepository', () => {
  it('adds a firm, flags its keywords for evaluation, and audits the write', async () => {
    const { repos } = await clerkRepos();
    const r = await repos.screening.saveFirm(null, firm());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ keywordHits: ['理财'], evaluation: { state: '待评估' }, codeStatus: '正常' });
    const audit = await repos.audit.page(0, 100);
    expect(audit.some((e) => e.action === 'create' && e.entity === 'firms' && e.entityId === r.value.id && e.operator === '林淼')).toBe(true);
    const ev = await repos.screening.evaluateFirm(r.value.id, '经研判不涉及金融业务');
    expect(ev.ok && ev.value.evaluation).toEqual({ state: '已评估', result: '经研判不涉及金融业务', by: '林淼', on: '2026-11-26' });
  });

  it('stores nothing for a bad credit code and refuses the same code twice', async () => {
    const { repos } = await clerkRepos();
    const bad = await repos.screening.saveFirm(null, firm({ creditCode: '91371000MA3C8X7P1X' }));
    expect(bad.ok ? '' : bad.errors[0]?.message).toMatch(/^统一社会信用代码：/);
    expect((await repos.screening.load()).firms).toHaveLength(0);
    await repos.screening.saveFirm(null, firm());
    const twice = await repos.screening.saveFirm(null, firm({ name: '另一家公司' }));
    expect(twice.ok ? '' : twice.errors[0]?.message).toContain('已在台账中登记为“威海鑫源理财咨询有限公司”');
  });

  it('refuses a user without the 经办 role and audits the refusal', async () => {
    const { repos } = makeUserRepos();
    await firstAdmin(repos, ['admin']);
    const reviewer = await addUser(repos, '李审核', ['reviewer']);
    await signInAs(repos, reviewer);
    await expect(repos.screening.saveFirm(null, firm())).rejects.toSatisfy(isPermissionDenied);
    expect((await refusals(repos)).map((e) => e.entity)).toEqual(['firms']);
  });

  it('imports a ledger atomically, skips bad rows, and updates (never duplicates) on re-import', async () => {
    const { repos } = await clerkRepos();
    const csv = utf8('企业名称,统一社会信用代码,所属区县\n威海海川商贸有限公司,91371002MA3D2K5L4B,文登区\n坏代码公司,91371002MA3D2K5L4X,文登区\n待补充公司,,环翠区\n');
    const first = await repos.screening.checkImport(csv, 'a.csv');
    expect(first).toMatchObject({ errorRows: 1, newFirms: 2, existingFirms: 0 });
    const c1 = await repos.screening.commitImport(first, 'a.csv');
    expect(c1).toMatchObject({ ok: true, value: { newFirms: 2, updatedFirms: 0 } });
    const again = await repos.screening.checkImport(csv, 'a.csv');
    expect(again).toMatchObject({ newFirms: 0, existingFirms: 2 });
    expect(again.rows[0]?.code).toBe('ALREADY_IN_LEDGER');
    const c2 = await repos.screening.commitImport(again, 'a.csv');
    expect(c2).toMatchObject({ ok: true, value: { newFirms: 0, updatedFirms: 2 } });
    const data = await repos.screening.load();
    expect(data.firms.map((f) => [f.name, f.codeStatus])).toEqual([
      ['待补充公司', '待补充'],
      ['威海海川商贸有限公司', '正常'],
    ]);
    expect(data.imports).toHaveLength(2);
    expect((await repos.audit.page(0, 100)).filter((e) => e.action === 'import' && e.entity === 'firmImports')).toHaveLength(2);
  });

  it('hands the import worker plain data that gives the same verdict as the check in the window', async () => {
    const { repos } = await clerkRepos();
    const csv = utf8('企业名称,统一社会信用代码,所属区县\n威海海川商贸有限公司,91371002MA3D2K5L4B,文登区\n待补充理财公司,,环翠区\n');
    await repos.screening.commitImport(await repos.screening.checkImport(csv, 'a.csv'), 'a.csv');
    const more = utf8('企业名称,统一社会信用代码,所属区县\n威海海川商贸有限公司,91371002MA3D2K5L4B,文登区\n待补充理财公司,,环翠区\n新来财富管理有限公司,,高区\n');
    // What the worker receives must survive structured cloning: no Maps, no functions.
    const context = structuredClone(await repos.screening.importContext());
    const reported: number[] = [];
    const inWorker = checkFirmFile(more, 'b.csv', {
      today: context.today,
      matcher: createKeywordMatcher(context.keywords),
      ledger: { byCode: new Map(context.byCode), pendingByName: new Map(context.pendingByName) },
      onProgress: (row) => reported.push(row),
    });
    const inWindow = await repos.screening.checkImport(more, 'b.csv');
    expect(inWorker).toEqual(inWindow);
    expect(inWorker).toMatchObject({ newFirms: 1, existingFirms: 2 });
    expect(inWorker.keywordHits).toBe(2);
    expect(reported).toEqual([]);
  });

  it('records a round with a screening record, a disposition and the risk ledger', async () => {
    const { repos } = await clerkRepos();
    const f = await repos.screening.saveFirm(null, firm());
    if (!f.ok) throw new Error('firm');
    const round = await repos.screening.createRound({ name: '2026年11月月度排查', kind: '月度排查', periodStart: '2026-11-01', periodEnd: '2026-11-30', districts: [], sectors: [] });
    if (!round.ok) throw new Error('round');
    const scan = { fileName: '承诺书.pdf', mimeType: 'application/pdf', bytes: utf8('%PDF-1.4 scan') };
    const rec = await repos.screening.addRecord(
      round.value.id,
      f.value.id,
      { date: '2026-11-20', inspectors: '林淼、王强', method: '现场', findings: '未发现异常', classification: '正常经营', riskLevel: '低', commitmentSigned: true, nextAction: '' },
      scan,
    );
    expect(rec.ok).toBe(true);
    if (!rec.ok) return;
    expect((await repos.screening.getScan(rec.value.commitmentScanId ?? ''))?.fileName).toBe('承诺书.pdf');

    const noDecider = await repos.screening.addDisposition(f.value.id, { kind: '督导注销', date: '2026-11-21', decidedBy: '', documentRef: '', caseId: null, note: '' });
    expect(noDecider.ok ? '' : noDecider.errors[0]?.field).toBe('decidedBy');
    const d = await repos.screening.addDisposition(f.value.id, { kind: '督导注销', date: '2026-11-21', decidedBy: '市处非办主任办公会', documentRef: '', caseId: null, note: '' });
    expect(d.ok).toBe(true);

    const risk = await repos.screening.addRiskEntry(f.value.id, { reason: '经营范围含理财', since: '2026-10-01', follower: '王强', nextReview: '2026-11-01' });
    expect(risk.ok).toBe(true);
    if (!risk.ok) return;
    expect((await repos.screening.overdueReviews()).map((o) => o.daysOverdue)).toEqual([25]);
    const noReason = await repos.screening.removeRiskEntry(risk.value.id, ' ', '2026-11-26');
    expect(noReason.ok ? '' : noReason.errors[0]?.message).toContain('移出原因');
    expect((await repos.screening.overdueReviews())).toHaveLength(1);
    const removed = await repos.screening.removeRiskEntry(risk.value.id, '已注销', '2026-11-26');
    expect(removed.ok && removed.value.removed).toEqual({ reason: '已注销', on: '2026-11-26', by: '林淼' });
    expect(await repos.screening.overdueReviews()).toEqual([]);
    const entities = (await repos.audit.page(0, 100)).map((e) => e.entity);
    for (const t of ['screeningRounds', 'screeningScans', 'screeningRecords', 'firmDispositions', 'riskLedger']) expect(entities).toContain(t);
  });

  it('checks a pasted list against the office keyword list and keeps the result', async () => {
    const { repos } = await clerkRepos();
    expect((await repos.screening.saveKeywords(['理财', '理財'])).ok).toBe(false);
    expect((await repos.screening.saveKeywords(['理财', '众筹'])).ok).toBe(true);
    const r = await repos.screening.checkKeywordList(['威海鑫源理財咨詢有限公司', '', '威海海川投资有限公司', '山东眾籌科技']);
    expect(r.ok && r.value).toMatchObject({ lines: 3, hits: [{ text: '威海鑫源理財咨詢有限公司', keywords: ['理财'] }, { text: '山东眾籌科技', keywords: ['众筹'] }] });
    expect((await repos.screening.load()).keywordChecks).toHaveLength(1);
  });

  it('puts the screening tables into backups, with their rows', async () => {
    const { repos, db } = await clerkRepos();
    await repos.screening.saveFirm(null, firm());
    const sources = backupTableSources(db);
    for (const t of ['firms', 'screeningRounds', 'screeningRecords', 'firmDispositions', 'riskLedger', 'screeningScans', 'keywordChecks', 'firmImports']) {
      expect(sources.map((x) => x.name)).toContain(t);
    }
    const firms: unknown[] = [];
    for await (const row of sources.find((x) => x.name === 'firms')?.rows ?? []) firms.push(row);
    expect(firms).toMatchObject([{ name: '威海鑫源理财咨询有限公司', creditCode: '91371000MA3C8X7P1P' }]);
  });
});
