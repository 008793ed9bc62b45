// The editable holiday table (法定节假日及调休安排) and working-day arithmetic over it.
// A working day is Monday–Friday that is not inside a holiday range, or any day listed as a
// make-up working day (调休上班日, a weekend on which offices work).
import {
  addDays,
  compareDates,
  fromDayNumber,
  type IsoDate,
  isWeekend,
  parseIsoDate,
  toDayNumber,
  yearOf,
} from './iso-date';

/** One block of days off as the State Council notice writes it, e.g. 春节 2026-02-15 至 2026-02-23. */
export interface HolidayRange {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A weekend day that is a working day (调休上班). */
export interface MakeUpWorkday {
  readonly date: IsoDate;
  readonly name: string;
}

/** Plain JSON so it can be stored in settings and edited by the office. */
export interface HolidayTable {
  /** Years whose holidays are fully listed; outside them only weekends are known. */
  readonly years: readonly number[];
  /** Where the dates come from (e.g. the State Council notice), shown in settings. */
  readonly source: string;
  readonly holidays: readonly HolidayRange[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
}

export interface HolidayTableIssue {
  /** e.g. 'holidays[3].from' so the settings screen can point at the row. */
  readonly path: string;
  readonly message: string;
}

const MAX_RANGE_DAYS = 31;
/** 春节, 国庆节 …: a holiday's name is a few characters; the limit stops a pasted page. */
const HOLIDAY_NAME_MAX = 20;

/** Checks an edited table; every message names the row and says what to change. */
export function validateHolidayTable(table: HolidayTable): HolidayTableIssue[] {
  const issues: HolidayTableIssue[] = [];
  for (const [i, year] of table.years.entries()) {
    if (!Number.isInteger(year) || year < 1900 || year > 2199) {
      issues.push({ path: `years[${i}]`, message: `覆盖年份第 ${i + 1} 项「${year}」不是有效年份，请填四位年份` });
    }
  }
  const offDays = new Map<number, string>();
  for (const [i, h] of table.holidays.entries()) {
    const row = `节假日第 ${i + 1} 行（${h.name || '未命名'}）`;
    if (!h.name.trim()) issues.push({ path: `holidays[${i}].name`, message: `${row}：请填写节日名称` });
    else if ([...h.name.trim()].length > HOLIDAY_NAME_MAX) {
      issues.push({ path: `holidays[${i}].name`, message: `${row}：节日名称不能超过 ${HOLIDAY_NAME_MAX} 字，请精简` });
    }
    const from = parseIsoDate(h.from, `${row}的开始日期`);
    const to = parseIsoDate(h.to, `${row}的结束日期`);
    if (!from.ok) issues.push({ path: `holidays[${i}].from`, message: from.error });
    if (!to.ok) issues.push({ path: `holidays[${i}].to`, message: to.error });
    if (!from.ok || !to.ok) continue;
    const span = compareDates(h.to, h.from);
    if (span < 0) {
      issues.push({ path: `holidays[${i}].to`, message: `${row}：结束日期早于开始日期，请对调或改正` });
      continue;
    }
    if (span >= MAX_RANGE_DAYS) {
      issues.push({ path: `holidays[${i}].to`, message: `${row}：放假超过 ${MAX_RANGE_DAYS} 天，请检查结束日期` });
      continue;
    }
    for (let d = 0; d <= span; d++) offDays.set(toDayNumber(h.from) + d, h.name);
  }
  const seenMakeUp = new Set<number>();
  for (const [i, w] of table.makeUpWorkdays.entries()) {
    const row = `调休上班日第 ${i + 1} 行`;
    const parsed = parseIsoDate(w.date, `${row}的日期`);
    if (!parsed.ok) {
      issues.push({ path: `makeUpWorkdays[${i}].date`, message: parsed.error });
      continue;
    }
    const n = toDayNumber(w.date);
    if (seenMakeUp.has(n)) {
      issues.push({ path: `makeUpWorkdays[${i}].date`, message: `${row}：${w.date} 重复填写，请删除重复的一行` });
    }
    seenMakeUp.add(n);
    const clash = offDays.get(n);
    if (clash !== undefined) {
      issues.push({
        path: `makeUpWorkdays[${i}].date`,
        message: `${row}：${w.date} 同时在「${clash}」放假范围内，一天不能既放假又上班，请改正其中一项`,
      });
    }
    if (!isWeekend(w.date)) {
      issues.push({
        path: `makeUpWorkdays[${i}].date`,
        message: `${row}：${w.date} 不是周六或周日，平日本来就上班，无需列为调休上班日`,
      });
    }
  }
  return issues;
}

/** A table prepared for fast look-ups; build once per table, reuse for many petitions. */
export interface WorkingCalendar {
  readonly table: HolidayTable;
  isWorkingDay(date: IsoDate): boolean;
  /** Same on a day number (see toDayNumber), for tight loops. */
  isWorkingDayNumber(dayNumber: number): boolean;
  holidayName(date: IsoDate): string | undefined;
  covers(date: IsoDate): boolean;
}

export function buildWorkingCalendar(table: HolidayTable): WorkingCalendar {
  const off = new Map<number, string>();
  for (const h of table.holidays) {
    const start = toDayNumber(h.from);
    const end = toDayNumber(h.to);
    for (let n = start; n <= end; n++) off.set(n, h.name);
  }
  const work = new Set(table.makeUpWorkdays.map((w) => toDayNumber(w.date)));
  const years = new Set(table.years);
  const isWorkingDayNumber = (n: number): boolean => {
    if (work.has(n)) return true;
    if (off.has(n)) return false;
    const weekday = (((n + 4) % 7) + 7) % 7; // 1970-01-01 (day 0) was a Thursday
    return weekday !== 0 && weekday !== 6;
  };
  return {
    table,
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    isWorkingDayNumber,
    holidayName(date) {
      return off.get(toDayNumber(date));
    },
    covers(date) {
      return years.has(yearOf(date));
    },
  };
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let d = date;
  // A holiday block is never longer than a few weeks; the bound guards against a corrupt table.
  for (let i = 0; i < 366; i++) {
    if (calendar.isWorkingDay(d)) return d;
    d = addDays(d, 1);
  }
  throw new RangeError(`节假日表有误：${date} 之后一年内没有工作日，请检查节假日设置`);
}

/**
 * The `count`-th working day after `date` (`date` itself is not counted, as with calendar days:
 * counting starts the next day). count 0 returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, count: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working-day count must be a whole number ≥ 0: ${count}`);
  let n = toDayNumber(date);
  let left = count;
  while (left > 0) {
    n++;
    if (calendar.isWorkingDayNumber(n)) left--;
  }
  return fromDayNumber(n);
}

/** Years touched by the span from `from` to `to` (inclusive) that the table does not list. */
export function uncoveredYears(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number[] {
  const out: number[] = [];
  const [lo, hi] = compareDates(from, to) <= 0 ? [from, to] : [to, from];
  for (let y = yearOf(lo); y <= yearOf(hi); y++) {
    if (!calendar.table.years.includes(y)) out.push(y);
  }
  return out;
}
