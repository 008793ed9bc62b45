import type { WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';
import type { Bridge } from './bridge';
import { createElectronBackups } from './electron-backups';

/** True inside the Electron shell, where the preload has exposed window.workstation. */
export function hasWorkstationPreload(): boolean {
  return typeof window !== 'undefined' && window.workstation !== undefined;
}

/**
 * Electron rejects an invoke with "Error invoking remote method 'workstation:saveFile': Error: …".
 * The user should read only the main process's own (Chinese) message.
 */
export function cleanIpcErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(IpcRequestError|Error):\s*/, '');
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new Error(cleanIpcErrorMessage(error), { cause: error });
  }
}

/**
 * The Bridge over the preload's window.workstation. Takes the API as a parameter so tests can
 * pass a fake; in the app it is called without arguments.
 */
export function createElectronBridge(api: WorkstationPreloadApi | undefined = globalThis.window?.workstation): Bridge {
  if (api === undefined) {
    throw new Error('未找到 window.workstation：Electron 预加载脚本没有运行，请重新安装本程序。');
  }
  return {
    kind: 'electron',
    appInfo: () => call(async () => ({ ...(await api.appInfo()), platform: 'electron' as const })),
    saveFile: (request) => call(async () => api.saveFile({ suggestedName: request.suggestedName, filters: request.filters, bytes: await bytesOf(request.bytes) })),
    openFile: (request) => call(() => api.openFile({ title: request.title, filters: request.filters })),
    openFileBlob: async (request) => {
      const opened = await call(() => api.openFile({ title: request.title, filters: request.filters }));
      // Main reads the file whole (IPC); as a Blob it leaves this page's heap for the browser's blob store.
      return opened.status === 'opened' ? { status: 'opened', fileName: opened.fileName, file: new Blob([opened.bytes as Uint8Array<ArrayBuffer>]) } : opened;
    },
    printPdf: (request) => call(() => api.printPdf({ title: request.title, bytes: request.bytes })),
    notify: (title, body) => call(() => api.notify({ title, body })),
    documentFonts: () => call(() => api.documentFonts()),
    backups: createElectronBackups(api, call),
    storeRecord: {
      where: 'userData/store-record.json',
      read: async () => (await call(() => api.storeRecordRead())).text,
      write: (text) => call(() => api.storeRecordWrite({ text })),
    },
    auditAnchor: {
      where: 'userData/audit-anchor.json',
      read: async () => (await call(() => api.auditAnchorRead())).text,
      write: (text) => call(() => api.auditAnchorWrite({ text })),
    },
  };
}

/** A Blob's bytes, read from the blob store without blocking the page (the IPC message then carries them to main). */
async function bytesOf(content: Uint8Array | Blob): Promise<Uint8Array> {
  return content instanceof Blob ? new Uint8Array(await content.arrayBuffer()) : content;
}
