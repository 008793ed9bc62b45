// Calendar dates as 'YYYY-MM-DD' strings: no time zone can shift them, they sort as text, and they
// are what the paperwork says. The arithmetic lives in core/calendar; this adds the office's today.
import { formatDateZh, isIsoDate } from '../calendar/iso-date';

export { daysInMonth, isIsoDate } from '../calendar/iso-date';

/** Today's date in the office's local time, as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** 2020年12月1日, the form documents and screens use; text that is not a date is shown as it is. */
export function chineseDate(isoDate: string): string {
  return isIsoDate(isoDate) ? formatDateZh(isoDate) : isoDate;
}

/**
 * "2026-11-26 09:30": a moment in the office's time, China Standard Time (UTC+8, no daylight
 * saving), whatever the PC's own zone is set to: the audit log, batches and backups all agree.
 */
export function formatLocalDateTime(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) return String(at);
  const beijing = new Date(ms + 8 * 3_600_000).toISOString();
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`;
}
