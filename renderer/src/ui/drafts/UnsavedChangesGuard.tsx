import { Button, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { purgeOldDrafts } from './draft-store';
import './messages';
import { answerLeave, pendingLeave, subscribeLeave, warnBeforeUnload } from './navigation-guard';

/** Mounted once by the app shell: the leave prompt, beforeunload, and the expiry of old drafts. */
export function UnsavedChangesGuard() {
  const { t } = useTranslation('drafts');
  const pending = useSyncExternalStore(subscribeLeave, pendingLeave);
  useEffect(() => {
    purgeOldDrafts(new Date());
    window.addEventListener('beforeunload', warnBeforeUnload);
    return () => window.removeEventListener('beforeunload', warnBeforeUnload);
  }, []);
  return (
    <Dialog isOpen={pending !== null} title={t('leaveTitle')} icon="warning-sign" onClose={() => answerLeave('stay')} className="unsaved-dialog">
      <DialogBody>
        <p data-testid="unsaved-forms">{t('leaveBody', { forms: pending?.forms.join('、') ?? '' })}</p>
        <p>{t('leaveKept')}</p>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('stay')} onClick={() => answerLeave('stay')} />
            <Button intent="danger" text={t('leaveDiscard')} onClick={() => answerLeave('discard')} />
            <Button intent="primary" text={t('leave')} autoFocus onClick={() => answerLeave('leave')} />
          </>
        }
      />
    </Dialog>
  );
}
