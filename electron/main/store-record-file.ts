// The store record (issue 12) as a file in userData: the renderer's IndexedDB lives in the same
// folder but Chromium, when it drops a damaged store, deletes only its own IndexedDB folder, so the
// record that the store held data survives and the app can say so at the next start. Main stores
// the renderer's JSON text as is (its shape is checked by the renderer, core/storage), atomically
// and readable by the user only.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import type { StoreRecordReadResponse } from '../shared/ipc-contract.js';
import { writeFileAtomically } from './atomic-write.js';
import { describeFsError } from './fs-errors.js';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from './private-files.js';

export const STORE_RECORD_FILE = 'store-record.json';

export function storeRecordPath(): string {
  return path.join(app.getPath('userData'), STORE_RECORD_FILE);
}

export async function readStoreRecord(): Promise<StoreRecordReadResponse> {
  const file = storeRecordPath();
  try {
    return { text: await readFile(file, 'utf8'), path: file };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { text: null, path: file };
    throw new Error(describeFsError('读取', file, error));
  }
}

export async function writeStoreRecord(text: string): Promise<void> {
  const file = storeRecordPath();
  try {
    await ensurePrivateFolder(path.dirname(file));
  } catch (error) {
    throw new Error(describeFsError('保存', file, error));
  }
  await writeFileAtomically(file, text, PRIVATE_FILE_MODE);
}
