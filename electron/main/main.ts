// Entry point of the main process (ESM). Order matters: everything before `whenReady` must run
// before Electron initialises (sandbox, scheme privileges, userData path, single-instance lock).

import path from 'node:path';
import { app, type BrowserWindow, session } from 'electron';
import { APP_ID, PRODUCT_NAME } from './app-identity.js';
import { installAppMenu } from './app-menu.js';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol.js';
import { privatiseBackups, removeStaleBackupTempFiles } from './backup-actions.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { createMainWindow } from './main-window.js';
import { removePrintFilesOfSession, removeStalePrintFiles } from './print-pdf.js';
import { hardenAllWebContents, hardenSession } from './security.js';

// Every renderer runs sandboxed, whatever its webPreferences say.
app.enableSandbox();

// Pin the name and data folder explicitly, so a change to package.json cannot move them (see
// app-identity.ts). Tests and developers may point an unpackaged build at a scratch folder.
app.setName(PRODUCT_NAME);
const scratchUserData = process.env.WORKSTATION_USER_DATA_DIR;
app.setPath(
  'userData',
  !app.isPackaged && scratchUserData ? path.resolve(scratchUserData) : path.join(app.getPath('appData'), PRODUCT_NAME),
);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

registerAppSchemeAsPrivileged();
hardenAllWebContents();

let mainWindow: BrowserWindow | null = null;

// One process per user: two would write the same IndexedDB at once. A second start focuses the
// window of the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());
  // Print files hold personal data; none outlives the session where it can be helped.
  app.on('will-quit', () => removePrintFilesOfSession());

  void app.whenReady().then(() => {
    const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
    hardenSession(session.defaultSession);
    handleAppProtocol(session.defaultSession, rendererRoot);
    registerIpcHandlers();
    installAppMenu();
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void removeStalePrintFiles();
    void removeStaleBackupTempFiles();
    void privatiseBackups();
  });
}
