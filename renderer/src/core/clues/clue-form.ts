// Registering a clue (线索登记): the form as typed, checked field by field with Chinese messages.
import { compareDates, parseIsoDate } from '../calendar/iso-date';
import { checkPhone } from '../identity/phone';
import { checkResidentId } from '../identity/resident-id';
import { checkSubject, type SubjectInput } from './subject';
import { CLUE_CHANNELS, type ClueChannel, type ClueReporter, type ClueSubject, type FieldError, WARNING_LEVELS, type WarningLevel } from './types';

export interface ReporterInput {
  readonly name: string;
  readonly phone: string;
  readonly idNumber: string;
  readonly address: string;
  readonly isStaff: boolean;
  readonly isParticipant: boolean;
}

export interface ClueFormInput {
  readonly receivedOn: string;
  readonly channel: string;
  readonly subject: SubjectInput;
  readonly allegation: string;
  readonly level: string;
  readonly levelReason: string;
  readonly anonymous: boolean;
  readonly reporter: ReporterInput;
}

export interface CheckedClueForm {
  readonly receivedOn: string;
  readonly channel: ClueChannel;
  readonly subject: ClueSubject;
  readonly allegation: string;
  readonly level: WarningLevel;
  readonly levelReason: string;
  readonly anonymous: boolean;
  /** Null when anonymous. */
  readonly reporter: Omit<ClueReporter, 'clueId'> | null;
}

export const EMPTY_REPORTER: ReporterInput = { name: '', phone: '', idNumber: '', address: '', isStaff: false, isParticipant: false };

export function emptyClueForm(today: string): ClueFormInput {
  return {
    receivedOn: today,
    channel: '',
    subject: { kind: 'firm', name: '', creditCode: '', link: '' },
    allegation: '',
    level: '',
    levelReason: '',
    anonymous: false,
    reporter: EMPTY_REPORTER,
  };
}

export type ClueFormResult = { readonly ok: true; readonly value: CheckedClueForm } | { readonly ok: false; readonly errors: readonly FieldError[] };

export function checkClueForm(input: ClueFormInput, today: string): ClueFormResult {
  const errors: FieldError[] = [];
  const date = parseIsoDate(input.receivedOn.trim(), '收到日期');
  if (!date.ok) errors.push({ field: 'receivedOn', message: `收到日期有误：${date.error}` });
  else if (compareDates(date.value, today) > 0) errors.push({ field: 'receivedOn', message: `收到日期 ${date.value} 晚于今天：请填写实际收到线索的日期。` });
  const channel = input.channel as ClueChannel;
  if (!CLUE_CHANNELS.includes(channel)) errors.push({ field: 'channel', message: '线索来源渠道未选择：请选择热线、微信、网格员等来源。' });
  const subject = checkSubject(input.subject);
  errors.push(...subject.errors);
  const allegation = input.allegation.trim();
  if (allegation === '') errors.push({ field: 'allegation', message: '反映内容未填写：请写明举报或预警反映的涉嫌非法集资行为。' });
  else if (allegation.length > 2000) errors.push({ field: 'allegation', message: '反映内容超过 2000 个字：请概括后填写，原件可作附件保存。' });
  const level = input.level as WarningLevel;
  if (!WARNING_LEVELS.includes(level)) errors.push({ field: 'level', message: '预警等级未选择：请选择高、中或低。' });
  const levelReason = input.levelReason.trim();
  if (levelReason === '') errors.push({ field: 'levelReason', message: '定级理由未填写：请说明为什么定为该预警等级（如涉及人数、金额、是否仍在吸收资金）。' });
  let reporter: Omit<ClueReporter, 'clueId'> | null = null;
  if (!input.anonymous) {
    const r = input.reporter;
    const name = r.name.trim();
    if (name === '') errors.push({ field: 'reporter.name', message: '举报人姓名未填写：请填写姓名，或勾选“匿名举报”。' });
    let phone: string | null = null;
    if (r.phone.trim() !== '') {
      const checked = checkPhone(r.phone);
      if (checked.ok) phone = checked.phone;
      else errors.push({ field: 'reporter.phone', message: `举报人${checked.message}` });
    }
    let idNumber: string | null = null;
    if (r.idNumber.trim() !== '') {
      const checked = checkResidentId(r.idNumber, { today });
      if (checked.ok) idNumber = checked.idNumber;
      else errors.push({ field: 'reporter.idNumber', message: `举报人身份证号码有误：${checked.message}` });
    }
    if (name !== '' && phone === null && r.phone.trim() === '' && r.address.trim() === '') {
      errors.push({ field: 'reporter.phone', message: '举报人联系电话未填写：实名举报须留联系电话或地址以便答复，否则请勾选“匿名举报”。' });
    }
    reporter = { name, phone, idNumber, address: r.address.trim() === '' ? null : r.address.trim(), isStaff: r.isStaff, isParticipant: r.isParticipant };
  }
  if (errors.length > 0 || !date.ok || !subject.subject) return { ok: false, errors };
  return {
    ok: true,
    value: { receivedOn: date.value, channel, subject: subject.subject, allegation, level, levelReason, anonymous: input.anonymous, reporter },
  };
}
