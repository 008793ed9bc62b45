import type { WorkstationPreloadApi } from '../../../electron/shared/ipc-contract';
import { releaseBuffer } from '../core/common/release-buffer';
import type { Bridge, SaveFileRequest, SaveFileResult } from './bridge';
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
    saveFile: (request) =>
      request.bytes instanceof Blob
        ? saveBlob(api, request.suggestedName, request.filters, request.bytes)
        : call(() => api.saveFile({ suggestedName: request.suggestedName, filters: request.filters, bytes: request.bytes as Uint8Array })),
    openFile: (request) => call(() => api.openFile({ title: request.title, filters: request.filters })),
    openFileBlob: async (request) => {
      const opened = await call(() => api.openFile({ title: request.title, filters: request.filters }));
      if (opened.status !== 'opened') return opened;
      // Main reads the file whole (IPC); as a Blob it leaves this page's heap for the browser's blob
      // store. The Blob copies the bytes: the message's own buffer goes now, not at the page's next
      // full collection (a million-row list is 165 MB, issue 17).
      const bytes = opened.bytes as Uint8Array<ArrayBuffer>;
      const file = new Blob([bytes]);
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) releaseBuffer(bytes.buffer);
      return { status: 'opened', fileName: opened.fileName, file };
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

/** Bytes of a Blob per IPC message when saving it in pieces (main takes up to 16 MiB). */
export const SAVE_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * A Blob saved in pieces: main asks where (the dialog), then each 4 MiB piece is read from the
 * browser's blob store and sent, so the page never holds the whole file nor copies it in one task
 * (the bank list of a million lines is tens of MB; issue 17). A failure removes main's temp file.
 */
async function saveBlob(api: WorkstationPreloadApi, suggestedName: string, filters: SaveFileRequest['filters'], blob: Blob): Promise<SaveFileResult> {
  const started = await call(() => api.saveFileBegin({ suggestedName, filters }));
  if (started.status !== 'started') return started;
  const { sessionId } = started;
  try {
    for (let at = 0; at < blob.size; at += SAVE_PIECE_BYTES) {
      const bytes = new Uint8Array(await blob.slice(at, at + SAVE_PIECE_BYTES).arrayBuffer());
      await call(() => api.saveFileWrite({ sessionId, bytes }));
    }
    return await call(() => api.saveFileFinish({ sessionId }));
  } catch (error) {
    await api.saveFileAbort({ sessionId }).catch(() => undefined);
    throw error;
  }
}
