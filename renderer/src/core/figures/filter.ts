// One district's (or one office's) share of the records: every record set carries `district` and
// `office`, so the same filter serves every area, and a figure computed on the filtered input is
// that district's figure by construction.
import type { FigureRecords, Located } from './records';

type RecordSetKey = {
  [K in keyof FigureRecords]: FigureRecords[K] extends readonly Located[] ? K : never;
}[keyof FigureRecords];

// Listing the keys as an object makes the compiler refuse a new record set that is not filtered.
const RECORD_SET_KEYS: Readonly<Record<RecordSetKey, true>> = { cases: true, petitions: true, refunds: true, monitoring: true, firms: true };
export const RECORD_SETS = Object.keys(RECORD_SET_KEYS) as readonly RecordSetKey[];

export interface RecordFilter {
  /** A district name, or null for records that belong to none (e.g. petitions not linked to a case). */
  readonly district?: string | null;
  readonly office?: string;
}

export function filterRecords(records: FigureRecords, filter: RecordFilter): FigureRecords {
  const { district, office } = filter;
  if (district === undefined && office === undefined) return records;
  const keep = (r: Located): boolean => (district === undefined || r.district === district) && (office === undefined || r.office === office);
  const out: Record<string, unknown> = { ...records };
  for (const key of RECORD_SETS) out[key] = (records[key] as readonly Located[]).filter(keep);
  // 零发案区县 is then computed over this district alone (or over none for unassigned records).
  if (district !== undefined) out.districts = district === null ? [] : [district];
  return out as unknown as FigureRecords;
}

/**
 * The districts to show one column each for: the office's list first, then any other district a
 * record names (a case filed under a district since removed from settings still has to be seen),
 * and null last when some records belong to no district.
 */
export function districtColumns(records: FigureRecords): (string | null)[] {
  const seen = new Set<string>(records.districts);
  const extra = new Set<string>();
  let unassigned = false;
  for (const key of RECORD_SETS) {
    for (const r of records[key] as readonly Located[]) {
      if (r.district === null) unassigned = true;
      else if (!seen.has(r.district)) extra.add(r.district);
    }
  }
  return [...records.districts, ...[...extra].sort((a, b) => a.localeCompare(b, 'zh-CN')), ...(unassigned ? [null] : [])];
}
