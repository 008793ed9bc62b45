// Reads the records input for a period (the period and the same period a year before), rebuilds the
// refund facts of cases that changed since they were last built, and computes the figures. Marks
// 'figures:load' and 'figures:compute' for the benchmark (performance.getEntriesByName).
import { useEffect, useMemo, useState } from 'react';
import { withReceivedRecords } from '../../../core/exchange/figure-records';
import { computeFigures, type FigureRow, previousYearPeriod } from '../../../core/figures/compute';
import { filterRecords } from '../../../core/figures/filter';
import { OFFICE_FIGURES } from '../../../core/figures/office-figures';
import type { FigurePetition, FigureRecords } from '../../../core/figures/records';
import type { FigurePeriod } from '../../../core/figures/types';
import { useApp } from '../../app/app-context';
import { runInWorker } from '../repayment/repayment-client';

export interface FigureData {
  /** Everything read so far (petitions empty until they are read: see pendingAreas). */
  readonly records: FigureRecords | null;
  /** The records of the chosen district only (or all of them). */
  readonly scoped: FigureRecords | null;
  readonly rows: readonly FigureRow[];
  readonly error: string | null;
  /** Areas whose records are still being read: their figures are not shown yet. */
  readonly pendingAreas: ReadonlySet<string>;
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

const NOTHING_PENDING: ReadonlySet<string> = new Set();
const PETITIONS_PENDING: ReadonlySet<string> = new Set(['petitions']);

/**
 * In three steps, so the first screen does not wait for the slowest read: cases and the last refund
 * facts (the case and refund figures show), then the period's petitions, then a check that no case's
 * refund facts are out of date (rebuilt if they are, the refund figures marked meanwhile).
 */
export function useFigureData(period: FigurePeriod, district: string | null | undefined, today: string): FigureData {
  const { repos } = useApp();
  const [base, setBase] = useState<FigureRecords | null>(null);
  const [petitions, setPetitions] = useState<FigurePetition[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState<FigureData['refreshing']>(null);
  const range = useMemo(() => ({ from: previousYearPeriod(period).from, to: period.to }), [period]);

  useEffect(() => {
    let alive = true;
    setPetitions(null);
    (async () => {
      const t0 = performance.now();
      const first = await repos.figures.loadWithoutPetitions();
      measure('figures:load', t0);
      if (!alive) return;
      setBase(first);
      const read = await repos.figures.loadPetitions(range, first);
      if (!alive) return;
      setPetitions(read);
      measure('figures:petitions', t0);
      const stale = await repos.figures.staleRefundFacts();
      if (!alive || stale.length === 0) return;
      setRefreshing({ done: 0, total: stale.length });
      // In the repayment worker: a changed case's facts are rebuilt from its whole register.
      await runInWorker(repos, { kind: 'refreshRefundFacts', caseIds: stale }, ({ done, total }) => alive && setRefreshing({ done, total }));
      const again = await repos.figures.loadWithoutPetitions();
      if (!alive) return;
      setBase(again);
      setRefreshing(null);
    })().catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      alive = false;
    };
  }, [repos, range]);

  // The city office adds what its districts reported (报送), each record marked with its office.
  const [received, setReceived] = useState<Awaited<ReturnType<typeof repos.exchange.figureRecords>> | null>(null);
  useEffect(() => {
    void repos.exchange.figureRecords().then(setReceived, () => setReceived(null));
  }, [repos]);
  const records = useMemo(
    () => (base ? withReceivedRecords({ ...base, petitions: petitions ?? [] }, received?.records ?? [], received?.districts ?? []) : null),
    [base, petitions, received],
  );
  const scoped = useMemo(() => (records && district !== undefined ? filterRecords(records, { district }) : records), [records, district]);
  const rows = useMemo(() => {
    if (!scoped) return [];
    const t0 = performance.now();
    const out = computeFigures(OFFICE_FIGURES.figures, scoped, period, today);
    measure('figures:compute', t0);
    return out;
  }, [scoped, period, today]);
  return { records, scoped, rows, error, refreshing, pendingAreas: petitions === null ? PETITIONS_PENDING : NOTHING_PENDING };
}
