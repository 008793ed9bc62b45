// Date-only values ('YYYY-MM-DD') and their arithmetic. Dates are converted to a day number (days
// since 1970-01-01 in the proleptic Gregorian calendar) with integer formulas, so no Date object,
// time zone or daylight-saving shift can move a deadline by one day.

/** A calendar date written 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

export type DateParseResult = { ok: true; value: IsoDate } | { ok: false; error: string };

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Strictly parses 'YYYY-MM-DD' (four-digit year 1900–2199, two-digit month and day, a day that exists).
 * `field` names the field in the Chinese message so the user knows what to fix.
 */
export function parseIsoDate(text: string, field = '日期'): DateParseResult {
  const trimmed = text.trim();
  const m = ISO_DATE_PATTERN.exec(trimmed);
  if (!m) {
    return { ok: false, error: `${field}「${text}」格式不对：请写成 年-月-日，如 2026-03-05` };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || year > 2199) {
    return { ok: false, error: `${field}「${text}」的年份 ${year} 不在 1900–2199 之间，请检查年份` };
  }
  if (month < 1 || month > 12) {
    return { ok: false, error: `${field}「${text}」的月份 ${month} 不存在，月份应为 01–12` };
  }
  const maxDay = daysInMonth(year, month);
  if (day < 1 || day > maxDay) {
    return {
      ok: false,
      error: `${field}「${text}」不存在：${year}年${month}月只有 ${maxDay} 天`,
    };
  }
  return { ok: true, value: trimmed };
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && parseIsoDate(text).ok;
}

interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function splitDate(date: IsoDate): YearMonthDay {
  const m = ISO_DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer conversions.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = splitDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  return splitDate(date).year;
}

/**
 * The same day `years` years later or earlier, for "the same period a year before".
 * 29 February maps to 28 February in a non-leap year, so a period never grows past its month.
 */
export function shiftYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = splitDate(date);
  const target = year + years;
  return formatIsoDate(target, month, Math.min(day, daysInMonth(target, month)));
}

/** Chinese display without leading zeros, as official documents write dates (2026年3月5日). */
export function formatDateZh(date: IsoDate): string {
  const { year, month, day } = splitDate(date);
  return `${year}年${month}月${day}日`;
}
