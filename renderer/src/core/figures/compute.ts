// Computing a figure set for a period and the same period a year before, for the office as a whole
// and district by district. One scope per (records, period) lets figures share intermediate work.
import { shiftYears } from '../calendar/iso-date';
import { type FigureChange, figureChange } from './change';
import { districtColumns, filterRecords } from './filter';
import type { FigureRecords } from './records';
import type { FigureDefinition, FigurePeriod, FigureResult, FigureScope } from './types';

export interface FigureRow {
  readonly figure: FigureDefinition;
  readonly current: FigureResult;
  readonly previous: FigureResult;
  readonly change: FigureChange;
}

/** Both ends back one year (29 February → 28 February). */
export function previousYearPeriod(p: FigurePeriod): FigurePeriod {
  return { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) };
}

export function createScope(period: FigurePeriod, asOf: string): FigureScope {
  const memo = new Map<string, unknown>();
  return {
    period,
    asOf,
    shared<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
  };
}

/**
 * One figure for one period. A figure that fails on bad stored data (e.g. a petition whose dates
 * contradict each other) shows its message instead of taking the whole dashboard down.
 */
export function computeOne(figure: FigureDefinition, records: FigureRecords, scope: FigureScope): FigureResult {
  try {
    return figure.compute(records, scope);
  } catch (e) {
    return { value: null, unavailable: `无法计算：${e instanceof Error ? e.message : String(e)}`, records: [], recordCount: 0 };
  }
}

export function computeFigures(
  figures: readonly FigureDefinition[],
  records: FigureRecords,
  period: FigurePeriod,
  asOf: string,
): FigureRow[] {
  const now = createScope(period, asOf);
  const before = createScope(previousYearPeriod(period), asOf);
  return figures.map((figure) => {
    const current = computeOne(figure, records, now);
    const previous = computeOne(figure, records, before);
    return { figure, current, previous, change: figureChange(figure.unit, current, previous) };
  });
}

export interface DistrictTable {
  /** One column per district (null = records belonging to no district). */
  readonly columns: readonly (string | null)[];
  /** Per figure id, one result per column (current period only). */
  readonly cells: ReadonlyMap<string, readonly FigureResult[]>;
}

export function computeByDistrict(
  figures: readonly FigureDefinition[],
  records: FigureRecords,
  period: FigurePeriod,
  asOf: string,
): DistrictTable {
  const columns = districtColumns(records);
  const cells = new Map<string, FigureResult[]>(figures.map((f) => [f.id, []]));
  for (const district of columns) {
    const part = filterRecords(records, { district });
    const scope = createScope(period, asOf);
    for (const f of figures) cells.get(f.id)?.push(computeOne(f, part, scope));
  }
  return { columns, cells };
}
