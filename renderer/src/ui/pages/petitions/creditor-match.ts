// Finding a petitioner among a case's creditors (often thousands): by part of the name, or by the
// ID number from its start or its last digits, as staff read them off a petitioner's card.
import type { StoredCreditor } from '../../../db/repositories/creditor-types';

export const CREDITOR_MATCH_LIMIT = 8;

export function matchCreditors(creditors: readonly StoredCreditor[], query: string, limit: number = CREDITOR_MATCH_LIMIT): { matches: StoredCreditor[]; more: boolean } {
  const q = query.trim().toUpperCase();
  if ([...q].length < 2) return { matches: [], more: false };
  const idLike = /^[0-9A-Z]{4,}$/.test(q);
  const matches: StoredCreditor[] = [];
  for (const c of creditors) {
    const hit = c.name.toUpperCase().includes(q) || (idLike && (c.idNumber.startsWith(q) || c.idNumber.endsWith(q)));
    if (!hit) continue;
    if (matches.length === limit) return { matches, more: true };
    matches.push(c);
  }
  return { matches, more: false };
}
