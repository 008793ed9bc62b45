// The office's clock. Every time the app shows (audit entries, backups, approvals, drafts) and every
// "today" it checks a date against is read in the office's time zone, not the PC's: a PC left on UTC
// or set up with an English locale must not show an audit entry at 01:30 that the backup list calls
// 09:30, nor refuse today's date as "in the future" before 8 a.m.

/** China Standard Time (no daylight saving since 1991); every 处非办 works in it. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface OfficeClock {
  readonly date: string;
  readonly time: string;
}

function officeClock(instant: Date): OfficeClock {
  const parts: Record<string, string> = {};
  for (const p of PARTS.formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The office's calendar date at `instant`, as YYYY-MM-DD. */
export function officeIsoDate(instant: Date): string {
  return officeClock(instant).date;
}

/** "2026-12-02 09:30" (or with seconds) in the office's time zone; text that is not a time is shown as it is. */
export function formatOfficeDateTime(iso: string | null | undefined, options: { readonly seconds?: boolean } = {}): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const { date, time } = officeClock(new Date(ms));
  return `${date} ${options.seconds ? time : time.slice(0, 5)}`;
}
