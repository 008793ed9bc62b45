import { describe, expect, it } from 'vitest';
import { chineseDate, localIsoDate, screenDate } from '../../../../renderer/src/core/common/iso-date';
import { formatOfficeDateTime, officeIsoDate } from '../../../../renderer/src/core/common/office-time';
import { readTypedDate } from '../../../../renderer/src/core/common/typed-date';

// Dates are typed and shown as 2026-12-02 whatever the PC's locale; times and "today" follow the
// office's time zone (China Standard Time), not the PC's.

describe('typed dates', () => {
  it('read the ways staff type a date', () => {
    for (const typed of ['2026-12-02', '2026-12-2', '2026/12/2', '2026.12.02', '2026年12月2日', '2026年12月2', ' 2026 年 12 月 2 日 ', '20261202', '２０２６年１２月２日']) {
      expect(readTypedDate(typed), typed).toBe('2026-12-02');
    }
  });

  it('leave what is not one real, whole date for the form to name', () => {
    for (const typed of ['12/02/2026', '2026-02-30', '2026-13-01', '2026-12', '明天', '', '2026120']) {
      expect(readTypedDate(typed), typed).toBeNull();
    }
  });
});

describe('the house date formats', () => {
  it('screens write 2026-12-03 whatever the date was stored or typed as; documents write 2026年12月3日', () => {
    for (const stored of ['2026-12-03', '2026/12/3', '2026年12月3日', '20261203']) expect(screenDate(stored), stored).toBe('2026-12-03');
    expect(screenDate(null)).toBe('—');
    expect(screenDate('')).toBe('—');
    expect(screenDate('待定')).toBe('待定');
    expect(chineseDate('2026-12-03')).toBe('2026年12月3日');
  });
});

describe('office time', () => {
  it("gives the office's date, not the PC's: 01:30 UTC is already 09:30 in the office", () => {
    const instant = new Date('2026-12-01T17:30:00Z');
    expect(officeIsoDate(instant)).toBe('2026-12-02');
    expect(localIsoDate(instant)).toBe('2026-12-02');
    expect(formatOfficeDateTime('2026-12-01T17:30:05.000Z')).toBe('2026-12-02 01:30');
    expect(formatOfficeDateTime('2026-12-01T17:30:05.000Z', { seconds: true })).toBe('2026-12-02 01:30:05');
  });

  it('shows a missing time as a dash and text that is not a time as it is', () => {
    expect(formatOfficeDateTime(null)).toBe('—');
    expect(formatOfficeDateTime('不详')).toBe('不详');
  });
});
