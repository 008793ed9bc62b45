// Month-by-month series for the dashboard's charts, this period against the same months a year
// before, on the same definitions as the figures (filing date for new cases, received date for
// petitions; only days inside the period count, so a partial first or last month is partial).
import { formatRatePercent } from '../repayment/rate';
import { previousYearPeriod } from './compute';
import { monthsOf } from './periods';
import type { FigureRecords } from './records';
import { within } from './results';
import type { FigurePeriod } from './types';

export interface MonthlySeries {
  /** 'YYYY-MM' of this period's months. */
  readonly months: readonly string[];
  readonly current: readonly number[];
  readonly previous: readonly number[];
}

function monthly(period: FigurePeriod, dates: Iterable<{ date: string | null | undefined; weight: number }>): MonthlySeries {
  const months = monthsOf(period).map((m) => m.slice(0, 7));
  const prev = previousYearPeriod(period);
  const index = new Map(months.map((m, i) => [m, i]));
  const current = months.map(() => 0);
  const previous = months.map(() => 0);
  for (const { date, weight } of dates) {
    if (!date) continue;
    if (within(date, period.from, period.to)) {
      const i = index.get(date.slice(0, 7));
      if (i !== undefined) current[i] = (current[i] as number) + weight;
    } else if (within(date, prev.from, prev.to)) {
      const i = index.get(`${Number(date.slice(0, 4)) + 1}${date.slice(4, 7)}`);
      if (i !== undefined) previous[i] = (previous[i] as number) + weight;
    }
  }
  return { months, current, previous };
}

export function newCasesByMonth(records: FigureRecords, period: FigurePeriod): { count: MonthlySeries; amountFen: MonthlySeries } {
  return {
    count: monthly(period, records.cases.map((c) => ({ date: c.filedDate, weight: 1 }))),
    amountFen: monthly(period, records.cases.map((c) => ({ date: c.filedDate, weight: c.amountInvolvedFen ?? 0 }))),
  };
}

export function petitionsByMonth(records: FigureRecords, period: FigurePeriod): { batches: MonthlySeries; personTimes: MonthlySeries } {
  return {
    batches: monthly(period, records.petitions.map((p) => ({ date: p.receivedOn, weight: 1 }))),
    personTimes: monthly(period, records.petitions.map((p) => ({ date: p.receivedOn, weight: p.personCount }))),
  };
}

export interface CaseRefundProgress {
  readonly caseId: string;
  readonly eligibleNetClaimFen: number;
  readonly paidToEligibleFen: number;
  /** Truncated to two decimals, as on the case page ("45.00%"). */
  readonly rate: string;
}

/** Each case's refund progress to the period's end, largest claims first (the chart shows the top). */
export function refundProgress(records: FigureRecords, period: FigurePeriod): CaseRefundProgress[] {
  return records.refunds
    .filter((f) => f.eligibleNetClaimFen > 0)
    .map((f) => {
      const paid = f.batches.reduce((s, b) => (b.date <= period.to ? s + b.paidToEligibleFen : s), 0);
      return { caseId: f.caseId, eligibleNetClaimFen: f.eligibleNetClaimFen, paidToEligibleFen: paid, rate: formatRatePercent(paid, f.eligibleNetClaimFen) };
    })
    .sort((a, b) => b.eligibleNetClaimFen - a.eligibleNetClaimFen || a.caseId.localeCompare(b.caseId));
}
