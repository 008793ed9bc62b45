// Small display helpers shared by the batch list and the batch page.

import type { Intent } from '@blueprintjs/core';
import type { TFunction } from 'i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { formatFen } from '../../../core/money';
import type { BatchRule, BatchStatus, PaymentStatus } from '../../../core/repayment/batch-lifecycle';

export const BATCH_STATUS_LABEL: Readonly<Record<BatchStatus, string>> = { draft: '草稿', approved: '已审批', paid: '已支付' };
export const BATCH_STATUS_INTENT: Readonly<Record<BatchStatus, Intent>> = { draft: 'none', approved: 'primary', paid: 'success' };
export const PAYMENT_INTENT: Readonly<Record<PaymentStatus, Intent>> = { pending: 'none', paid: 'success', failed: 'danger', returned: 'warning' };

export function ruleText(rule: BatchRule, t: TFunction<'repayment'>): string {
  const parts = [rule.smallClaimThresholdFen > 0 ? t('batches.smallFirst', { t: formatFen(rule.smallClaimThresholdFen) }) : t('batches.proRata')];
  if (rule.minPaymentFen > 0) parts.push(t('batches.minimum', { m: formatFen(rule.minPaymentFen) }));
  return parts.join('，');
}

/** "2026-11-26T01:00:00.000Z" → local "2026-11-26 09:00". */
/** Approval and result times in the office's time zone, whatever the PC's. */
export function localTime(iso: string | null): string {
  return formatOfficeDateTime(iso);
}
