import { describe, expect, it } from 'vitest';
import { type ExchangeRecord, type RecordUpgrade, upgradeRecords } from '../../../../renderer/src/core/exchange';

// A package from an older schema is read through the numbered steps after its version, in order,
// up to this app's: the same numbering as the database's migrations.

const record: ExchangeRecord = { kind: 'case', sourceId: 'c1', district: '环翠区', data: { title: '甲案', steps: [] } };
const step =
  (n: number): RecordUpgrade =>
  (r) => ({ ...r, data: { ...r.data, steps: [...(r.data.steps as number[]), n] } });

describe('records of an older schema', () => {
  it('get every step after their version, in order, and none past this app', () => {
    const upgrades = { 10: step(10), 7: step(7), 9: step(9), 6: step(6) };
    expect(upgradeRecords([record], 6, 9, upgrades)[0]?.data.steps).toEqual([7, 9]);
    expect(upgradeRecords([record], 3, 9, upgrades)[0]?.data.steps).toEqual([6, 7, 9]);
  });

  it('of the current version are taken as they are', () => {
    expect(upgradeRecords([record], 9, 9, { 9: step(9) })).toEqual([record]);
  });
});
