import { Button, Callout, Checkbox, Classes, Dialog, FormGroup, HTMLTable, InputGroup, NonIdealState, OverlayToaster, ProgressBar } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { checkBackupPassphrase } from '../../../core/backup';
import { backupDatabase } from '../../../db/backup/auto-backup';
import type { CreatedBackup } from '../../../db/backup/create-backup';
import { suggestedBackupName } from '../../../db/backup/create-backup';
import { safetySession } from '../../../db/backup/safety-session';
import type { BackupFileInfo, BackupSource } from '../../../platform/bridge';
import { useApp } from '../../app/app-context';
import { formatBytes, formatLocalTime, REASON_LABELS } from './backup-labels';
import { RestoreDialog } from './RestoreDialog';
import './safety.css';

const reasonOf = (fileName: string) => /^chufei-\d{8}-\d{9}Z-([a-z-]+?)(?:-\d+)?\.cfbak$/.exec(fileName)?.[1] ?? '';

/** Backup and restore (备份与恢复): automatic backups, backup to a file (optionally encrypted), restore. */
export function BackupPanel() {
  const { bridge } = useApp();
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
      if (info.userDataPath) setFolder(`${info.userDataPath}${info.userDataPath.includes('\\') ? '\\' : '/'}backups`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [backups, bridge]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (task: () => Promise<CreatedBackup | null>) => {
    setError(null);
    setProgress(0);
    try {
      const made = await task();
      if (made) {
        (await OverlayToaster.create()).show({
          intent: 'success',
          message: `备份完成：${made.fileName}（${formatBytes(made.byteLength)}）${made.removedOld > 0 ? `，按保留规则删除了 ${made.removedOld} 份旧的自动备份` : ''}`,
        });
      }
      await refresh();
    } catch (e) {
      setError(`备份失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setProgress(null);
    }
  };
  const onProgress = (bytes: number) => setProgress(bytes);

  return (
    <div className="safety-panel" data-testid="backup-panel">
      {backups.automaticBackups ? (
        <Callout intent="primary">
          自动备份保存在 <span className="mono">{folder ?? '数据目录下的 backups 文件夹'}</span>
          ：启动时（距上次超过一天）、退出时、数据结构或程序升级前、恢复前各备份一次；保留最近 10 份，以及近 12 个月每月一份。
          建议定期“备份到文件”并存放到另一台电脑或移动硬盘。
        </Callout>
      ) : (
        <Callout intent="warning" data-testid="browser-backup-note">
          浏览器模式下没有自动备份：浏览器不允许网页自行写入文件夹。请定期点击“备份到文件”，备份文件会作为下载保存到“下载”文件夹，请把它移到安全的位置。
        </Callout>
      )}
      <div className="safety-actions">
        {backups.automaticBackups && (
          <Button icon="floppy-disk" intent="primary" text="立即备份" disabled={progress !== null} onClick={() => void run(() => backupDatabase(db, backups, { reason: 'manual', appVersion, onProgress }))} />
        )}
        <Button icon="export" text="备份到文件…" disabled={progress !== null} onClick={() => setToFile(true)} />
        <Button icon="import" text="从备份文件恢复…" disabled={progress !== null} onClick={() => setRestoring({ kind: 'choose' })} />
      </div>
      {progress !== null && (
        <div data-testid="backup-progress">
          <p>正在备份… 已写入 {formatBytes(progress)}</p>
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
          <h3>自动备份</h3>
          {list.length === 0 ? (
            <NonIdealState icon="history" title="还没有自动备份" description="点击“立即备份”，或重新启动程序时会自动备份。" />
          ) : (
            <HTMLTable compact striped interactive className="backup-list">
              <thead>
                <tr>
                  <th>时间</th>
                  <th>原因</th>
                  <th className="num">大小</th>
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
                      <Button small text="查看并恢复…" onClick={() => setRestoring({ kind: 'auto', fileName: b.fileName })} />
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
      {restoring && <RestoreDialog source={restoring} bridge={bridge} db={db} appVersion={appVersion} onClose={() => setRestoring(null)} />}
    </div>
  );
}

function BackupToFileDialog({ onClose, onStart }: { onClose: () => void; onStart: (passphrase: string | null) => void }) {
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const submit = () => {
    if (!encrypt) return onStart(null);
    const problem = checkBackupPassphrase(passphrase);
    const found = problem ? { passphrase: problem } : confirm !== passphrase ? { confirm: '两次输入的备份密码不一致，请重新输入“确认密码”。' } : {};
    setErrors(found);
    if (Object.keys(found).length === 0) onStart(passphrase);
  };
  return (
    <Dialog isOpen title="备份到文件" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className={Classes.DIALOG_BODY}>
          <Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} label="加密备份（AES-256-GCM，推荐：备份含个人身份信息）" />
          {encrypt && (
            <>
              <FormGroup label="备份密码" labelFor="backup-passphrase" intent={errors.passphrase ? 'danger' : 'none'} helperText={errors.passphrase ?? '至少 8 个字符。忘记密码将无法恢复此备份。'}>
                <InputGroup id="backup-passphrase" type="password" value={passphrase} onValueChange={setPassphrase} intent={errors.passphrase ? 'danger' : 'none'} autoComplete="new-password" />
              </FormGroup>
              <FormGroup label="确认密码" labelFor="backup-confirm" intent={errors.confirm ? 'danger' : 'none'} helperText={errors.confirm}>
                <InputGroup id="backup-confirm" type="password" value={confirm} onValueChange={setConfirm} intent={errors.confirm ? 'danger' : 'none'} autoComplete="new-password" />
              </FormGroup>
            </>
          )}
        </div>
        <div className={Classes.DIALOG_FOOTER}>
          <div className={Classes.DIALOG_FOOTER_ACTIONS}>
            <Button text="取消" onClick={onClose} />
            <Button type="submit" intent="primary" text="选择位置并备份" data-testid="backup-to-file-start" />
          </div>
        </div>
      </form>
    </Dialog>
  );
}
