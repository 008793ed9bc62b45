import { version } from '../../../package.json';
import type { AppInfo, Bridge, OpenFileBlobResult, OpenFileRequest, OpenFileResult, PrintPdfRequest, SaveFileRequest, SaveFileResult, StoreRecordPort } from './bridge';
import { createBrowserBackups } from './browser-backups';
import { documentPrintPage, printPdfInFrame } from './browser-print';

/**
 * The Bridge in a plain browser (browser mode of `npm start`, and the end-to-end tests): files go
 * through the download mechanism and <input type=file>, printing through the browser's PDF viewer.
 */
export function createBrowserBridge(): Bridge {
  return {
    kind: 'browser',
    appInfo: async (): Promise<AppInfo> => ({ productName: '处非工作台', version, platform: 'browser' }),
    saveFile,
    openFile,
    openFileBlob: pickFile,
    printPdf,
    backups: createBrowserBackups(),
    documentFonts: async () => [],
    storeRecord: browserStoreRecord(),
    auditAnchor: browserTextRecord(AUDIT_ANCHOR_KEY),
    notify: async (title, body) => {
      if (!('Notification' in globalThis)) return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission === 'granted') new Notification(title, { body });
    },
  };
}

const STORE_RECORD_KEY = 'chufei-workstation:store-record';

/**
 * localStorage is a separate store from IndexedDB in Chromium: dropping a damaged IndexedDB leaves
 * it. (Clearing the site's data removes both, and then there is nothing to warn about.)
 */
function browserStoreRecord(): Bridge['storeRecord'] {
  return browserTextRecord(STORE_RECORD_KEY);
}

/** The audit chain's anchor sits beside the store record, for the same reason. */
export const AUDIT_ANCHOR_KEY = 'chufei-workstation:audit-anchor';

function browserTextRecord(key: string): StoreRecordPort {
  return {
    where: '本浏览器的本地存储',
    read: async () => globalThis.localStorage?.getItem(key) ?? null,
    write: async (text) => globalThis.localStorage?.setItem(key, text),
  };
}

async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  // A Blob is downloaded as it is (no copy on the page); bytes are copied into one first.
  const blob = request.bytes instanceof Blob ? request.bytes : new Blob([request.bytes as Uint8Array<ArrayBuffer>]);
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The download has been handed to the browser by now; revoke later so slow disks still get it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { status: 'saved', fileName: request.suggestedName };
}

async function openFile(request: OpenFileRequest): Promise<OpenFileResult> {
  const picked = await pickFile(request);
  if (picked.status !== 'opened') return picked;
  return { status: 'opened', fileName: picked.fileName, bytes: new Uint8Array(await picked.file.arrayBuffer()) };
}

/** The File the user picked, unread: the disk-backed Blob is read later, in pieces. */
function pickFile(request: OpenFileRequest): Promise<OpenFileBlobResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        resolve({ status: 'cancelled' });
        return;
      }
      resolve({ status: 'opened', fileName: file.name, file });
    });
    input.addEventListener('cancel', () => resolve({ status: 'cancelled' }));
    input.click();
  });
}

/** The browser's print preview of the PDF, or an error saying in Chinese to save it and print from a reader (browser-print.ts). */
async function printPdf(request: PrintPdfRequest): Promise<void> {
  await printPdfInFrame(request, documentPrintPage());
}
