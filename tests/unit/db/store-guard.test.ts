import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { WorkstationDb } from '../../../renderer/src/db/database';
import { probeStore } from '../../../renderer/src/db/store-guard/probe-store';
import { recordingBackups } from '../../../renderer/src/db/store-guard/recording-backups';
import { acceptEmptyStore, countContents, noteBackup, noteStoreContents, readStoreRecord } from '../../../renderer/src/db/store-guard/store-keeper';
import type { StoreRecordPort } from '../../../renderer/src/platform/bridge';
import { MemoryBackups } from './backup-test-bridge';
import { makeTestRepos } from './test-db';

function memoryPort(): StoreRecordPort & { text: string | null; writes: number } {
  const port = {
    where: 'memory',
    text: null as string | null,
    writes: 0,
    read: async () => port.text,
    write: async (text: string) => {
      port.text = text;
      port.writes++;
    },
  };
  return port;
}


describe('probing the store before the app opens it', () => {
  it('finds a database that does not exist without creating it', async () => {
    const name = `probe-missing-${Math.random()}`;
    expect(await probeStore(name)).toEqual({ contents: null, dataLoss: null, dataLossMessage: null });
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('counts what an existing database holds, the same way as the open one', async () => {
    const { db } = makeTestRepos();
    await db.open();
    await db.cases.add({ id: 'c1' } as never);
    await db.creditorRegisters.add({ caseId: 'c1', generation: 1, count: 1234 } as never);
    await db.audit.add({ seq: 1 } as never);
    const counted = await countContents(db);
    db.close();
    expect(counted).toEqual({ cases: 1, creditors: 1234, petitions: 0, documents: 0, auditEntries: 1 });
    expect((await probeStore(db.name)).contents).toEqual(counted);
  });
});

describe('keeping the store record', () => {
  it('records the contents, then the last backup with its contents, through the platform port', async () => {
    const { db } = makeTestRepos();
    await db.open();
    await db.cases.add({ id: 'c1' } as never);
    const port = memoryPort();
    await noteStoreContents(port, db, new Date('2026-12-01T10:00:00Z'));
    expect((await readStoreRecord(port))?.contents.cases).toBe(1);

    const backups = recordingBackups(new MemoryBackups(), (fileName, automatic) => void noteBackup(port, db as WorkstationDb, { at: '2026-12-01T11:00:00Z', fileName, automatic }));
    const writer = await backups.beginBackup({ kind: 'auto', reason: 'quit' });
    await writer?.write(new Uint8Array([1]));
    await writer?.finish();
    await expect.poll(async () => (await readStoreRecord(port))?.lastBackup?.fileName).toBe('auto-1-quit.cfbak');
    expect((await readStoreRecord(port))?.lastBackup).toMatchObject({ automatic: true, contents: { cases: 1 } });

    await acceptEmptyStore(port, new Date('2026-12-02T08:00:00Z'));
    const accepted = await readStoreRecord(port);
    expect(accepted?.contents.cases).toBe(0);
    expect(accepted?.lastBackup?.fileName).toBe('auto-1-quit.cfbak');
    db.close();
  });

  it('never stops the app when the record cannot be kept', async () => {
    const { db } = makeTestRepos();
    await db.open();
    const broken: StoreRecordPort = { where: 'nowhere', read: async () => 'garbage{', write: async () => Promise.reject(new Error('EACCES')) };
    await expect(noteStoreContents(broken, db)).resolves.toBeUndefined();
    expect(await readStoreRecord(broken)).toBeNull();
    db.close();
  });
});
