import { Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { describePendingChange } from '../../../core/users/four-eyes';
import type { StoredCreditor } from '../../../db/repositories/creditor-types';
import './review-messages';

/** Who verified the creditor, and a change still waiting for someone else's check (dt/dd pairs). */
export function ReviewFacts({ creditor }: { readonly creditor: StoredCreditor }) {
  const { t } = useTranslation('creditorReview');
  const { verifiedBy, pendingChange } = creditor.review ?? {};
  return (
    <>
      {verifiedBy && (
        <>
          <dt>{t('verifiedBy')}</dt>
          <dd data-testid="verified-by">
            {t('verifiedLine', { name: verifiedBy.name, at: formatOfficeDateTime(verifiedBy.at) })}
            {verifiedBy.relaxed && t('relaxed')}
          </dd>
        </>
      )}
      {pendingChange && (
        <>
          <dt>{t('pending')}</dt>
          <dd data-testid="pending-change">
            <Tag minimal intent="warning">
              {t('pendingTag')}
            </Tag>{' '}
            {describePendingChange(pendingChange)}（{formatOfficeDateTime(pendingChange.at)}）
          </dd>
        </>
      )}
    </>
  );
}
