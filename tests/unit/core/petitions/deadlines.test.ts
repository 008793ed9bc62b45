import { describe, expect, it } from 'vitest';
import {
  type PetitionDeadlineSettings,
  validateDeadlineSettings,
} from '../../../../renderer/src/core/petitions/deadline-settings';
import {
  classifyDeadline,
  computePetitionDeadlines,
  deadlineAlerts,
  newlyOverdue,
  runningClock,
} from '../../../../renderer/src/core/petitions/deadlines';
import { accept, calendar, extend, make, mediate, reject, run, settings } from './fixtures';

const keep: PetitionDeadlineSettings = { ...settings, calendarEndOnNonWorkingDay: 'keep' };
const working: PetitionDeadlineSettings = { ...settings, dayCounting: 'working' };

describe('calendar-day deadlines (default settings: 15 / 60 / +30, day 1 = the day after)', () => {
  it('counts 15 days from the day after receipt and 60 from the day after acceptance', () => {
    // 2026-03-02 + 15 = 03-17 (Tue). 03-10 + 60: 21 days to 03-31, 30 more to 04-30, 9 more = 05-09.
    // 2026-05-09 is a Saturday but a 调休上班日 (labour-day make-up day), so it stays.
    const d = computePetitionDeadlines({ receivedOn: '2026-03-02', acceptedOn: '2026-03-10' }, settings, calendar);
    expect(d).toEqual({ acceptBy: '2026-03-17', resolveBy: '2026-05-09', warnings: [] });
  });

  it('gives no resolution deadline before acceptance', () => {
    const d = computePetitionDeadlines({ receivedOn: '2026-03-02' }, settings, calendar);
    expect(d.resolveBy).toBeUndefined();
    expect(d.extendedResolveBy).toBeUndefined();
  });

  it('crosses a month end into Spring Festival and moves to the first working day after it', () => {
    // 01-31 + 15 = 02-15, first day of the 2026 Spring Festival (02-15..02-23) → 02-24.
    expect(computePetitionDeadlines({ receivedOn: '2026-01-31' }, settings, calendar).acceptBy).toBe('2026-02-24');
    expect(computePetitionDeadlines({ receivedOn: '2026-01-31' }, keep, calendar).acceptBy).toBe('2026-02-15');
  });

  it('moves a deadline inside National Day week to the first working day after it', () => {
    // 2025-09-20 + 15 = 10-05 (holiday 10-01..10-08) → 10-09; 2026-09-20 + 15 = 10-05 (10-01..10-07) → 10-08.
    expect(computePetitionDeadlines({ receivedOn: '2025-09-20' }, settings, calendar).acceptBy).toBe('2025-10-09');
    expect(computePetitionDeadlines({ receivedOn: '2026-09-20' }, settings, calendar).acceptBy).toBe('2026-10-08');
  });

  it('moves a Saturday deadline to Monday, but not one that is a make-up working day', () => {
    // 2025-02-14 + 15 = 03-01 (Sat) → 03-03. 2026-01-24 + 15 = 02-08 (Sun) → 02-09.
    expect(computePetitionDeadlines({ receivedOn: '2025-02-14' }, settings, calendar).acceptBy).toBe('2025-03-03');
    expect(computePetitionDeadlines({ receivedOn: '2026-01-24' }, settings, calendar).acceptBy).toBe('2026-02-09');
    // 2026-02-13 + 15 = 02-28, a Saturday that is a 调休上班日.
    expect(computePetitionDeadlines({ receivedOn: '2026-02-13' }, settings, calendar).acceptBy).toBe('2026-02-28');
  });

  it('handles leap years (2024, 2028) and warns that the holiday table does not cover them', () => {
    const d24 = computePetitionDeadlines({ receivedOn: '2024-02-14', acceptedOn: '2024-02-29' }, settings, calendar);
    // 02-14 + 15 = 02-29 (Thu). 02-29 + 60: 31 days to 03-31, 29 more = 04-29 (Mon).
    expect(d24.acceptBy).toBe('2024-02-29');
    expect(d24.resolveBy).toBe('2024-04-29');
    expect(d24.warnings).toHaveLength(1);
    expect(d24.warnings[0]).toContain('2024');
    const d28 = computePetitionDeadlines({ receivedOn: '2028-02-14' }, settings, calendar);
    expect(d28.acceptBy).toBe('2028-02-29');
    expect(d28.warnings[0]).toContain('节假日表未包含 2028 年');
    // Non-leap year for contrast: 2027-02-14 + 15 = 03-01.
    expect(computePetitionDeadlines({ receivedOn: '2027-02-14' }, settings, calendar).acceptBy).toBe('2027-03-01');
  });

  it('warns when a deadline runs into a year the table does not list', () => {
    const d = computePetitionDeadlines({ receivedOn: '2026-12-20', acceptedOn: '2026-12-21' }, settings, calendar);
    expect(d.acceptBy).toBe('2027-01-04');
    expect(d.warnings).toEqual([
      '节假日表未包含 2027 年，这些年份只按周末计算，期限可能不准：请在「信访调解 → 时限设置」中补录当年国务院放假安排',
    ]);
  });

  it('adds the extension to the statutory end, before any holiday shift', () => {
    // 2026-08-01 + 60 = 09-30 (Wed); + 30 = 10-30 (Fri).
    const a = computePetitionDeadlines(
      { receivedOn: '2026-07-28', acceptedOn: '2026-08-01', extension: { days: 30 } },
      settings,
      calendar,
    );
    expect(a.resolveBy).toBe('2026-09-30');
    expect(a.extendedResolveBy).toBe('2026-10-30');
    // 2026-08-06 + 60 = 10-05 (National Day) → shown 10-08; extension of 10 counts from 10-05 → 10-15.
    const b = computePetitionDeadlines(
      { receivedOn: '2026-08-01', acceptedOn: '2026-08-06', extension: { days: 10 } },
      settings,
      calendar,
    );
    expect(b.resolveBy).toBe('2026-10-08');
    expect(b.extendedResolveBy).toBe('2026-10-15');
  });

  it('refuses a malformed extension, one without acceptance, or acceptance before receipt', () => {
    const base = { receivedOn: '2026-03-02', acceptedOn: '2026-03-03' };
    expect(() => computePetitionDeadlines({ ...base, extension: { days: 0 } }, settings, calendar)).toThrow('延期天数「0」');
    expect(() => computePetitionDeadlines({ ...base, extension: { days: 2.5 } }, settings, calendar)).toThrow('延期天数「2.5」');
    expect(() => computePetitionDeadlines({ receivedOn: '2026-03-02', extension: { days: 5 } }, settings, calendar)).toThrow(
      '请先填写受理日期',
    );
    expect(() => computePetitionDeadlines({ receivedOn: '2026-03-02', acceptedOn: '2026-03-01' }, settings, calendar)).toThrow(
      '早于收到日期',
    );
  });

  it('still counts an extension granted under an earlier, longer maximum after the settings tighten', () => {
    const tightened = { ...settings, maxExtensionDays: 20 };
    const d = computePetitionDeadlines({ receivedOn: '2026-03-02', acceptedOn: '2026-03-03', extension: { days: 30 } }, tightened, calendar);
    // 03-03 + 60 = 05-02 (劳动节, shifted to 05-06 for resolveBy); extension counts from 05-02: 06-01 (Monday).
    expect(d.resolveBy).toBe('2026-05-06');
    expect(d.extendedResolveBy).toBe('2026-06-01');
  });
});

describe('working-day deadlines', () => {
  it('counts 15 working days across Spring Festival with both make-up Saturdays', () => {
    // After Fri 2026-02-06: 02-09..13 (5), Sat 02-14 调休 (6), 02-24..27 (10), Sat 02-28 调休 (11), 03-02..05 (15).
    expect(computePetitionDeadlines({ receivedOn: '2026-02-06' }, working, calendar).acceptBy).toBe('2026-03-05');
  });

  it('counts 60 working days across 清明 and 劳动节', () => {
    // After 2026-03-02: March 21 days, April 21 (04-06 is 清明), May: 05-06..08 (45), Sat 05-09 调休 (46),
    // 05-11..15 (51), 05-18..22 (56), 05-25..28 (60).
    const d = computePetitionDeadlines({ receivedOn: '2026-02-20', acceptedOn: '2026-03-02' }, working, calendar);
    expect(d.resolveBy).toBe('2026-05-28');
  });

  it('extends by working days across National Day', () => {
    const short: PetitionDeadlineSettings = { ...working, resolveWithinDays: 10 };
    // After Fri 2026-09-18: Sun 09-20 调休 (1), 09-21..24 (5), 09-25 中秋 off, 09-28..30 (8), 10-08 (9), 10-09 (10);
    // extension 3: Sat 10-10 调休 (1), 10-12 (2), 10-13 (3).
    const d = computePetitionDeadlines(
      { receivedOn: '2026-09-15', acceptedOn: '2026-09-18', extension: { days: 3 } },
      short,
      calendar,
    );
    expect(d.resolveBy).toBe('2026-10-09');
    expect(d.extendedResolveBy).toBe('2026-10-13');
  });
});

describe('classification for the home screen', () => {
  it('is due-soon from N days before through the last day, overdue the day after', () => {
    expect(classifyDeadline('2026-03-17', '2026-03-11', 5)).toBe('on-track');
    expect(classifyDeadline('2026-03-17', '2026-03-12', 5)).toBe('due-soon');
    expect(classifyDeadline('2026-03-17', '2026-03-17', 5)).toBe('due-soon');
    expect(classifyDeadline('2026-03-17', '2026-03-18', 5)).toBe('overdue');
    expect(classifyDeadline('2026-03-17', '2026-03-17', 0)).toBe('due-soon');
  });

  it('runs the acceptance clock while registered and the (extended) resolution clock after acceptance', () => {
    const registered = make('p1', '2026-03-02');
    expect(runningClock(registered, settings, calendar, '2026-03-18')).toMatchObject({
      clock: 'accept',
      dueOn: '2026-03-17',
      daysLeft: -1,
      state: 'overdue',
    });
    const accepted = run(registered, [accept('2026-03-10'), mediate('2026-03-11')]);
    expect(runningClock(accepted, settings, calendar, '2026-05-05')).toMatchObject({
      clock: 'resolve',
      dueOn: '2026-05-09',
      daysLeft: 4,
      state: 'due-soon',
    });
    const extended = run(accepted, [extend('2026-05-06', 30)]);
    expect(runningClock(extended, settings, calendar, '2026-05-05')).toMatchObject({ dueOn: '2026-06-08', state: 'on-track' });
    const rejected = run(make('p2', '2026-03-02'), [reject('2026-03-05')]);
    expect(runningClock(rejected, settings, calendar, '2026-12-31')).toBeNull();
  });

  it('lists overdue and due-soon petitions, most urgent first, for one handler or all', () => {
    const list = [
      make('a', '2026-03-02', { handler: '张' }), // due 03-17
      make('b', '2026-03-05', { handler: '李' }), // due 03-20
      make('c', '2026-03-10', { handler: '张' }), // due 03-25: on track on 03-18
      run(make('d', '2026-03-01', { handler: '张' }), [reject('2026-03-02')]),
    ];
    const all = deadlineAlerts(list, settings, calendar, '2026-03-18');
    expect(all.map((c) => [c.petitionId, c.state, c.daysLeft])).toEqual([
      ['a', 'overdue', -1],
      ['b', 'due-soon', 2],
    ]);
    expect(deadlineAlerts(list, settings, calendar, '2026-03-18', '张').map((c) => c.petitionId)).toEqual(['a']);
    // Desktop notification: only overdue items not announced before.
    expect(newlyOverdue(all, new Set()).map((c) => c.petitionId)).toEqual(['a']);
    expect(newlyOverdue(all, new Set(['a:accept']))).toEqual([]);
  });
});

describe('validateDeadlineSettings', () => {
  it('accepts the defaults and names each bad field', () => {
    expect(validateDeadlineSettings(settings)).toEqual([]);
    const bad = { ...settings, acceptWithinDays: 0, maxExtensionDays: 1.5, dueSoonDays: -1 };
    expect(validateDeadlineSettings(bad).map((i) => i.field)).toEqual(['acceptWithinDays', 'maxExtensionDays', 'dueSoonDays']);
    expect(validateDeadlineSettings(bad)[0]?.message).toContain('条例规定为 15 天');
  });
});
