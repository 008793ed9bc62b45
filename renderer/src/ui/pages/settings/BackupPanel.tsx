import { Button, Callout, Checkbox, Classes, Dialog, FormGroup, HTMLTable, InputGroup, NonIdealState, ProgressBar } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBackupPassphrase } from '../../../core/backup';
import { backupDatabase } from '../../../db/backup/auto-backup';
import type { CreatedBackup } from '../../../db/backup/create-backup';
import { suggestedBackupName } from '../../../db/backup/create-backup';
import { safetySession } from '../../../db/backup/safety-session';
import type { BackupFileInfo, BackupSource } from '../../../platform/bridge';
import { useApp } from '../../app/app-context';
import { backupsFolderOf, formatBytes, formatLocalTime, REASON_LABELS } from './backup-labels';
import { restoreGuard } from './RestoreAdmin';
import { RestoreDialog } from './RestoreDialog';
import './safety.css';
import './safety-messages';
import { notify } from '../../toaster';

const reasonOf = (fileName: string) => /^chufei-\d{8}-\d{9}Z-([a-z-]+?)(?:-\d+)?\.cfbak$/.exec(fileName)?.[1] ?? '';

/** Backup and restore (备份与恢复): automatic backups, backup to a file (optionally encrypted), restore. */
export function BackupPanel() {
  const { t } = useTranslation('safety');
  const { bridge, repos } = useApp();
  const { db, appVersion } = safetySession();
  const backups = bridge.backups;
  const [list, setList] = useState<readonly BackupFileInfo[]>([]);
  const [folder, setFolder] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [toFile, setToFile] = useState(false);
  const [restoring, setRestoring] = useState<BackupSource | null>(null);

  const refresh = useCallback(async () => {
    try {
      setList(await backups.listBackups());
      const info = await bridge.appInfo();
      setFolder(backupsFolderOf(info.userDataPath));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [backups, bridge]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (task: () => Promise<CreatedBackup | null>) => {
    setError(null);
    // A backup holds every record: a 管理员's act, audited (allowed or refused) before it starts.
    const allowed = await repos.users.attempt('backup.export', { entity: 'backups', entityId: 'manual' }, { action: 'export', after: { kind: 'backup' } });
    if (!allowed.ok) return setError(allowed.message);
    setProgress(0);
    try {
      const made = await task();
      if (made) {
        await notify(t('backup.done', { file: made.fileName, size: formatBytes(made.byteLength) }) +
            (made.removedOld > 0 ? t('backup.removedOld', { count: made.removedOld }) : ''), 'success');
      }
      await refresh();
    } catch (e) {
      setError(t('backup.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setProgress(null);
    }
  };
  const onProgress = (bytes: number) => setProgress(bytes);

  return (
    <div className="safety-panel" data-testid="backup-panel">
      {backups.automaticBackups ? (
        <Callout intent="primary">{t('backup.autoNote', { folder: folder ?? t('backup.autoFolderUnknown') })}</Callout>
      ) : (
        <Callout intent="warning" data-testid="browser-backup-note">
          {t('backup.browserNote')}
        </Callout>
      )}
      <div className="safety-actions">
        {backups.automaticBackups && (
          <Button icon="floppy-disk" intent="primary" text={t('backup.now')} disabled={progress !== null} onClick={() => void run(() => backupDatabase(db, backups, { reason: 'manual', appVersion, onProgress }))} />
        )}
        <Button icon="export" text={t('backup.toFile')} disabled={progress !== null} onClick={() => setToFile(true)} />
        <Button icon="import" text={t('backup.restoreFromFile')} disabled={progress !== null} onClick={() => setRestoring({ kind: 'choose' })} />
      </div>
      {progress !== null && (
        <div data-testid="backup-progress">
          <p>{t('backup.progress', { size: formatBytes(progress) })}</p>
          <ProgressBar intent="primary" />
        </div>
      )}
      {error && (
        <Callout intent="danger" data-testid="backup-error">
          {error}
        </Callout>
      )}
      {backups.automaticBackups && (
        <>
          <h3>{t('backup.autoList')}</h3>
          {list.length === 0 ? (
            <NonIdealState icon="history" title={t('backup.noneYet')} description={t('backup.noneYetHint')} />
          ) : (
            <HTMLTable compact striped interactive className="backup-list">
              <thead>
                <tr>
                  <th>{t('backup.colTime')}</th>
                  <th>{t('backup.colReason')}</th>
                  <th className="num">{t('backup.colSize')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((b) => (
                  <tr key={b.fileName}>
                    <td>{formatLocalTime(b.createdAt)}</td>
                    <td>{REASON_LABELS[reasonOf(b.fileName)] ?? reasonOf(b.fileName)}</td>
                    <td className="num">{formatBytes(b.byteLength)}</td>
                    <td>
                      <Button small text={t('backup.viewRestore')} onClick={() => setRestoring({ kind: 'auto', fileName: b.fileName })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          )}
        </>
      )}
      {toFile && (
        <BackupToFileDialog
          onClose={() => setToFile(false)}
          onStart={(passphrase) => {
            setToFile(false);
            void run(() =>
              backupDatabase(db, backups, {
                reason: 'manual',
                appVersion,
                onProgress,
                target: { kind: 'choose', suggestedName: suggestedBackupName(new Date(), passphrase !== null) },
                ...(passphrase !== null ? { passphrase } : {}),
              }),
            );
          }}
        />
      )}
      {restoring && <RestoreDialog source={restoring} bridge={bridge} db={db} appVersion={appVersion} onClose={() => setRestoring(null)} guard={restoreGuard(repos.users)} />}
    </div>
  );
}

function BackupToFileDialog({ onClose, onStart }: { onClose: () => void; onStart: (passphrase: string | null) => void }) {
  const { t } = useTranslation('safety');
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const submit = () => {
    if (!encrypt) return onStart(null);
    const problem = checkBackupPassphrase(passphrase);
    const found = problem ? { passphrase: problem } : confirm !== passphrase ? { confirm: t('backup.confirmMismatch') } : {};
    setErrors(found);
    if (Object.keys(found).length === 0) onStart(passphrase);
  };
  return (
    <Dialog isOpen title={t('backup.dialogTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={Classes.DIALOG_BODY}>
          <Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} label={t('backup.encrypt')} />
          {encrypt && (
            <>
              <FormGroup label={t('backup.passphrase')} labelFor="backup-passphrase" intent={errors.passphrase ? 'danger' : 'none'} helperText={errors.passphrase ?? t('backup.passphraseHelp')}>
                <InputGroup id="backup-passphrase" type="password" value={passphrase} onValueChange={setPassphrase} intent={errors.passphrase ? 'danger' : 'none'} autoComplete="new-password" />
              </FormGroup>
              <FormGroup label={t('backup.confirm')} labelFor="backup-confirm" intent={errors.confirm ? 'danger' : 'none'} helperText={errors.confirm}>
                <InputGroup id="backup-confirm" type="password" value={confirm} onValueChange={setConfirm} intent={errors.confirm ? 'danger' : 'none'} autoComplete="new-password" />
              </FormGroup>
            </>
          )}
        </div>
        <div className={Classes.DIALOG_FOOTER}>
          <div className={Classes.DIALOG_FOOTER_ACTIONS}>
            <Button text={t('backup.cancel')} onClick={onClose} />
            <Button type="submit" intent="primary" text={t('backup.start')} data-testid="backup-to-file-start" />
          </div>
        </div>
      </form>
    </Dialog>
  );
}
