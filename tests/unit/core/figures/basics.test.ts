import { describe, expect, it } from 'vitest';
import { describeChange, figureChange } from '../../../../renderer/src/core/figures/change';
import { computeOne, createScope, previousYearPeriod } from '../../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import { checkPeriod, monthsOf, periodLabelZh, periodOf } from '../../../../renderer/src/core/figures/periods';
import { createFigureRegistry } from '../../../../renderer/src/core/figures/registry';
import type { FigureDefinition } from '../../../../renderer/src/core/figures/types';
import { recordsOf } from './helpers';

const n = (value: number | null) => ({ value, records: [], recordCount: 0 });

describe('changes against the same period a year before', () => {
  it('rounds to one decimal, half away from zero, and names the direction', () => {
    expect(figureChange('cases', n(13), n(38))).toEqual({ kind: 'percent', tenths: -658, direction: 'down' });
    expect(describeChange(figureChange('cases', n(8), n(5)))).toBe('上升60.0%');
    expect(figureChange('cases', n(1), n(8)).tenths).toBe(-875); // −87.5 exactly
    expect(figureChange('cases', n(2), n(3)).tenths).toBe(-333);
    expect(describeChange(figureChange('cases', n(4), n(4)))).toBe('持平');
  });
  it('shows "—" when last year was 0, never ∞ or NaN', () => {
    expect(describeChange(figureChange('cases', n(5), n(0)))).toBe('—');
    expect(describeChange(figureChange('cases', n(0), n(0)))).toBe('—');
    expect(describeChange(figureChange('fen', n(5), n(null)))).toBe('—');
  });
  it('compares money beyond 2^53 / 1000 fen exactly', () => {
    // 100亿元 vs 90亿元 in fen: (1e12 − 9e11) × 1000 passes 2^53.
    expect(figureChange('fen', n(1_000_000_000_000), n(900_000_000_000)).tenths).toBe(111);
  });
  it('gives a rate’s change in percentage points from the exact fractions', () => {
    const rate = (num: number, den: number) => ({ value: Math.round((num * 1000) / den), ratio: { numerator: num, denominator: den }, records: [], recordCount: 0 });
    const c = figureChange('rate', rate(17, 21), rate(1, 2)); // 80.95% − 50% = 30.95 → 31.0 points
    expect(c).toEqual({ kind: 'points', tenths: 310, direction: 'up' });
    expect(describeChange(c)).toBe('上升31.0个百分点');
  });
});

describe('periods', () => {
  it('builds year, quarter, month and custom periods and names them as a report does', () => {
    expect(periodOf({ kind: 'year', year: 2020 })).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(periodOf({ kind: 'quarter', year: 2020, quarter: 1 })).toEqual({ from: '2020-01-01', to: '2020-03-31' });
    expect(periodOf({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodLabelZh({ from: '2020-01-01', to: '2020-12-31' })).toBe('2020年');
    expect(periodLabelZh({ from: '2020-07-01', to: '2020-09-30' })).toBe('2020年第三季度');
    expect(periodLabelZh({ from: '2020-07-01', to: '2020-07-31' })).toBe('2020年7月');
    expect(periodLabelZh({ from: '2020-01-01', to: '2020-06-30' })).toBe('2020年1—6月');
    expect(periodLabelZh({ from: '2020-03-05', to: '2021-02-01' })).toBe('2020年3月5日至2021年2月1日');
    expect(monthsOf({ from: '2020-11-15', to: '2021-02-01' })).toEqual(['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01']);
  });
  it('takes 29 February back to 28 February a year before', () => {
    expect(previousYearPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });
  it('names the wrong field of a period in Chinese', () => {
    expect(checkPeriod({ from: '2020-13-01', to: '2020-12-31' })).toEqual({ field: 'from', message: expect.stringContaining('开始日期不是有效日期') });
    expect(checkPeriod({ from: '2020-06-01', to: '2020-05-31' })).toEqual({ field: 'to', message: expect.stringContaining('早于开始日期') });
    expect(checkPeriod({ from: '2020-01-01', to: '2020-01-01' })).toBeNull();
  });
});

describe('the registry', () => {
  const fig = (id: string, area = 'x'): FigureDefinition => ({ id, area, label: id, unit: 'cases', definition: '口径', recordKind: 'case', compute: () => n(0) });
  it('refuses clashing or malformed ids and figures without a definition', () => {
    expect(() => createFigureRegistry([{ id: 'x', label: 'X', figures: [fig('x.a'), fig('x.a')] }])).toThrow(/defined twice/);
    expect(() => createFigureRegistry([{ id: 'x', label: 'X', figures: [fig('Bad id')] }])).toThrow(/not of the form/);
    expect(() => createFigureRegistry([{ id: 'x', label: 'X', figures: [{ ...fig('x.b'), definition: ' ' }] }])).toThrow(/no definition/);
    expect(() => createFigureRegistry([{ id: 'x', label: 'X', figures: [fig('x.c', 'y')] }])).toThrow(/listed under/);
  });
  it('lists every office figure once with its 口径, area by area', () => {
    const ids = OFFICE_FIGURES.figures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(OFFICE_FIGURES.areas.map((a) => a.id)).toEqual(['cases', 'refunds', 'petitions', 'screening', 'clues']);
    expect(OFFICE_FIGURES.get('refunds.rate')?.label).toBe('总体清退率');
  });
  it('shows a failing figure’s message instead of taking the others down', () => {
    const broken: FigureDefinition = { ...fig('x.broken'), compute: () => { throw new RangeError('受理日期早于收到日期'); } };
    const r = computeOne(broken, recordsOf({ districts: [] }), createScope({ from: '2020-01-01', to: '2020-12-31' }, '2021-01-01'));
    expect(r).toMatchObject({ value: null, unavailable: '无法计算：受理日期早于收到日期' });
  });
});
