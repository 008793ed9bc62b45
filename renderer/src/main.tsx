import '@blueprintjs/core/lib/css/blueprint.css';
import './ui/styles.css';
import { HotkeysProvider } from '@blueprintjs/core';
import { createRoot } from 'react-dom/client';
import { keepAuditAnchor } from './db/audit-anchor';
import { configureBackupDeflaters } from './db/backup/auto-backup';
import { prepareDatabaseExclusively, recordAppVersion } from './db/backup/prepare-database';
import { setSafetySession } from './db/backup/safety-session';
import { openDatabase } from './db/open-database';
import { createRepositories } from './db/repositories';
import { initI18n } from './i18n/i18n';
import { loadUiLanguage } from './i18n/ui-language';
import { selectBridge } from './platform/select-bridge';
import { AppShell } from './ui/app/AppShell';
import { AppProvider } from './ui/app/app-context';
import { SignInGate } from './ui/app/SignInGate';
import { PreparingScreen, ProtectiveBackupFailedScreen, SchemaNewerScreen, StartupChecks } from './ui/app/StartupChecks';
import { StartupProblem } from './ui/app/StartupProblem';
import { guardStore, keepStoreRecord, StoreClosedNotice } from './ui/app/store-guard-start';
import { configureSystemFaces, systemFacesFrom } from './ui/pages/documents/render-client';
import { backupDeflatePool } from './workers/backup-deflate-pool';

async function start(): Promise<void> {
  await initI18n(loadUiLanguage());
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const root = createRoot(rootElement);
  // Before the schema is declared: finish an interrupted restore, refuse a newer schema, back up
  // through the old schema before a migration or app upgrade (db/backup/prepare-database.ts).
  const bridge = selectBridge();
  // Backups compress their frames on two workers, off this thread (workers/backup-deflate-pool.ts).
  configureBackupDeflaters(() => backupDeflatePool());
  // The office PC's own official fonts print the PDF where present (asked for at the first document).
  configureSystemFaces(async () => systemFacesFrom(await bridge.documentFonts()));
  const appVersion = (await bridge.appInfo()).version;
  let prepared: Awaited<ReturnType<typeof prepareDatabaseExclusively>>;
  root.render(<PreparingScreen />);
  try {
    prepared = await prepareDatabaseExclusively(bridge.backups, appVersion);
  } catch (error) {
    root.render(<StartupProblem problem={{ status: 'failed', message: error instanceof Error ? error.message : String(error) }} />);
    return;
  }
  if (prepared?.schemaNewer && prepared.probe.exists) {
    root.render(<SchemaNewerScreen storedVersion={prepared.probe.schemaVersion} bridge={bridge} appVersion={appVersion} />);
    return;
  }
  const failed = prepared?.protectiveBackup;
  if (failed?.status === 'failed' && failed.reason === 'pre-migration') {
    await new Promise<void>((resolve) => root.render(<ProtectiveBackupFailedScreen message={failed.message} onContinue={resolve} />));
  }
  // Before the schema creates an empty store where Chromium dropped the office's data (issue 12).
  await guardStore(root, bridge, appVersion);
  const opened = await openDatabase();
  if (opened.status !== 'open') {
    root.render(<StartupProblem problem={opened} />);
    return;
  }
  // Before any audit entry is written: each committed entry moves the anchor outside the database.
  keepAuditAnchor(opened.db, bridge.auditAnchor);
  setSafetySession({ db: opened.db, appVersion, prepared });
  // A failed pre-upgrade backup is tried again at the next start.
  if (prepared?.protectiveBackup?.status !== 'failed') void recordAppVersion(appVersion);
  const appBridge = keepStoreRecord(opened.db, bridge);
  const repos = createRepositories(opened.db);
  // Blocks of a creditor import that was killed before its pointer flip are invisible but take space.
  void repos.creditors.cleanupOrphans();
  const settings = await repos.settings.get();
  root.render(
    <HotkeysProvider>
      <AppProvider repos={repos} bridge={appBridge} storagePersisted={opened.persisted} initialSettings={settings}>
        <StoreClosedNotice db={opened.db} />
        <StartupChecks />
        <SignInGate>
          <AppShell />
        </SignInGate>
      </AppProvider>
    </HotkeysProvider>,
  );
}

void start();
