import { Button, Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../core/common/office-time';
import './messages';
import type { FormDraft } from './use-form-draft';

/** Tells the user a form came back from a draft (or could not keep one), with the way out. */
export function DraftNotice<T>({ draft }: { readonly draft: FormDraft<T> }) {
  const { t } = useTranslation('drafts');
  if (draft.saveFailed) {
    return (
      <Callout intent="warning" className="draft-notice" data-testid="draft-failed" compact>
        {t('saveFailed')}
      </Callout>
    );
  }
  if (draft.stale) {
    return (
      <Callout intent="warning" className="draft-notice" data-testid="draft-stale" compact>
        {t('stale', { time: formatOfficeDateTime(draft.stale.savedAt) })}{' '}
        <Button small text={t('applyStale')} onClick={draft.applyStale} /> <Button small minimal text={t('discard')} onClick={draft.discard} />
      </Callout>
    );
  }
  if (!draft.restoredAt) return null;
  return (
    <Callout intent="primary" icon="history" className="draft-notice" data-testid="draft-restored" compact>
      {t('restored', { time: formatOfficeDateTime(draft.restoredAt) })} <Button small minimal icon="trash" text={t('discard')} onClick={draft.discard} />
    </Callout>
  );
}
