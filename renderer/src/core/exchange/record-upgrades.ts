// Packages from an older schema are read through the same numbered versions as the database: each
// schema version that changes the shape of an exchanged record adds a step here (keyed by the
// version that introduced the change), and a package of version N gets every step after N, in order.
// Versions 1–8 changed no exchanged record's shape (they added tables), so there is no step yet.
// A case record's `registerCounts` (issue 17) came without a schema version: its absence is the
// older package's own answer ("not known"), read as such in register-counts.ts, not upgraded here.
import type { ExchangeRecord } from './types';

export type RecordUpgrade = (record: ExchangeRecord) => ExchangeRecord;

export const RECORD_UPGRADES: Readonly<Record<number, RecordUpgrade>> = {};

export function upgradeRecords(records: readonly ExchangeRecord[], fromSchema: number, toSchema: number, upgrades = RECORD_UPGRADES): ExchangeRecord[] {
  const steps = Object.keys(upgrades)
    .map(Number)
    .filter((v) => v > fromSchema && v <= toSchema)
    .sort((a, b) => a - b)
    .map((v) => upgrades[v])
    .filter((s): s is RecordUpgrade => s !== undefined);
  return steps.length === 0 ? [...records] : records.map((r) => steps.reduce((acc, step) => step(acc), r));
}
