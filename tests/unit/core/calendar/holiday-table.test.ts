import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildWorkingCalendar,
  type HolidayTable,
  nextWorkingDayOnOrAfter,
  uncoveredYears,
  validateHolidayTable,
} from '../../../../renderer/src/core/calendar/holiday-table';
import { CHINA_HOLIDAYS_2025_2026 } from '../../../../renderer/src/core/calendar/holidays-cn';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from '../../../../renderer/src/core/calendar/iso-date';

const cal = buildWorkingCalendar(CHINA_HOLIDAYS_2025_2026);

describe('default China holiday table 2025–2026', () => {
  it('is valid', () => {
    expect(validateHolidayTable(CHINA_HOLIDAYS_2025_2026)).toEqual([]);
  });

  it('has the day counts the State Council notices state (共N天)', () => {
    const days = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) n++;
      return n;
    };
    const total = (year: string, name: string) =>
      CHINA_HOLIDAYS_2025_2026.holidays
        .filter((h) => h.from.startsWith(year) && h.name === name)
        .reduce((s, h) => s + days(h.from, h.to), 0);
    expect(total('2025', '春节')).toBe(8);
    expect(total('2025', '国庆节、中秋节')).toBe(8);
    expect(total('2025', '劳动节')).toBe(5);
    expect(total('2026', '春节')).toBe(9);
    expect(total('2026', '国庆节')).toBe(7);
    expect(total('2026', '元旦')).toBe(3);
  });

  it('every make-up working day is a weekend', () => {
    for (const w of CHINA_HOLIDAYS_2025_2026.makeUpWorkdays) expect([0, 6]).toContain(dayOfWeek(w.date));
  });

  it('treats National Day week as days off and the make-up weekend as a working day', () => {
    expect(cal.isWorkingDay('2026-09-30')).toBe(true);
    for (let d = '2026-10-01'; d <= '2026-10-07'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.holidayName('2026-10-03')).toBe('国庆节');
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkingDay('2026-10-11')).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
  });

  it('treats Spring Festival 2026 with both make-up Saturdays', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-15')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false); // a Monday inside the holiday
    expect(cal.isWorkingDay('2026-02-24')).toBe(true);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('counts from the day after, skipping weekends', () => {
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-06', 0, cal)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-02', 15, cal)).toBe('2026-03-23');
  });

  it('skips Spring Festival and counts the make-up Saturday', () => {
    // 2026-02-13 Fri. Working days after: 2/14 Sat (调休) =1, 2/24..2/27 =2..5, 2/28 Sat (调休) =6, 3/2 =7.
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 5, cal)).toBe('2026-02-27');
    expect(addWorkingDays('2026-02-13', 6, cal)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7, cal)).toBe('2026-03-02');
  });

  it('moves a date off a holiday to the first working day', () => {
    expect(nextWorkingDayOnOrAfter('2026-10-05', cal)).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter('2026-10-08', cal)).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter('2025-01-25', cal)).toBe('2025-01-26'); // Saturday → 调休 Sunday
  });

  it('reports years the table does not list', () => {
    expect(uncoveredYears('2026-12-20', '2027-01-04', cal)).toEqual([2027]);
    expect(uncoveredYears('2025-01-01', '2026-12-31', cal)).toEqual([]);
    expect(uncoveredYears('2024-02-29', '2024-03-15', cal)).toEqual([2024]);
  });

  it('always lands on a working day with exactly `count` working days after the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2024-12-01'), max: toDayNumber('2026-12-31') }),
        fc.integer({ min: 1, max: 90 }),
        (n, count) => {
          const start = fromDayNumber(n);
          const end = addWorkingDays(start, count, cal);
          expect(cal.isWorkingDay(end)).toBe(true);
          let worked = 0;
          for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (cal.isWorkingDay(d)) worked++;
          expect(worked).toBe(count);
        },
      ),
    );
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-02', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, cal)).toThrow(RangeError);
  });
});

describe('validateHolidayTable', () => {
  it('names the row and the fix for each mistake', () => {
    const bad: HolidayTable = {
      years: [2027, 27],
      source: 'test',
      holidays: [
        { name: '春节', from: '2027-02-10', to: '2027-02-06' },
        { name: '', from: '2027-02-30', to: '2027-03-01' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
      ],
      makeUpWorkdays: [
        { date: '2027-10-02', name: 'x' },
        { date: '2027-09-29', name: 'x' },
        { date: '2027-10-09', name: 'x' },
        { date: '2027-10-09', name: 'x' },
      ],
    };
    const messages = validateHolidayTable(bad).map((i) => `${i.path} ${i.message}`);
    expect(messages).toEqual([
      'years[1] 覆盖年份第 2 项「27」不是有效年份，请填四位年份',
      'holidays[0].to 节假日第 1 行（春节）：结束日期早于开始日期，请对调或改正',
      'holidays[1].name 节假日第 2 行（未命名）：请填写节日名称',
      'holidays[1].from 节假日第 2 行（未命名）的开始日期「2027-02-30」不存在：2027年2月只有 28 天',
      'makeUpWorkdays[0].date 调休上班日第 1 行：2027-10-02 同时在「国庆节」放假范围内，一天不能既放假又上班，请改正其中一项',
      'makeUpWorkdays[1].date 调休上班日第 2 行：2027-09-29 不是周六或周日，平日本来就上班，无需列为调休上班日',
      'makeUpWorkdays[3].date 调休上班日第 4 行：2027-10-09 重复填写，请删除重复的一行',
    ]);
  });
});
