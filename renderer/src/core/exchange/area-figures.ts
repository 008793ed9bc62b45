// The figures of the areas built after the first release, as a package carries them: 排查 (the
// screening ledger, in the figures' shape) and 线索监测 (clues, rewards, adverts, advert actions,
// risk notices). They travel as the records the 统计 figures count, not as computed figures, so the
// city computes every period, district and rate itself and sums its offices with its own. One
// package record per list (an office may hold 100,000 adverts; a record each would be most of the
// package): sourceId 'firms' for screening, the list's type for monitoring.
import type { MonitoringRecord } from '../clues/figure-records';
import type { FigureFirm } from '../figures/records';
import type { ExchangeRecord } from './types';

export const SCREENING_KIND = 'screening';
export const MONITORING_KIND = 'monitoring';

const MONITORING_TYPES = ['clue', 'reward', 'advert', 'action', 'notice'] as const;

/** Package records for the areas' figures; a list the office has nothing in is not sent. */
export function areaFigureRecords(parts: { readonly monitoring: readonly MonitoringRecord[]; readonly firms: readonly FigureFirm[] }): ExchangeRecord[] {
  const out: ExchangeRecord[] = [];
  if (parts.firms.length > 0) out.push({ kind: SCREENING_KIND, sourceId: 'firms', district: null, data: { count: parts.firms.length, items: parts.firms } });
  for (const type of MONITORING_TYPES) {
    const items = parts.monitoring.filter((m) => m.type === type);
    if (items.length > 0) out.push({ kind: MONITORING_KIND, sourceId: type, district: null, data: { type, count: items.length, items } });
  }
  return out;
}

/** The items of a received area record, each marked with its office (ids prefixed so offices never collide). */
export function receivedAreaItems(office: string, kind: string, data: Readonly<Record<string, unknown>>): { firms: FigureFirm[]; monitoring: MonitoringRecord[] } {
  const items = Array.isArray(data.items) ? (data.items as Record<string, unknown>[]) : [];
  if (kind === SCREENING_KIND) return { firms: items.map((f) => ({ ...(f as unknown as FigureFirm), id: `${office}|${String(f.id)}`, office })), monitoring: [] };
  if (kind === MONITORING_KIND) return { firms: [], monitoring: items.map((m) => ({ ...(m as unknown as MonitoringRecord), id: `${office}|${String(m.id)}`, office })) };
  return { firms: [], monitoring: [] };
}
