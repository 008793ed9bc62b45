import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { RELAXATION_LABELS, type Relaxation } from '../../../core/users/four-eyes';
import type { RelaxationRecord } from '../../../db/records';
import '../settings/users-messages';

/** Steps of this batch done under a relaxed four-eyes rule: said wherever the batch is shown. */
export function RelaxationNote({ relaxations }: { readonly relaxations: readonly RelaxationRecord[] }) {
  const { t } = useTranslation('users');
  if (relaxations.length === 0) return null;
  return (
    <Callout intent="warning" icon="people" className="repayment-problem" data-testid="relaxation-note" title={t('fourEyes.relaxedTitle')}>
      <ul className="repayment-rejected">
        {relaxations.map((r) => (
          <li key={`${r.relaxation}-${r.at}`}>
            {RELAXATION_LABELS[r.relaxation]}：{r.by.name}，{formatOfficeDateTime(r.at)}
          </li>
        ))}
      </ul>
    </Callout>
  );
}

/** Creditors of this batch whose account or net claim changed after verification ("name: what changed", the first 20). */
export function PendingChangesNote({ pending }: { readonly pending: readonly string[] }) {
  const { t } = useTranslation('users');
  if (pending.length === 0) return null;
  return (
    <Callout intent="danger" icon="warning-sign" className="repayment-problem" data-testid="pending-changes" title={t('fourEyes.pendingTitle')}>
      <ul className="repayment-rejected">
        {pending.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </Callout>
  );
}

/** For figures: which batches were done under which relaxed rule. */
export function relaxedBatchesText(batches: readonly { readonly number: number; readonly relaxations: readonly Relaxation[] }[]): string | null {
  if (batches.length === 0) return null;
  return batches.map((b) => `第 ${b.number} 批：${b.relaxations.map((r) => RELAXATION_LABELS[r]).join('、')}`).join('；');
}
