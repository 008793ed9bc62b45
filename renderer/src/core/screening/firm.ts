// The firm form (排查对象): one Chinese message per field. A credit code is checked against GB 32100;
// a firm without one is accepted as 待补充 with a warning, so a department's list with gaps can be
// kept while the codes are looked up, but a wrong code is never stored.
import { compareDates, parseIsoDate } from '../calendar/iso-date';
import { tooLong } from '../common/text-limits';
import { readTypedDate } from '../common/typed-date';
import { normalizeName } from '../creditors/cell';
import { checkCreditCode } from '../identity/credit-code';
import type { KeywordMatcher } from './keywords';
import { type Checked, DEPARTMENT_KINDS, type DepartmentKind, type FieldError, type Firm } from './types';

export interface FirmInput {
  readonly name: string;
  readonly creditCode: string;
  readonly legalRep: string;
  readonly address: string;
  readonly district: string;
  readonly sector: string;
  readonly registeredOn: string;
  readonly businessScope: string;
  readonly department: string;
  readonly departmentKind: string;
  readonly contacts: string;
}

export type FirmValue = Omit<Firm, 'id' | 'createdAt' | 'updatedAt' | 'evaluation'>;

export const FIRM_FIELD_LABELS: Readonly<Record<keyof FirmInput, string>> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人',
  address: '住所',
  district: '所属区县',
  sector: '行业',
  registeredOn: '成立日期',
  businessScope: '经营范围',
  department: '责任部门',
  departmentKind: '责任类型',
  contacts: '联系人及电话',
};

const LIMITS: Readonly<Record<keyof FirmInput, number>> = {
  name: 100,
  creditCode: 40,
  legalRep: 50,
  address: 200,
  district: 30,
  sector: 50,
  registeredOn: 20,
  businessScope: 2000,
  department: 100,
  departmentKind: 10,
  contacts: 200,
};

export const EMPTY_FIRM_INPUT: FirmInput = {
  name: '',
  creditCode: '',
  legalRep: '',
  address: '',
  district: '',
  sector: '',
  registeredOn: '',
  businessScope: '',
  department: '',
  departmentKind: '属地',
  contacts: '',
};

export const CODE_PENDING_WARNING = '统一社会信用代码未填写：该企业按“待补充”登记并在台账中标出，请尽快查询营业执照补录代码。';

/** Checks the form; `matcher` finds the finance keywords in the name and business scope. */
export function validateFirm(input: FirmInput, matcher: KeywordMatcher, today: string): Checked<FirmValue> {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  for (const key of Object.keys(LIMITS) as Array<keyof FirmInput>) {
    const message = tooLong(FIRM_FIELD_LABELS[key], input[key].trim(), LIMITS[key]);
    if (message) errors.push({ field: key, message });
  }
  const name = normalizeName(input.name);
  if (name === '') errors.push({ field: 'name', message: '企业名称：必须填写，请按营业执照上的名称填写。' });

  let creditCode = '';
  const codeText = input.creditCode.trim();
  if (codeText === '') warnings.push({ field: 'creditCode', message: CODE_PENDING_WARNING });
  else {
    const checked = checkCreditCode(codeText);
    if (checked.ok) creditCode = checked.creditCode;
    // The checker's message may itself start with the field's name; it is said once.
    else errors.push({ field: 'creditCode', message: `统一社会信用代码：${checked.message.replace(/^统一社会信用代码\s*/, '')}` });
  }

  let registeredOn = '';
  const dateText = input.registeredOn.trim();
  if (dateText !== '') {
    const iso = readTypedDate(dateText);
    const parsed = parseIsoDate(iso ?? dateText, '成立日期');
    if (!parsed.ok) errors.push({ field: 'registeredOn', message: parsed.error });
    else if (compareDates(parsed.value, today) > 0) errors.push({ field: 'registeredOn', message: `成立日期 ${parsed.value} 晚于今天，请核对营业执照。` });
    else registeredOn = parsed.value;
  }

  const kind = input.departmentKind.trim() || '属地';
  if (!(DEPARTMENT_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: 'departmentKind', message: `责任类型“${kind}”不对：只能是“属地”或“行业主管”。` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const businessScope = input.businessScope.trim();
  const keywordHits = mergeHits(matcher.keywordsIn(name), matcher.keywordsIn(businessScope), matcher.keywords);
  return {
    ok: true,
    warnings,
    value: {
      name,
      creditCode,
      codeStatus: creditCode === '' ? '待补充' : '正常',
      legalRep: normalizeName(input.legalRep),
      address: input.address.trim(),
      district: input.district.trim(),
      sector: input.sector.trim(),
      registeredOn,
      businessScope,
      department: input.department.trim(),
      departmentKind: kind as DepartmentKind,
      contacts: input.contacts.trim(),
      keywordHits,
    },
  };
}

/** Keywords found in either text, in the list's order. */
export function mergeHits(a: readonly string[], b: readonly string[], order: readonly string[]): string[] {
  const found = new Set([...a, ...b]);
  return order.filter((k) => found.has(k));
}

/** The form's values from a stored firm (for editing). */
export function firmToInput(firm: Firm): FirmInput {
  return {
    name: firm.name,
    creditCode: firm.creditCode,
    legalRep: firm.legalRep,
    address: firm.address,
    district: firm.district,
    sector: firm.sector,
    registeredOn: firm.registeredOn,
    businessScope: firm.businessScope,
    department: firm.department,
    departmentKind: firm.departmentKind,
    contacts: firm.contacts,
  };
}
