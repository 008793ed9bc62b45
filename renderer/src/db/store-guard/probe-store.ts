import type { StoreContents, StoreProbe } from '../../core/storage';
import { DATABASE_NAME } from '../database';

// Looks at the case database before anything opens it with the app's schema: whether it exists,
// what it holds, and whether Chromium reports that it dropped it. Chromium deletes an origin's
// IndexedDB when a write fails for lack of space and says so only once, as `dataLoss` on the
// upgradeneeded event of the next open; Dexie does not pass that on, so this opens the database
// raw. A database that does not exist is not created here: the version change is aborted.

interface DataLossEvent extends IDBVersionChangeEvent {
  readonly dataLoss?: string;
  readonly dataLossMessage?: string;
}

const COUNTED: readonly (keyof StoreContents)[] = ['cases', 'petitions', 'documents'];

function countStores(db: IDBDatabase): Promise<StoreContents> {
  const names = ['cases', 'petitions', 'documents', 'audit', 'creditorRegisters'].filter((n) => db.objectStoreNames.contains(n));
  if (names.length === 0) return Promise.resolve({ cases: 0, creditors: 0, petitions: 0, documents: 0, auditEntries: 0 });
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, 'readonly');
    const counts: Record<string, number> = {};
    const ask = (name: string, key: string) => {
      const request = tx.objectStore(name).count();
      request.onsuccess = () => {
        counts[key] = request.result;
      };
    };
    for (const name of COUNTED) if (names.includes(name)) ask(name, name);
    if (names.includes('audit')) ask('audit', 'auditEntries');
    if (names.includes('creditorRegisters')) {
      // One small row per case; `count` is the register's number of creditors.
      const request = tx.objectStore('creditorRegisters').getAll();
      request.onsuccess = () => {
        counts.creditors = (request.result as { count?: unknown }[]).reduce((s, r) => s + (typeof r.count === 'number' ? r.count : 0), 0);
      };
    }
    tx.oncomplete = () =>
      resolve({
        cases: counts.cases ?? 0,
        creditors: counts.creditors ?? 0,
        petitions: counts.petitions ?? 0,
        documents: counts.documents ?? 0,
        auditEntries: counts.auditEntries ?? 0,
      });
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function probeStore(name: string = DATABASE_NAME): Promise<StoreProbe> {
  return new Promise((resolve, reject) => {
    let missing: StoreProbe | null = null;
    const request = indexedDB.open(name);
    request.onupgradeneeded = (event) => {
      const e = event as DataLossEvent;
      missing = { contents: null, dataLoss: e.dataLoss ?? null, dataLossMessage: e.dataLossMessage ?? null };
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(missing);
      } else reject(request.error);
    };
    request.onsuccess = () => {
      const db = request.result;
      countStores(db).then(
        (contents) => {
          db.close();
          resolve({ contents, dataLoss: null, dataLossMessage: null });
        },
        (error: unknown) => {
          db.close();
          reject(error);
        },
      );
    };
  });
}
