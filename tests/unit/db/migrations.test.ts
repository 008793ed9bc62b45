import { describe, expect, it } from 'vitest';
import { recordContentHash } from '../../../renderer/src/core/exchange/import-plan';
import { encodeRecordBlock } from '../../../renderer/src/core/exchange/record-blocks';
import { WorkstationDb } from '../../../renderer/src/db/database';
import type { Migration } from '../../../renderer/src/db/migrations/migration';
import { assertMigrationsInOrder, CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../renderer/src/db/schema';

// Each later migration adds a case here: rows in the previous version's shape, and what they must
// look like after the upgrade. The loop below opens version N-1, writes them, reopens at N, compares.
const UPGRADE_CASES: Record<number, { before: Record<string, unknown[]>; after: Record<string, unknown[]> }> = {
  // 002: blocks become generation 0 of their case, creditors get cids, each case gets its pointer.
  2: {
    before: {
      creditorBlocks: [
        {
          id: 'case-1#0',
          caseId: 'case-1',
          seq: 0,
          creditors: [
            { name: '张三', idNumber: '11010519491231002X', principalFen: 100_000, returnedFen: 30_000, netClaimFen: 70_000 },
            { name: '李四', idNumber: '110105194912310021', principalFen: 50_000, returnedFen: 0, netClaimFen: 50_000 },
          ],
        },
      ],
    },
    after: {
      creditorBlocks: [
        {
          id: 'case-1#0',
          caseId: 'case-1',
          seq: 0,
          generation: 0,
          creditors: [
            { cid: '1', name: '张三', idNumber: '11010519491231002X', principalFen: 100_000, returnedFen: 30_000, netClaimFen: 70_000 },
            { cid: '2', name: '李四', idNumber: '110105194912310021', principalFen: 50_000, returnedFen: 0, netClaimFen: 50_000 },
          ],
        },
      ],
      creditorRegisters: [
        {
          caseId: 'case-1',
          generation: 0,
          count: 2,
          totals: { principalFen: 150_000, returnedFen: 30_000, netClaimFen: 120_000 },
          nextCid: 3,
          updatedAt: expect.any(String),
        },
      ],
    },
  },
  // 003: the users table arrives empty (the app asks for the first 管理员); audit entries and the
  // typed operator name are kept exactly as they were; the app lock's own passphrase hash goes.
  3: {
    before: {
      settings: [
        { id: 'app', value: { officeName: '威海市处非办', operatorName: '林淼' } },
        { id: 'app-lock', value: { enabled: true, idleMinutes: 5, secret: { algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: 'c2FsdA==', hash: 'aGFzaA==' } } },
      ],
      audit: [{ seq: 1, at: '2026-01-01T00:00:00.000Z', operator: '林淼', action: 'settings', entity: 'settings', entityId: 'app', before: null, after: {}, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) }],
    },
    after: {
      settings: [
        { id: 'app', value: { officeName: '威海市处非办', operatorName: '林淼' } },
        { id: 'app-lock', value: { enabled: true, idleMinutes: 5 } },
      ],
      audit: [{ seq: 1, at: '2026-01-01T00:00:00.000Z', operator: '林淼', action: 'settings', entity: 'settings', entityId: 'app', before: null, after: {}, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) }],
      users: [],
    },
  },
  // 004: the screening tables arrive empty; nothing else changes (cases stay as they were).
  4: {
    before: { cases: [{ id: 'case-1', title: '某某公司非法吸收公众存款案' }] },
    after: {
      cases: [{ id: 'case-1', title: '某某公司非法吸收公众存款案' }],
      firms: [],
      screeningRounds: [],
      screeningRecords: [],
      firmDispositions: [],
      riskLedger: [],
      screeningScans: [],
      keywordChecks: [],
      firmImports: [],
    },
  },
  // 005: clue and monitoring tables start empty; existing rows (a case here) are untouched.
  5: {
    before: { cases: [{ id: 'case-1', caseNumber: 'A1', stage: '立案', district: '环翠区', sector: '养老', filedDate: '2020-01-01', updatedAt: 'x' }] },
    after: {
      cases: [{ id: 'case-1', caseNumber: 'A1', stage: '立案', district: '环翠区', sector: '养老', filedDate: '2020-01-01', updatedAt: 'x' }],
      clues: [],
      clueReporters: [],
      clueCounters: [],
      clueRewards: [],
      adverts: [],
      advertImports: [],
      advertActions: [],
      riskNotices: [],
    },
  },
  // 006: the exchange tables start empty; the settings (where the identity will live) are untouched.
  6: {
    before: { settings: [{ id: 'app', value: { officeName: '环翠区处非办', districts: ['环翠区'] } }] },
    after: { settings: [{ id: 'app', value: { officeName: '环翠区处非办', districts: ['环翠区'] } }], exchangeOffices: [], exchangePackages: [], exchangeRecords: [] },
  },
  // 007: petition counters start empty; petitions registered before keep their rows unchanged.
  7: {
    before: {
      petitions: [{ id: 'p-1', caseId: null, receivedDate: '2026-03-02', status: '登记', level: '到县区', body: { id: 'p-1', registerNo: '威信〔2026〕88号' } }],
    },
    after: {
      petitions: [{ id: 'p-1', caseId: null, receivedDate: '2026-03-02', status: '登记', level: '到县区', body: { id: 'p-1', registerNo: '威信〔2026〕88号' } }],
      petitionCounters: [],
    },
  },
  // 008: the dashboard's refund facts cache starts empty; existing rows are untouched.
  8: {
    before: { cases: [{ id: 'case-1', caseNumber: 'A1', stage: '立案', district: '环翠区', sector: '养老', filedDate: '2020-01-01', updatedAt: 'x' }] },
    after: { cases: [{ id: 'case-1', caseNumber: 'A1', stage: '立案', district: '环翠区', sector: '养老', filedDate: '2020-01-01', updatedAt: 'x' }], figureFacts: [] },
  },
  // 009: received records move into blocks of one office and kind, with
  // their content hashes computed again; the one-row-per-record table is dropped.
  9: {
    before: {
      exchangeRecords: [
        { key: 'office-a|case|c1', office: 'office-a', officeName: '环翠区处非办', kind: 'case', sourceId: 'c1', district: '环翠区', periodKey: '2026-Q4', packageSha256: 'f1', packageCreatedAt: '2026-12-01T00:00:00.000Z', contentHash: 'old-sha', data: { id: 'c1', title: '甲案' } },
        { key: 'office-a|case|c2', office: 'office-a', officeName: '环翠区处非办', kind: 'case', sourceId: 'c2', district: '环翠区', periodKey: '2026-Q4', packageSha256: 'f1', packageCreatedAt: '2026-12-01T00:00:00.000Z', contentHash: 'old-sha', data: { id: 'c2', title: '乙案' } },
        { key: 'office-b|petition|p1', office: 'office-b', officeName: '文登区处非办', kind: 'petition', sourceId: 'p1', district: null, periodKey: '2026-11', packageSha256: 'f2', packageCreatedAt: '2026-12-02T00:00:00.000Z', contentHash: 'old-sha', data: { id: 'p1' } },
      ],
    },
    after: {
      exchangeRecordBlocks: [
        encodeRecordBlock({
          id: 'office-a|case|0',
          office: 'office-a',
          officeName: '环翠区处非办',
          kind: 'case',
          seq: 0,
          records: [
            { sourceId: 'c1', district: '环翠区', periodKey: '2026-Q4', packageSha256: 'f1', packageCreatedAt: '2026-12-01T00:00:00.000Z', contentHash: recordContentHash({ district: '环翠区', data: { id: 'c1', title: '甲案' } }), data: { id: 'c1', title: '甲案' } },
            { sourceId: 'c2', district: '环翠区', periodKey: '2026-Q4', packageSha256: 'f1', packageCreatedAt: '2026-12-01T00:00:00.000Z', contentHash: recordContentHash({ district: '环翠区', data: { id: 'c2', title: '乙案' } }), data: { id: 'c2', title: '乙案' } },
          ],
        }),
        encodeRecordBlock({
          id: 'office-b|petition|0',
          office: 'office-b',
          officeName: '文登区处非办',
          kind: 'petition',
          seq: 0,
          records: [{ sourceId: 'p1', district: null, periodKey: '2026-11', packageSha256: 'f2', packageCreatedAt: '2026-12-02T00:00:00.000Z', contentHash: recordContentHash({ district: null, data: { id: 'p1' } }), data: { id: 'p1' } }],
        }),
      ],
    },
  },
};

describe('schema migrations', () => {
  it('are numbered 1, 2, 3 … and refuse to run out of order', () => {
    expect(() => assertMigrationsInOrder(MIGRATIONS)).not.toThrow();
    const skipped: Migration[] = [{ version: 2, name: 'x', stores: {} }];
    expect(() => assertMigrationsInOrder(skipped)).toThrow(/expected 1/);
  });

  it('open an empty database at the current version with every domain table', async () => {
    const db = new WorkstationDb(`mig-${Math.random()}`);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'allocationBlocks',
        'attachments',
        'audit',
        'cases',
        'advertActions',
        'advertImports',
        'adverts',
        'clueCounters',
        'clueReporters',
        'clueRewards',
        'clues',
        'creditorBlocks',
        'creditorImports',
        'creditorRegisters',
        'documentCounters',
        'documentTemplates',
        'documents',
        'exchangeOffices',
        'exchangePackages',
        'exchangeRecordBlocks',
        'figureFacts',
        'fundReceipts',
        'mediationSessions',
        'parties',
        'paymentResults',
        'petitionCounters',
        'petitions',
        'repaymentBatches',
        'repaymentPlans',
        'riskNotices',
        'settings',
        'users',
        'firms',
        'screeningRounds',
        'screeningRecords',
        'firmDispositions',
        'riskLedger',
        'screeningScans',
        'keywordChecks',
        'firmImports',
      ].sort(),
    );
    db.close();
  });

  it('has an upgrade test for every version after the first', () => {
    const versionsNeedingCases = MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version);
    expect(versionsNeedingCases.filter((v) => !(v in UPGRADE_CASES))).toEqual([]);
  });

  for (const [version, fixture] of Object.entries(UPGRADE_CASES)) {
    it(`upgrades version ${Number(version) - 1} rows to version ${version} without losing any`, async () => {
      const name = `mig-up-${version}-${Math.random()}`;
      const old = new WorkstationDb(name, MIGRATIONS.slice(0, Number(version) - 1));
      await old.open();
      for (const [table, rows] of Object.entries(fixture.before)) await old.table(table).bulkAdd(rows);
      old.close();
      const upgraded = new WorkstationDb(name, MIGRATIONS.slice(0, Number(version)));
      await upgraded.open();
      for (const [table, rows] of Object.entries(fixture.after)) expect(await upgraded.table(table).toArray()).toEqual(rows);
      upgraded.close();
    });
  }
});
