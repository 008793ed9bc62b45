// How a figure's value is written on the dashboard and in the export: counts with their unit
// (13 起), money the way the report writes it (1.38亿元) with the exact amount alongside, rates to
// one decimal (81.0%), and "—" where there is nothing to show.
import { formatFen } from '../money/format-money';
import type { FigureResult, FigureUnit } from './types';
import { amountZh } from './wording';

export const UNIT_ZH: Readonly<Record<FigureUnit, string>> = {
  cases: '起',
  persons: '人',
  batches: '批',
  personTimes: '人次',
  districts: '个',
  items: '条',
  entities: '个',
  issues: '期',
  days: '天',
  fen: '元',
  rate: '%',
  firms: '家',
  firmVisits: '家次',
  measures: '项',
};

/** A count with thousands separators as every figure writes it (1,203): the dashboard, its records, the case page. */
export function groupedCount(n: number): string {
  return n.toLocaleString('en-US');
}

function tenthsPercent(tenths: number): string {
  const a = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(a / 10)}.${a % 10}%`;
}

export function formatValue(unit: FigureUnit, r: FigureResult): string {
  if (r.value === null) return '—';
  if (unit === 'rate') return tenthsPercent(r.value);
  if (unit === 'fen') return amountZh(r.value);
  return `${groupedCount(r.value)}${UNIT_ZH[unit]}`;
}

/** The exact value in words for a tooltip: 138,000,000.00 元; a rate with what it divides. */
export function exactValue(unit: FigureUnit, r: FigureResult): string {
  if (r.value === null) return r.unavailable ?? '—';
  if (unit === 'fen') return `${formatFen(r.value)} 元`;
  if (unit === 'rate' && r.ratio) return `${tenthsPercent(r.value)}（${groupedCount(r.ratio.numerator)} / ${groupedCount(r.ratio.denominator)}）`;
  return formatValue(unit, r);
}

/** A spreadsheet cell: counts as integers, money in 元 with two decimals, rates as a percent number. */
export function cellValue(unit: FigureUnit, r: FigureResult): number | string {
  if (r.value === null) return '—';
  if (unit === 'fen') return Number((r.value / 100).toFixed(2));
  if (unit === 'rate') return r.value / 10;
  return r.value;
}
