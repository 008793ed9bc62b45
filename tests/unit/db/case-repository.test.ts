import { describe, expect, it } from 'vitest';
import { type CaseDraft, emptyCaseDraft } from '../../../renderer/src/core/cases/case-draft';
import { makeTestRepos } from './test-db';

function draft(patch: Partial<CaseDraft> = {}): CaseDraft {
  return {
    ...emptyCaseDraft('2020-12-01'),
    caseNumber: '威公经立〔2020〕15号',
    title: '威海某某养老服务有限公司涉嫌非法吸收公众存款案',
    charge: '非法吸收公众存款',
    sector: '养老',
    district: '环翠区',
    leadUnit: '威海市公安局经侦支队',
    officers: '王喆、李堃',
    amountInvolvedYuan: '13,800万',
    peopleInvolved: '1600',
    filedDate: '2020-06-01',
    stage: '立案',
    stageDate: '2020-06-01',
    parties: [
      { kind: 'firm', name: '威海某某养老服务有限公司', role: '涉案企业', idNumber: '91371000MA3C0000AL', note: '' },
      { kind: 'person', name: '萧珺', role: '实际控制人', idNumber: '37100219800101001０', note: '' },
    ],
    ...patch,
  };
}

describe('CaseRepository', () => {
  it('creates a case with its parties, money in integer fen, and one audit entry', async () => {
    const { repos } = makeTestRepos();
    const result = await repos.cases.create(draft(), ['环翠区', '文登区']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const found = await repos.cases.get(result.caseId);
    expect(found?.caseFile).toMatchObject({
      caseNumber: '威公经立〔2020〕15号',
      amountInvolvedFen: 13_800_000_000,
      peopleInvolved: 1600,
      officers: ['王喆', '李堃'],
      stage: '立案',
      filedDate: '2020-06-01',
    });
    expect(found?.parties.map((p) => [p.name, p.idNumber])).toEqual([
      ['威海某某养老服务有限公司', '91371000MA3C0000AL'],
      ['萧珺', '371002198001010010'],
    ]);
    const audit = await repos.audit.page(0, 10);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ seq: 1, action: 'create', entity: 'cases', entityId: result.caseId });
    expect((await repos.audit.verify()).ok).toBe(true);
  });

  it('refuses invalid input field by field and stores nothing', async () => {
    const { repos, db } = makeTestRepos();
    const result = await repos.cases.create(
      draft({
        caseNumber: ' ',
        amountInvolvedYuan: '1000.005',
        district: '火星区',
        parties: [
          { kind: 'firm', name: '某公司', role: '涉案企业', idNumber: '91371000MA3C0000AZ', note: '' },
          { kind: 'person', name: '', role: '法定代表人', idNumber: '371002198503150049', note: '' },
        ],
      }),
      ['环翠区'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['amountInvolvedYuan', 'caseNumber', 'district', 'parties.0.idNumber', 'parties.1.idNumber', 'parties.1.name'].sort(),
    );
    expect(result.errors.amountInvolvedYuan).toContain('涉案金额');
    expect(result.errors['parties.0.idNumber']).toContain('第 1 个涉案主体');
    expect(await db.cases.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a case number already used by another case', async () => {
    const { repos, db } = makeTestRepos();
    await repos.cases.create(draft(), []);
    const second = await repos.cases.create(draft({ title: '另一案' }), []);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.errors.caseNumber).toContain('已被');
    expect(await db.cases.count()).toBe(1);
  });

  it('requires a filing date once the case is past 线索核查', async () => {
    const { repos } = makeTestRepos();
    const result = await repos.cases.create(draft({ filedDate: '', stage: '侦查' }), []);
    expect(result.ok ? null : result.errors.filedDate).toContain('立案日期');
  });

  it('edits a case, replaces its parties, and audits before and after', async () => {
    const { repos } = makeTestRepos();
    const created = await repos.cases.create(draft(), []);
    if (!created.ok) throw new Error('create failed');
    const updated = await repos.cases.update(created.caseId, draft({ title: '改名后的案件', parties: [] }), []);
    expect(updated.ok).toBe(true);
    const found = await repos.cases.get(created.caseId);
    expect(found?.caseFile.title).toBe('改名后的案件');
    expect(found?.parties).toEqual([]);
    const [latest] = await repos.audit.page(0, 1);
    expect(latest).toMatchObject({ seq: 2, action: 'update' });
    expect(JSON.stringify(latest?.before)).toContain('威海某某养老服务有限公司');
  });

  it('moves a case through stages with dates kept in order', async () => {
    const { repos } = makeTestRepos();
    const created = await repos.cases.create(draft({ stage: '线索核查', stageDate: '2020-05-01', filedDate: '' }), []);
    if (!created.ok) throw new Error('create failed');
    expect(await repos.cases.changeStage(created.caseId, '立案', '2020-06-01', '经侦立案')).toEqual({ ok: true });
    const early = await repos.cases.changeStage(created.caseId, '侦查', '2020-04-01', '');
    expect(early).toMatchObject({ ok: false, field: 'date' });
    const future = await repos.cases.changeStage(created.caseId, '侦查', '2099-01-01', '');
    expect(future).toMatchObject({ ok: false, field: 'date' });
    const same = await repos.cases.changeStage(created.caseId, '立案', '2020-07-01', '');
    expect(same).toMatchObject({ ok: false, field: 'stage' });
    const found = await repos.cases.get(created.caseId);
    expect(found?.caseFile.stage).toBe('立案');
    expect(found?.caseFile.filedDate).toBe('2020-06-01');
    expect(found?.caseFile.stageHistory.map((s) => [s.stage, s.date, s.note])).toEqual([
      ['线索核查', '2020-05-01', ''],
      ['立案', '2020-06-01', '经侦立案'],
    ]);
    expect((await repos.audit.page(0, 10)).map((e) => e.action)).toEqual(['stage-change', 'create']);
  });

  it('records the operator from settings in every audit entry', async () => {
    const { repos } = makeTestRepos();
    const settings = await repos.settings.get();
    await repos.settings.save({ ...settings, operatorName: '林淼' });
    await repos.cases.create(draft(), []);
    const entries = await repos.audit.page(0, 10);
    // The settings change itself is attributed to the operator who just named themselves.
    expect(entries.map((e) => e.operator)).toEqual(['林淼', '林淼']);
  });

  it('detects a tampered audit row and names it', async () => {
    const { repos, db } = makeTestRepos();
    await repos.cases.create(draft(), []);
    await repos.cases.create(draft({ caseNumber: 'B-2' }), []);
    await db.audit.update(1, { operator: '伪造' });
    const verdict = await repos.audit.verify();
    expect(verdict).toMatchObject({ ok: false, chain: { ok: false, brokenAtSeq: 1 } });
    expect(verdict.problems[0]).toBe('第 1 条审计记录的内容与其校验值不符：该记录被改动过。');
  });
});
