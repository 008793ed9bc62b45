// Reads the records input for a period (the period and the same period a year before), rebuilds the
// refund facts of cases that changed since they were last built, and computes the figures. Marks
// 'figures:load' and 'figures:compute' for the benchmark (performance.getEntriesByName).
import { useEffect, useMemo, useState } from 'react';
import { computeFigures, type FigureRow, previousYearPeriod } from '../../../core/figures/compute';
import { filterRecords } from '../../../core/figures/filter';
import { OFFICE_FIGURES } from '../../../core/figures/office-figures';
import type { FigureRecords } from '../../../core/figures/records';
import type { FigurePeriod } from '../../../core/figures/types';
import { useApp } from '../../app/app-context';

export interface FigureData {
  readonly records: FigureRecords | null;
  /** The records of the chosen district only (or all of them). */
  readonly scoped: FigureRecords | null;
  readonly rows: readonly FigureRow[];
  readonly error: string | null;
  /** Refund facts being rebuilt: refund figures are not yet current. */
  readonly refreshing: { readonly done: number; readonly total: number } | null;
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // measuring is for the benchmark only
  }
}

export function useFigureData(period: FigurePeriod, district: string | null | undefined, today: string): FigureData {
  const { repos } = useApp();
  const [records, setRecords] = useState<FigureRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState<FigureData['refreshing']>(null);
  const range = useMemo(() => ({ from: previousYearPeriod(period).from, to: period.to }), [period]);

  useEffect(() => {
    let alive = true;
    (async () => {
      const t0 = performance.now();
      const loaded = await repos.figures.load(range);
      measure('figures:load', t0);
      if (!alive) return;
      setRecords(loaded.records);
      if (loaded.staleCases.length === 0) return;
      setRefreshing({ done: 0, total: loaded.staleCases.length });
      await repos.figures.refreshRefundFacts(loaded.staleCases, (done, total) => alive && setRefreshing({ done, total }));
      const again = await repos.figures.load(range);
      if (!alive) return;
      setRecords(again.records);
      setRefreshing(null);
    })().catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
    };
  }, [repos, range]);

  const scoped = useMemo(() => (records && district !== undefined ? filterRecords(records, { district }) : records), [records, district]);
  const rows = useMemo(() => {
    if (!scoped) return [];
    const t0 = performance.now();
    const out = computeFigures(OFFICE_FIGURES.figures, scoped, period, today);
    measure('figures:compute', t0);
    return out;
  }, [scoped, period, today]);
  return { records, scoped, rows, error, refreshing };
}
