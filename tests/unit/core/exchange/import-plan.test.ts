import { beforeAll, describe, expect, it } from 'vitest';
import {
  type HeldPackage,
  type HeldRecord,
  isExchangeError,
  openPackage,
  planCounts,
  planImport,
  recordContentHash,
  recordKey,
} from '../../../../renderer/src/core/exchange';
import { HUANCUI, makeOffices, type Offices, samplePackage, sampleRecords, trustedOf } from './exchange-fixture';

let offices: Offices;
beforeAll(async () => {
  offices = await makeOffices();
});

function held(officeId: string, records = sampleRecords(), periodKey = '2026-Q1', createdAt = '2026-04-05T02:00:00.000Z'): HeldRecord[] {
  return records.map((r) => ({ key: recordKey(officeId, r.kind, r.sourceId), kind: r.kind, contentHash: recordContentHash(r), periodKey, packageCreatedAt: createdAt }));
}

describe('planImport', () => {
  it('everything is new the first time', async () => {
    const pkg = await openPackage((await samplePackage(offices.huancui)).bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const plan = planImport(pkg.header, pkg.fileSha256, pkg.records, [], []);
    expect(planCounts(plan)).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0 });
    expect(plan.byKind.case?.added).toBe(2);
    expect(plan.added[0]?.key).toBe('office-huancui|case|case-1');
  });

  it('the same file again changes nothing', async () => {
    const pkg = await openPackage((await samplePackage(offices.huancui)).bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const before: HeldPackage[] = [{ fileSha256: pkg.fileSha256, periodKey: '2026-Q1', createdAt: pkg.header.createdAt }];
    const plan = planImport(pkg.header, pkg.fileSha256, pkg.records, held(HUANCUI.id), before);
    expect(plan.alreadyImported).toBe(true);
    expect(plan.added).toHaveLength(0);
    expect(plan.changed).toHaveLength(0);
    expect(plan.removed).toHaveLength(0);
  });

  it('a newer package of the same period shows changed and removed records', async () => {
    const edited = sampleRecords();
    const newer = [{ ...edited[0], data: { ...edited[0]?.data, stage: '侦查' } }, edited[2]].filter((r) => r !== undefined) as typeof edited;
    const file = await samplePackage(offices.huancui, { records: newer, createdAt: new Date('2026-04-08T02:00:00Z'), packageId: 'pkg-2' });
    const pkg = await openPackage(file.bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const before: HeldPackage[] = [{ fileSha256: 'older', periodKey: '2026-Q1', createdAt: '2026-04-05T02:00:00.000Z' }];
    const plan = planImport(pkg.header, pkg.fileSha256, pkg.records, held(HUANCUI.id), before);
    expect(planCounts(plan)).toEqual({ added: 0, changed: 1, unchanged: 1, removed: 1 });
    expect(plan.removed).toEqual(['office-huancui|case|case-2']);
  });

  it('an older package of a period after a newer one is refused (replay)', async () => {
    const pkg = await openPackage((await samplePackage(offices.huancui)).bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const before: HeldPackage[] = [{ fileSha256: 'newer', periodKey: '2026-Q1', createdAt: '2026-04-09T02:00:00.000Z' }];
    let message = '';
    try {
      planImport(pkg.header, pkg.fileSha256, pkg.records, held(HUANCUI.id), before);
    } catch (e) {
      if (isExchangeError(e)) message = `${e.code}: ${e.message}`;
    }
    expect(message).toBe(
      'REPLAYED_OLDER: 本机已导入「环翠区处非办」2026年第一季度较新的报送包（生成于 2026-04-09 10:00），此包生成于 2026-04-05 10:00，较旧，未导入。如需更正，请报送单位重新生成报送包。',
    );
  });

  it("records held from another office are never matched, changed or removed", async () => {
    const pkg = await openPackage((await samplePackage(offices.huancui)).bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const plan = planImport(pkg.header, pkg.fileSha256, pkg.records, held('office-wendeng'), []);
    expect(planCounts(plan)).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0 });
  });

  it('a record last written by a newer package of a later period is kept', async () => {
    const pkg = await openPackage((await samplePackage(offices.huancui)).bytes, { trusted: trustedOf(offices), maxSchemaVersion: 8 });
    const laterEdit = sampleRecords().map((r) => ({ ...r, data: { ...r.data, stage: '审判' } }));
    const plan = planImport(pkg.header, pkg.fileSha256, pkg.records, held(HUANCUI.id, laterEdit, '2026-Q2', '2026-07-05T00:00:00.000Z'), []);
    expect(plan.keptNewer).toBe(3);
    expect(plan.changed).toHaveLength(0);
  });
});
