import { Button, Callout, NonIdealState } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { backupAtStartupIfDue, backupDatabase } from '../../db/backup/auto-backup';
import { safetySession } from '../../db/backup/safety-session';
import type { WorkstationDb } from '../../db/database';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import { runStartupChecks, type StartupCheck } from '../../db/startup-checks';
import type { Bridge } from '../../platform/bridge';
import { RestoreDialog } from '../pages/settings/RestoreDialog';
import '../pages/settings/safety.css';
import { useApp } from './app-context';

/**
 * Runs the start-up checks once the app is up (audit chain, disk space, what happened before the
 * database opened), starts the daily automatic backup, and registers the quit backup. Problems stay
 * on screen until dismissed; when everything is fine nothing is shown.
 */
export function StartupChecks() {
  const { bridge } = useApp();
  const [checks, setChecks] = useState<StartupCheck[] | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [quitting, setQuitting] = useState(false);

  useEffect(() => {
    const { db, appVersion, prepared } = safetySession();
    void runStartupChecks(db as WorkstationDb, { diskSpace: () => bridge.backups.diskSpace(), prepared }).then(setChecks);
    void backupAtStartupIfDue(db, bridge.backups, appVersion).catch((error: unknown) =>
      setChecks((c) => [...(c ?? []), { id: 'protective-backup', status: 'warning', message: `启动时的自动备份失败：${error instanceof Error ? error.message : String(error)}` }]),
    );
    bridge.backups.onBeforeQuit(async () => {
      setQuitting(true);
      await backupDatabase(db, bridge.backups, { reason: 'quit', appVersion }).catch(() => null);
    });
  }, [bridge]);

  const problems = (checks ?? []).filter((c) => c.status !== 'ok');
  return (
    <>
      {quitting && (
        <div className="quit-backup-overlay" data-testid="quit-backup">
          正在备份数据，完成后自动关闭…
        </div>
      )}
      {!dismissed && problems.length > 0 && (
        <Callout
          className="startup-checks"
          intent={problems.some((c) => c.status === 'error') ? 'danger' : 'warning'}
          title="启动检查发现问题"
          data-testid="startup-checks"
        >
          <ul>
            {problems.map((c) => (
              <li key={`${c.id}-${c.message}`} data-check={c.id}>
                {c.message}
              </li>
            ))}
          </ul>
          <Button small text="知道了" onClick={() => setDismissed(true)} />
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
  const [restoring, setRestoring] = useState(false);
  return (
    <div data-testid="schema-newer">
      <NonIdealState
        icon="warning-sign"
        title="数据库版本比本程序新"
        description={`本机的数据由较新版本的处非工作台写入（数据结构版本 ${storedVersion}，本程序只支持到 ${CURRENT_SCHEMA_VERSION}）。数据没有被改动或删除。请安装较新版本的处非工作台后再打开；如确需使用本版本，可以从本版本可读的备份恢复（恢复前会先自动备份现有数据）。`}
        action={<Button intent="primary" text="从备份恢复…" onClick={() => setRestoring(true)} />}
      />
      {restoring && <RestoreDialog source={{ kind: 'choose' }} bridge={bridge} db={null} appVersion={appVersion} onClose={() => setRestoring(false)} />}
    </div>
  );
}

/** While prepareDatabase runs (a backup before a migration can take a minute for a large office). */
export function PreparingScreen() {
  return <NonIdealState icon="database" title="正在检查数据库…" description="如需升级数据结构，会先自动备份现有数据，请稍候。" />;
}

/** The backup before a schema migration failed: the user decides whether to migrate anyway. */
export function ProtectiveBackupFailedScreen({ message, onContinue }: { message: string; onContinue: () => void }) {
  return (
    <NonIdealState
      icon="error"
      title="升级前的自动备份失败"
      description={`本次启动需要升级数据结构，升级前的自动备份没有成功：${message} 建议先关闭程序，腾出磁盘空间或检查数据目录的权限后再启动。`}
      action={<Button intent="danger" text="不备份，继续升级并打开" onClick={onContinue} />}
    />
  );
}
