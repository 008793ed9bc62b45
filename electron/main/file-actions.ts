// saveFile / openFile: the only ways the UI reaches the disk, always through a dialog the user
// answers, so the renderer never names a path.

import { randomBytes, randomUUID } from 'node:crypto';
import { type FileHandle, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type {
  OpenFileRequest,
  OpenFileResponse,
  SaveFileBeginRequest,
  SaveFileBeginResponse,
  SaveFileRequest,
  SaveFileResponse,
} from '../shared/ipc-contract.js';
import { writeFileAtomically } from './atomic-write.js';
import { describeFsError } from './fs-errors.js';
import { IpcRequestError, MAX_FILE_BYTES } from './ipc-schemas.js';
import { appendPiece, commitPieceFile, dropPieceFile, type PieceFile } from './piece-file.js';
import { chooseSavePath } from './save-dialog.js';

/** The folder of the last save/open in this session; the next dialog starts there. */
let lastFolder: string | undefined;

function startFolder(): string {
  return lastFolder ?? app.getPath('documents');
}

function toDialogFilters(request: { readonly filters: SaveFileRequest['filters'] }) {
  return request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

export async function saveFile(window: BrowserWindow | null, request: SaveFileRequest): Promise<SaveFileResponse> {
  const target = await chooseSavePath(window, { title: '保存文件', defaultPath: path.join(startFolder(), request.suggestedName), filters: request.filters });
  if (target === null) return { status: 'cancelled' };
  await writeFileAtomically(target, request.bytes);
  lastFolder = path.dirname(target);
  return { status: 'saved', fileName: path.basename(target) };
}

// ---- a file saved in pieces (saveFileBegin → saveFileWrite… → saveFileFinish) ----


/** Open sessions at most: a renderer that never finishes cannot exhaust file handles. */
const MAX_PIECE_SESSIONS = 4;
const pieceSessions = new Map<string, PieceFile>();

function pieceSession(sessionId: string): PieceFile {
  const session = pieceSessions.get(sessionId);
  if (!session) throw new IpcRequestError('保存会话不存在或已结束，请重新保存文件。');
  return session;
}

/** The save dialog, then a temp file beside the chosen target (nothing under the target's name until finish). */
export async function saveFileBegin(window: BrowserWindow | null, request: SaveFileBeginRequest): Promise<SaveFileBeginResponse> {
  if (pieceSessions.size >= MAX_PIECE_SESSIONS) throw new IpcRequestError('同时保存的文件过多，请等当前保存完成后再试。');
  const target = await chooseSavePath(window, { title: '保存文件', defaultPath: path.join(startFolder(), request.suggestedName), filters: request.filters });
  if (target === null) return { status: 'cancelled' };
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    throw new Error(describeFsError('保存', target, error));
  }
  const sessionId = randomUUID();
  pieceSessions.set(sessionId, { handle, temp, target, position: 0 });
  return { status: 'started', sessionId };
}

export async function saveFileWrite(sessionId: string, bytes: Uint8Array): Promise<void> {
  const session = pieceSession(sessionId);
  if (session.position + bytes.byteLength > MAX_FILE_BYTES) {
    await saveFileAbort(sessionId);
    throw new IpcRequestError(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限，请分批导出。`);
  }
  try {
    await appendPiece(session, bytes);
  } catch (error) {
    await saveFileAbort(sessionId);
    throw new Error(describeFsError('保存', session.target, error));
  }
}

/** fsync, rename into place. */
export async function saveFileFinish(sessionId: string): Promise<SaveFileResponse> {
  const session = pieceSession(sessionId);
  pieceSessions.delete(sessionId);
  try {
    await commitPieceFile(session);
  } catch (error) {
    throw new Error(describeFsError('保存', session.target, error));
  }
  lastFolder = path.dirname(session.target);
  return { status: 'saved', fileName: path.basename(session.target) };
}

export async function saveFileAbort(sessionId: string): Promise<void> {
  const session = pieceSessions.get(sessionId);
  if (!session) return;
  pieceSessions.delete(sessionId);
  await dropPieceFile(session);
}

export async function openFile(window: BrowserWindow | null, request: OpenFileRequest): Promise<OpenFileResponse> {
  const options = {
    title: request.title,
    defaultPath: startFolder(),
    filters: toDialogFilters(request),
    properties: ['openFile'] as 'openFile'[],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const chosen = choice.filePaths[0];
  if (choice.canceled || chosen === undefined) return { status: 'cancelled' };
  let bytes: Uint8Array;
  try {
    const info = await stat(chosen);
    if (info.size > MAX_FILE_BYTES) {
      throw new IpcRequestError(
        `无法读取“${chosen}”：文件有 ${Math.round(info.size / 1024 / 1024)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限，请拆分后分批导入。`,
      );
    }
    bytes = await readFile(chosen);
  } catch (error) {
    if (error instanceof IpcRequestError) throw error;
    throw new Error(describeFsError('读取', chosen, error));
  }
  lastFolder = path.dirname(chosen);
  return { status: 'opened', fileName: path.basename(chosen), bytes };
}
