import { Button, Callout, Classes, Dialog, FormGroup, HTMLTable, InputGroup, ProgressBar, Tag } from '@blueprintjs/core';
import { Dexie } from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type BackupInspection, isBackupError } from '../../../core/backup';
import { backupDatabase } from '../../../db/backup/auto-backup';
import { suggestedBackupName } from '../../../db/backup/create-backup';
import { type DatabaseSummary, summarizeDatabase } from '../../../db/backup/database-summary';
import { commitStagedRestore, inspectForRestore, stageBackup } from '../../../db/backup/restore-backup';
import { DATABASE_NAME } from '../../../db/database';
import type { BackupFileHandle, BackupSource, Bridge } from '../../../platform/bridge';
import { formatBytes, formatLocalTime, REASON_LABELS, TABLE_LABELS } from './backup-labels';

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
  const [step, setStep] = useState<Step>({ kind: 'opening' });
  const [passphrase, setPassphrase] = useState('');
  const handle = useRef<BackupFileHandle | null>(null);

  const inspect = useCallback(
    async (pass: string) => {
      const file = handle.current;
      if (!file) return;
      setStep({ kind: 'inspecting', progress: 0 });
      try {
        const inspection = await inspectForRestore(counted(file, (n) => setStep({ kind: 'inspecting', progress: n / Math.max(1, file.byteLength) })), pass || undefined);
        const current = db ? await summarizeDatabase(db) : null;
        setStep({ kind: 'ready', inspection, current });
      } catch (error) {
        if (isBackupError(error) && (error.code === 'PASSPHRASE_REQUIRED' || error.code === 'WRONG_PASSPHRASE')) {
          setStep({ kind: 'passphrase', message: error.code === 'WRONG_PASSPHRASE' ? error.message : null });
        } else setStep({ kind: 'refused', message: errorText(error) });
      }
    },
    [db],
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
    let changed = false;
    try {
      setStep({ kind: 'restoring', text: '正在备份当前数据（恢复前自动备份）…', progress: null });
      // A database this app cannot open (newer schema) is backed up through a schema-less connection.
      const current = db ?? (await new Dexie(DATABASE_NAME).open());
      const target = bridge.backups.automaticBackups ? undefined : { kind: 'choose' as const, suggestedName: `恢复前-${suggestedBackupName(new Date(), false)}` };
      const pre = await backupDatabase(current, bridge.backups, { reason: 'pre-restore', appVersion, ...(target ? { target } : {}) });
      if (!pre) throw new Error('未能保存恢复前的备份（已取消），恢复未进行，数据未改动。');
      setStep({ kind: 'restoring', text: '正在读取并再次校验备份…', progress: 0 });
      await stageBackup(file, inspection, undefined, (done, total) =>
        setStep({ kind: 'restoring', text: `正在写入暂存数据库：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 行`, progress: done / Math.max(1, total) }),
      );
      setStep({ kind: 'restoring', text: '正在替换数据库…', progress: null });
      changed = true;
      await commitStagedRestore(current, {
        stagedAt: new Date().toISOString(),
        fileName: file.fileName,
        backupCreatedAt: inspection.header.createdAt,
        rowCounts: inspection.rowCounts,
      });
      await file.close();
      window.location.reload();
    } catch (error) {
      setStep({ kind: 'failed', message: errorText(error), changed });
    }
  };

  const busy = step.kind === 'opening' || step.kind === 'inspecting' || step.kind === 'restoring';
  return (
    <Dialog isOpen title="从备份恢复" className="restore-dialog" onClose={busy ? undefined : onClose} canEscapeKeyClose={!busy} canOutsideClickClose={false}>
      <div className={`${Classes.DIALOG_BODY} restore-dialog-body`} data-testid="restore-dialog">
        {step.kind === 'opening' && <p>正在打开备份文件…</p>}
        {step.kind === 'inspecting' && (
          <>
            <p>正在完整校验备份文件（不会写入任何数据）…</p>
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
            <Callout intent={step.message ? 'danger' : 'primary'}>{step.message ?? '此备份已加密，请输入创建备份时设置的密码。'}</Callout>
            <FormGroup label="备份密码" labelFor="restore-passphrase">
              <InputGroup id="restore-passphrase" type="password" autoFocus value={passphrase} onValueChange={setPassphrase} />
            </FormGroup>
            <Button type="submit" intent="primary" text="打开" disabled={passphrase === ''} />
          </form>
        )}
        {step.kind === 'refused' && (
          <Callout intent="danger" title="不能用此文件恢复" data-testid="restore-refused">
            {step.message}
            <p>当前数据没有任何改动。</p>
          </Callout>
        )}
        {step.kind === 'ready' && <Comparison inspection={step.inspection} current={step.current} fileName={handle.current?.fileName ?? ''} />}
        {step.kind === 'restoring' && (
          <>
            <p>{step.text}</p>
            <ProgressBar value={step.progress ?? undefined} intent="primary" />
            <p className={Classes.TEXT_MUTED}>请勿关闭程序。若中途断电，下次启动时会自动完成恢复。</p>
          </>
        )}
        {step.kind === 'failed' && (
          <Callout intent="danger" title="恢复未完成" data-testid="restore-failed">
            {step.message}
            <p>{step.changed ? '数据库替换中断：请重新启动程序，启动时会自动完成恢复。' : '当前数据没有任何改动。'}</p>
          </Callout>
        )}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text="关闭" onClick={onClose} disabled={busy} />
          {step.kind === 'ready' && (
            <Button
              intent="danger"
              text="恢复此备份"
              data-testid="restore-confirm"
              onClick={() => void restore(step.inspection)}
              title="先自动备份当前数据，然后用此备份替换全部数据"
            />
          )}
        </div>
      </div>
    </Dialog>
  );
}

function Comparison({ inspection, current, fileName }: { inspection: BackupInspection; current: DatabaseSummary | null; fileName: string }) {
  const { header } = inspection;
  const tables = [...new Set([...Object.keys(inspection.rowCounts), ...Object.keys(current?.rowCounts ?? {})])].sort(
    (a, b) => Object.keys(TABLE_LABELS).indexOf(a) - Object.keys(TABLE_LABELS).indexOf(b),
  );
  const shown = tables.filter((t) => (inspection.rowCounts[t] ?? 0) > 0 || (current?.rowCounts[t] ?? 0) > 0);
  const emptyTables = tables.length - shown.length;
  const audit = inspection.auditChain;
  return (
    <div data-testid="restore-comparison">
      <Callout intent="success" compact>
        备份文件完好：校验值一致{inspection.encrypted ? '，加密内容认证通过' : ''}，全部 {Object.values(inspection.rowCounts).reduce((a, b) => a + b, 0).toLocaleString('zh-CN')} 行可读。
      </Callout>
      <HTMLTable compact className="safety-compare">
        <tbody>
          <tr>
            <td>文件</td>
            <td colSpan={2} className="mono">
              {fileName}（{formatBytes(inspection.byteLength)}）
            </td>
          </tr>
          <tr>
            <td>备份时间</td>
            <td colSpan={2}>
              {formatLocalTime(header.createdAt)} · {REASON_LABELS[header.reason] ?? header.reason} · 程序版本 {header.appVersion} · 数据结构版本 {header.schemaVersion}
            </td>
          </tr>
          <tr>
            <td>审计链</td>
            <td colSpan={2}>
              备份：
              {audit.status === 'verified' ? <Tag intent="success">完整（{audit.count} 条）</Tag> : <Tag intent="danger">{audit.message}</Tag>}
              {current && (
                <>
                  {' '}当前：<Tag intent={current.auditChain.ok ? 'success' : 'danger'}>{current.auditChain.message}</Tag>
                </>
              )}
            </td>
          </tr>
        </tbody>
      </HTMLTable>
      <HTMLTable compact striped className="safety-compare">
        <thead>
          <tr>
            <th>数据表</th>
            <th className="num">备份中</th>
            <th className="num">当前数据库</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t) => {
            const b = inspection.rowCounts[t] ?? 0;
            const c = current?.rowCounts[t];
            return (
              <tr key={t} className={c !== undefined && c !== b ? 'differs' : undefined}>
                <td>{TABLE_LABELS[t] ?? t}</td>
                <td className="num">{b.toLocaleString('zh-CN')}</td>
                <td className="num">{c === undefined ? '—' : c.toLocaleString('zh-CN')}</td>
              </tr>
            );
          })}
          {emptyTables > 0 && (
            <tr>
              <td colSpan={3} className="muted">
                其余 {emptyTables} 个数据表在备份和当前数据库中都是空的。
              </td>
            </tr>
          )}
        </tbody>
      </HTMLTable>
      <Callout intent="warning">恢复将用此备份替换全部数据（所有数据表）。恢复前会先自动备份当前数据，必要时可再恢复回来。</Callout>
    </div>
  );
}
