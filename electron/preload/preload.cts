// The preload: exposes exactly one object, window.workstation, with one method per action of the
// contract. CommonJS (.cts → .cjs) because sandboxed preloads cannot be ES modules, and it loads no
// local file at run time (a sandboxed preload may only require 'electron' and a few built-ins):
// the contract is imported for types only, and each channel literal below is checked against
// IpcChannel, so a misspelt or missing channel does not compile.

import electron = require('electron');

import type { IpcAction, IpcChannel, IpcRequest, IpcResponse, WorkstationPreloadApi } from '../shared/ipc-contract.js';

function invoke<A extends IpcAction>(channel: IpcChannel<A>, request: IpcRequest<A>): Promise<IpcResponse<A>> {
  return electron.ipcRenderer.invoke(channel, request) as Promise<IpcResponse<A>>;
}

// The quit backup (see main/quit-backup.ts). Registered at load, so main gets an answer even when
// the page never registers a handler; the page's handler never sees the IPC event object.
let beforeQuit: (() => Promise<void>) | null = null;
// Must equal BEFORE_QUIT_EVENT in shared/ipc-contract.ts (the sandboxed preload cannot import it).
electron.ipcRenderer.on('workstation-event:before-quit', () => {
  const handler = beforeQuit;
  const run = handler ? handler().catch(() => undefined) : Promise.resolve();
  void run.then(() => invoke<'beforeQuitDone'>('workstation:beforeQuitDone', undefined));
});

const workstation = {
  appInfo: () => invoke<'appInfo'>('workstation:appInfo', undefined),
  saveFile: (request) => invoke<'saveFile'>('workstation:saveFile', request),
  saveFileBegin: (request) => invoke<'saveFileBegin'>('workstation:saveFileBegin', request),
  saveFileWrite: (request) => invoke<'saveFileWrite'>('workstation:saveFileWrite', request),
  saveFileFinish: (request) => invoke<'saveFileFinish'>('workstation:saveFileFinish', request),
  saveFileAbort: (request) => invoke<'saveFileAbort'>('workstation:saveFileAbort', request),
  openFile: (request) => invoke<'openFile'>('workstation:openFile', request),
  printPdf: (request) => invoke<'printPdf'>('workstation:printPdf', request),
  notify: (request) => invoke<'notify'>('workstation:notify', request),
  backupBegin: (request) => invoke<'backupBegin'>('workstation:backupBegin', request),
  backupWrite: (request) => invoke<'backupWrite'>('workstation:backupWrite', request),
  backupRewind: (request) => invoke<'backupRewind'>('workstation:backupRewind', request),
  backupFinish: (request) => invoke<'backupFinish'>('workstation:backupFinish', request),
  backupAbort: (request) => invoke<'backupAbort'>('workstation:backupAbort', request),
  listBackups: () => invoke<'listBackups'>('workstation:listBackups', undefined),
  backupOpen: (request) => invoke<'backupOpen'>('workstation:backupOpen', request),
  backupRead: (request) => invoke<'backupRead'>('workstation:backupRead', request),
  backupClose: (request) => invoke<'backupClose'>('workstation:backupClose', request),
  backupSealKey: () => invoke<'backupSealKey'>('workstation:backupSealKey', undefined),
  diskSpace: () => invoke<'diskSpace'>('workstation:diskSpace', undefined),
  beforeQuitDone: () => invoke<'beforeQuitDone'>('workstation:beforeQuitDone', undefined),
  documentFonts: () => invoke<'documentFonts'>('workstation:documentFonts', undefined),
  storeRecordRead: () => invoke<'storeRecordRead'>('workstation:storeRecordRead', undefined),
  storeRecordWrite: (request) => invoke<'storeRecordWrite'>('workstation:storeRecordWrite', request),
  auditAnchorRead: () => invoke<'auditAnchorRead'>('workstation:auditAnchorRead', undefined),
  auditAnchorWrite: (request) => invoke<'auditAnchorWrite'>('workstation:auditAnchorWrite', request),
  onBeforeQuit: (listener) => {
    beforeQuit = listener;
  },
} satisfies WorkstationPreloadApi;

electron.contextBridge.exposeInMainWorld('workstation', workstation);
