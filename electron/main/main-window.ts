// The one application window.

import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL, PRODUCT_NAME } from './app-identity.js';
import { installQuitBackup } from './quit-backup.js';
import { installWindowGuards } from './window-guards.js';

export function preloadPath(): string {
  // tsc emits electron/preload/preload.cts as dist-electron/preload/preload.cjs, next to main/.
  return path.join(import.meta.dirname, '..', 'preload', 'preload.cjs');
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Chromium's built-in PDF viewer (no third-party plugin can be loaded: none ships with the
      // app), so a document's preview shows in the window exactly as it will print.
      plugins: true,
      // Middle-click would try to open links in a new window; window.open is denied anyway, and
      // the UI uses no auxclick handlers.
      disableBlinkFeatures: 'Auxclick',
      // Staff have no use for DevTools and they would open the database to anyone at the desk.
      devTools: !app.isPackaged,
    },
  });
  installWindowGuards(window);
  installQuitBackup(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
