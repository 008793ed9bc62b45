// Whether the disk has room for a large write, in a browser. The storage estimate is only a quota
// (Chromium reported 1 GB "available" on a 400 MB disk with 8 MB free), and a page has no other way
// to see the disk; so the room is tried: zeros are written to a scratch file in the origin-private
// file system (same disk as IndexedDB, separate from it, so a failure there cannot make Chromium
// drop the database) and the file is removed at once. Only in a dedicated worker (sync access).

/** The part of lib.webworker's FileSystemSyncAccessHandle used here (the renderer compiles with DOM). */
interface SyncAccessHandle {
  write(buffer: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
/**
 * Several small files, not one large one: Chromium grants a sync access handle room in doubling
 * steps, so one file stops at half the quota (128 MB written on a 400 MB disk) while IndexedDB
 * could still use it. With 16 MB files the trial reaches what IndexedDB may use (measured 240 MB).
 */
const FILE_BYTES = 16 * 1024 * 1024;

/** True when `bytes` fit, false when the disk (or the browser's real quota) ran out first, null where it cannot be tried. */
export async function tryDiskRoom(bytes: number): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.getDirectory) return null;
  let root: FileSystemDirectoryHandle;
  try {
    root = await storage.getDirectory();
  } catch {
    return null;
  }
  const prefix = `room-probe-${Date.now()}-${Math.random().toString(16).slice(2)}`;
  const names: string[] = [];
  const zeros = new Uint8Array(CHUNK_BYTES);
  try {
    for (let done = 0, n = 0; done < bytes; n++) {
      const name = `${prefix}-${n}`;
      names.push(name);
      const file = (await root.getFileHandle(name, { create: true })) as FileSystemFileHandle & { createSyncAccessHandle?: () => Promise<SyncAccessHandle> };
      if (!file.createSyncAccessHandle) return null;
      const handle = await file.createSyncAccessHandle();
      try {
        for (let at = 0; at < FILE_BYTES && done < bytes; ) {
          const length = Math.min(CHUNK_BYTES, bytes - done);
          const written = handle.write(length === CHUNK_BYTES ? zeros : zeros.subarray(0, length), { at });
          if (written < length) return false;
          at += written;
          done += written;
        }
        handle.flush();
      } finally {
        handle.close();
      }
    }
    return true;
  } catch {
    return false;
  } finally {
    for (const name of names) await root.removeEntry(name).catch(() => undefined);
  }
}
