// Dispositions (处置) and the dynamic risk ledger (风险动态管理台账). A disposition needs its date and
// who decided; leaving the risk ledger needs a reason; reviews past their date are overdue.
import { compareDates, daysBetween } from '../calendar/iso-date';
import { tooLong } from '../common/text-limits';
import { readDateField } from './round';
import { type Checked, DISPOSITION_KINDS, type Disposition, type DispositionKind, type FieldError, type RiskEntry } from './types';

export interface DispositionInput {
  readonly kind: string;
  readonly date: string;
  readonly decidedBy: string;
  readonly documentRef: string;
  readonly caseId: string | null;
  /** An issued document of the firm (文书登记) the disposition rests on. */
  readonly documentId?: string | null;
  readonly note: string;
}

export type DispositionValue = Omit<Disposition, 'id' | 'firmId' | 'recordedAt'>;

export function validateDisposition(input: DispositionInput, today: string): Checked<DispositionValue> {
  const errors: FieldError[] = [];
  if (!(DISPOSITION_KINDS as readonly string[]).includes(input.kind)) errors.push({ field: 'kind', message: '处置方式：请从列表中选择。' });
  const date = readDateField(input.date, '处置日期', 'date', errors);
  if (date && compareDates(date, today) > 0) errors.push({ field: 'date', message: `处置日期 ${date} 晚于今天，请核对决定书上的日期。` });
  const decidedBy = input.decidedBy.trim();
  if (decidedBy === '') errors.push({ field: 'decidedBy', message: '决定人：必须填写作出处置决定的人或会议（如“市处非办主任办公会”）。' });
  for (const [field, label, max] of [
    ['decidedBy', '决定人', 100],
    ['documentRef', '文书及文号', 200],
    ['note', '备注', 1000],
  ] as const) {
    const long = tooLong(label, input[field].trim(), max);
    if (long) errors.push({ field, message: long });
  }
  const documentId = input.documentId ?? null;
  if (input.kind === '整改' && documentId === null && input.documentRef.trim() === '') {
    errors.push({ field: 'documentId', message: '整改通知书：整改处置须关联已签发的整改通知书（在企业页“出具文书”中签发），或在“文书及文号”中写明纸质通知书的文号。' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    warnings: [],
    value: {
      kind: input.kind as DispositionKind,
      date,
      decidedBy,
      documentRef: input.documentRef.trim(),
      caseId: input.kind === '移送公安' ? input.caseId : null,
      documentId,
      note: input.note.trim(),
    },
  };
}

export interface RiskEntryInput {
  readonly reason: string;
  readonly since: string;
  readonly follower: string;
  readonly nextReview: string;
}

export type RiskEntryValue = Omit<RiskEntry, 'id' | 'firmId' | 'removed'>;

export function validateRiskEntry(input: RiskEntryInput, today: string): Checked<RiskEntryValue> {
  const errors: FieldError[] = [];
  const reason = input.reason.trim();
  if (reason === '') errors.push({ field: 'reason', message: '纳入原因：必须填写该企业为什么需要动态管理。' });
  const long = tooLong('纳入原因', reason, 1000);
  if (long) errors.push({ field: 'reason', message: long });
  const since = readDateField(input.since, '纳入日期', 'since', errors);
  if (since && compareDates(since, today) > 0) errors.push({ field: 'since', message: `纳入日期 ${since} 晚于今天，请核对。` });
  const follower = input.follower.trim();
  if (follower === '') errors.push({ field: 'follower', message: '跟踪责任人：必须填写由谁跟踪该企业。' });
  const nextReview = readDateField(input.nextReview, '下次复核日期', 'nextReview', errors);
  if (since && nextReview && compareDates(nextReview, since) < 0) errors.push({ field: 'nextReview', message: `下次复核日期 ${nextReview} 早于纳入日期 ${since}，请核对。` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, warnings: [], value: { reason, since, follower, nextReview } };
}

export function validateRemoval(reason: string, on: string, today: string): Checked<{ reason: string; on: string }> {
  const errors: FieldError[] = [];
  const text = reason.trim();
  if (text === '') errors.push({ field: 'reason', message: '移出原因：移出风险台账必须写明原因（如“已注销”“风险已化解”）。' });
  const long = tooLong('移出原因', text, 1000);
  if (long) errors.push({ field: 'reason', message: long });
  const date = readDateField(on, '移出日期', 'on', errors);
  if (date && compareDates(date, today) > 0) errors.push({ field: 'on', message: `移出日期 ${date} 晚于今天，请核对。` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, warnings: [], value: { reason: text, on: date } };
}

export interface OverdueReview {
  readonly entry: RiskEntry;
  /** Days past the review date (0 = due today). */
  readonly daysOverdue: number;
}

/** Entries still on the ledger whose review date is today or past, most overdue first. */
export function overdueReviews(entries: readonly RiskEntry[], today: string): OverdueReview[] {
  return entries
    .filter((e) => e.removed === null && compareDates(e.nextReview, today) <= 0)
    .map((entry) => ({ entry, daysOverdue: daysBetween(entry.nextReview, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.entry.id.localeCompare(b.entry.id));
}
