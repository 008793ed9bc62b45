// The subject of a clue or an advertiser: checked, and reduced to a key so later reports of the same
// matter are recognised (first-reporter rule) and the screening ledger can be joined on it later.
import { checkCreditCode } from '../identity/credit-code';
import { removeSpaces } from '../money/normalize-text';
import { type ClueSubject, type FieldError, SUBJECT_KINDS, type SubjectKind } from './types';

export interface SubjectInput {
  readonly kind: string;
  readonly name: string;
  readonly creditCode?: string | null;
  readonly link?: string | null;
}

/** Checks a subject; `prefix` names the field group in messages (线索主体, 广告主). */
export function checkSubject(input: SubjectInput, prefix = '线索主体', field = 'subject'): { subject: ClueSubject | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = input.kind as SubjectKind;
  if (!SUBJECT_KINDS.includes(kind)) errors.push({ field: `${field}.kind`, message: `${prefix}类型未选择：请选择企业、个人、网站或 App。` });
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name === '') errors.push({ field: `${field}.name`, message: `${prefix}名称未填写：请填写企业名称、姓名、网站或 App 名称。` });
  else if (name.length > 100) errors.push({ field: `${field}.name`, message: `${prefix}名称超过 100 个字：请删减。` });
  let creditCode: string | null = null;
  const codeText = (input.creditCode ?? '').trim();
  if (codeText !== '') {
    if (kind !== 'firm') errors.push({ field: `${field}.creditCode`, message: `统一社会信用代码只适用于企业：${prefix}不是企业时请清空该栏。` });
    else {
      const checked = checkCreditCode(codeText);
      if (checked.ok) creditCode = checked.creditCode;
      else errors.push({ field: `${field}.creditCode`, message: `${prefix}的统一社会信用代码有误：${checked.message}` });
    }
  }
  const linkText = (input.link ?? '').trim();
  if (linkText.length > 500) errors.push({ field: `${field}.link`, message: `${prefix}的网址或 App 名称超过 500 个字符：请删减。` });
  if (errors.length > 0) return { subject: null, errors };
  return { subject: { kind, name, creditCode, link: linkText === '' ? null : linkText }, errors };
}

/**
 * The key that makes two reports "the same matter": a firm's credit code when known, else the kind
 * and the name without spaces or brackets' width differences.
 */
export function subjectKey(subject: Pick<ClueSubject, 'kind' | 'name' | 'creditCode'>): string {
  if (subject.creditCode) return `code:${subject.creditCode}`;
  return `${subject.kind}:${nameOf(subject)}`;
}

function nameOf(subject: Pick<ClueSubject, 'name'>): string {
  return removeSpaces(subject.name).replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
}

/**
 * Two subjects are the same matter when their credit codes agree, or when at least one has no code
 * and they are the same kind with the same name (spaces and bracket widths aside).
 */
export function sameSubject(a: Pick<ClueSubject, 'kind' | 'name' | 'creditCode'>, b: Pick<ClueSubject, 'kind' | 'name' | 'creditCode'>): boolean {
  if (a.creditCode && b.creditCode) return a.creditCode === b.creditCode;
  return a.kind === b.kind && nameOf(a) === nameOf(b);
}
