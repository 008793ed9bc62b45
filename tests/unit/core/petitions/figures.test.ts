import { describe, expect, it } from 'vitest';
import { computePetitionFigures, previousYearPeriod } from '../../../../renderer/src/core/petitions/figures';
import {
  describeChangeZh,
  formatPercentChange,
  formatRate,
  rate,
  roundRatio,
  yearOnYear,
} from '../../../../renderer/src/core/petitions/percent';
import type { Petition } from '../../../../renderer/src/core/petitions/types';
import {
  accept,
  calendar,
  close,
  extend,
  followUp,
  make,
  mediate,
  outcome,
  reject,
  run,
  settings,
  transfer,
} from './fixtures';

const period = { from: '2026-01-01', to: '2026-06-30' };
const asOf = '2026-07-15';

// Hand-checked fixture: deadlines worked out in the comments.
const fixture: Petition[] = [
  // A: acceptBy 03-17, accepted 03-10 on time; resolveBy 05-09 (调休 Saturday), closed 04-25 on time.
  run(make('A', '2026-03-02', { caseId: 'C1' }), [
    accept('2026-03-10'),
    mediate('2026-03-12'),
    outcome('2026-04-20', '化解'),
    close('2026-04-25'),
    followUp('2026-05-10', '满意'),
  ]),
  // B: collective 12 to the province; accepted 03-20 after acceptBy 03-17; resolveBy 05-19, closed 06-10 late.
  run(make('B', '2026-03-02', { persons: 12, level: '到省', caseId: 'C1' }), [
    accept('2026-03-20'),
    mediate('2026-03-21'),
    outcome('2026-06-01', '部分化解'),
    close('2026-06-10'),
  ]),
  // C: refused on 04-10, acceptBy 04-16: on time.
  run(make('C', '2026-04-01', { level: '到县区' }), [reject('2026-04-10')]),
  // D: collective 5 to Beijing, never decided; acceptBy 05-21 < asOf: counts as late.
  make('D', '2026-05-06', { persons: 5, level: '进京', caseId: 'C2' }),
  // E: acceptBy 07-15 = asOf: not yet due, not counted.
  make('E', '2026-06-30', { caseId: 'C2' }),
  // F: collective 3; accepted 02-12 (acceptBy 02-25); resolveBy 04-13, extended 30 → 05-13; closed 05-12 on time.
  run(make('F', '2026-02-10', { persons: 3, caseId: 'C1' }), [
    accept('2026-02-12'),
    mediate('2026-02-20'),
    extend('2026-04-05', 30),
    outcome('2026-05-01', '未化解'),
    close('2026-05-12'),
  ]),
  // G: accepted on time, then transferred out: left out of the resolution rate.
  run(make('G', '2026-01-20', { caseId: 'C2' }), [accept('2026-01-22'), transfer('2026-02-01')]),
  // H: acceptBy 05-05 → 劳动节 → 05-06; accepted 04-22; resolveBy 06-21 (端午) → 06-22 < asOf, still open: late.
  run(make('H', '2026-04-20', { level: '到县区', caseId: 'C1' }), [accept('2026-04-22'), mediate('2026-04-23')]),
  // I: accepted 06-05, resolveBy 08-04 > asOf: not counted for resolution.
  run(make('I', '2026-06-01'), [accept('2026-06-05')]),
  // Outside the period on both sides.
  make('J', '2025-12-31', { persons: 7 }),
  make('K', '2026-07-01', { persons: 7 }),
  // The same period of 2025: 2 batches, 5 person-times (one collective of 4 to the province).
  make('P1', '2025-03-01'),
  make('P2', '2025-06-30', { persons: 4, level: '到省' }),
  make('P3', '2025-07-01', { persons: 9 }),
];

describe('computePetitionFigures on the hand-checked fixture', () => {
  const f = computePetitionFigures(fixture, period, settings, calendar, asOf);

  it('counts batches and person-times for the period and the same period a year before', () => {
    expect(f.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    // A1 + B12 + C1 + D5 + E1 + F3 + G1 + H1 + I1
    expect(f.current.all).toEqual({ batches: 9, personTimes: 26 });
    expect(f.current.collective).toEqual({ batches: 3, personTimes: 20 });
    expect(f.previous.all).toEqual({ batches: 2, personTimes: 5 });
    expect(f.previous.collective).toEqual({ batches: 1, personTimes: 4 });
    // (9 − 2) / 2 = +350%; (26 − 5) / 5 = +420%; (3 − 1) / 1 = +200%; (20 − 4) / 4 = +400%.
    expect(f.change.batches.percent).toBe(350);
    expect(f.change.personTimes.percent).toBe(420);
    expect(f.change.collectiveBatches.percent).toBe(200);
    expect(f.change.collectivePersonTimes.percent).toBe(400);
  });

  it('counts by level and flags the province and Beijing', () => {
    expect(f.current.byLevel).toEqual({
      到县区: { batches: 2, personTimes: 2 },
      到市: { batches: 5, personTimes: 7 },
      到省: { batches: 1, personTimes: 12 },
      进京: { batches: 1, personTimes: 5 },
    });
    expect(f.provinceOrBeijing).toEqual({ batches: 2, personTimes: 17, petitionIds: ['B', 'D'] });
  });

  it('counts by case, largest first, unlinked petitions under null', () => {
    expect(f.byCase).toEqual([
      { caseId: 'C1', batches: 4, personTimes: 17 },
      { caseId: 'C2', batches: 3, personTimes: 7 },
      { caseId: null, batches: 2, personTimes: 2 },
    ]);
  });

  it('computes on-time acceptance: 6 on time of 8 due (B late, D overdue; E not yet due)', () => {
    expect(f.onTimeAcceptance).toEqual({ numerator: 6, denominator: 8, tenthsOfPercent: 750 });
    expect(formatRate(f.onTimeAcceptance)).toBe('75.0%');
  });

  it('computes on-time resolution: A and F (extended) of A, B, F, H; G transferred and I not due', () => {
    expect(f.onTimeResolution).toEqual({ numerator: 2, denominator: 4, tenthsOfPercent: 500 });
  });

  it('computes the resolution rate over recorded outcomes: 1 化解 of 3', () => {
    expect(f.outcomes).toEqual({ 化解: 1, 部分化解: 1, 未化解: 1 });
    expect(f.resolution).toEqual({ numerator: 1, denominator: 3, tenthsOfPercent: 333 });
    expect(formatRate(f.resolution)).toBe('33.3%');
    expect(f.satisfaction).toEqual({ 满意: 1, 基本满意: 0, 不满意: 0 });
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => computePetitionFigures(fixture, { from: '2026-06-30', to: '2026-01-01' }, settings, calendar, asOf)).toThrow(
      '统计期间的开始日期 2026-06-30 晚于结束日期 2026-01-01',
    );
  });

  it('maps a period ending on 29 February to 28 February a year before', () => {
    expect(previousYearPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
});

describe("the report's year-on-year change (31 batches / 53 person-times)", () => {
  // `batches` petitions holding `persons` person-times: collective batches of 2 (the first takes any
  // surplus) and, when there are too few persons for that, some individual petitions.
  function yearSet(year: number, batches: number, persons: number): Petition[] {
    const individuals = Math.max(0, 2 * batches - persons);
    const sizes: number[] = [];
    for (let i = 0; i < batches; i++) sizes.push(i < individuals ? 1 : 2);
    const surplus = persons - sizes.reduce((a, b) => a + b, 0);
    sizes[batches - 1] = (sizes[batches - 1] ?? 0) + surplus;
    return sizes.map((n, i) => make(`${year}-${i}`, `${year}-03-${String((i % 28) + 1).padStart(2, '0')}`, { persons: n }));
  }
  const set = [...yearSet(2026, 31, 53), ...yearSet(2025, 36, 331)];
  const f = computePetitionFigures(set, { from: '2026-01-01', to: '2026-11-30' }, settings, calendar, '2026-12-01');

  it('counts 31 batches / 53 person-times against 36 / 331 a year before', () => {
    expect(f.current.all).toEqual({ batches: 31, personTimes: 53 });
    expect(f.previous.all).toEqual({ batches: 36, personTimes: 331 });
    // 53 persons in 31 batches cannot all be collective (≥ 2 each): 9 individual + 22 collective.
    expect(f.current.collective).toEqual({ batches: 22, personTimes: 44 });
  });

  it('gives −84% for person-times, as the report says: (53 − 331) / 331 = −83.99%', () => {
    expect(f.change.personTimes.tenthsOfPercent).toBe(-840);
    expect(formatPercentChange(f.change.personTimes)).toBe('\u221284%');
    expect(describeChangeZh(f.change.personTimes)).toBe('下降84%');
  });

  it('gives −14% for batches: (31 − 36) / 36 = −13.89%; the report’s −15% fits no whole previous count', () => {
    expect(f.change.batches.tenthsOfPercent).toBe(-139);
    expect(formatPercentChange(f.change.batches)).toBe('\u221214%');
    // 36 → −13.9%, 37 → −16.2%: with whole petitions no previous-year count rounds to −15%.
    const fits = [];
    for (let prev = 32; prev <= 60; prev++) if (yearOnYear(31, prev).percent === -15) fits.push(prev);
    expect(fits).toEqual([]);
    expect(yearOnYear(31, 37).percent).toBe(-16);
  });
});

describe('percent helpers', () => {
  it('round half away from zero on exact integers', () => {
    expect(roundRatio(1, 2)).toBe(1);
    expect(roundRatio(-1, 2)).toBe(-1);
    expect(roundRatio(-3, 2)).toBe(-2);
    expect(roundRatio(1, 3)).toBe(0);
    expect(yearOnYear(17, 20).percent).toBe(-15);
    expect(yearOnYear(7, 8).percent).toBe(-13); // −12.5 → −13
    expect(() => roundRatio(1, 0)).toThrow(RangeError);
  });

  it('formats changes and rates as the report writes them', () => {
    expect(formatPercentChange(yearOnYear(12, 10))).toBe('+20%');
    expect(formatPercentChange(yearOnYear(10, 10))).toBe('0%');
    expect(describeChangeZh(yearOnYear(10, 10))).toBe('持平');
    expect(describeChangeZh(yearOnYear(12, 10))).toBe('上升20%');
    expect(formatPercentChange(yearOnYear(3, 0))).toBe('—');
    expect(describeChangeZh(yearOnYear(3, 0))).toBe('去年同期为 0，无法计算增减幅度');
    expect(describeChangeZh(yearOnYear(0, 0))).toBe('均为 0');
    expect(formatRate(rate(2, 3))).toBe('66.7%');
    expect(formatRate(rate(0, 0))).toBe('—');
    expect(formatRate(rate(5, 5))).toBe('100.0%');
  });
});
