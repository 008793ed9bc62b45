import { Callout, Checkbox, Classes, FormGroup, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { type BackupInspection, checkBackupPassphrase } from '../../../core/backup';
import './safety-messages';

// Two parts of the restore dialog (issues 11 and 12): what the backup's seal proves, and where the
// backup of the current state goes and whether it is encrypted.

/** A plain backup whose seal this PC cannot check proves nothing about edits: the user must say they trust it. */
export function needsTrustAck(inspection: BackupInspection): boolean {
  return !inspection.encrypted && inspection.seal.status !== 'valid';
}

export function SealNotice({ inspection, ack, onAck }: { inspection: BackupInspection; ack: boolean; onAck: (value: boolean) => void }) {
  const { t } = useTranslation('safety');
  const { seal } = inspection;
  if (seal.status === 'valid') {
    return (
      <Callout intent="success" compact data-testid="restore-seal">
        {t('restore.sealValid')}
      </Callout>
    );
  }
  const what = seal.status === 'other-key' ? t('restore.sealOtherKey') : seal.status === 'not-checked' ? t('restore.sealNotChecked') : t('restore.sealUnsealed');
  if (inspection.encrypted) {
    return (
      <Callout intent="primary" compact data-testid="restore-seal">
        {what}
        {t('restore.encryptedAuth')}
      </Callout>
    );
  }
  return (
    <Callout intent="warning" data-testid="restore-seal">
      <p>
        {what}
        {t('restore.plainUnprovable')}
      </p>
      <Checkbox checked={ack} onChange={(e) => onAck(e.currentTarget.checked)} label={t('restore.ack')} data-testid="restore-ack" />
    </Callout>
  );
}

export interface PreRestoreChoice {
  readonly encrypt: boolean;
  readonly passphrase: string;
  readonly confirm: string;
}

/** Null when the choice can be used; else the field errors (Chinese), keyed by field. */
export function checkPreRestoreChoice(choice: PreRestoreChoice, mismatch: string): { passphrase?: string; confirm?: string } | null {
  if (!choice.encrypt) return null;
  const problem = checkBackupPassphrase(choice.passphrase);
  if (problem) return { passphrase: problem };
  if (choice.confirm !== choice.passphrase) return { confirm: mismatch };
  return null;
}

export function PreRestorePlan({
  inspection,
  folder,
  choice,
  errors,
  onChange,
}: {
  inspection: BackupInspection;
  /** The automatic backups folder (Electron), or null for a download (browser). */
  folder: string | null;
  choice: PreRestoreChoice;
  errors: { passphrase?: string; confirm?: string } | null;
  onChange: (choice: PreRestoreChoice) => void;
}) {
  const { t } = useTranslation('safety');
  const where = folder === null ? t('restore.preDownload') : t('restore.preFolder', { folder });
  return (
    <Callout intent="none" title={t('restore.preTitle')} data-testid="pre-restore-plan" className="pre-restore-plan">
      <p>{where}</p>
      {inspection.encrypted ? (
        <p>{t('restore.preSamePassphrase')}</p>
      ) : (
        <>
          <Checkbox checked={choice.encrypt} onChange={(e) => onChange({ ...choice, encrypt: e.currentTarget.checked })} label={t('restore.preEncrypt')} />
          {choice.encrypt && (
            <div className="pre-restore-fields">
              <FormGroup label={t('backup.passphrase')} labelFor="pre-restore-passphrase" intent={errors?.passphrase ? 'danger' : 'none'} helperText={errors?.passphrase ?? t('backup.passphraseHelp')}>
                <InputGroup
                  id="pre-restore-passphrase"
                  type="password"
                  autoComplete="new-password"
                  value={choice.passphrase}
                  intent={errors?.passphrase ? 'danger' : 'none'}
                  onValueChange={(passphrase) => onChange({ ...choice, passphrase })}
                />
              </FormGroup>
              <FormGroup label={t('backup.confirm')} labelFor="pre-restore-confirm" intent={errors?.confirm ? 'danger' : 'none'} helperText={errors?.confirm}>
                <InputGroup
                  id="pre-restore-confirm"
                  type="password"
                  autoComplete="new-password"
                  value={choice.confirm}
                  intent={errors?.confirm ? 'danger' : 'none'}
                  onValueChange={(confirm) => onChange({ ...choice, confirm })}
                />
              </FormGroup>
            </div>
          )}
          {!choice.encrypt && <p className={Classes.TEXT_MUTED}>{folder === null ? t('restore.prePlainDownload') : t('restore.prePlainFolder')}</p>}
        </>
      )}
    </Callout>
  );
}
