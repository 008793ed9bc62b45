import {
  assessStore,
  parseStoreRecord,
  type StoreAssessment,
  type StoreBackupNote,
  type StoreContents,
  type StoreRecord,
  withBackup,
  withContents,
} from '../../core/storage';
import type { StoreRecordPort } from '../../platform/bridge';
import { readLastRestore } from '../backup/restore-backup';
import type { WorkstationDb } from '../database';
import { probeStore } from './probe-store';

// Reads and writes the store record through the platform (a file in userData in Electron,
// localStorage in browser mode) and judges the store at start. A record that cannot be written is
// not worth stopping the office's work for: failures are logged and the next write tries again.

export async function readStoreRecord(port: StoreRecordPort): Promise<StoreRecord | null> {
  try {
    return parseStoreRecord(await port.read());
  } catch {
    return null;
  }
}

async function write(port: StoreRecordPort, record: StoreRecord): Promise<void> {
  try {
    await port.write(JSON.stringify(record));
  } catch (error) {
    console.warn(`[store-guard] could not keep the store record in ${port.where}: ${String(error)}`);
  }
}

/** What the open database holds, counted the same way as probeStore. */
export async function countContents(db: WorkstationDb): Promise<StoreContents> {
  const registers = await db.creditorRegisters.toArray();
  return {
    cases: await db.cases.count(),
    creditors: registers.reduce((s, r) => s + r.count, 0),
    petitions: await db.petitions.count(),
    documents: await db.documents.count(),
    auditEntries: await db.audit.count(),
  };
}

export interface StartAssessment {
  readonly assessment: StoreAssessment;
  readonly record: StoreRecord | null;
}

/** At start, before the case database is opened with the app's schema. */
export async function assessStoreAtStart(port: StoreRecordPort): Promise<StartAssessment> {
  const [probe, record, restore] = await Promise.all([probeStore(), readStoreRecord(port), readLastRestore().catch(() => undefined)]);
  return { assessment: assessStore(probe, record, restore?.completedAt ?? null), record };
}

/** After the database opened: its contents become the record (an empty new store records nothing). */
export async function noteStoreContents(port: StoreRecordPort, db: WorkstationDb, now = new Date()): Promise<void> {
  const record = await readStoreRecord(port);
  await write(port, withContents(record, await countContents(db), now));
}

/** The user chose to go on with the empty store: it is the state of record from now on. */
export async function acceptEmptyStore(port: StoreRecordPort, now = new Date()): Promise<void> {
  const record = await readStoreRecord(port);
  await write(port, withContents(record, { cases: 0, creditors: 0, petitions: 0, documents: 0, auditEntries: 0 }, now));
}

export async function noteBackup(port: StoreRecordPort, db: WorkstationDb, backup: Omit<StoreBackupNote, 'contents'>, now = new Date()): Promise<void> {
  await write(port, withBackup({ ...backup, contents: await countContents(db) }, now));
}
