// Names and retention of automatic backups in <userData>/backups. Pure (no fs), unit-tested.
//
// The retention rule is the one in renderer/src/core/backup/retention.ts (newest 10, plus the
// newest of each of the last 12 calendar months in China Standard Time; a file whose date cannot be
// read, or lies in the future, is kept). It is restated here because main may not import the
// renderer; tests/unit/electron/backup-files.test.ts checks both give the same answer.

import type { BackupReasonName } from '../shared/ipc-contract.js';

export const BACKUP_FOLDER_NAME = 'backups';
export const BACKUP_EXTENSION = 'cfbak';
export const BACKUP_REASON_NAMES: readonly BackupReasonName[] = ['manual', 'startup', 'quit', 'pre-migration', 'pre-upgrade', 'pre-restore'];

const NAME_PATTERN = /^chufei-(\d{8})-(\d{6})(\d{3})Z-([a-z-]+)(?:-(\d+))?\.cfbak$/;

/** "chufei-20261126-013000123Z-startup.cfbak": UTC time to the millisecond, sortable, never localised. */
export function autoBackupFileName(now: Date, reason: BackupReasonName, suffix = 0): string {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}Z`;
  return `chufei-${stamp}-${reason}${suffix > 0 ? `-${suffix}` : ''}.${BACKUP_EXTENSION}`;
}

/** The ISO time an automatic backup's name records, or null when it is not one of ours. */
export function parseAutoBackupFileName(fileName: string): { readonly createdAt: string; readonly reason: string } | null {
  const m = NAME_PATTERN.exec(fileName);
  if (!m) return null;
  const [, d = '', t = '', ms = '', reason = ''] = m;
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== iso) return null;
  return { createdAt: iso, reason };
}

export interface RetentionCandidate {
  readonly fileName: string;
  readonly createdAt: string;
}

export const RETENTION = { keepLast: 10, monthsWithOne: 12, utcOffsetMinutes: 480 } as const;

/** The automatic backups to delete, by the retention policy. */
export function backupsToRemove<T extends RetentionCandidate>(backups: readonly T[], now: Date): T[] {
  const nowMs = now.getTime();
  const month = (ms: number): number => {
    const d = new Date(ms + RETENTION.utcOffsetMinutes * 60_000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const dated = backups
    .map((backup, order) => ({ backup, ms: Date.parse(backup.createdAt), order }))
    .filter((b) => !Number.isNaN(b.ms) && b.ms <= nowMs)
    .sort((a, b) => b.ms - a.ms || a.order - b.order);
  const nowMonth = month(nowMs);
  const monthsTaken = new Set<number>();
  const remove: T[] = [];
  dated.forEach((b, index) => {
    const m = month(b.ms);
    const monthly = nowMonth - m < RETENTION.monthsWithOne && !monthsTaken.has(m);
    if (monthly) monthsTaken.add(m);
    if (index >= RETENTION.keepLast && !monthly) remove.push(b.backup);
  });
  return remove;
}
