// Calendar dates as 'YYYY-MM-DD' strings: no time zone can shift them, they sort as text, and they
// are what the paperwork says. The arithmetic lives in core/calendar; this adds the office's today.
import { formatDateZh, isIsoDate } from '../calendar/iso-date';
import { officeIsoDate } from './office-time';

export { daysInMonth, isIsoDate } from '../calendar/iso-date';

/** Today's date in the office's time zone (not the PC's), as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  return officeIsoDate(now);
}

/** 2020年12月1日, the form documents and screens use; text that is not a date is shown as it is. */
export function chineseDate(isoDate: string): string {
  return isIsoDate(isoDate) ? formatDateZh(isoDate) : isoDate;
}
