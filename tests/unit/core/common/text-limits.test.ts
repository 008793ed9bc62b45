import { describe, expect, it } from 'vitest';
import { emptyCaseDraft } from '../../../../renderer/src/core/cases/case-draft';
import { checkStageChange } from '../../../../renderer/src/core/cases/stage-change';
import { validateCaseDraft } from '../../../../renderer/src/core/cases/validate-case';
import { charCount, TEXT_LIMITS, tooLong } from '../../../../renderer/src/core/common/text-limits';
import { BUILTIN_TEMPLATES } from '../../../../renderer/src/core/documents/builtin-templates';
import { validateDocumentData } from '../../../../renderer/src/core/documents/validate';
import { validateMediationSession } from '../../../../renderer/src/core/petitions/mediation';
import type { MediationSession } from '../../../../renderer/src/core/petitions/types';
import { type PetitionFormInput, validatePetitionForm } from '../../../../renderer/src/core/petitions/validation';
import { DEFAULT_SETTINGS } from '../../../../renderer/src/core/settings/app-settings';
import { validateSettings } from '../../../../renderer/src/core/settings/validate-settings';
import { validateCreditorDraft } from '../../../../renderer/src/db/repositories/creditor-draft';
import { validateFundDraft } from '../../../../renderer/src/db/repositories/repayment-fund-draft';

// Issue 12: every free-text field has a limit suited to it, checked in the core validators, and
// the message names the field and the limit. Limits are counted as a reader counts 字.

const x = (n: number, ch = '某') => ch.repeat(n);

function caseDraft(patch: Partial<ReturnType<typeof emptyCaseDraft>> = {}) {
  return {
    ...emptyCaseDraft('2026-11-26'),
    caseNumber: '威公经立〔2020〕15号',
    title: '威海某某养老服务有限公司涉嫌非法吸收公众存款案',
    charge: '非法吸收公众存款' as const,
    sector: '养老' as const,
    district: '环翠区',
    ...patch,
  };
}
const caseErrors = (patch: Parameters<typeof caseDraft>[0]) => {
  const r = validateCaseDraft(caseDraft(patch), { districts: ['环翠区'], today: '2026-11-26' });
  return r.ok ? {} : r.errors;
};

describe('text limits', () => {
  it('count characters, not UTF-16 units, and say the field, the limit and the length', () => {
    expect(charCount('𠮷野家')).toBe(3);
    expect(tooLong('案件名称', x(200), 200)).toBeNull();
    expect(tooLong('案件名称', x(201), 200)).toBe('案件名称：不能超过 200 字（现有 201 字），请精简。');
    // A rare character outside the BMP counts once: 200 of them fit a 200-字 limit.
    expect(tooLong('案件名称', x(200, '𠮷'), 200)).toBeNull();
  });

  it('hold a case title to 200 字 and every other case field to its own limit', () => {
    expect(caseErrors({ title: x(200) })).toEqual({});
    expect(caseErrors({ title: x(200_000) }).title).toBe('案件名称：不能超过 200 字（现有 200000 字），请精简。');
    expect(caseErrors({ caseNumber: x(61) }).caseNumber).toBe('案件编号：不能超过 60 字（现有 61 字），请精简。');
    expect(caseErrors({ leadUnit: x(101) }).leadUnit).toBe('主办单位：不能超过 100 字（现有 101 字），请精简。');
    expect(caseErrors({ officers: `张三、${x(51)}` }).officers).toMatch(/^承办人：每个姓名不能超过 50 字/);
    const party = { kind: 'firm' as const, name: x(101), role: '涉案企业' as const, idNumber: '', note: x(501) };
    const errors = caseErrors({ parties: [party] });
    expect(errors['parties.0.name']).toBe('第 1 个涉案主体：企业名称：不能超过 100 字（现有 101 字），请精简。');
    expect(errors['parties.0.note']).toBe('第 1 个涉案主体：备注：不能超过 500 字（现有 501 字），请精简。');
  });

  it('say a negative count must not be negative', () => {
    expect(caseErrors({ peopleInvolved: '-5' }).peopleInvolved).toBe('涉及人数：不能为负数，请填写 0 或正整数，例如 1600。');
    expect(caseErrors({ peopleInvolved: '1.5' }).peopleInvolved).toBe('涉及人数：请填写不带小数的整数，例如 1600。');
  });

  it('hold a stage note to 500 字', () => {
    const r = validateCaseDraft(caseDraft({ stage: '立案', filedDate: '2020-06-01', stageDate: '2020-06-01' }), { districts: [], today: '2026-11-26' });
    if (!r.ok) throw new Error('fixture');
    const file = { ...r.value, id: 'c', officers: [], stageHistory: [], createdAt: '', updatedAt: '' };
    expect(checkStageChange(file, '侦查', '2020-07-01', '2026-11-26', x(500))).toEqual({ ok: true });
    expect(checkStageChange(file, '侦查', '2020-07-01', '2026-11-26', x(501))).toEqual({ ok: false, field: 'note', message: '说明：不能超过 500 字（现有 501 字），请精简。' });
  });

  it('hold petition demands, names and the handler to their limits', () => {
    const input: PetitionFormInput = {
      receivedOn: '2026-03-02',
      channel: '来访',
      level: '到县区',
      form: 'individual',
      personCount: '1',
      petitioners: [{ kind: 'entered', name: x(51) }],
      caseId: null,
      demands: x(2001),
      urgency: '一般',
      handler: x(51),
    };
    const r = validatePetitionForm(input, '2026-03-02');
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      '第 1 名信访人：姓名：不能超过 50 字（现有 51 字），请精简。',
      '诉求：不能超过 2000 字（现有 2001 字），请精简。',
      '承办人：不能超过 50 字（现有 51 字），请精简。',
    ]);
  });

  it('hold a mediation record to its limits, naming the line or clause', () => {
    const s: MediationSession = {
      id: 's',
      date: '2026-03-05',
      place: x(101),
      method: '人民调解',
      mediators: ['林淼'],
      participants: ['张建国', x(101)],
      respondent: '某公司清算组',
      notes: x(5001),
      outcome: '达成协议',
      agreementTerms: [x(1001)],
    };
    expect(validateMediationSession(s)).toEqual([
      '调解地点：不能超过 100 字（现有 101 字），请精简。',
      '调解情况：不能超过 5000 字（现有 5001 字），请精简。',
      '参加人员第 2 行：不能超过 100 字（现有 101 字），请精简。',
      '协议条款第 1 条：不能超过 1000 字（现有 1001 字），请精简。',
    ]);
  });

  it('hold settings to their limits: office name, each district, number prefixes', () => {
    const r = validateSettings({ ...DEFAULT_SETTINGS, officeName: x(61), districts: ['环翠区', x(31)], petitionPrefix: x(21) });
    expect(r.ok ? {} : r.errors).toEqual({
      officeName: '发文机关：不能超过 60 字（现有 61 字），请精简。',
      districts: `区县列表：每个区县名称不能超过 30 字（“${x(12)}…”过长），请每行写一个区县。`,
      petitionPrefix: '“信访件”的编号前缀：不能超过 20 字（现有 21 字），请精简。',
    });
    const bad = validateSettings({ ...DEFAULT_SETTINGS, petitionPrefix: '威信〔2026〕' });
    expect(bad.ok ? {} : bad.errors).toEqual({ petitionPrefix: '“信访件”的编号前缀只写机关代字（如“威处非信”），年份和序号由系统生成。' });
  });

  it('hold a document form: one-line fields, multi-line fields and table cells', () => {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === 'inquiry-notice');
    if (!template) throw new Error('inquiry-notice template');
    const line = template.fields.find((f) => f.type === 'text' && f.key !== 'documentNumber');
    if (!line) throw new Error('a text field');
    const problems = validateDocumentData(template, { [line.key]: x(TEXT_LIMITS.documentLine + 1) });
    expect(problems).toContainEqual({ field: line.key, message: `「${line.label}」：不能超过 200 字（现有 201 字），请精简。` });
  });

  it('hold repayment and creditor hand entry to their limits; an unchosen fund source is missing, not invalid', () => {
    const fund = validateFundDraft({ source: '', amountText: '100', date: '2026-11-01', note: x(501) }, new Date('2026-11-26T09:00:00+08:00'));
    expect(fund.ok ? {} : fund.errors).toEqual({
      source: '资金来源：未选择，请从以下类别中选择：处置涉案资产、追缴违法所得、追回的佣金、提成、广告费等、集资人主动退赔、其他。',
      note: '备注：不能超过 500 字（现有 501 字），请精简。',
    });
    const creditor = validateCreditorDraft(
      {
        name: x(101),
        idType: '',
        idNumber: '11010519491231002X',
        phone: '',
        address: x(201),
        bankName: '',
        bankAccount: '',
        status: '待核实',
        exclusion: null,
        contracts: [{ principal: '1000', returned: '', note: '' }],
      },
      '2026-11-26',
    );
    expect(creditor.ok ? {} : { name: creditor.errors.name, address: creditor.errors.address }).toEqual({
      name: '姓名/名称：不能超过 100 字（现有 101 字），请精简。',
      address: '联系地址：不能超过 200 字（现有 201 字），请精简。',
    });
  });
});
