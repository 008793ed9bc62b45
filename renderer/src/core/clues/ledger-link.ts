// The screening ledger (排查台账) seen from the monitoring side: a clue's subject or an advertiser is
// the ledger's firm with the same 统一社会信用代码, or, where either has no code, the same name
// (spaces and bracket widths aside), as the first-reporter rule compares subjects.
import { subjectKey } from './subject';

export interface LedgerFirm {
  readonly id: string;
  readonly name: string;
  /** '' when the ledger has no code for the firm yet (待补充). */
  readonly creditCode: string;
}

export interface LedgerLookup {
  readonly byCode: ReadonlyMap<string, LedgerFirm>;
  readonly byName: ReadonlyMap<string, LedgerFirm>;
}

function nameKey(name: string): string {
  return subjectKey({ kind: 'firm', name, creditCode: null });
}

export function buildLedgerLookup(firms: readonly LedgerFirm[]): LedgerLookup {
  const byCode = new Map<string, LedgerFirm>();
  const byName = new Map<string, LedgerFirm>();
  for (const f of firms) {
    if (f.creditCode) byCode.set(f.creditCode, f);
    const key = nameKey(f.name);
    if (!byName.has(key)) byName.set(key, f);
  }
  return { byCode, byName };
}

/** The ledger's firm for a subject or advertiser, or null when the ledger does not hold it. */
export function ledgerFirmFor(lookup: LedgerLookup, subject: { readonly name: string; readonly creditCode: string | null }): LedgerFirm | null {
  if (subject.creditCode) {
    const byCode = lookup.byCode.get(subject.creditCode);
    if (byCode) return byCode;
  }
  const byName = lookup.byName.get(nameKey(subject.name));
  // Two different codes are two different firms, whatever the names say.
  if (!byName || (subject.creditCode && byName.creditCode && byName.creditCode !== subject.creditCode)) return null;
  return byName;
}

/** Up to `limit` ledger firms whose name or code contains the typed text (the clue form's picker). */
export function searchLedger(firms: readonly LedgerFirm[], text: string, limit = 8): LedgerFirm[] {
  const needle = text.trim().toUpperCase();
  if (needle === '') return [];
  const out: LedgerFirm[] = [];
  for (const f of firms) {
    if (f.name.toUpperCase().includes(needle) || (f.creditCode !== '' && f.creditCode.includes(needle))) {
      out.push(f);
      if (out.length >= limit) break;
    }
  }
  return out;
}
