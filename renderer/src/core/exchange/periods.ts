// Reporting periods (报送期间): months for the monthly screening, quarters for the summaries, a year
// for the annual figures. A period's key is what packages of the same period share; its due date
// decides what the city's overview shows as late (逾期) or missing (未报).
import { addDays } from '../calendar/iso-date';
import { periodLabelZh, periodOf } from '../figures/periods';
import type { ReportPeriod, ReportPeriodKind } from './types';

export function reportPeriod(kind: ReportPeriodKind, year: number, n = 1): ReportPeriod {
  if (kind === 'month') {
    const p = periodOf({ kind: 'month', year, month: n });
    return { kind, key: `${year}-${String(n).padStart(2, '0')}`, ...p, label: periodLabelZh(p) };
  }
  if (kind === 'quarter') {
    const p = periodOf({ kind: 'quarter', year, quarter: n as 1 | 2 | 3 | 4 });
    return { kind, key: `${year}-Q${n}`, ...p, label: periodLabelZh(p) };
  }
  const p = periodOf({ kind: 'year', year });
  return { kind, key: String(year), ...p, label: periodLabelZh(p) };
}

/** '2026-03', '2026-Q1', '2026' → the period, or null for anything else. */
export function periodFromKey(key: string): ReportPeriod | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return reportPeriod('month', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return reportPeriod('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(key);
  if (m) return reportPeriod('year', Number(m[1]));
  return null;
}

/** Due date of a period's package: 10 days after a month, 15 after a quarter, 31 after a year. */
export function reportDueDate(period: ReportPeriod): string {
  const grace = period.kind === 'month' ? 10 : period.kind === 'quarter' ? 15 : 31;
  return addDays(period.to, grace);
}

/** The periods of one kind in a year, in order. */
export function periodsOfYear(kind: ReportPeriodKind, year: number): ReportPeriod[] {
  if (kind === 'year') return [reportPeriod('year', year)];
  const n = kind === 'month' ? 12 : 4;
  return Array.from({ length: n }, (_, i) => reportPeriod(kind, year, i + 1));
}

export type ReportState = 'on-time' | 'late' | 'missing' | 'not-due';

/**
 * Whether an office reported a period: on time (received by the due date), late (received after it),
 * missing (due date passed, nothing received) or not yet due. `receivedOn` is the first receipt, in office time.
 */
export function reportState(period: ReportPeriod, receivedOn: string | null, today: string): ReportState {
  const due = reportDueDate(period);
  if (receivedOn !== null) return receivedOn <= due ? 'on-time' : 'late';
  return today > due ? 'missing' : 'not-due';
}

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  'on-time': '已报送',
  late: '逾期报送',
  missing: '未报送',
  'not-due': '未到期',
};

export function currentQuarter(today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return reportPeriod('quarter', year, Math.floor((month - 1) / 3) + 1);
}

