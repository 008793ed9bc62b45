// The save dialog every action uses (documents, exports, backups). The Linux GTK dialog neither adds
// the filter's extension to a bare name nor knows that main will: it asks "replace?" about the name
// typed ("名单"), and the file actually written ("名单.xlsx") would be overwritten without a word.
// So when main adds the extension and that file exists, it asks again before anything is written.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserWindow, dialog, type MessageBoxOptions, type SaveDialogOptions } from 'electron';
import type { FileFilterSpec } from '../shared/ipc-contract.js';
import { ensureAllowedExtension } from './file-names.js';

export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: readonly FileFilterSpec[];
}

/** Buttons of the second question, in this order. */
export const REPLACE_CHOICES = ['替换', '重新选择', '取消'] as const;

function showSave(window: BrowserWindow | null, options: SaveDialogOptions) {
  return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
}

function showBox(window: BrowserWindow | null, options: MessageBoxOptions) {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** The path to write, with its extension, or null when the user cancelled. */
export async function chooseSavePath(window: BrowserWindow | null, request: SaveDialogRequest): Promise<string | null> {
  let defaultPath = request.defaultPath;
  for (;;) {
    const choice = await showSave(window, {
      title: request.title,
      defaultPath,
      filters: request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return null;
    const target = ensureAllowedExtension(choice.filePath, request.filters);
    // Unchanged names were confirmed by the dialog itself.
    if (target === choice.filePath || !existsSync(target)) return target;
    const answer = await showBox(window, {
      type: 'warning',
      title: request.title,
      message: `“${path.basename(target)}”已存在。要替换它吗？`,
      detail: `保存时会加上扩展名“${path.extname(target)}”，文件夹“${path.dirname(target)}”中已有同名文件。替换后其原有内容将丢失。`,
      buttons: [...REPLACE_CHOICES],
      defaultId: 1,
      cancelId: 2,
      noLink: true,
    });
    if (answer.response === 0) return target;
    if (answer.response !== 1) return null;
    defaultPath = target;
  }
}
