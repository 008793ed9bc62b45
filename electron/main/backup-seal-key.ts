// The backup seal key (issue 12): 32 random bytes in <userData>/backup-seal.key, readable by this
// user only (600), created on first use. It lives outside the case database (IndexedDB) and outside
// every backup file, so a backup's seal (HMAC-SHA256, computed in the renderer) proves the file was
// not changed after this installation wrote it. Losing the file loses no data: backups sealed with
// it then restore as "sealed elsewhere", with the warning a plain backup gets.

import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import type { BackupSealKeyResponse } from '../shared/ipc-contract.js';
import { describeFsError } from './fs-errors.js';

export const SEAL_KEY_FILE = 'backup-seal.key';
const KEY_BYTES = 32;

let cached: Promise<Uint8Array> | null = null;

export function sealKeyPath(): string {
  return path.join(app.getPath('userData'), SEAL_KEY_FILE);
}

async function readKey(file: string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(file);
    if (bytes.length === KEY_BYTES) return new Uint8Array(bytes);
    // Shorter: a crash while it was first written, before anything was sealed with it.
    console.warn(`[backup] ${file} has ${bytes.length} bytes, not ${KEY_BYTES}; a new seal key is made`);
    await rm(file, { force: true });
    return null;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw new Error(describeFsError('读取', file, error));
  }
}

async function createKey(file: string): Promise<Uint8Array> {
  const key = new Uint8Array(randomBytes(KEY_BYTES));
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // wx: never replace a key another start created meanwhile (its backups would fail to verify).
    handle = await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') {
      const other = await readKey(file);
      if (other) return other;
    }
    throw new Error(describeFsError('保存', file, error));
  }
  try {
    await handle.write(key, 0, KEY_BYTES, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return key;
}

async function loadKey(): Promise<Uint8Array> {
  const file = sealKeyPath();
  return (await readKey(file)) ?? createKey(file);
}

export async function backupSealKey(): Promise<BackupSealKeyResponse> {
  cached ??= loadKey().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return { key: (await cached).slice() };
}

/** Tests start each case from a fresh userData. */
export function forgetSealKeyForTests(): void {
  cached = null;
}
