import type { FieldErrors, Validated } from '../common/field-errors';
import { hasErrors } from '../common/field-errors';
import { isIsoDate } from '../common/iso-date';
import { charCount, checkLimit, TEXT_LIMITS } from '../common/text-limits';
import type { CaseDraft, CaseField } from './case-draft';
import type { CaseCharge, CaseFile, CaseParty, CaseSector } from './case-file';
import { CASE_CHARGES, CASE_SECTORS, CASE_STAGES, FIRM_ROLES, PERSON_ROLES } from './case-file';
import { checkPartyIdNumber, parseYuanField } from './field-parsers';

/** The case's own fields as stored, plus the opening stage and the parties, all checked. */
export type ValidCaseValues = Pick<
  CaseFile,
  | 'caseNumber'
  | 'title'
  | 'charge'
  | 'sector'
  | 'district'
  | 'leadUnit'
  | 'officers'
  | 'amountInvolvedFen'
  | 'peopleInvolved'
  | 'lossesRecoveredFen'
  | 'filedDate'
  | 'stage'
> & {
  readonly stageDate: string;
  readonly parties: readonly (Omit<CaseParty, 'id' | 'caseId' | 'order'> & { readonly id?: string })[];
};

/** Checks the whole form at once so the user sees every problem, each on its own field. */
export function validateCaseDraft(
  draft: CaseDraft,
  context: { readonly districts: readonly string[]; readonly today: string },
): Validated<ValidCaseValues, CaseField> {
  const errors: FieldErrors<CaseField> = {};
  const caseNumber = draft.caseNumber.trim();
  const title = draft.title.trim();
  if (!caseNumber) errors.caseNumber = '请填写案件编号（按本单位的编号写法）。';
  else {
    const long = checkLimit('案件编号', caseNumber, 'caseNumber');
    if (long) errors.caseNumber = long;
  }
  if (!title) errors.title = '请填写案件名称，例如“某某公司涉嫌非法吸收公众存款案”。';
  else {
    const long = checkLimit('案件名称', title, 'caseTitle');
    if (long) errors.title = long;
  }
  if (!CASE_CHARGES.includes(draft.charge as CaseCharge)) errors.charge = '请选择涉嫌罪名或类型。';
  if (!CASE_SECTORS.includes(draft.sector as CaseSector)) errors.sector = '请选择所属领域。';
  const district = draft.district.trim();
  const districtLong = checkLimit('区县', district, 'district');
  if (!district) errors.district = '请选择区县（区县列表在“设置”中维护）。';
  else if (districtLong) errors.district = districtLong;
  else if (context.districts.length > 0 && !context.districts.includes(district)) {
    errors.district = `区县“${district}”不在设置的区县列表中，请从列表中选择或先在“设置”中添加。`;
  }
  const leadUnit = draft.leadUnit.trim();
  const leadUnitLong = checkLimit('主办单位', leadUnit, 'unitName');
  if (leadUnitLong) errors.leadUnit = leadUnitLong;
  const officers = draft.officers
    .split(/[、，,;；\s]+/)
    .map((o) => o.trim())
    .filter(Boolean);
  const longOfficer = officers.find((o) => charCount(o) > TEXT_LIMITS.personName);
  if (longOfficer) errors.officers = `承办人：每个姓名不能超过 ${TEXT_LIMITS.personName} 字（“${longOfficer.slice(0, 10)}…”过长），多人请用顿号分开。`;
  else {
    const long = checkLimit('承办人', officers.join('、'), 'officers');
    if (long) errors.officers = long;
  }

  const amount = parseYuanField(draft.amountInvolvedYuan, '涉案金额');
  if (!amount.ok) errors.amountInvolvedYuan = amount.message;
  const recovered = parseYuanField(draft.lossesRecoveredYuan, '挽回经济损失');
  if (!recovered.ok) errors.lossesRecoveredYuan = recovered.message;

  let peopleInvolved: number | null = null;
  const peopleText = draft.peopleInvolved.trim();
  if (peopleText) {
    if (/^\d{1,9}$/.test(peopleText)) peopleInvolved = Number(peopleText);
    else if (/^[-－−]\s*\d/.test(peopleText)) errors.peopleInvolved = '涉及人数：不能为负数，请填写 0 或正整数，例如 1600。';
    else errors.peopleInvolved = '涉及人数：请填写不带小数的整数，例如 1600。';
  }

  const filedDate = draft.filedDate.trim() || null;
  if (filedDate && !isIsoDate(filedDate)) errors.filedDate = '立案日期不是有效日期，请按 2020-12-01 的格式填写。';
  else if (filedDate && filedDate > context.today) errors.filedDate = '立案日期晚于今天，请核对。';
  if (!CASE_STAGES.includes(draft.stage)) errors.stage = '请选择案件阶段。';
  if (!isIsoDate(draft.stageDate)) errors.stageDate = '阶段日期不是有效日期，请按 2020-12-01 的格式填写。';
  else if (draft.stageDate > context.today) errors.stageDate = '阶段日期晚于今天，请填写实际发生的日期。';
  if (draft.stage !== '线索核查' && !filedDate) errors.filedDate = `案件已到“${draft.stage}”阶段，请填写立案日期。`;

  const parties = draft.parties.map((p, i) => {
    const name = p.name.trim();
    if (!name) errors[`parties.${i}.name`] = `第 ${i + 1} 个涉案主体：请填写${p.kind === 'firm' ? '企业名称' : '姓名'}。`;
    const roles: readonly string[] = p.kind === 'firm' ? FIRM_ROLES : PERSON_ROLES;
    if (!roles.includes(p.role)) errors[`parties.${i}.role`] = `第 ${i + 1} 个涉案主体：请选择角色。`;
    else {
      const long = checkLimit(p.kind === 'firm' ? '企业名称' : '姓名', name, 'partyName');
      if (long) errors[`parties.${i}.name`] = `第 ${i + 1} 个涉案主体：${long}`;
    }
    const id = checkPartyIdNumber(p.kind, p.idNumber, context.today);
    if (!id.ok) errors[`parties.${i}.idNumber`] = `第 ${i + 1} 个涉案主体：${id.message}`;
    const note = p.note.trim();
    const noteLong = checkLimit('备注', note, 'note');
    if (noteLong) errors[`parties.${i}.note`] = `第 ${i + 1} 个涉案主体：${noteLong}`;
    return { ...p, name, idNumber: id.ok ? id.normalized : p.idNumber, note };
  });

  if (hasErrors(errors) || !amount.ok || !recovered.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      caseNumber,
      title,
      charge: draft.charge as CaseCharge,
      sector: draft.sector as CaseSector,
      district,
      leadUnit,
      officers,
      amountInvolvedFen: amount.fen,
      peopleInvolved,
      lossesRecoveredFen: recovered.fen,
      filedDate,
      stage: draft.stage,
      stageDate: draft.stageDate,
      parties,
    },
  };
}
