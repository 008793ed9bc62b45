// Where the dashboard is, in the address (so a reload or Back returns to the same view):
// #/dashboard                                  this year, every district
// #/dashboard/p/<from>/<to>[/<district>]       a period (and district)
// #/dashboard/records/<figureId>/<from>/<to>[/<district>]   the records behind one figure
// The unassigned district (records linked to no district) is written as "-".
import { checkPeriod } from '../../../core/figures/periods';
import type { FigurePeriod } from '../../../core/figures/types';
import type { Route } from '../../app/routes';

export interface DashboardView {
  readonly period: FigurePeriod;
  /** undefined: every district; null: records belonging to no district. */
  readonly district: string | null | undefined;
  readonly figureId?: string;
}

const UNASSIGNED = '-';

export function thisYear(today: string): FigurePeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

export function parseDashboardRest(rest: readonly string[], today: string): DashboardView {
  const [kind, a, b, c, d] = rest;
  const district = (x: string | undefined) => (x === undefined ? undefined : x === UNASSIGNED ? null : x);
  if (kind === 'p' && a && b && !checkPeriod({ from: a, to: b })) return { period: { from: a, to: b }, district: district(c) };
  if (kind === 'records' && a && b && c && !checkPeriod({ from: b, to: c })) return { period: { from: b, to: c }, district: district(d), figureId: a };
  return { period: thisYear(today), district: undefined };
}

export function dashboardRoute(view: DashboardView): Route {
  const tail = view.district === undefined ? [] : [view.district ?? UNASSIGNED];
  const rest = view.figureId ? ['records', view.figureId, view.period.from, view.period.to, ...tail] : ['p', view.period.from, view.period.to, ...tail];
  return { area: 'dashboard', rest };
}
