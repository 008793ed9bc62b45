import type { BackupSealKey } from '../core/backup';

// The Bridge: the only seam between the renderer and the platform it runs on. The UI calls these
// methods and never window.workstation, the DOM download trick or Electron directly. Two
// implementations: electron-bridge.ts (the preload's window.workstation) and browser-bridge.ts
// (downloads, <input type=file>, window.print) for browser mode and the end-to-end tests.

export type PlatformKind = 'electron' | 'browser';

export interface AppInfo {
  readonly productName: string;
  readonly version: string;
  readonly platform: PlatformKind;
  /** Where the app keeps its data (Electron only); shown in settings so staff can find backups. */
  readonly userDataPath?: string;
}

export interface FileFilter {
  /** Shown in the dialog, e.g. "Excel 工作簿". */
  readonly name: string;
  /** Without the dot, e.g. ["xlsx", "xls"]. */
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  readonly suggestedName: string;
  readonly filters: readonly FileFilter[];
  /**
   * The file's content. A Blob (e.g. made in a worker, whose Blob reaches the page as a handle) is
   * saved without the page ever copying or holding its bytes: a download of the Blob itself in a
   * browser, pieces read from it and sent to main in Electron.
   */
  readonly bytes: Uint8Array | Blob;
}

export type SaveFileResult =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' };

export interface OpenFileRequest {
  readonly title: string;
  readonly filters: readonly FileFilter[];
}

export type OpenFileResult =
  | { readonly status: 'opened'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly status: 'cancelled' };

/**
 * A chosen file as a Blob, read piece by piece by whoever needs it: a 165 MB register never has to
 * be one array in the page (browser: the File itself; Electron: the bytes main read, as a Blob).
 */
export type OpenFileBlobResult =
  | { readonly status: 'opened'; readonly fileName: string; readonly file: Blob }
  | { readonly status: 'cancelled' };

export interface PrintPdfRequest {
  readonly title: string;
  readonly bytes: Uint8Array;
}

/**
 * Where the store record (core/storage) is kept, out of reach of a wipe of the browser's database:
 * a file in userData (Electron), localStorage (browser mode). Text in, text out.
 */
export interface StoreRecordPort {
  /** Shown to the user: the file's path, or "本浏览器的本地存储". */
  readonly where: string;
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export interface Bridge {
  readonly kind: PlatformKind;
  /** Backup files (issue 7). */
  readonly backups: BackupBridge;
  /** The store record (issue 12). */
  readonly storeRecord: StoreRecordPort;
  /**
   * The audit chain's anchor (issue 12, db/audit-anchor.ts), kept the same way as the store record:
   * <userData>/audit-anchor.json beside the backups (Electron), localStorage (browser mode).
   */
  readonly auditAnchor: StoreRecordPort;
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Like openFile, but the content stays a Blob (large imports read it in chunks in a worker). */
  openFileBlob(request: OpenFileRequest): Promise<OpenFileBlobResult>;
  /** Prints a finished PDF as is (the office's documents must print exactly as previewed). */
  printPdf(request: PrintPdfRequest): Promise<void>;
  /** A desktop notification (petition deadlines); the browser bridge uses the Notification API. */
  notify(title: string, body: string): Promise<void>;
  /**
   * The office PC's own official fonts whose licence allows embedding (Electron's main process
   * looks in the font folders); none in a browser, where the bundled faces print every role.
   */
  documentFonts(): Promise<readonly DocumentFontFile[]>;
}

export interface DocumentFontFile {
  readonly role: 'title' | 'body' | 'heading1' | 'heading2';
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

// ── Backups (issue 7) ──────────────────────────────────────────────────────────────────────────
// The renderer produces the backup stream (it owns IndexedDB); the platform stores it. In Electron,
// main writes automatic backups into <userData>/backups (temp file, fsync, rename) and applies the
// retention policy; in a browser there is no folder the page may keep writing to, so backups are
// downloads the user starts (no automatic backups).

/** Why a backup is written; the same names as core/backup's BackupReason. */
export type BackupPurpose = 'manual' | 'startup' | 'quit' | 'pre-migration' | 'pre-upgrade' | 'pre-restore';

export type BackupTarget =
  /** Electron only: the backups folder under userData; main names the file. */
  | { readonly kind: 'auto'; readonly reason: BackupPurpose }
  /** A file the user chooses (Electron: save dialog; browser: a download). */
  | { readonly kind: 'choose'; readonly suggestedName: string };

export interface BackupSaved {
  readonly fileName: string;
  readonly byteLength: number;
  /** Automatic backups removed by the retention policy after this one was written. */
  readonly removedOld: number;
}

/** Receives one backup file in chunks; nothing is visible under the final name before finish(). */
export interface BackupWriter {
  readonly fileName: string;
  write(chunk: Uint8Array): Promise<void>;
  /** Discards what was written so far and starts the same file again (a retried backup). */
  rewind(): Promise<void>;
  finish(): Promise<BackupSaved>;
  /** Removes the partial file; safe to call after a failure. */
  abort(): Promise<void>;
}

export interface BackupFileInfo {
  readonly fileName: string;
  readonly byteLength: number;
  /** ISO 8601, from the file name main gave it (else the file's modification time). */
  readonly createdAt: string;
}

export type BackupSource = { readonly kind: 'auto'; readonly fileName: string } | { readonly kind: 'choose' };

/** An opened backup file that can be read from the start any number of times (verify, then restore). */
export interface BackupFileHandle {
  readonly fileName: string;
  readonly byteLength: number;
  chunks(): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

export interface DiskSpace {
  readonly freeBytes: number;
  readonly totalBytes: number | null;
  /** What was measured, e.g. the data folder (Electron) or "浏览器存储配额". */
  readonly where: string;
}

export interface BackupBridge {
  /** False in a browser: only manual backups (downloads) are possible there. */
  readonly automaticBackups: boolean;
  /** Null when the user cancelled the save dialog. */
  beginBackup(target: BackupTarget): Promise<BackupWriter | null>;
  /** Automatic backups, newest first (empty in a browser). */
  listBackups(): Promise<readonly BackupFileInfo[]>;
  /** Null when the user cancelled the open dialog. */
  openBackup(source: BackupSource): Promise<BackupFileHandle | null>;
  diskSpace(): Promise<DiskSpace | null>;
  /**
   * This installation's backup seal key (issue 12), created on first use and kept outside the case
   * database and every backup: Electron keeps it in a file in userData (main, mode 600); a browser in
   * its own IndexedDB database as a non-extractable key. Null when none can be kept.
   */
  sealKey(): Promise<BackupSealKey | null>;
  /**
   * Electron calls the handler when the window is about to close and waits (up to a limit) for it
   * to finish, so the quit backup is written; a browser never calls it.
   */
  onBeforeQuit(handler: () => Promise<void>): void;
}
