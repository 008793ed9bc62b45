import { type BackupSealKey, newSealKeyBytes, sealKeyId } from '../core/backup';

// Browser mode's backup seal key (issue 12). A page has nowhere outside its origin's storage, so the
// key lives in an IndexedDB database of its own, beside (not inside) the case database, as a
// non-extractable CryptoKey: script can use it but never read its bytes. What this proves: a backup
// file was not changed since this browser profile wrote it. What it cannot: if the browser's site
// data is cleared, the key goes with the data, and older backups then restore as "sealed elsewhere".

const DB_NAME = 'chufei-workstation-keys';
const STORE = 'keys';
const ID = 'backup-seal';

interface StoredKey {
  readonly id: string;
  readonly keyId: string;
  readonly key: CryptoKey;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openKeys(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
  return request(open);
}

let cached: Promise<BackupSealKey | null> | null = null;

async function loadOrCreate(): Promise<BackupSealKey | null> {
  if (!globalThis.indexedDB || !globalThis.crypto?.subtle) return null;
  const db = await openKeys();
  try {
    const found = (await request(db.transaction(STORE).objectStore(STORE).get(ID))) as StoredKey | undefined;
    if (found) return { keyId: found.keyId, key: found.key };
    const raw = newSealKeyBytes();
    const keyId = sealKeyId(raw);
    const key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    raw.fill(0);
    const tx = db.transaction(STORE, 'readwrite');
    // add, not put: if another tab created a key meanwhile, this fails and that key is read instead.
    const added = await request(tx.objectStore(STORE).add({ id: ID, keyId, key } satisfies StoredKey)).then(
      () => true,
      () => false,
    );
    if (added) return { keyId, key };
    const other = (await request(db.transaction(STORE).objectStore(STORE).get(ID))) as StoredKey | undefined;
    return other ? { keyId: other.keyId, key: other.key } : null;
  } finally {
    db.close();
  }
}

export function browserSealKey(): Promise<BackupSealKey | null> {
  cached ??= loadOrCreate().catch(() => {
    cached = null;
    return null;
  });
  return cached;
}
