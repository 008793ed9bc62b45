// printPdf: writes the finished PDF to a temporary file and opens it in the system PDF viewer
// (WPS, Adobe Reader, Evince, 文档查看器...), where the user picks the printer and prints.
//
// Why not a hidden BrowserWindow and webContents.print(): Chromium's PDF viewer is a plugin frame,
// and Electron's print() of it prints blank or only the first page on several versions; the
// system viewer prints the PDF exactly as generated, which is what an official document needs,
// and gives the staff the print dialog they know (copies, duplex, tray).
//
// A print file holds personal data (names, ID numbers on refund notices), so it is written 0600 in
// a 0700 folder inside userData (not a predictable folder in /tmp that every user can list), and
// removed once printing is surely over: PRINT_FILE_KEEP_MS after it was opened, when the app
// quits, and at the next start for any a crash or a viewer holding the file left behind.

import { rmSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { app, shell } from 'electron';
import type { PrintPdfRequest } from '../shared/ipc-contract.js';
import { printFileName } from './file-names.js';
import { describeFsError } from './fs-errors.js';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from './private-files.js';

/** Long enough for the viewer to have read the file and the user to have printed it. */
export const PRINT_FILE_KEEP_MS = 30 * 60 * 1000;
/** Where versions before 0.1.1 wrote print files (world-readable): emptied at start. */
const LEGACY_PRINT_FOLDER = 'chufei-workstation-print';

export function printFolder(): string {
  return path.join(app.getPath('userData'), 'print-temp');
}

const pending = new Set<string>();

async function removePrintFile(filePath: string): Promise<void> {
  // Windows refuses while a viewer still has it open: it is tried again at quit or next start.
  await rm(filePath, { force: true }).then(
    () => pending.delete(filePath),
    () => undefined,
  );
}

export async function printPdf(request: PrintPdfRequest): Promise<void> {
  const folder = printFolder();
  const filePath = path.join(folder, printFileName(request.title, new Date()));
  try {
    await ensurePrivateFolder(folder);
    await writeFile(filePath, request.bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (error) {
    throw new Error(describeFsError('写入临时文件', filePath, error));
  }
  pending.add(filePath);
  const failure = await shell.openPath(filePath);
  if (failure !== '') {
    await removePrintFile(filePath);
    throw new Error(
      `无法打开 PDF 进行打印（${failure}）：这台电脑可能没有安装 PDF 阅读器。请安装 WPS 或其他 PDF 阅读器，或先“保存”为 PDF 文件再打印。`,
    );
  }
  setTimeout(() => void removePrintFile(filePath), PRINT_FILE_KEEP_MS).unref?.();
}

/**
 * At quit, synchronously (the process is about to end): the print files of this session. A viewer
 * may still show one; Linux lets it keep its copy, Windows refuses and the next start removes it.
 */
export function removePrintFilesOfSession(): void {
  for (const filePath of pending) {
    try {
      rmSync(filePath, { force: true });
      pending.delete(filePath);
    } catch {
      // left for the next start
    }
  }
}

/** At start: every print file left behind, here and in the old world-readable temp folder. */
export async function removeStalePrintFiles(): Promise<number> {
  let removed = 0;
  for (const folder of [printFolder(), path.join(tmpdir(), LEGACY_PRINT_FOLDER)]) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!name.endsWith('.pdf')) continue;
      await rm(path.join(folder, name), { force: true }).then(
        () => removed++,
        () => undefined,
      );
    }
  }
  return removed;
}
