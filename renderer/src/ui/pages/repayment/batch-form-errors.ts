// Where the batch form shows each message from the repository: under the field the message names
// (本批清退金额…, 批次日期…, 小额优先…, 最低支付额…), or, when it names no field of the form (no
// verified creditors, someone paid more than their claim, the batches changed meanwhile), above the
// fields. The repository files such whole-batch messages under `amount`, which put them under the
// amount as if the amount were wrong.
import type { BatchField, FieldErrors } from '../../../db/repositories/repayment-types';

/** How each message begins when it is about a field (the wording of validateBatchDraft and allocateBatch). */
const FIELD_BY_LEADING_LABEL: readonly (readonly [string, BatchField])[] = [
  ['本批清退金额', 'amount'],
  ['批次日期', 'date'],
  ['小额优先', 'threshold'],
  ['最低支付额', 'minPayment'],
];

export interface PlacedBatchErrors {
  readonly fields: FieldErrors<BatchField>;
  /** Messages about the batch as a whole, or about a field not on the form now. */
  readonly general: readonly string[];
}

export function placeBatchErrors(errors: FieldErrors<BatchField>, shown: { readonly threshold: boolean }): PlacedBatchErrors {
  const fields: Partial<Record<BatchField, string>> = {};
  const general: string[] = [];
  for (const message of Object.values(errors)) {
    if (!message) continue;
    const field = FIELD_BY_LEADING_LABEL.find(([label]) => message.startsWith(label))?.[1];
    if (field === undefined || (field === 'threshold' && !shown.threshold)) general.push(message);
    else fields[field] = fields[field] ? `${fields[field]}；${message}` : message;
  }
  return { fields, general };
}
