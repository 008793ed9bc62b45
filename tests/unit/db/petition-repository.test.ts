import { describe, expect, it } from 'vitest';
import { deadlineAlerts } from '../../../renderer/src/core/petitions/deadlines';
import { calendarOf, DEFAULT_PETITION_SETTINGS_SECTION } from '../../../renderer/src/core/petitions/settings-section';
import type { Petition } from '../../../renderer/src/core/petitions/types';
import type { PetitionFormInput } from '../../../renderer/src/core/petitions/validation';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { type MediationSessionInput, OPERATOR_MISSING } from '../../../renderer/src/db/repositories/petition-repository';
import { makeTestRepos } from './test-db';

// The test clock is 2026-11-26 (see test-db.ts).
function form(patch: Partial<PetitionFormInput> = {}): PetitionFormInput {
  return {
    registerNo: '威信〔2026〕88号',
    receivedOn: '2026-10-09',
    channel: '来访',
    level: '到市',
    form: 'collective',
    personCount: '12',
    petitioners: [
      { kind: 'entered', name: '张建国', phone: ' 138-0631-1234 ' },
      { kind: 'entered', name: '李秀英', phone: '' },
    ],
    caseId: null,
    demands: '要求加快资产处置、尽快清退本金',
    urgency: '紧急',
    handler: '林淼',
    ...patch,
  };
}

const session: MediationSessionInput = {
  date: '2026-10-20',
  place: '环翠区人民调解委员会',
  method: '人民调解',
  mediators: ['林淼'],
  participants: ['张建国（信访人代表）', '某公司清算组王某'],
  respondent: '威海某某养老服务有限公司清算组',
  notes: '双方就分期清退达成一致',
  outcome: '达成协议',
  agreementTerms: ['清算组于2026年12月31日前按38%比例清退', '信访人不再就同一事项重复信访'],
};

async function setup() {
  const t = makeTestRepos();
  const saved = await t.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '林淼' });
  expect(saved.ok).toBe(true);
  return t;
}

describe('PetitionRepository', () => {
  it('registers a petition attributed to the operator, with its deadline facts, and audits it', async () => {
    const { repos, db } = await setup();
    const r = await repos.petitions.register(form());
    // The number comes from the office's sequence, whatever the input carried.
    expect(r).toEqual({ ok: true, petitionId: 'id-1', registerNo: '处非信〔2026〕1号' });
    const p = await repos.petitions.get('id-1');
    expect(p).toMatchObject({ registerNo: '处非信〔2026〕1号', status: '登记', personCount: 12, form: 'collective', handler: '林淼', mediationSessions: [] });
    // The phone is stored normalized; a blank phone is not stored at all.
    expect(p?.petitioners).toEqual([
      { kind: 'entered', name: '张建国', phone: '13806311234' },
      { kind: 'entered', name: '李秀英' },
    ]);
    expect(p?.history).toEqual([
      { date: '2026-10-09', by: '林淼', action: '登记', from: null, to: '登记', note: '来访，到市，集体 12 人' },
    ]);
    expect(await db.petitions.get('id-1')).toMatchObject({ receivedDate: '2026-10-09', status: '登记', level: '到市' });
    const audit = await repos.audit.forEntity('petitions', 'id-1');
    expect(audit.map((a) => [a.action, a.operator])).toEqual([['create', '林淼']]);
    expect((await repos.audit.verify()).ok).toBe(true);
  });

  it('refuses a bad form with field-named Chinese messages and stores nothing', async () => {
    const { repos, db } = await setup();
    const auditBefore = await repos.audit.count();
    const r = await repos.petitions.register(
      form({ receivedOn: '2026-12-01', form: 'individual', personCount: '3', demands: ' ', petitioners: [{ kind: 'entered', name: '张建国', phone: '1380631' }] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { field: 'receivedOn', message: '收到日期 2026-12-01 晚于今天 2026-11-26，请检查日期' },
        { field: 'personCount', message: '个人信访的人数应为 1；3 人同来请把信访形式改为「集体」' },
        { field: 'demands', message: '诉求：请填写信访人的诉求' },
        {
          field: 'petitioners[0].phone',
          message: '第 1 名信访人：联系电话“1380631”不是有效的手机号（11 位，以 13–19 开头）或带区号的固定电话（如 0631-5200000）。请向本人核实后更正。',
        },
      ]),
    );
    expect(await db.petitions.count()).toBe(0);
    expect(await repos.audit.count()).toBe(auditBefore);
  });

  it('refuses to register without an operator or with a case that does not exist', async () => {
    const { repos, db } = makeTestRepos();
    expect(await repos.petitions.register(form())).toEqual({ ok: false, errors: [{ field: 'handler', message: OPERATOR_MISSING }] });
    await repos.settings.save({ ...DEFAULT_SETTINGS, operatorName: '林淼' });
    const r = await repos.petitions.register(form({ caseId: 'no-such-case' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe('caseId');
    expect(await db.petitions.count()).toBe(0);
  });

  it('walks the workflow: accept, mediate, extend, resolve, close, follow up; each step dated, attributed and audited', async () => {
    const { repos } = await setup();
    await repos.petitions.register(form());
    const steps = [
      { type: 'accept', date: '2026-10-10' },
      { type: 'startMediation', date: '2026-10-12' },
      { type: 'extend', date: '2026-11-01', approver: '王主任', days: 30, reason: '涉及资产处置，情况复杂' },
      { type: 'recordOutcome', date: '2026-11-20', outcome: '部分化解', note: '同意分期' },
      { type: 'close', date: '2026-11-21' },
      { type: 'followUp', date: '2026-11-25', satisfaction: '基本满意', note: '电话回访' },
    ] as const;
    for (const s of steps) {
      const r = await repos.petitions.applyEvent('id-1', s);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const p = await repos.petitions.get('id-1');
    expect(p).toMatchObject({
      status: '回访',
      acceptedOn: '2026-10-10',
      outcome: '部分化解',
      closedOn: '2026-11-21',
      extension: { days: 30, approvedOn: '2026-11-01', approver: '王主任', reason: '涉及资产处置，情况复杂' },
      followUp: { date: '2026-11-25', satisfaction: '基本满意', note: '电话回访' },
    });
    expect(p?.history.map((h) => [h.action, h.to, h.by])).toEqual([
      ['登记', '登记', '林淼'],
      ['受理', '受理', '林淼'],
      ['开始调处', '调处中', '林淼'],
      ['延期', '调处中', '林淼'],
      ['调处结果', '部分化解', '林淼'],
      ['办结', '办结', '林淼'],
      ['回访', '回访', '林淼'],
    ]);
    const audit = await repos.audit.forEntity('petitions', 'id-1');
    expect(audit.map((a) => a.action)).toEqual(['create', 'stage-change', 'stage-change', 'approve', 'stage-change', 'stage-change', 'stage-change']);
    expect(audit[3]?.after).toMatchObject({ stage: '调处中', date: '2026-11-01', extension: { days: 30, approver: '王主任' } });
  });

  it('lists the petitions with a clock running through the status index; the deadline alerts from them equal those from every petition', async () => {
    const { repos } = await setup();
    for (const [i, receivedOn] of ['2026-09-01', '2026-08-01', '2026-11-01'].entries()) {
      const r = await repos.petitions.register(form({ registerNo: `威信〔2026〕${90 + i}号`, receivedOn }));
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    // id-1 closed (no clock), id-2 in mediation with a session (办结 clock), id-3 just registered (受理 clock).
    expect((await repos.petitions.applyEvent('id-1', { type: 'reject', date: '2026-09-03', reason: '不属于本机关职责' })).ok).toBe(true);
    for (const s of [{ type: 'accept', date: '2026-08-02' }, { type: 'startMediation', date: '2026-08-03' }] as const) expect((await repos.petitions.applyEvent('id-2', s)).ok).toBe(true);
    expect((await repos.petitions.addMediationSession('id-2', session)).ok).toBe(true);
    const all = await repos.petitions.list();
    const running = await repos.petitions.listRunning();
    expect(running.map((p) => p.id)).toEqual(['id-3', 'id-2']);
    expect(running).toEqual(all.filter((p) => p.id !== 'id-1'));
    expect(running[1]?.mediationSessions).toHaveLength(1);
    const section = await repos.petitions.getSettings();
    const calendar = calendarOf(section);
    const alerts = (list: readonly Petition[]) => deadlineAlerts(list, section.deadlines, calendar, '2026-11-26');
    expect(alerts(running)).toEqual(alerts(all));
    expect(alerts(running).map((a) => [a.petitionId, a.clock, a.state])).toEqual([
      ['id-2', 'resolve', 'overdue'],
      ['id-3', 'accept', 'overdue'],
    ]);
  });

  it('refuses a step the state does not allow, or dated in the future, and changes nothing', async () => {
    const { repos } = await setup();
    await repos.petitions.register(form());
    const auditBefore = await repos.audit.count();
    expect(await repos.petitions.applyEvent('id-1', { type: 'close', date: '2026-10-10' })).toEqual({
      ok: false,
      error: '当前状态为「登记」，不能办结：办结只能在「化解」「部分化解」「未化解」状态下进行',
    });
    expect(await repos.petitions.applyEvent('id-1', { type: 'accept', date: '2026-11-27' })).toEqual({
      ok: false,
      error: '受理日期 2026-11-27 晚于今天 2026-11-26，请检查日期',
    });
    expect(await repos.petitions.applyEvent('id-1', { type: 'reject', date: '2026-10-10', reason: '  ' })).toEqual({
      ok: false,
      error: '不予受理：请填写不予受理的理由（将书面告知信访人）',
    });
    expect(await repos.petitions.applyEvent('nope', { type: 'accept', date: '2026-10-10' })).toEqual({
      ok: false,
      error: '该信访件已不存在，请返回信访台账',
    });
    expect((await repos.petitions.get('id-1'))?.status).toBe('登记');
    expect(await repos.audit.count()).toBe(auditBefore);
  });

  it('uses the saved clock settings: with maximum extension 0 an extension is refused', async () => {
    const { repos } = await setup();
    const saved = await repos.petitions.saveSettings({
      ...DEFAULT_PETITION_SETTINGS_SECTION,
      deadlines: { ...DEFAULT_PETITION_SETTINGS_SECTION.deadlines, maxExtensionDays: 0 },
    });
    expect(saved).toEqual({ ok: true });
    await repos.petitions.register(form());
    await repos.petitions.applyEvent('id-1', { type: 'accept', date: '2026-10-10' });
    const r = await repos.petitions.applyEvent('id-1', { type: 'extend', date: '2026-10-11', approver: '王主任', days: 10, reason: '复杂' });
    expect(r).toEqual({ ok: false, error: '当前设置不允许延期（最长延期为 0 天）；如需延期请先在「信访调解 → 时限设置」中修改' });
  });

  it('stores mediation sessions in their own rows, in the petition history, and refuses bad ones', async () => {
    const { repos, db } = await setup();
    await repos.petitions.register(form());
    // Not yet in 调处中.
    const early = await repos.petitions.addMediationSession('id-1', session);
    expect(early).toEqual({ ok: false, errors: ['当前状态为「登记」，只有「调处中」的信访件可以登记调解'] });
    await repos.petitions.applyEvent('id-1', { type: 'accept', date: '2026-10-10' });
    await repos.petitions.applyEvent('id-1', { type: 'startMediation', date: '2026-10-12' });
    const bad = await repos.petitions.addMediationSession('id-1', { ...session, place: '', agreementTerms: [], date: '2026-12-01' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual(['调解地点：请填写', '协议条款：调解结果为达成协议时，请逐条填写协议内容']);
    const future = await repos.petitions.addMediationSession('id-1', { ...session, date: '2026-12-01' });
    expect(future).toEqual({ ok: false, errors: ['调解日期 2026-12-01 晚于今天 2026-11-26，请登记已经举行的调解'] });
    expect(await db.mediationSessions.count()).toBe(0);

    const ok = await repos.petitions.addMediationSession('id-1', session);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(await db.mediationSessions.get(ok.sessionId)).toMatchObject({ petitionId: 'id-1', date: '2026-10-20' });
    const p = await repos.petitions.get('id-1');
    expect(p?.mediationSessions.map((s) => s.id)).toEqual([ok.sessionId]);
    expect(p?.history.at(-1)).toMatchObject({ action: '调解', by: '林淼', note: '人民调解（环翠区人民调解委员会）：达成协议' });
    expect((await repos.petitions.list())[0]?.mediationSessions).toHaveLength(1);
    expect((await repos.audit.forEntity('mediationSessions', ok.sessionId)).map((a) => a.action)).toEqual(['create']);

    // The 调解协议书 data for the document engine: office from settings, parties and numbered terms.
    const agreement = await repos.petitions.mediationAgreement('id-1', ok.sessionId);
    expect(agreement).toEqual({
      ok: true,
      value: {
        title: '调解协议书',
        organization: '威海市处非办',
        method: '人民调解',
        caseTitle: null,
        applicants: [
          { role: '申请人', name: '张建国', phone: '13806311234' },
          { role: '申请人', name: '李秀英' },
        ],
        respondent: { role: '被申请人', name: '威海某某养老服务有限公司清算组' },
        disputeSummary: '要求加快资产处置、尽快清退本金',
        terms: ['一、清算组于2026年12月31日前按38%比例清退', '二、信访人不再就同一事项重复信访'],
        mediators: ['林淼'],
        place: '环翠区人民调解委员会',
        date: '2026-10-20',
        dateText: '2026年10月20日',
        copies: 4,
      },
    });
    expect(await repos.petitions.mediationAgreement('id-1', 'nope')).toEqual({ ok: false, errors: ['未找到调解记录 nope，请先登记调解'] });
  });

  it('validates the time-limit settings and holiday table before saving, naming the field', async () => {
    const { repos, db } = await setup();
    const before = await repos.audit.count();
    const r = await repos.petitions.saveSettings({
      deadlines: { ...DEFAULT_PETITION_SETTINGS_SECTION.deadlines, acceptWithinDays: 0 },
      holidays: {
        ...DEFAULT_PETITION_SETTINGS_SECTION.holidays,
        holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-02' }],
        makeUpWorkdays: [{ date: '2027-02-03', name: '调休' }],
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['deadlines.acceptWithinDays', 'holidays.holidays[0].to', 'holidays.makeUpWorkdays[0].date', 'holidays.years']);
      expect(r.issues[0]?.message).toBe('受理期限「0」应为 1–365 的整数天，条例规定为 15 天');
    }
    expect(await db.settings.get('petitions')).toBeUndefined();
    expect(await repos.audit.count()).toBe(before);
    expect(await repos.petitions.getSettings()).toEqual(DEFAULT_PETITION_SETTINGS_SECTION);
  });

  it('audits a ledger export and a reveal; keeps the overdue-notice record', async () => {
    const { repos } = await setup();
    await repos.petitions.recordLedgerExport({ from: '2026-01-01', to: '2026-11-26' }, 3, '信访台账.xlsx');
    await repos.petitions.recordReveal('id-9', '张建国', 'phone');
    const entries = await repos.audit.page(0, 10);
    expect(entries.map((e) => e.action)).toContain('export');
    expect(entries.map((e) => e.action)).toContain('reveal');
    expect(await repos.petitions.overdueNoticeRecord()).toEqual({ checkedOn: '', announced: [] });
    await repos.petitions.saveOverdueNoticeRecord({ checkedOn: '2026-11-26', announced: ['id-1:accept'] });
    expect(await repos.petitions.overdueNoticeRecord()).toEqual({ checkedOn: '2026-11-26', announced: ['id-1:accept'] });
  });
});
