import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { prepareDatabase, probeDatabase, recordAppVersion } from '../../../renderer/src/db/backup/prepare-database';
import { commitStagedRestore, inspectForRestore, type RestoreNames, stageBackup } from '../../../renderer/src/db/backup/restore-backup';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../renderer/src/db/schema';
import { handleFor, MemoryBackups } from './backup-test-bridge';

let n = 0;
function names(): RestoreNames {
  const tag = `${++n}-${Math.random().toString(36).slice(2)}`;
  return { main: `mg-main-${tag}`, staging: `mg-stage-${tag}`, safety: `mg-safety-${tag}` };
}

/** Rows for every table of a schema version, in the shape that version stored. */
function rowsFor(table: Dexie['tables'][number], count: number): Record<string, unknown>[] {
  const key = table.schema.primKey.keyPath as string;
  return Array.from({ length: count }, (_, i) => {
    // The primary key goes last: a table keyed by caseId (creditorRegisters) needs one key per row.
    const row: Record<string, unknown> = { caseId: 'case-1', note: `第${i}行`, [key]: key === 'seq' ? i + 1 : `${table.name}-${i}` };
    if (table.name === 'creditorBlocks') {
      Object.assign(row, { seq: i, creditors: [{ name: `债权人${i}`, idNumber: '11010519491231002X', principalFen: 1000 + i, returnedFen: 0, netClaimFen: 1000 + i }] });
    }
    return row;
  });
}

async function keysOf(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toCollection().primaryKeys();
  return out;
}

/**
 * Tables a later migration packs into another and drops (009: received 报送 records into blocks of
 * 1,000): their rows are counted where they went.
 */
const PACKED: Readonly<Record<string, (db: Dexie) => Promise<number>>> = {
  exchangeRecords: async (db) => (await db.table('exchangeRecordBlocks').toArray()).reduce((n: number, b: { count: number }) => n + b.count, 0),
};

async function expectKept(db: Dexie, now: Record<string, unknown[]>, before: Record<string, unknown[]>, restoreAudit: boolean): Promise<void> {
  for (const [table, keys] of Object.entries(before)) {
    const packed = PACKED[table];
    if (packed && now[table] === undefined) expect(await packed(db), table).toBe(keys.length);
    else expect(now[table], table).toEqual(restoreAudit && table === 'audit' ? [...keys, Number(keys.at(-1) ?? 0) + 1] : keys);
  }
}

describe('migrating from every earlier schema version', () => {
  for (let from = 1; from < CURRENT_SCHEMA_VERSION; from++) {
    it(`keeps every row from version ${from}, after a pre-migration backup through the old schema`, async () => {
      const nm = names();
      const old = new WorkstationDb(nm.main, MIGRATIONS.slice(0, from));
      await old.open();
      for (const t of old.tables) await t.bulkAdd(rowsFor(t, 3));
      const oldKeys = await keysOf(old);
      old.close();

      const backups = new MemoryBackups();
      const prepared = await prepareDatabase(backups, '0.2.0', nm);
      expect(prepared.probe).toEqual({ exists: true, schemaVersion: from });
      expect(prepared.protectiveBackup).toMatchObject({ reason: 'pre-migration', status: 'written' });
      // Preparing must not have migrated anything.
      expect(await probeDatabase(nm.main)).toEqual({ exists: true, schemaVersion: from });

      const current = new WorkstationDb(nm.main);
      await current.open();
      const newKeys = await keysOf(current);
      await expectKept(current, newKeys, oldKeys, false);

      // The pre-migration backup restores into the current schema with every row.
      const fileName = [...backups.files.keys()][0] ?? '';
      const file = handleFor(fileName, backups.get(fileName));
      const inspection = await inspectForRestore(file);
      expect(inspection.header.schemaVersion).toBe(from);
      expect(inspection.header.reason).toBe('pre-migration');
      await current.cases.clear();
      await stageBackup(file, inspection, nm);
      await commitStagedRestore(current, { stagedAt: '', fileName, backupCreatedAt: '', rowCounts: inspection.rowCounts }, nm);
      const restored = new WorkstationDb(nm.main);
      await restored.open();
      const restoredKeys = await keysOf(restored);
      // Every row, plus the restore's own audit entry at the end of the chain.
      await expectKept(restored, restoredKeys, oldKeys, true);
      restored.close();
    });
  }
});

describe('prepareDatabase', () => {
  it('refuses a schema newer than the app without touching it', async () => {
    const nm = names();
    const future = new WorkstationDb(nm.main, [...MIGRATIONS, { version: CURRENT_SCHEMA_VERSION + 1, name: 'future', stores: { newThings: 'id' } }]);
    await future.open();
    await future.cases.add({ id: 'c1', caseNumber: 'x' } as never);
    future.close();
    const prepared = await prepareDatabase(new MemoryBackups(), '0.1.0', nm);
    expect(prepared.schemaNewer).toBe(true);
    expect(prepared.protectiveBackup).toBeNull();
    const probe = new Dexie(nm.main);
    await probe.open();
    expect(probe.verno).toBe(CURRENT_SCHEMA_VERSION + 1);
    expect(await probe.table('cases').count()).toBe(1);
    probe.close();
  });

  it('backs up before an app upgrade, and not on an ordinary start', async () => {
    const nm = names();
    const db = new WorkstationDb(nm.main);
    await db.open();
    await db.cases.add({ id: 'c1', caseNumber: 'x' } as never);
    db.close();
    const backups = new MemoryBackups();
    expect((await prepareDatabase(backups, '0.1.0', nm)).protectiveBackup).toBeNull();
    await recordAppVersion('0.1.0', nm);
    expect((await prepareDatabase(backups, '0.1.0', nm)).protectiveBackup).toBeNull();
    const upgraded = await prepareDatabase(backups, '0.2.0', nm);
    expect(upgraded).toMatchObject({ previousAppVersion: '0.1.0', protectiveBackup: { reason: 'pre-upgrade', status: 'written' } });
    expect(backups.files.size).toBe(1);
  });

  it('in a browser (no backups folder) says the protective backup was not possible', async () => {
    const nm = names();
    const old = new WorkstationDb(nm.main, MIGRATIONS.slice(0, 1));
    await old.open();
    old.close();
    const backups = new MemoryBackups();
    backups.automaticBackups = false;
    if (CURRENT_SCHEMA_VERSION > 1) {
      expect((await prepareDatabase(backups, '0.1.0', nm)).protectiveBackup).toEqual({ reason: 'pre-migration', status: 'not-available' });
    }
  });

  it('reports a fresh install as not existing', async () => {
    expect(await probeDatabase(`nothing-${Math.random()}`)).toEqual({ exists: false });
  });
});
