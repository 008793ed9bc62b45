import { Button, Callout, Classes, Dialog } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LastRestore, markRestoreAnnounced, unannouncedRestore } from '../../db/backup/restore-backup';
import { formatLocalTime, REASON_LABELS } from '../pages/settings/backup-labels';
import '../pages/settings/safety-messages';

/**
 * After a restore the page reloads onto the restored data; this says, once, that the restore is done:
 * which file was restored, where the data before it went, and that the audit log records it (issue 11).
 */
export function RestoreDoneNotice() {
  const { t } = useTranslation('safety');
  const [done, setDone] = useState<LastRestore | null>(null);
  useEffect(() => {
    void unannouncedRestore().then(setDone, () => setDone(null));
  }, []);
  if (!done) return null;
  const close = () => {
    setDone(null);
    void markRestoreAnnounced();
  };
  const rows = Object.values(done.rowCounts).reduce((a, b) => a + b, 0);
  const pre = done.preRestoreBackup;
  return (
    <Dialog isOpen title={t('restoreDone.title')} icon="tick-circle" onClose={close} className="restore-done">
      <div className={Classes.DIALOG_BODY} data-testid="restore-done">
        <Callout intent="success">
          {t('restoreDone.text', {
            file: done.fileName,
            time: formatLocalTime(done.backupCreatedAt),
            reason: REASON_LABELS[done.backupReason ?? ''] ?? done.backupReason ?? '—',
            rows: rows.toLocaleString('zh-CN'),
          })}
        </Callout>
        <p>
          {pre
            ? t('restoreDone.pre', { file: pre.fileName, where: pre.where, enc: pre.encrypted ? t('restoreDone.preEncrypted') : t('restoreDone.prePlain') })
            : t('restoreDone.noPre')}
        </p>
        {done.auditSeq !== undefined && <p>{t('restoreDone.audit', { seq: done.auditSeq })}</p>}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button intent="primary" text={t('restoreDone.ok')} onClick={close} />
        </div>
      </div>
    </Dialog>
  );
}
