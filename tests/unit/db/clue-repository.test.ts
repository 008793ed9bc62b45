import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../../renderer/src/core/audit/describe-entry';
import { buildLedgerLookup, ledgerFirmFor, searchLedger } from '../../../renderer/src/core/clues';
import { EMPTY_FIRM_INPUT } from '../../../renderer/src/core/screening';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { clueForm } from './intake-forms';
import { makeTestRepos } from './test-db';

// The test clock is 2026-11-26 (see test-db.ts); no users exist, so the typed operator acts (legacy).
const form = clueForm;

async function setup() {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '林淼' });
  return t;
}

describe('ClueRepository', () => {
  it('registers a clue with a number, keeps the reporter apart and out of the audit log', async () => {
    const { repos, db } = await setup();
    const r = await repos.clues.register(form());
    expect(r).toEqual({ ok: true, clueId: 'id-1', clueNo: '线索〔2026〕1号', firstClueId: null });
    const clue = await repos.clues.get('id-1');
    expect(JSON.stringify(clue)).not.toContain('王秀兰');
    expect(await db.clueReporters.get('id-1')).toMatchObject({ name: '王秀兰', phone: '13806311234' });
    expect(await repos.clues.reporter('id-1')).toMatchObject({ name: '王*兰', phone: '138****1234' });
    const audit = await db.audit.toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'create', entity: 'clues', entityId: 'id-1' });
    expect(JSON.stringify(audit)).not.toContain('王秀兰');
    expect(JSON.stringify(audit)).not.toContain('13806311234');
  });

  it('stores nothing for a bad phone, and says which field', async () => {
    const { repos, db } = await setup();
    const r = await repos.clues.register(form({ reporter: { name: '王秀兰', phone: '1380631', idNumber: '', address: '', isStaff: false, isParticipant: false } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'reporter.phone', message: expect.stringContaining('举报人联系电话') });
    expect(await db.clues.count()).toBe(0);
    expect(await db.clueReporters.count()).toBe(0);
  });

  it('links a later report of the same firm to the first one', async () => {
    const { repos } = await setup();
    await repos.clues.register(form());
    const second = await repos.clues.register(form({ receivedOn: '2026-11-10', channel: '微信' }));
    expect(second).toMatchObject({ ok: true, clueNo: '线索〔2026〕2号', firstClueId: 'id-1' });
  });

  it('audits a reveal of the reporter with its purpose; without a purpose nothing is shown or logged', async () => {
    const { repos, db } = await setup();
    await repos.clues.register(form());
    const before = await db.audit.count();
    await expect(repos.clues.revealReporter('id-1', '  ')).rejects.toThrow(/^查看用途：请写明/);
    await expect(repos.clues.revealReporter('id-1', '核'.repeat(101))).rejects.toThrow('查看用途：不能超过 100 字（现有 101 字）');
    expect(await db.audit.count()).toBe(before);
    const full = await repos.clues.revealReporter('id-1', ' 核查线索需联系举报人 ');
    expect(full?.name).toBe('王秀兰');
    const entry = (await db.audit.toArray()).at(-1);
    expect(entry).toMatchObject({ action: 'reveal', entity: 'clueReporters', entityId: 'id-1', after: { purpose: '核查线索需联系举报人' } });
    // The audit log shows it in Chinese beside the reveal.
    if (entry) expect(describeAuditEntry(entry, () => undefined).summary).toContain('用途：核查线索需联系举报人');
  });

  it('refuses to close without a disposition, then disposes and closes, all audited', async () => {
    const { repos, db } = await setup();
    await repos.clues.register(form());
    expect(await repos.clues.applyStep('id-1', { type: 'close', date: '2026-11-20' })).toMatchObject({ ok: false, field: 'disposition' });
    for (const e of [
      { type: 'assign', date: '2026-11-03', assignee: '环翠区处非办' },
      { type: 'verify-note', date: '2026-11-04', note: '走访核实' },
      { type: 'verify-result', date: '2026-11-05', result: '属实', note: '' },
      { type: 'dispose', date: '2026-11-06', kind: '纳入风险台账', reason: '', caseId: null, transferTo: '', letterNo: '' },
      { type: 'close', date: '2026-11-07' },
    ] as const) {
      const r = await repos.clues.applyStep('id-1', e);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    expect((await repos.clues.get('id-1'))?.status).toBe('已办结');
    expect((await db.audit.where('entity').equals('clues').count?.()) ?? 0).toBeGreaterThan(0);
  });

  it('lists overdue clues against the level time limit', async () => {
    const { repos } = await setup();
    await repos.clues.register(form());
    const overdue = await repos.clues.overdue();
    expect(overdue.map((o) => [o.clue.clueNo, o.deadline.state, o.deadline.dueOn])).toEqual([['线索〔2026〕1号', 'overdue', '2026-11-05']]);
  });

  it('proposes a reward from the rule, refuses over the limit without a reason, approves and pays', async () => {
    const { repos } = await setup();
    await repos.clues.register(form());
    for (const e of [
      { type: 'assign', date: '2026-11-03', assignee: '甲' },
      { type: 'verify-note', date: '2026-11-04', note: '核实' },
      { type: 'verify-result', date: '2026-11-05', result: '属实', note: '' },
    ] as const) await repos.clues.applyStep('id-1', e);
    const over = await repos.clues.proposeReward('id-1', { basisFen: 300_000_000, form: 'cash', amountFen: 2_000_000, goods: '', overLimitReason: '' });
    expect(over.ok).toBe(false);
    const ok = await repos.clues.proposeReward('id-1', { basisFen: 300_000_000, form: 'cash', amountFen: 250_000, goods: '', overLimitReason: '' });
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, reward: { status: '已提出', ruleAmountFen: 300_000, tier: 2 } });
    if (!ok.ok) return;
    expect((await repos.clues.approveReward(ok.reward.id)).ok).toBe(true);
    expect(await repos.clues.payReward(ok.reward.id, '2026-11-26', '')).toMatchObject({ ok: false });
    expect(await repos.clues.payReward(ok.reward.id, '2026-11-26', '现金，收据 0012')).toMatchObject({ ok: true, reward: { status: '已发放', paidOn: '2026-11-26' } });
  });
});

describe('MonitoringRepository', () => {
  function file(rows: unknown[][]): Uint8Array {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), 'Sheet1');
    return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }

  it('imports valid rows, recognises the same file again, and records an action per advertiser', async () => {
    const { repos, db } = await setup();
    const bytes = file([
      ['发布平台', '广告主', '监测日期', '广告内容', '监测结论'],
      ['网站', '某理财公司', '2026-09-01', '年化 20%', '涉嫌非法集资'],
      ['网站', '', '2026-09-02', '高息', ''],
    ]);
    const check = await repos.monitoring.checkImport(bytes, 'a.xlsx');
    expect(check.result.rows.map((r) => r.status)).toEqual(['ok', 'error']);
    expect(check.sameFile).toBeNull();
    const saved = await repos.monitoring.commitImport('a.xlsx', check);
    expect(saved).toMatchObject({ ok: true, value: { imported: 1, errorRows: 1 } });
    const again = await repos.monitoring.checkImport(bytes, 'a.xlsx');
    expect(again.sameFile?.fileName).toBe('a.xlsx');
    expect(again.result.rows[0]).toMatchObject({ code: 'ALREADY_IMPORTED' });
    const [advert] = await repos.monitoring.adverts();
    if (!advert) throw new Error('no advert');
    const action = await repos.monitoring.addAction('advertiser', advert.advertiserKey, { kind: '约谈', date: '2026-09-10', documentNo: '', note: '' });
    expect(action).toMatchObject({ ok: true, value: { advertiser: '某理财公司', kind: '约谈' } });
    expect((await db.audit.toArray()).map((e) => e.entity)).toContain('advertImports');
  });
});

const CODE = '91371000MA3C8X7P1P';
const ledgerClue = () => form({ subject: { kind: 'firm', name: '威海鑫源理财咨询有限公司', creditCode: '', link: '' }, anonymous: true });

async function withLedgerFirm() {
  const t = await setup();
  const saved = await t.repos.screening.saveFirm(null, { ...EMPTY_FIRM_INPUT, name: '威海鑫源理财咨询有限公司', creditCode: CODE, district: '环翠区', department: '环翠区处非办', businessScope: '企业管理咨询' });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { ...t, firmId: saved.value.id };
}

describe('the screening ledger seen from clues and adverts', () => {
  it('matches by credit code, by name (spaces and bracket widths aside) when a code is missing, never across two codes', () => {
    const lookup = buildLedgerLookup([
      { id: 'f1', name: '威海鑫源（环翠）理财咨询有限公司', creditCode: CODE },
      { id: 'f2', name: '某某养老服务中心', creditCode: '' },
    ]);
    expect(ledgerFirmFor(lookup, { name: '别的名字', creditCode: CODE })?.id).toBe('f1');
    expect(ledgerFirmFor(lookup, { name: '威海鑫源(环翠) 理财咨询有限公司', creditCode: null })?.id).toBe('f1');
    expect(ledgerFirmFor(lookup, { name: '威海鑫源（环翠）理财咨询有限公司', creditCode: '91371000MA3C5XKP64' })).toBeNull();
    expect(ledgerFirmFor(lookup, { name: '某某养老服务中心', creditCode: '91371000MA3C5XKP64' })?.id).toBe('f2');
    expect(ledgerFirmFor(lookup, { name: '不在台账的公司', creditCode: null })).toBeNull();
    expect(searchLedger([...lookup.byName.values()], '养老').map((f) => f.id)).toEqual(['f2']);
    expect(searchLedger([...lookup.byName.values()], 'ma3c8x').map((f) => f.id)).toEqual(['f1']);
    expect(searchLedger([...lookup.byName.values()], '  ')).toEqual([]);
  });

  it("lists a ledger firm's clues and adverts with the actions taken, and nothing of other firms", async () => {
    const { repos, firmId } = await withLedgerFirm();
    await repos.clues.register(ledgerClue());
    await repos.clues.register(form({ subject: { kind: 'firm', name: '另一家公司', creditCode: '', link: '' } }));
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['发布平台', '广告主', '统一社会信用代码', '监测日期', '广告内容', '监测结论'],
        ['短视频', '威海鑫源理财咨询公司（简称）', CODE, '2026-09-01', '年化 20% 保本', '涉嫌非法集资'],
        ['网站', '别家理财', '', '2026-09-02', '高息', '违规金融广告'],
      ]),
      'Sheet1',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const context = await repos.monitoring.importContext();
    expect(context).toEqual({ today: '2026-11-26', known: [] });
    const check = await repos.monitoring.checkImport(bytes, 'm.xlsx');
    await repos.monitoring.commitImport('m.xlsx', check);
    expect((await repos.monitoring.importContext()).known).toHaveLength(2);
    expect((await repos.monitoring.importOf(check.sha256))?.fileName).toBe('m.xlsx');
    expect(await repos.monitoring.importOf('0'.repeat(64))).toBeNull();
    const ad = (await repos.monitoring.adverts()).find((a) => a.advertiserCode === CODE);
    if (!ad) throw new Error('advert');
    await repos.monitoring.addAction('advertiser', ad.advertiserKey, { kind: '约谈', date: '2026-09-10', documentNo: '', note: '' });
    const links = await repos.monitoring.linksForFirm(firmId);
    expect(links.clues.map((c) => c.subject.name)).toEqual(['威海鑫源理财咨询有限公司']);
    expect(links.adverts.map((a) => a.content)).toEqual(['年化 20% 保本']);
    expect(links.actions.map((a) => a.kind)).toEqual(['约谈']);
    expect((await repos.monitoring.ledgerFirms()).map((f) => f.creditCode)).toEqual([CODE]);
    expect(await repos.monitoring.linksForFirm('nosuch')).toEqual({ clues: [], adverts: [], actions: [] });
  });

  it('records why a reporter was revealed when the identity goes into a notice', async () => {
    const { repos, db } = await setup();
    const r = await repos.clues.register(form());
    if (!r.ok) throw new Error('register');
    expect((await repos.clues.revealReporter(r.clueId, '写入举报奖励通知书'))?.name).toBe('王秀兰');
    const entry = (await db.audit.toArray()).at(-1);
    expect(entry).toMatchObject({ action: 'reveal', entity: 'clueReporters' });
    expect(JSON.stringify(entry)).toContain('写入举报奖励通知书');
    expect(JSON.stringify(entry)).not.toContain('王秀兰');
  });
});
