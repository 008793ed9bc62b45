// Checks the batch form (批次设置) before anything is computed or stored; every message names the
// field in Chinese and says what to do.
import { isIsoDate } from '../../core/common/iso-date';
import { formatFen, parseMoneyToFen } from '../../core/money';
import type { BatchRule } from '../../core/repayment/batch-lifecycle';
import type { BatchDraft, BatchField, FieldErrors } from './repayment-types';

export interface ValidBatchDraft {
  readonly amountFen: number;
  readonly date: string;
  readonly rule: BatchRule;
}

export function validateBatchDraft(
  draft: BatchDraft,
  fundsAvailableFen: number,
): { ok: true; value: ValidBatchDraft } | { ok: false; errors: FieldErrors<BatchField> } {
  const errors: FieldErrors<BatchField> = {};
  let amountFen = 0;
  const amount = parseMoneyToFen(draft.amountText);
  if (!amount.ok) errors.amount = `本批清退金额：${amount.message}`;
  else if (amount.fen <= 0) errors.amount = '本批清退金额：必须大于 0，请填写金额。';
  else if (amount.fen > fundsAvailableFen) {
    errors.amount = `本批清退金额 ${formatFen(amount.fen)} 元超过可用资金 ${formatFen(fundsAvailableFen)} 元，请减少金额或先登记追缴资金。`;
  } else amountFen = amount.fen;
  if (!isIsoDate(draft.date)) errors.date = '批次日期：请按 YYYY-MM-DD 填写有效日期。';
  let smallClaimThresholdFen = 0;
  if (draft.smallClaimsFirst) {
    const t = parseMoneyToFen(draft.thresholdText);
    if (!t.ok) errors.threshold = `小额优先标准：${t.message}`;
    else if (t.fen <= 0) errors.threshold = '小额优先标准：勾选小额优先时须填写大于 0 的金额。';
    else smallClaimThresholdFen = t.fen;
  }
  let minPaymentFen = 0;
  if (draft.minPaymentText.trim() !== '') {
    const m = parseMoneyToFen(draft.minPaymentText);
    if (!m.ok) errors.minPayment = `最低支付额：${m.message}`;
    else minPaymentFen = m.fen;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { amountFen, date: draft.date, rule: { smallClaimThresholdFen, minPaymentFen } } };
}
