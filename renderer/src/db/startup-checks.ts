import type { AuditEntry } from '../core/audit/audit-entry';
import type { AnchorVerdict } from '../core/audit/chain-anchor';
import { verifyAuditChain } from '../core/audit/verify-chain';
import type { DiskSpace } from '../platform/bridge';
import type { PreparedDatabase } from './backup/prepare-database';
import type { WorkstationDb } from './database';
import { CURRENT_SCHEMA_VERSION } from './schema';

// Start-up checks (启动检查): what the office must know before working on the database. Each check
// says what it found and, when something is wrong, what to do. Nothing here changes any data.

export type StartupCheckId = 'database' | 'schema' | 'audit' | 'audit-anchor' | 'disk' | 'protective-backup' | 'restore';
export type StartupCheckStatus = 'ok' | 'warning' | 'error';

export interface StartupCheck {
  readonly id: StartupCheckId;
  readonly status: StartupCheckStatus;
  /** Chinese, shown as is. */
  readonly message: string;
  /** For a broken audit chain: the first entry that does not verify. */
  readonly brokenAtSeq?: number;
}

/** Below this much free space a warning is shown (a backup of a large office is several hundred MB). */
export const MIN_FREE_BYTES = 1024 * 1024 * 1024;

const mb = (bytes: number) => `${Math.floor(bytes / 1024 / 1024).toLocaleString('zh-CN')} MB`;

export function checkDiskSpace(space: DiskSpace | null, minFreeBytes = MIN_FREE_BYTES): StartupCheck {
  if (space === null) return { id: 'disk', status: 'ok', message: '无法查询剩余空间（此环境不提供），未检查。' };
  if (space.freeBytes < minFreeBytes) {
    return {
      id: 'disk',
      status: 'warning',
      message: `剩余空间不足：${space.where}仅剩 ${mb(space.freeBytes)}（建议至少 ${mb(minFreeBytes)}）。空间用尽时新录入的数据可能无法保存：请清理磁盘，或把旧备份移到其他磁盘。`,
    };
  }
  return { id: 'disk', status: 'ok', message: `剩余空间 ${mb(space.freeBytes)}（${space.where}）。` };
}

export async function checkAuditChain(db: WorkstationDb): Promise<StartupCheck> {
  const entries: AuditEntry[] = await db.audit.orderBy('seq').toArray();
  const verdict = verifyAuditChain(entries);
  if (verdict.ok) return { id: 'audit', status: 'ok', message: `审计日志完整，共 ${verdict.count} 条，逐条核对无误。` };
  return {
    id: 'audit',
    status: 'error',
    brokenAtSeq: verdict.brokenAtSeq,
    message: `审计日志校验失败：${verdict.message}自第 ${verdict.brokenAtSeq} 条起的记录不可信。请勿删除任何数据，联系管理员核查；如需找回原始记录，可在“备份与恢复”中查看各备份的审计链状态后恢复。`,
  };
}

/**
 * The chain against its anchor outside the database: a log cut short, cleared or started again is
 * named at every start until a restore (or an administrator) settles it. A missing anchor is only a
 * warning: the first start of this version has none yet (it is written now).
 */
export function checkAuditAnchor(verdict: AnchorVerdict): StartupCheck {
  switch (verdict.status) {
    case 'ok':
      return { id: 'audit-anchor', status: 'ok', message: '审计链与数据库之外的锚点一致。' };
    case 'new':
      return { id: 'audit-anchor', status: 'ok', message: '尚无审计记录，锚点将随第一条记录建立。' };
    case 'missing':
      return { id: 'audit-anchor', status: 'ok', message: verdict.message };
    default:
      return { id: 'audit-anchor', status: 'error', message: `${verdict.message}（可在“设置 → 审计日志”中核对。）` };
  }
}

/** What happened before the database was opened (prepareDatabase), as checks. */
export function preparationChecks(prepared: PreparedDatabase | null): StartupCheck[] {
  if (!prepared) return [];
  const out: StartupCheck[] = [];
  if (prepared.completedRestore) {
    out.push({ id: 'restore', status: 'ok', message: `上次中断的恢复已完成（备份文件“${prepared.completedRestore.fileName}”）。` });
  }
  const pb = prepared.protectiveBackup;
  const what = pb?.reason === 'pre-migration' ? '数据结构升级前' : '程序升级前';
  if (pb?.status === 'written') out.push({ id: 'protective-backup', status: 'ok', message: `${what}已自动备份：${pb.fileName}。` });
  if (pb?.status === 'failed') {
    out.push({ id: 'protective-backup', status: 'error', message: `${what}的自动备份失败：${pb.message} 请尽快在“备份与恢复”中手动备份。` });
  }
  if (pb?.status === 'not-available') {
    out.push({ id: 'protective-backup', status: 'warning', message: `${what}未能自动备份（浏览器模式没有自动备份）。请在“备份与恢复”中备份到文件。` });
  }
  return out;
}

export async function runStartupChecks(
  db: WorkstationDb,
  options: {
    readonly diskSpace: () => Promise<DiskSpace | null>;
    readonly prepared?: PreparedDatabase | null;
    readonly minFreeBytes?: number;
    /** The anchor check (db/audit-anchor.ts); absent where no anchor is kept. */
    readonly auditAnchor?: () => Promise<AnchorVerdict>;
  },
): Promise<StartupCheck[]> {
  const checks: StartupCheck[] = [{ id: 'database', status: 'ok', message: '数据库已打开。' }];
  checks.push(
    db.verno === CURRENT_SCHEMA_VERSION
      ? { id: 'schema', status: 'ok', message: `数据结构版本 ${db.verno}，与本程序一致。` }
      : { id: 'schema', status: 'error', message: `数据结构版本 ${db.verno}，本程序为 ${CURRENT_SCHEMA_VERSION}。` },
  );
  checks.push(...preparationChecks(options.prepared ?? null));
  checks.push(await checkAuditChain(db));
  if (options.auditAnchor) {
    try {
      checks.push(checkAuditAnchor(await options.auditAnchor()));
    } catch (error) {
      checks.push({ id: 'audit-anchor', status: 'warning', message: `无法读取审计链锚点：${error instanceof Error ? error.message : String(error)}` });
    }
  }
  let space: DiskSpace | null = null;
  try {
    space = await options.diskSpace();
  } catch {
    space = null;
  }
  checks.push(checkDiskSpace(space, options.minFreeBytes));
  return checks;
}
