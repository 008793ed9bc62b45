// Which automatic backups to keep (保留策略): the newest N, plus the newest backup of each of the last
// M calendar months (the month of `now` included), months counted in the office's time zone (China
// Standard Time by default, no daylight saving). A backup whose date cannot be read, or lies in the
// future (a wrong clock), is always kept: deleting what we do not understand could lose the only copy.

export interface RetentionPolicy {
  readonly keepLast: number;
  readonly monthsWithOne: number;
  /** Minutes east of UTC for calendar months; 480 = UTC+8. */
  readonly utcOffsetMinutes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 10, monthsWithOne: 12, utcOffsetMinutes: 480 };

export interface BackupStamp {
  /** ISO 8601 instant the backup was taken (its header's createdAt). */
  readonly createdAt: string;
}

export type KeepReason = 'recent' | 'monthly' | 'unreadable-date' | 'future';

export interface RetentionPlan<T extends BackupStamp> {
  /** Newest first, each with why it stays. */
  readonly keep: readonly { readonly backup: T; readonly reasons: readonly KeepReason[] }[];
  /** Newest first. */
  readonly remove: readonly T[];
}

export function planBackupRetention<T extends BackupStamp>(
  backups: readonly T[],
  now: string | Date,
  policy: Partial<RetentionPolicy> = {},
): RetentionPlan<T> {
  const p = { ...DEFAULT_RETENTION, ...policy };
  for (const [name, v] of Object.entries(p)) {
    if (!Number.isSafeInteger(v) || (name !== 'utcOffsetMinutes' && v < 0)) {
      throw new RangeError(`保留策略参数 ${name} 无效（${v}）/ invalid retention policy ${name}`);
    }
  }
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError(`当前时间无效（${String(now)}）/ invalid now`);

  const special: { backup: T; reasons: KeepReason[] }[] = [];
  const dated: { backup: T; ms: number; order: number }[] = [];
  backups.forEach((backup, order) => {
    const ms = Date.parse(backup.createdAt);
    if (Number.isNaN(ms)) special.push({ backup, reasons: ['unreadable-date'] });
    else if (ms > nowMs) special.push({ backup, reasons: ['future'] });
    else dated.push({ backup, ms, order });
  });
  dated.sort((a, b) => b.ms - a.ms || a.order - b.order);

  const month = (ms: number): number => {
    const d = new Date(ms + p.utcOffsetMinutes * 60_000);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const nowMonth = month(nowMs);
  const monthsTaken = new Set<number>();
  const keep = [...special];
  const remove: T[] = [];
  dated.forEach(({ backup, ms }, rank) => {
    const reasons: KeepReason[] = [];
    if (rank < p.keepLast) reasons.push('recent');
    const m = month(ms);
    if (nowMonth - m < p.monthsWithOne && !monthsTaken.has(m)) {
      monthsTaken.add(m);
      reasons.push('monthly');
    }
    if (reasons.length > 0) keep.push({ backup, reasons });
    else remove.push(backup);
  });
  return { keep, remove };
}
