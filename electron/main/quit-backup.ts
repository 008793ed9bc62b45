// The quit backup: when the window is asked to close, main first asks the renderer (which owns the
// database) to write a backup, and closes once it says it is done, or after a time limit so a hung
// page can never keep the app from quitting. The preload answers at once when the page registered
// no handler (e.g. the start-up problem screen).

import type { BrowserWindow } from 'electron';
import { BEFORE_QUIT_EVENT } from '../shared/ipc-contract.js';
import { closeAllBackupSessions } from './backup-actions.js';

/** A million creditors back up in well under a minute; beyond this the page is taken to be hung. */
export const QUIT_BACKUP_TIMEOUT_MS = 5 * 60 * 1000;

let pendingDone: (() => void) | null = null;

/** Called by the beforeQuitDone action. */
export function beforeQuitDone(): void {
  const done = pendingDone;
  pendingDone = null;
  done?.();
}

export function installQuitBackup(window: BrowserWindow, timeoutMs = QUIT_BACKUP_TIMEOUT_MS): void {
  let finished = false;
  window.on('close', (event) => {
    if (finished || window.webContents.isCrashed()) return;
    event.preventDefault();
    if (pendingDone) return; // already asked; a second click on × waits for the same backup
    const timer = setTimeout(() => {
      console.warn('[backup] quit backup did not finish in time; closing anyway');
      finish();
    }, timeoutMs);
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      pendingDone = null;
      if (!window.isDestroyed()) window.close();
    };
    pendingDone = finish;
    window.webContents.send(BEFORE_QUIT_EVENT);
  });
  window.on('closed', () => {
    void closeAllBackupSessions();
  });
  window.webContents.on('render-process-gone', () => {
    void closeAllBackupSessions();
    // A crashed page cannot answer; let the close go on.
    if (pendingDone) beforeQuitDone();
  });
}
