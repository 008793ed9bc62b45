import { Dexie, type Table } from 'dexie';
import { DATABASE_NAME } from '../database';

/**
 * A small database beside the case database for what must survive that database being wiped,
 * replaced or unreadable: the restore journal, the app version last run, the lock's retry counter.
 * It never holds case data, so it is not backed up.
 */
export const SAFETY_DATABASE_NAME = `${DATABASE_NAME}-safety`;

/** The staging database a restore writes into before it replaces the case database. */
export const STAGING_DATABASE_NAME = `${DATABASE_NAME}-restore-staging`;

export interface SafetyRow {
  readonly id: string;
  readonly value: unknown;
}

export class SafetyDb extends Dexie {
  state!: Table<SafetyRow, string>;

  constructor(name: string = SAFETY_DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ state: 'id' });
  }
}

/** Opens, reads or writes one row, and closes again: the store is touched a few times per session. */
export async function readSafetyValue<T>(id: string, name: string = SAFETY_DATABASE_NAME): Promise<T | undefined> {
  const db = new SafetyDb(name);
  try {
    return (await db.state.get(id))?.value as T | undefined;
  } finally {
    db.close();
  }
}

export async function writeSafetyValue(id: string, value: unknown, name: string = SAFETY_DATABASE_NAME): Promise<void> {
  const db = new SafetyDb(name);
  try {
    if (value === undefined) await db.state.delete(id);
    else await db.state.put({ id, value });
  } finally {
    db.close();
  }
}
