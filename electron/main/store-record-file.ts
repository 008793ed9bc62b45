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

/**
 * The audit chain's anchor (issue 12): the newest audit entry's number and hash, beside the backups,
 * where an edit of the case database does not reach. Same handling as the store record.
 */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

export function auditAnchorPath(): string {
  return path.join(app.getPath('userData'), AUDIT_ANCHOR_FILE);
}

export function readStoreRecord(): Promise<StoreRecordReadResponse> {
  return readTextFile(storeRecordPath());
}

export function writeStoreRecord(text: string): Promise<void> {
  return writeTextFile(storeRecordPath(), text);
}

export function readAuditAnchor(): Promise<StoreRecordReadResponse> {
  return readTextFile(auditAnchorPath());
}

export function writeAuditAnchor(text: string): Promise<void> {
  return writeTextFile(auditAnchorPath(), text);
}

async function readTextFile(file: string): Promise<StoreRecordReadResponse> {
  try {
    return { text: await readFile(file, 'utf8'), path: file };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { text: null, path: file };
    throw new Error(describeFsError('读取', file, error));
  }
}

async function writeTextFile(file: string, text: string): Promise<void> {
  try {
    await ensurePrivateFolder(path.dirname(file));
  } catch (error) {
    throw new Error(describeFsError('保存', file, error));
  }
  await writeFileAtomically(file, text, PRIVATE_FILE_MODE);
}
