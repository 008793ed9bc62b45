// The backup actions of main: writes backup streams arriving in chunks to disk atomically (temp file
// beside the target, fsync, rename), applies the retention policy to automatic backups, and serves
// backup files back in chunks for verification and restore. Paths are chosen by main (the backups
// folder) or by the user in a dialog; a file name from the renderer is accepted only when it
// resolves inside the backups folder.

import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, type FileHandle, open, readdir, realpath, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type {
  BackupBeginRequest,
  BackupBeginResponse,
  BackupFinishResponse,
  BackupListEntry,
  BackupListResponse,
  BackupOpenRequest,
  BackupOpenResponse,
  BackupReadRequest,
  DiskSpaceResponse,
} from '../shared/ipc-contract.js';
import { autoBackupFileName, BACKUP_EXTENSION, BACKUP_FOLDER_NAME, backupsToRemove, parseAutoBackupFileName } from './backup-files.js';
import { isPathInside } from './file-names.js';
import { describeFsError } from './fs-errors.js';
import { IpcRequestError } from './ipc-schemas.js';
import { appendPiece, commitPieceFile, dropPieceFile, type PieceFile } from './piece-file.js';
import { ensurePrivateFolder, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, privatiseFiles } from './private-files.js';
import { chooseSavePath } from './save-dialog.js';

const FILTERS = [{ name: '处非工作台备份', extensions: [BACKUP_EXTENSION] }];
/** Open sessions per kind: a renderer that forgets to close cannot exhaust file handles. */
const MAX_SESSIONS = 4;

interface WriteSession extends PieceFile {
  readonly auto: boolean;
}

interface ReadSession {
  readonly handle: FileHandle;
  readonly byteLength: number;
}

const writes = new Map<string, WriteSession>();
const reads = new Map<string, ReadSession>();

export function backupsFolder(): string {
  return path.join(app.getPath('userData'), BACKUP_FOLDER_NAME);
}

function writeSession(sessionId: string): WriteSession {
  const session = writes.get(sessionId);
  if (!session) throw new IpcRequestError('备份会话不存在或已结束，请重新备份。');
  return session;
}

function readSession(readId: string): ReadSession {
  const session = reads.get(readId);
  if (!session) throw new IpcRequestError('备份文件已关闭，请重新选择备份文件。');
  return session;
}

function chooseTarget(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  return chooseSavePath(window, { title: '保存备份', defaultPath: path.join(app.getPath('documents'), suggestedName), filters: FILTERS });
}

async function freeAutoName(folder: string, now: Date, reason: BackupBeginRequest & { target: 'auto' }): Promise<string> {
  const existing = new Set(await readdir(folder));
  for (let suffix = 0; ; suffix++) {
    const name = autoBackupFileName(now, reason.reason, suffix);
    if (!existing.has(name)) return path.join(folder, name);
  }
}

export async function backupBegin(window: BrowserWindow | null, request: BackupBeginRequest, now = new Date()): Promise<BackupBeginResponse> {
  if (writes.size >= MAX_SESSIONS) throw new IpcRequestError('同时进行的备份过多，请等当前备份完成后再试。');
  let target: string | null;
  if (request.target === 'auto') {
    const folder = backupsFolder();
    try {
      await ensurePrivateFolder(folder);
    } catch (error) {
      throw new Error(describeFsError('保存', folder, error));
    }
    target = await freeAutoName(folder, now, request);
  } else {
    target = await chooseTarget(window, request.suggestedName);
  }
  if (target === null) return { status: 'cancelled' };
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    throw new Error(describeFsError('写入临时文件', temp, error));
  }
  const sessionId = randomUUID();
  writes.set(sessionId, { handle, temp, target, auto: request.target === 'auto', position: 0 });
  return { status: 'started', sessionId, fileName: path.basename(target) };
}

export async function backupWrite(sessionId: string, bytes: Uint8Array): Promise<void> {
  const session = writeSession(sessionId);
  try {
    await appendPiece(session, bytes);
  } catch (error) {
    await backupAbort(sessionId);
    throw new Error(describeFsError('写入临时文件', session.target, error));
  }
}

export async function backupRewind(sessionId: string): Promise<void> {
  const session = writeSession(sessionId);
  await session.handle.truncate(0);
  session.position = 0;
}

export async function backupFinish(sessionId: string, now = new Date()): Promise<BackupFinishResponse> {
  const session = writeSession(sessionId);
  writes.delete(sessionId);
  try {
    await commitPieceFile(session);
  } catch (error) {
    throw new Error(describeFsError('保存', session.target, error));
  }
  const removedOld = session.auto ? await applyRetention(now) : 0;
  return { fileName: path.basename(session.target), byteLength: session.position, removedOld };
}

export async function backupAbort(sessionId: string): Promise<void> {
  const session = writes.get(sessionId);
  if (!session) return;
  writes.delete(sessionId);
  await dropPieceFile(session);
}

async function listAutoBackups(): Promise<BackupListEntry[]> {
  const folder = backupsFolder();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw new Error(describeFsError('读取', folder, error));
  }
  const out: BackupListEntry[] = [];
  for (const fileName of names) {
    const parsed = parseAutoBackupFileName(fileName);
    if (!parsed) continue;
    const info = await stat(path.join(folder, fileName)).catch(() => null);
    if (info?.isFile()) out.push({ fileName, byteLength: info.size, createdAt: parsed.createdAt });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function applyRetention(now: Date): Promise<number> {
  const folder = backupsFolder();
  let removed = 0;
  for (const old of backupsToRemove(await listAutoBackups(), now)) {
    const file = path.join(folder, old.fileName);
    if (!isPathInside(folder, file)) continue;
    await rm(file, { force: true }).then(
      () => removed++,
      (error: unknown) => console.warn(`[backup] could not remove ${file}: ${String(error)}`),
    );
  }
  return removed;
}

export async function listBackups(): Promise<BackupListResponse> {
  return { folder: backupsFolder(), backups: await listAutoBackups() };
}

/** Resolves an automatic backup's bare name inside the backups folder, following links; else refuses. */
export async function resolveAutoBackup(fileName: string): Promise<string> {
  const folder = backupsFolder();
  const candidate = path.join(folder, fileName);
  const refuse = () => new IpcRequestError(`备份文件名 (fileName)“${fileName}”不在自动备份文件夹中，已拒绝。`);
  if (!isPathInside(folder, candidate) || path.dirname(candidate) !== path.resolve(folder)) throw refuse();
  let real: string;
  try {
    real = await realpath(candidate);
  } catch (error) {
    throw new Error(describeFsError('读取', candidate, error));
  }
  if (!isPathInside(await realpath(folder), real)) throw refuse();
  return real;
}

async function chooseSource(window: BrowserWindow | null): Promise<string | null> {
  const options = { title: '选择备份文件', defaultPath: backupsFolder(), filters: FILTERS, properties: ['openFile'] as 'openFile'[] };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

export async function backupOpen(window: BrowserWindow | null, request: BackupOpenRequest): Promise<BackupOpenResponse> {
  if (reads.size >= MAX_SESSIONS) throw new IpcRequestError('打开的备份文件过多，请关闭恢复对话框后重试。');
  const file = request.source === 'auto' ? await resolveAutoBackup(request.fileName) : await chooseSource(window);
  if (file === null) return { status: 'cancelled' };
  try {
    const handle = await open(file, 'r');
    const info = await handle.stat();
    const readId = randomUUID();
    reads.set(readId, { handle, byteLength: info.size });
    return { status: 'opened', readId, fileName: path.basename(file), byteLength: info.size };
  } catch (error) {
    throw new Error(describeFsError('读取', file, error));
  }
}

export async function backupRead(request: BackupReadRequest): Promise<Uint8Array> {
  const session = readSession(request.readId);
  const length = Math.max(0, Math.min(request.length, session.byteLength - request.offset));
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await session.handle.read(buffer, done, length - done, request.offset + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

export async function backupClose(readId: string): Promise<void> {
  const session = reads.get(readId);
  if (!session) return;
  reads.delete(readId);
  await session.handle.close().catch(() => undefined);
}

/** Closes everything a reloaded or closed window left open (partial backups are removed). */
export async function closeAllBackupSessions(): Promise<void> {
  await Promise.all([...writes.keys()].map((id) => backupAbort(id)));
  await Promise.all([...reads.keys()].map((id) => backupClose(id)));
}

/** Temp files of backups a crash interrupted (never renamed into place); removed at start. */
export async function removeStaleBackupTempFiles(nowMs = Date.now()): Promise<number> {
  const folder = backupsFolder();
  let removed = 0;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!/^\.chufei-.*\.cfbak\.[0-9a-f]{8}\.tmp$/.test(name)) continue;
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    // A day old: a backup still being written by this very start is never touched.
    if (info?.isFile() && nowMs - info.mtimeMs > 24 * 60 * 60 * 1000) {
      await rm(file, { force: true }).then(() => removed++, () => undefined);
    }
  }
  return removed;
}

/** Automatic backups an earlier version left readable by every user of the PC: made private at start. */
export async function privatiseBackups(): Promise<number> {
  const folder = backupsFolder();
  if (process.platform !== 'win32') await chmod(folder, PRIVATE_FOLDER_MODE).catch(() => undefined);
  return privatiseFiles(folder, (name) => parseAutoBackupFileName(name) !== null);
}

export async function diskSpace(): Promise<DiskSpaceResponse> {
  const where = app.getPath('userData');
  try {
    const info = await statfs(where);
    return { freeBytes: info.bavail * info.bsize, totalBytes: info.blocks * info.bsize, path: where };
  } catch (error) {
    throw new Error(describeFsError('读取', where, error));
  }
}
