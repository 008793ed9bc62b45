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

/** "2026-11-26 09:30": a moment in the office's local time, as screens, files and the audit log show it. */
export function formatLocalDateTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localIsoDate(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
