// The screening ledger as the figures read it (core/figures FigureFirm): each firm with its records,
// dispositions and risk-ledger spells. Used by the app (from IndexedDB) and the CLI (from a backup).
import { officeIsoDate } from '../common/office-time';
import type { FigureFirm } from '../figures/records';
import type { Disposition, Firm, RiskEntry, ScreeningRecord } from './types';

export function figureFirmsOf(
  firms: readonly Firm[],
  records: readonly ScreeningRecord[],
  dispositions: readonly Disposition[],
  risk: readonly RiskEntry[],
): FigureFirm[] {
  const group = <T extends { readonly firmId: string }>(list: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const x of list) {
      const l = out.get(x.firmId);
      if (l) l.push(x);
      else out.set(x.firmId, [x]);
    }
    return out;
  };
  const recordsOf = group(records);
  const dispositionsOf = group(dispositions);
  const riskOf = group(risk);
  return firms.map((f) => ({
    id: f.id,
    name: f.name,
    district: f.district || null,
    addedOn: f.createdAt ? officeIsoDate(new Date(f.createdAt)) : '',
    keywordHits: f.keywordHits,
    records: (recordsOf.get(f.id) ?? []).map((r) => ({ date: r.date, classification: r.classification })),
    dispositions: (dispositionsOf.get(f.id) ?? []).map((d) => ({ date: d.date, kind: d.kind })),
    risk: (riskOf.get(f.id) ?? []).map((e) => ({ since: e.since, removedOn: e.removed?.on ?? null })),
  }));
}
