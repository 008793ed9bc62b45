import { Button, Callout, NonIdealState } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorKeeperOf } from '../../db/audit-anchor';
import { backupAtStartupIfDue, backupDatabase } from '../../db/backup/auto-backup';
import { readLastRestore } from '../../db/backup/restore-backup';
import { safetySession } from '../../db/backup/safety-session';
import type { WorkstationDb } from '../../db/database';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import { runStartupChecks, type StartupCheck } from '../../db/startup-checks';
import type { Bridge } from '../../platform/bridge';
import { RestoreDialog } from '../pages/settings/RestoreDialog';
import '../pages/settings/safety.css';
import '../pages/settings/safety-messages';
import { useApp } from './app-context';
import { RestoreDoneNotice } from './RestoreDoneNotice';

/**
 * Runs the start-up checks once the app is up (audit chain, disk space, what happened before the
 * database opened), starts the daily automatic backup, and registers the quit backup. Problems stay
 * on screen until dismissed; when everything is fine nothing is shown.
 */
export function StartupChecks() {
  const { t } = useTranslation('safety');
  const { bridge } = useApp();
  const [checks, setChecks] = useState<StartupCheck[] | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [quitting, setQuitting] = useState(false);

  // Once per start: switching the UI language must not run the checks or the backup again.
  const translate = useRef(t);
  translate.current = t;
  useEffect(() => {
    const { db, appVersion, prepared } = safetySession();
    const keeper = anchorKeeperOf(db as WorkstationDb);
    const auditAnchor = keeper ? async () => keeper.checkAtStart(await readLastRestore().catch(() => undefined)) : undefined;
    void runStartupChecks(db as WorkstationDb, { diskSpace: () => bridge.backups.diskSpace(), prepared, auditAnchor }).then(setChecks);
    void backupAtStartupIfDue(db, bridge.backups, appVersion).catch((error: unknown) =>
      setChecks((c) => [...(c ?? []), { id: 'protective-backup', status: 'warning', message: translate.current('startup.startupBackupFailed', { message: error instanceof Error ? error.message : String(error) }) }]),
    );
    bridge.backups.onBeforeQuit(async () => {
      setQuitting(true);
      await backupDatabase(db, bridge.backups, { reason: 'quit', appVersion }).catch(() => null);
    });
  }, [bridge]);

  const problems = (checks ?? []).filter((c) => c.status !== 'ok');
  return (
    <>
      <RestoreDoneNotice />
      {quitting && (
        <div className="quit-backup-overlay" data-testid="quit-backup">
          {t('startup.quitting')}
        </div>
      )}
      {!dismissed && problems.length > 0 && (
        <Callout
          className="startup-checks"
          intent={problems.some((c) => c.status === 'error') ? 'danger' : 'warning'}
          title={t('startup.problems')}
          data-testid="startup-checks"
        >
          <ul>
            {problems.map((c) => (
              <li key={`${c.id}-${c.message}`} data-check={c.id}>
                {c.message}
              </li>
            ))}
          </ul>
          <Button small text={t('startup.dismiss')} onClick={() => setDismissed(true)} />
        </Callout>
      )}
    </>
  );
}

/**
 * Shown instead of the app when the stored database was written by a newer version: it is not
 * opened (opening would fail, and deleting it would lose the office's data). Offers a restore.
 */
export function SchemaNewerScreen({ storedVersion, bridge, appVersion }: { storedVersion: number; bridge: Bridge; appVersion: string }) {
  const { t } = useTranslation('safety');
  const [restoring, setRestoring] = useState(false);
  return (
    <div data-testid="schema-newer">
      <NonIdealState
        icon="warning-sign"
        title={t('startup.newerTitle')}
        description={t('startup.newerText', { stored: storedVersion, current: CURRENT_SCHEMA_VERSION })}
        action={<Button intent="primary" text={t('startup.restore')} onClick={() => setRestoring(true)} />}
      />
      {restoring && <RestoreDialog source={{ kind: 'choose' }} bridge={bridge} db={null} appVersion={appVersion} onClose={() => setRestoring(false)} />}
    </div>
  );
}

/** While prepareDatabase runs (a backup before a migration can take a minute for a large office). */
export function PreparingScreen() {
  const { t } = useTranslation('safety');
  return <NonIdealState icon="database" title={t('startup.preparing')} description={t('startup.preparingHint')} />;
}

/** The backup before a schema migration failed: the user decides whether to migrate anyway. */
export function ProtectiveBackupFailedScreen({ message, onContinue }: { message: string; onContinue: () => void }) {
  const { t } = useTranslation('safety');
  return (
    <NonIdealState
      icon="error"
      title={t('startup.backupFailedTitle')}
      description={t('startup.backupFailedText', { message })}
      action={<Button intent="danger" text={t('startup.continueAnyway')} onClick={onContinue} />}
    />
  );
}
