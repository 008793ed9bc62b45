import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatDateZh,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  shiftYears,
  toDayNumber,
} from '../../../../renderer/src/core/calendar/iso-date';

describe('parseIsoDate', () => {
  it('accepts real dates including leap days', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseIsoDate('2000-02-29').ok).toBe(true);
    expect(parseIsoDate(' 2026-03-05 ')).toEqual({ ok: true, value: '2026-03-05' });
  });

  it('rejects days that do not exist, naming the field and the month length', () => {
    const r = parseIsoDate('2026-02-29', '收到日期');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('收到日期「2026-02-29」不存在：2026年2月只有 28 天');
    expect(parseIsoDate('1900-02-29').ok).toBe(false);
    expect(parseIsoDate('2026-04-31').ok).toBe(false);
    expect(parseIsoDate('2026-13-01').ok).toBe(false);
    expect(parseIsoDate('2026-00-10').ok).toBe(false);
  });

  it('rejects other spellings with an example of the right one', () => {
    for (const bad of ['2026/03/05', '2026-3-5', '20260305', '2026年3月5日', '', '2026-03-05T00:00']) {
      const r = parseIsoDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('2026-03-05');
    }
    expect(isIsoDate(20260305)).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('crosses month ends, year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2028-02-14', 15)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-11-26')).toBe(4);
    expect(dayOfWeek('2024-02-29')).toBe(4);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('round-trips every day number in 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') }), (n) => {
        const d = fromDayNumber(n);
        expect(parseIsoDate(d).ok).toBe(true);
        expect(toDayNumber(d)).toBe(n);
        expect(addDays(d, 1)).toBe(fromDayNumber(n + 1));
      }),
    );
  });

  it('shifts a year back keeping the period inside its month', () => {
    expect(shiftYears('2026-03-31', -1)).toBe('2025-03-31');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(shiftYears('2029-02-28', -1)).toBe('2028-02-28');
  });

  it('formats dates as official documents do, without leading zeros', () => {
    expect(formatDateZh('2026-03-05')).toBe('2026年3月5日');
  });
});
