// printPdf: writes the finished PDF to a temporary file and opens it in the system PDF viewer
// (WPS, Adobe Reader, Evince, 文档查看器...), where the user picks the printer and prints.
//
// Why not a hidden BrowserWindow and webContents.print(): Chromium's PDF viewer is a plugin frame,
// and Electron's print() of it prints blank or only the first page on several versions; the
// system viewer prints the PDF exactly as generated, which is what an official document needs,
// and gives the staff the print dialog they know (copies, duplex, tray).

import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, shell } from 'electron';
import type { PrintPdfRequest } from '../shared/ipc-contract.js';
import { isStalePrintFile, printFileName } from './file-names.js';
import { describeFsError } from './fs-errors.js';

function printFolder(): string {
  return path.join(app.getPath('temp'), 'chufei-workstation-print');
}

export async function printPdf(request: PrintPdfRequest): Promise<void> {
  const folder = printFolder();
  const filePath = path.join(folder, printFileName(request.title, new Date()));
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(filePath, request.bytes, { flag: 'wx' });
  } catch (error) {
    throw new Error(describeFsError('写入临时文件', filePath, error));
  }
  const failure = await shell.openPath(filePath);
  if (failure !== '') {
    throw new Error(
      `无法打开 PDF 进行打印（${failure}）：这台电脑可能没有安装 PDF 阅读器。请安装 WPS 或其他 PDF 阅读器，或先“保存”为 PDF 文件再打印。`,
    );
  }
}

/** Removes print files left from earlier days; the viewer has closed them long ago. */
export async function removeStalePrintFiles(): Promise<void> {
  const folder = printFolder();
  const names = await readdir(folder).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.endsWith('.pdf')) continue;
    const filePath = path.join(folder, name);
    const info = await stat(filePath).catch(() => undefined);
    if (info && isStalePrintFile(info.mtimeMs, now)) {
      await rm(filePath, { force: true }).catch(() => undefined);
    }
  }
}
