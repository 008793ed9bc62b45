import { Button, ButtonGroup, Callout, NonIdealState } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeContents, type StoreAssessment, type StoreRecord } from '../../core/storage';
import type { BackupFileInfo, BackupSource, Bridge } from '../../platform/bridge';
import { formatLocalTime } from '../pages/settings/backup-labels';
import { RestoreDialog } from '../pages/settings/RestoreDialog';
import './storage-messages';
import './store-lost.css';

type Lost = Extract<StoreAssessment, { status: 'lost' }>;

/**
 * Shown instead of the app when the case database was dropped or emptied (issue 12): says so
 * plainly, what it held and the last backup, and offers the newest backup through the ordinary
 * restore dialog (which reloads the app when done). Going on with the empty store is a deliberate,
 * confirmed choice.
 */
export function StoreLostScreen(props: { lost: Lost; bridge: Bridge; appVersion: string; onContinueEmpty: () => void }) {
  const { t } = useTranslation('storage');
  const { lost, bridge } = props;
  const [newest, setNewest] = useState<BackupFileInfo | null | undefined>(undefined);
  const [restoring, setRestoring] = useState<BackupSource | null>(null);
  const [confirming, setConfirming] = useState(false);
  const automatic = bridge.backups.automaticBackups;

  useEffect(() => {
    if (!automatic) return;
    void bridge.backups.listBackups().then(
      (list) => setNewest(list[0] ?? null),
      () => setNewest(null),
    );
  }, [bridge, automatic]);

  const record: StoreRecord | null = lost.record;
  const backup = record?.lastBackup ?? null;
  const cause =
    lost.cause === 'browser-dropped'
      ? t('lost.dropped', { detail: lost.browserMessage ? t('lost.droppedDetail', { message: lost.browserMessage }) : '' })
      : t('lost.emptied', { at: formatLocalTime(record?.updatedAt ?? ''), contents: describeContents(record?.contents ?? { cases: 0, creditors: 0, petitions: 0, documents: 0, auditEntries: 0 }) });

  return (
    <div className="store-lost" data-testid="store-lost">
      <NonIdealState
        icon="warning-sign"
        title={lost.cause === 'browser-dropped' ? t('lost.titleDropped') : t('lost.titleEmptied')}
        description={
          <div className="store-lost-text">
            <p data-testid="store-lost-cause">{cause}</p>
            <p data-testid="store-lost-backup">
              {backup ? t('lost.lastBackup', { at: formatLocalTime(backup.at), file: backup.fileName, contents: describeContents(backup.contents) }) : t('lost.noBackupRecorded')}
            </p>
            {!automatic && (
              <Callout intent="warning" compact data-testid="store-lost-browser">
                {t('lost.browserNote', { hint: backup ? t('lost.browserHint', { at: formatLocalTime(backup.at), file: backup.fileName }) : '' })}
              </Callout>
            )}
            <p>{t('lost.freeFirst')}</p>
          </div>
        }
        action={
          confirming ? (
            <Callout intent="danger" compact>
              <p>{t('lost.confirmEmpty')}</p>
              <ButtonGroup>
                <Button intent="danger" text={t('lost.confirmYes')} onClick={props.onContinueEmpty} />
                <Button text={t('lost.confirmNo')} onClick={() => setConfirming(false)} />
              </ButtonGroup>
            </Callout>
          ) : (
            <div className="store-lost-actions">
              {automatic && newest && (
                <Button
                  intent="primary"
                  icon="history"
                  text={t('lost.restoreNewest', { file: newest.fileName, at: formatLocalTime(newest.createdAt) })}
                  onClick={() => setRestoring({ kind: 'auto', fileName: newest.fileName })}
                />
              )}
              {automatic && newest === null && <span className="muted">{t('lost.noAutomatic')}</span>}
              <Button icon="folder-open" intent={automatic ? 'none' : 'primary'} text={t('lost.chooseFile')} onClick={() => setRestoring({ kind: 'choose' })} />
              <Button minimal intent="danger" text={t('lost.continueEmpty')} onClick={() => setConfirming(true)} />
            </div>
          )
        }
      />
      {restoring && <RestoreDialog source={restoring} bridge={bridge} db={null} appVersion={props.appVersion} onClose={() => setRestoring(null)} />}
    </div>
  );
}
