// saveFile / openFile: the only ways the UI reaches the disk, always through a dialog the user
// answers, so the renderer never names a path.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type {
  OpenFileRequest,
  OpenFileResponse,
  SaveFileRequest,
  SaveFileResponse,
} from '../shared/ipc-contract.js';
import { writeFileAtomically } from './atomic-write.js';
import { describeFsError } from './fs-errors.js';
import { IpcRequestError, MAX_FILE_BYTES } from './ipc-schemas.js';
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
