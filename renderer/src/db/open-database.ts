import { DATABASE_NAME, WorkstationDb } from './database';

export type OpenDatabaseResult =
  | { readonly status: 'open'; readonly db: WorkstationDb; readonly persisted: boolean | null }
  | { readonly status: 'in-use-elsewhere' }
  | { readonly status: 'failed'; readonly message: string };

const WRITER_LOCK = `${DATABASE_NAME}:writer`;

/**
 * Opens the store for this window, and only if no other window or process has it: two writers on
 * one audit chain would fork it. Electron adds a single-instance lock on top; this Web Lock covers
 * browser mode (two tabs) and holds until the page goes away.
 */
export async function openDatabase(name: string = DATABASE_NAME): Promise<OpenDatabaseResult> {
  const gotLock = await acquireWriterLock();
  if (!gotLock) return { status: 'in-use-elsewhere' };
  const db = new WorkstationDb(name);
  try {
    await db.open();
  } catch (err) {
    return { status: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  return { status: 'open', db, persisted: await askPersistentStorage() };
}

function acquireWriterLock(): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    void locks.request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Keep the lock for the life of the page: the returned promise never settles.
      return lock ? new Promise<void>(() => {}) : undefined;
    });
  });
}

/** Asks the browser not to evict our data under storage pressure; the answer is shown in settings. */
async function askPersistentStorage(): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}
