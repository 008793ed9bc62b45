import { describe, expect, it } from 'vitest';
import {
  createKeywordMatcher,
  DEFAULT_FINANCE_KEYWORDS,
  EMPTY_FIRM_INPUT,
  type Firm,
  type FirmInput,
  formatPermille,
  overdueReviews,
  type RiskEntry,
  roundProgress,
  type ScreeningRecord,
  type ScreeningRound,
  validateDisposition,
  validateFirm,
  validateRemoval,
  validateRiskEntry,
  validateRound,
  validateScreeningRecord,
} from '../../../../renderer/src/core/screening';

const matcher = createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS);
const TODAY = '2026-11-26';
const input = (patch: Partial<FirmInput>): FirmInput => ({ ...EMPTY_FIRM_INPUT, name: '威海鑫源理财咨询有限公司', creditCode: '91371000MA3C8X7P1P', ...patch });

describe('firm form', () => {
  it('keeps a firm with a checked code and the keywords of its name and scope', () => {
    const r = validateFirm(input({ businessScope: '企业管理咨询；投资咨询（不含证券）', registeredOn: '2018年3月5日' }), matcher, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ creditCode: '91371000MA3C8X7P1P', codeStatus: '正常', registeredOn: '2018-03-05', keywordHits: ['理财', '投资', '证券'] });
    expect(r.warnings).toEqual([]);
  });

  it('refuses a wrong credit code with a message naming the field and the expected check character', () => {
    const r = validateFirm(input({ creditCode: '91371000MA3C8X7P1Q' }), matcher, TODAY);
    expect(r).toEqual({ ok: false, errors: [{ field: 'creditCode', message: expect.stringMatching(/^统一社会信用代码：.*校验位应为 P/) }] });
  });

  it('accepts a firm without a code as 待补充, with a warning', () => {
    const r = validateFirm(input({ creditCode: '  ' }), matcher, TODAY);
    expect(r.ok && r.value.codeStatus).toBe('待补充');
    expect(r.ok && r.warnings[0]?.field).toBe('creditCode');
  });

  it('names every bad field', () => {
    const r = validateFirm(input({ name: ' ', registeredOn: '2027-01-01', departmentKind: '上级' }), matcher, TODAY);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['name', 'registeredOn', 'departmentKind']);
  });
});

const firm = (id: string, district: string, department: string, sector = '商务服务业'): Firm => ({
  id,
  name: `企业${id}`,
  creditCode: '',
  codeStatus: '待补充',
  legalRep: '',
  address: '',
  district,
  sector,
  registeredOn: '',
  businessScope: '',
  department,
  departmentKind: '属地',
  contacts: '',
  keywordHits: [],
  evaluation: null,
  createdAt: '',
  updatedAt: '',
});

const round: ScreeningRound = {
  id: 'r1',
  name: '2026年11月月度排查',
  kind: '月度排查',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  scope: { districts: ['环翠区', '文登区'], sectors: [] },
  createdAt: '',
};

const record = (firmId: string, roundId = 'r1'): ScreeningRecord => ({
  id: `s-${firmId}-${roundId}`,
  roundId,
  firmId,
  date: '2026-11-10',
  inspectors: ['林淼'],
  method: '现场',
  findings: '',
  classification: '正常经营',
  riskLevel: '低',
  commitmentSigned: true,
  commitmentScanId: null,
  commitmentScanName: '',
  nextAction: '',
  recordedBy: '林淼',
  recordedAt: '',
});

describe('rounds', () => {
  it('checks the period and names the field', () => {
    const r = validateRound({ name: '专项', kind: '专项排查', periodStart: '2026-11-30', periodEnd: '2026-11-01', districts: [], sectors: [] });
    expect(r).toEqual({ ok: false, errors: [{ field: 'periodEnd', message: '结束日期 2026-11-01 早于开始日期 2026-11-30，请核对排查期间。' }] });
  });

  it('counts progress over the firms in scope, by district and department, and lists those not yet screened', () => {
    const firms = [firm('a', '环翠区', '环翠区处非办'), firm('b', '环翠区', '市教育局'), firm('c', '文登区', '文登区处非办'), firm('d', '荣成市', '荣成市处非办')];
    const p = roundProgress(round, firms, [record('a'), record('a'), record('c'), record('b', 'other'), record('d')]);
    expect(p.inScope).toBe(3);
    expect(p.screened).toBe(2);
    expect(formatPermille(p.permille)).toBe('66.7%');
    expect(p.byDistrict).toEqual([
      { key: '环翠区', inScope: 2, screened: 1 },
      { key: '文登区', inScope: 1, screened: 1 },
    ]);
    expect(p.byDepartment.find((l) => l.key === '市教育局')).toEqual({ key: '市教育局', inScope: 1, screened: 0 });
    expect(p.notScreened.map((f) => f.id)).toEqual(['b']);
  });
});

describe('screening records', () => {
  const ok = { date: '2026-11-10', inspectors: '林淼、王强', method: '现场', findings: '经营正常', classification: '正常经营', riskLevel: '低', commitmentSigned: true, nextAction: '' };
  it('splits the inspectors and warns when the date is outside the round', () => {
    const r = validateScreeningRecord({ ...ok, date: '2026-10-30' }, round, TODAY);
    expect(r.ok && r.value.inspectors).toEqual(['林淼', '王强']);
    expect(r.ok && r.warnings[0]?.message).toContain('不在本轮期间');
  });
  it('needs inspectors, a classification and a risk level', () => {
    const r = validateScreeningRecord({ ...ok, inspectors: ' ', classification: '', riskLevel: '极高' }, round, TODAY);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['inspectors', 'classification', 'riskLevel']);
  });
});

describe('dispositions and the risk ledger', () => {
  it('needs a date and who decided', () => {
    const r = validateDisposition({ kind: '督导注销', date: '', decidedBy: ' ', documentRef: '', caseId: null, note: '' }, TODAY);
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'date', message: '处置日期：必须填写，格式如 2026-03-05。' },
        { field: 'decidedBy', message: '决定人：必须填写作出处置决定的人或会议（如“市处非办主任办公会”）。' },
      ],
    });
  });
  it('keeps the linked case only for 移送公安', () => {
    const r = validateDisposition({ kind: '约谈', date: '2026-11-20', decidedBy: '林淼', documentRef: '', caseId: 'case-1', note: '' }, TODAY);
    expect(r.ok && r.value.caseId).toBe(null);
  });
  it('needs a reason to leave the risk ledger', () => {
    expect(validateRemoval(' ', '2026-11-20', TODAY)).toMatchObject({ ok: false, errors: [{ field: 'reason' }] });
    expect(validateRemoval('已注销', '2026-11-20', TODAY).ok).toBe(true);
  });
  it('refuses a review date before the firm entered the ledger', () => {
    const r = validateRiskEntry({ reason: '失联', since: '2026-11-01', follower: '王强', nextReview: '2026-10-01' }, TODAY);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['nextReview']);
  });
  it('lists reviews due today or past, most overdue first, not those removed', () => {
    const e = (id: string, nextReview: string, removed = false): RiskEntry => ({
      id,
      firmId: id,
      reason: '',
      since: '2026-01-01',
      follower: '',
      nextReview,
      removed: removed ? { on: '2026-11-01', reason: '已注销', by: '林淼' } : null,
    });
    const due = overdueReviews([e('a', '2026-11-26'), e('b', '2026-11-01'), e('c', '2026-12-01'), e('d', '2026-10-01', true)], TODAY);
    expect(due.map((d) => [d.entry.id, d.daysOverdue])).toEqual([
      ['b', 25],
      ['a', 0],
    ]);
  });
});
