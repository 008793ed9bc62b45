// Calendar dates as 'YYYY-MM-DD' strings: no time zone can shift them, they sort as text, and they
// are what the paperwork says. The arithmetic lives in core/calendar; this adds the office's today.
import { formatDateZh, isIsoDate } from '../calendar/iso-date';
import { officeIsoDate } from './office-time';
import { readTypedDate } from './typed-date';

export { daysInMonth, isIsoDate } from '../calendar/iso-date';

/** Today's date in the office's time zone (not the PC's), as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  return officeIsoDate(now);
}

/**
 * The house formats: screens (tables, forms, facts) write a date 2026-12-03 (screenDate); documents
 * that leave the office write 2026年12月3日 (chineseDate), as official paper does.
 */

/** 2026-12-03 on a screen, however the date was stored or typed (2026/12/3, 2026年12月3日); '—' when empty; text that is no date as it is. */
export function screenDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return '—';
  return isIsoDate(value) ? value : (readTypedDate(value) ?? value);
}

/** 2020年12月1日, as documents write dates; text that is not a date is shown as it is. */
export function chineseDate(isoDate: string): string {
  return isIsoDate(isoDate) ? formatDateZh(isoDate) : isoDate;
}
