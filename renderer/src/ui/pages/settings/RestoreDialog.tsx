import { Button, Callout, Classes, Dialog, FormGroup, InputGroup, ProgressBar } from '@blueprintjs/core';
import { Dexie } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BackupInspection, isBackupError } from '../../../core/backup';
import { backupDatabase } from '../../../db/backup/auto-backup';
import { suggestedBackupName } from '../../../db/backup/create-backup';
import { type DatabaseSummary, replacedState, summarizeDatabase } from '../../../db/backup/database-summary';
import { commitStagedRestore, inspectForRestore, restoreJournalFor, stageBackup } from '../../../db/backup/restore-backup';
import { DATABASE_NAME } from '../../../db/database';
import type { BackupFileHandle, BackupSource, Bridge } from '../../../platform/bridge';
import { backupsFolderOf } from './backup-labels';
import { Comparison } from './RestoreComparison';
import { checkPreRestoreChoice, needsTrustAck, type PreRestoreChoice, PreRestorePlan, SealNotice } from './RestoreSafeguards';
import './safety-messages';

type Step =
  | { kind: 'opening' }
  | { kind: 'inspecting'; progress: number }
  | { kind: 'passphrase'; message: string | null }
  | { kind: 'refused'; message: string }
  | { kind: 'ready'; inspection: BackupInspection; current: DatabaseSummary | null }
  | { kind: 'restoring'; text: string; progress: number | null }
  | { kind: 'failed'; message: string; changed: boolean };

export interface RestoreDialogProps {
  readonly source: BackupSource;
  readonly bridge: Bridge;
  /** The open case database; null when it cannot be opened (its schema is newer than the app). */
  readonly db: Dexie | null;
  readonly appVersion: string;
  readonly onClose: () => void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Counts bytes read from the file, for the progress bar of a full read. */
function counted(handle: BackupFileHandle, onBytes: (n: number) => void): { fileName: string; chunks(): AsyncIterable<Uint8Array> } {
  return {
    fileName: handle.fileName,
    chunks: async function* () {
      let n = 0;
      for await (const chunk of handle.chunks()) {
        n += chunk.byteLength;
        onBytes(n);
        yield chunk;
      }
    },
  };
}

/**
 * Restore (恢复): open → verify the whole file (nothing written) → show it next to the current
 * database → on confirmation back up the current state, stage, then replace (see db/backup/README).
 */
export function RestoreDialog({ source, bridge, db, appVersion, onClose }: RestoreDialogProps) {
  const { t } = useTranslation('safety');
  const [step, setStep] = useState<Step>({ kind: 'opening' });
  const [passphrase, setPassphrase] = useState('');
  const handle = useRef<BackupFileHandle | null>(null);
  // Issue 12: a plain backup this PC cannot check must be trusted explicitly. Issue 11: the backup of
  // the current state is encrypted like the chosen one, or as the user chooses (a download by default).
  const [trusted, setTrusted] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);
  const [preChoice, setPreChoice] = useState<PreRestoreChoice>({ encrypt: !bridge.backups.automaticBackups, passphrase: '', confirm: '' });
  const [preErrors, setPreErrors] = useState<{ passphrase?: string; confirm?: string } | null>(null);

  const inspect = useCallback(
    async (pass: string) => {
      const file = handle.current;
      if (!file) return;
      setStep({ kind: 'inspecting', progress: 0 });
      try {
        const sealKey = await bridge.backups.sealKey().catch(() => null);
        const inspection = await inspectForRestore(
          counted(file, (n) => setStep({ kind: 'inspecting', progress: n / Math.max(1, file.byteLength) })),
          pass || undefined,
          sealKey,
        );
        if (bridge.backups.automaticBackups) setFolder(backupsFolderOf((await bridge.appInfo()).userDataPath) ?? t('backup.autoFolderUnknown'));
        const current = db ? await summarizeDatabase(db) : null;
        setStep({ kind: 'ready', inspection, current });
      } catch (error) {
        if (isBackupError(error) && (error.code === 'PASSPHRASE_REQUIRED' || error.code === 'WRONG_PASSPHRASE')) {
          setStep({ kind: 'passphrase', message: error.code === 'WRONG_PASSPHRASE' ? error.message : null });
        } else setStep({ kind: 'refused', message: errorText(error) });
      }
    },
    [db, bridge, t],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const opened = await bridge.backups.openBackup(source);
        if (cancelled) return void opened?.close();
        if (!opened) return onClose();
        handle.current = opened;
        await inspect('');
      } catch (error) {
        setStep({ kind: 'refused', message: errorText(error) });
      }
    })();
    return () => {
      cancelled = true;
      void handle.current?.close();
    };
  }, [bridge, source, inspect, onClose]);

  const restore = async (inspection: BackupInspection) => {
    const file = handle.current;
    if (!file) return;
    const encryptPre = inspection.encrypted || preChoice.encrypt;
    if (!inspection.encrypted) {
      const problems = checkPreRestoreChoice(preChoice, t('backup.confirmMismatch'));
      setPreErrors(problems);
      if (problems) return;
    }
    // The same passphrase as the chosen (encrypted) backup, else the one set for the pre-restore backup.
    const prePassphrase = inspection.encrypted ? passphrase : preChoice.encrypt ? preChoice.passphrase : undefined;
    let changed = false;
    try {
      setStep({ kind: 'restoring', text: t('restore.stepPreBackup'), progress: null });
      // A database this app cannot open (newer schema) is backed up through a schema-less connection.
      const current = db ?? (await new Dexie(DATABASE_NAME).open());
      const automatic = bridge.backups.automaticBackups;
      const target = automatic ? undefined : { kind: 'choose' as const, suggestedName: `恢复前-${suggestedBackupName(new Date(), encryptPre)}` };
      const replaced = await replacedState(current);
      const pre = await backupDatabase(current, bridge.backups, {
        reason: 'pre-restore',
        appVersion,
        ...(target ? { target } : {}),
        ...(prePassphrase ? { passphrase: prePassphrase } : {}),
      });
      if (!pre) throw new Error(t('restore.preBackupCancelled'));
      setStep({ kind: 'restoring', text: t('restore.stepVerify'), progress: 0 });
      await stageBackup(file, inspection, undefined, (done, total) =>
        setStep({ kind: 'restoring', text: t('restore.stepStage', { done: done.toLocaleString('zh-CN'), total: total.toLocaleString('zh-CN') }), progress: done / Math.max(1, total) }),
      );
      setStep({ kind: 'restoring', text: t('restore.stepReplace'), progress: null });
      changed = true;
      const preInfo = { fileName: pre.fileName, where: automatic ? (folder ?? t('backup.autoFolderUnknown')) : t('restore.preWhereDownload'), encrypted: encryptPre };
      await commitStagedRestore(current, restoreJournalFor(file.fileName, inspection, replaced, preInfo));
      await file.close();
      // The app reopens on the restored data and then says what was restored (RestoreDoneNotice).
      window.location.reload();
    } catch (error) {
      setStep({ kind: 'failed', message: errorText(error), changed });
    }
  };

  const busy = step.kind === 'opening' || step.kind === 'inspecting' || step.kind === 'restoring';
  return (
    <Dialog isOpen title={t('restore.title')} className="restore-dialog" onClose={busy ? undefined : onClose} canEscapeKeyClose={!busy} canOutsideClickClose={false}>
      <div className={`${Classes.DIALOG_BODY} restore-dialog-body`} data-testid="restore-dialog">
        {step.kind === 'opening' && <p>{t('restore.opening')}</p>}
        {step.kind === 'inspecting' && (
          <>
            <p>{t('restore.inspecting')}</p>
            <ProgressBar value={step.progress} intent="primary" />
          </>
        )}
        {step.kind === 'passphrase' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void inspect(passphrase);
            }}
          >
            <Callout intent={step.message ? 'danger' : 'primary'}>{step.message ?? t('restore.encrypted')}</Callout>
            <FormGroup label={t('backup.passphrase')} labelFor="restore-passphrase">
              <InputGroup id="restore-passphrase" type="password" autoFocus value={passphrase} onValueChange={setPassphrase} />
            </FormGroup>
            <Button type="submit" intent="primary" text={t('restore.open')} disabled={passphrase === ''} />
          </form>
        )}
        {step.kind === 'refused' && (
          <Callout intent="danger" title={t('restore.refused')} data-testid="restore-refused">
            {step.message}
            <p>{t('restore.unchanged')}</p>
          </Callout>
        )}
        {step.kind === 'ready' && (
          <>
            <Comparison inspection={step.inspection} current={step.current} fileName={handle.current?.fileName ?? ''} />
            <SealNotice inspection={step.inspection} ack={trusted} onAck={setTrusted} />
            <PreRestorePlan
              inspection={step.inspection}
              folder={folder}
              choice={preChoice}
              errors={preErrors}
              onChange={(choice) => {
                setPreChoice(choice);
                setPreErrors(null);
              }}
            />
          </>
        )}
        {step.kind === 'restoring' && (
          <>
            <p>{step.text}</p>
            <ProgressBar value={step.progress ?? undefined} intent="primary" />
            <p className={Classes.TEXT_MUTED}>{t('restore.keepOpen')}</p>
          </>
        )}
        {step.kind === 'failed' && (
          <Callout intent="danger" title={t('restore.failed')} data-testid="restore-failed">
            {step.message}
            <p>{step.changed ? t('restore.interrupted') : t('restore.unchanged')}</p>
          </Callout>
        )}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('restore.close')} onClick={onClose} disabled={busy} />
          {step.kind === 'ready' && (
            <Button
              intent="danger"
              text={t('restore.confirm')}
              data-testid="restore-confirm"
              onClick={() => void restore(step.inspection)}
              disabled={needsTrustAck(step.inspection) && !trusted}
              title={needsTrustAck(step.inspection) && !trusted ? t('restore.ackNeeded') : t('restore.confirmTitle')}
            />
          )}
        </div>
      </div>
    </Dialog>
  );
}
