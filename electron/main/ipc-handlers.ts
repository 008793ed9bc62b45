// Registers one ipcMain.handle per action of the contract. Every call first checks the sender
// (top frame of app://workstation) and then the argument schema; only then does the action run.

import { app, BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import {
  channelFor,
  type IpcAction,
  type IpcRequest,
  type IpcResponse,
} from '../shared/ipc-contract.js';
import { PRODUCT_NAME } from './app-identity.js';
import {
  backupAbort,
  backupBegin,
  backupClose,
  backupFinish,
  backupOpen,
  backupRead,
  backupRewind,
  backupWrite,
  diskSpace,
  listBackups,
} from './backup-actions.js';
import { backupSealKey } from './backup-seal-key.js';
import { findDocumentFonts } from './document-fonts.js';
import { openFile, saveFile, saveFileAbort, saveFileBegin, saveFileFinish, saveFileWrite } from './file-actions.js';
import { IpcRequestError, parseIpcRequest } from './ipc-schemas.js';
import { notify } from './notify.js';
import { printPdf } from './print-pdf.js';
import { beforeQuitDone } from './quit-backup.js';
import { isTrustedSender, untrustedSenderMessage } from './sender-origin.js';
import { readAuditAnchor, readStoreRecord, writeAuditAnchor, writeStoreRecord } from './store-record-file.js';

type Handler<A extends IpcAction> = (request: IpcRequest<A>, window: BrowserWindow | null) => Promise<IpcResponse<A>>;

const HANDLERS: { readonly [A in IpcAction]: Handler<A> } = {
  appInfo: async () => ({
    productName: PRODUCT_NAME,
    version: app.getVersion(),
    userDataPath: app.getPath('userData'),
  }),
  saveFile: (request, window) => saveFile(window, request),
  saveFileBegin: (request, window) => saveFileBegin(window, request),
  saveFileWrite: (request) => saveFileWrite(request.sessionId, request.bytes),
  saveFileFinish: (request) => saveFileFinish(request.sessionId),
  saveFileAbort: (request) => saveFileAbort(request.sessionId),
  openFile: (request, window) => openFile(window, request),
  printPdf: (request) => printPdf(request),
  notify: (request, window) => notify(window, request),
  backupBegin: (request, window) => backupBegin(window, request),
  backupWrite: (request) => backupWrite(request.sessionId, request.bytes),
  backupRewind: (request) => backupRewind(request.sessionId),
  backupFinish: (request) => backupFinish(request.sessionId),
  backupAbort: (request) => backupAbort(request.sessionId),
  listBackups: () => listBackups(),
  backupOpen: (request, window) => backupOpen(window, request),
  backupRead: (request) => backupRead(request),
  backupClose: (request) => backupClose(request.readId),
  backupSealKey: () => backupSealKey(),
  diskSpace: () => diskSpace(),
  beforeQuitDone: async () => beforeQuitDone(),
  documentFonts: () => findDocumentFonts(),
  storeRecordRead: () => readStoreRecord(),
  storeRecordWrite: (request) => writeStoreRecord(request.text),
  auditAnchorRead: () => readAuditAnchor(),
  auditAnchorWrite: (request) => writeAuditAnchor(request.text),
};

function register<A extends IpcAction>(action: A): void {
  const handler: Handler<A> = HANDLERS[action];
  ipcMain.handle(channelFor(action), async (event: IpcMainInvokeEvent, raw: unknown) => {
    const frame = event.senderFrame;
    const url = frame?.url;
    if (!isTrustedSender(frame ? { url, isTopFrame: frame.parent === null } : null)) {
      console.warn(`[ipc] refused ${action} from ${url ?? 'a destroyed frame'}`);
      throw new IpcRequestError(untrustedSenderMessage(url));
    }
    const request = parseIpcRequest(action, raw);
    return handler(request, BrowserWindow.fromWebContents(event.sender));
  });
}

export function registerIpcHandlers(): void {
  for (const action of Object.keys(HANDLERS) as IpcAction[]) {
    register(action);
  }
}
