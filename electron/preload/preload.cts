// The preload: exposes exactly one object, window.workstation, with one method per action of the
// contract. CommonJS (.cts → .cjs) because sandboxed preloads cannot be ES modules, and it loads no
// local file at run time (a sandboxed preload may only require 'electron' and a few built-ins):
// the contract is imported for types only, and each channel literal below is checked against
// IpcChannel, so a misspelt or missing channel does not compile.

import electron = require('electron');

import type { IpcAction, IpcChannel, IpcRequest, IpcResponse, WorkstationApi } from '../shared/ipc-contract.js';

function invoke<A extends IpcAction>(channel: IpcChannel<A>, request: IpcRequest<A>): Promise<IpcResponse<A>> {
  return electron.ipcRenderer.invoke(channel, request) as Promise<IpcResponse<A>>;
}

const workstation = {
  appInfo: () => invoke<'appInfo'>('workstation:appInfo', undefined),
  saveFile: (request) => invoke<'saveFile'>('workstation:saveFile', request),
  openFile: (request) => invoke<'openFile'>('workstation:openFile', request),
  printPdf: (request) => invoke<'printPdf'>('workstation:printPdf', request),
  notify: (request) => invoke<'notify'>('workstation:notify', request),
} satisfies WorkstationApi;

electron.contextBridge.exposeInMainWorld('workstation', workstation);
