// Checks the recovered-funds form (追缴资金登记); messages name the field in Chinese.
import { isIsoDate, localIsoDate } from '../../core/common/iso-date';
import { checkLimit } from '../../core/common/text-limits';
import { parseMoneyToFen } from '../../core/money';
import type { RecoveredFundSource } from '../../core/repayment/recovered-funds';
import { validateRecoveredFund } from '../../core/repayment/recovered-funds';
import type { FieldErrors, FundDraft, FundField } from './repayment-types';


export function validateFundDraft(
  draft: FundDraft,
  now: Date,
): { ok: true; value: { source: RecoveredFundSource; amountFen: number; date: string; note: string } } | { ok: false; errors: FieldErrors<FundField> } {
  const errors: FieldErrors<FundField> = {};
  const amount = parseMoneyToFen(draft.amountText);
  const core = validateRecoveredFund({ source: draft.source, amountFen: amount.ok ? amount.fen : 1, date: draft.date });
  for (const e of core) {
    if (e.field === 'source') errors.source = e.message;
    if (e.field === 'amountFen') errors.amount = `追缴金额：${e.message}`;
  }
  if (!amount.ok) errors.amount = `追缴金额：${amount.message}`;
  else if (amount.fen <= 0) errors.amount = '追缴金额：必须大于 0，请重新填写。';
  if (!isIsoDate(draft.date)) errors.date = '到账日期：请按 YYYY-MM-DD 填写有效日期。';
  else if (draft.date > localIsoDate(now)) errors.date = `到账日期：${draft.date} 晚于今天，请核对日期。`;
  const note = draft.note.trim();
  const noteLong = checkLimit('备注', note, 'note');
  if (noteLong) errors.note = noteLong;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { source: draft.source as RecoveredFundSource, amountFen: amount.ok ? amount.fen : 0, date: draft.date, note } };
}
