// The whole IPC contract between the renderer and the main process, in one types file.
//
// Main (electron/main/ipc-handlers.ts), the preload (electron/preload/preload.cts) and the renderer
// (renderer/src/platform/electron-bridge.ts) are all checked against WorkstationApi, so a method
// added here fails to compile until every side implements it. The preload exposes exactly these
// methods as `window.workstation`; there is no generic send/invoke.
//
// Types only, with one exception: channelFor(), a pure template used by main. The sandboxed preload
// cannot load local files at run time, so it writes the channel literals itself and the
// IpcChannel type checks them against the same template.

/** What the app reports about itself; the renderer adds `platform: 'electron'`. */
export interface AppInfoResponse {
  readonly productName: string;
  readonly version: string;
  /** Where Electron keeps the IndexedDB and (later) the backups; shown in settings. */
  readonly userDataPath: string;
}

export interface FileFilterSpec {
  /** Shown in the dialog, e.g. "Excel 工作簿". */
  readonly name: string;
  /** Without the dot, e.g. ["xlsx", "xls"]. */
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  /** A bare file name (no folders); the user picks the folder in the dialog. */
  readonly suggestedName: string;
  readonly filters: readonly FileFilterSpec[];
  readonly bytes: Uint8Array;
}

export type SaveFileResponse =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' };

/** A large file saved in pieces (saveFileBegin → saveFileWrite… → saveFileFinish): the dialog first. */
export interface SaveFileBeginRequest {
  readonly suggestedName: string;
  readonly filters: readonly FileFilterSpec[];
}

export type SaveFileBeginResponse = { readonly status: 'started'; readonly sessionId: string } | { readonly status: 'cancelled' };

export interface SaveFileWriteRequest {
  readonly sessionId: string;
  /** The next piece, appended. */
  readonly bytes: Uint8Array;
}

export interface SaveFileSessionRequest {
  readonly sessionId: string;
}

export interface OpenFileRequest {
  readonly title: string;
  readonly filters: readonly FileFilterSpec[];
}

export type OpenFileResponse =
  | { readonly status: 'opened'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly status: 'cancelled' };

export interface PrintPdfRequest {
  /** Used for the temporary file name, so the viewer's title bar names the document. */
  readonly title: string;
  /** A finished PDF, printed as is. */
  readonly bytes: Uint8Array;
}

export interface NotifyRequest {
  readonly title: string;
  readonly body: string;
}

/**
 * One method per action. Every method takes at most one plain-data argument (structured-clone
 * safe) and returns a promise; failures reject with a Chinese message that names the field.
 */
export interface WorkstationApi {
  appInfo(): Promise<AppInfoResponse>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResponse>;
  // A file too large to cross as one message (the bank list of a million lines, a Blob on the
  // page): the user picks the place, the page sends pieces read from its Blob, main writes them to a
  // temp file beside the target and renames it into place on finish (fsync first), as saveFile does.
  saveFileBegin(request: SaveFileBeginRequest): Promise<SaveFileBeginResponse>;
  saveFileWrite(request: SaveFileWriteRequest): Promise<void>;
  saveFileFinish(request: SaveFileSessionRequest): Promise<SaveFileResponse>;
  /** Removes the temp file; safe after a failure. */
  saveFileAbort(request: SaveFileSessionRequest): Promise<void>;
  openFile(request: OpenFileRequest): Promise<OpenFileResponse>;
  /** Writes the PDF to a temporary file and opens it in the system PDF viewer for printing. */
  printPdf(request: PrintPdfRequest): Promise<void>;
  notify(request: NotifyRequest): Promise<void>;
  // Backups (issue 7). The renderer produces the stream (it owns IndexedDB) and sends it in chunks;
  // main writes it to a temp file beside the target, fsyncs and renames. Automatic backups go to
  // <userData>/backups under a name main chooses; the renderer never names a path, only picks an
  // automatic backup by its bare file name (checked to lie inside that folder) or asks for a dialog.
  backupBegin(request: BackupBeginRequest): Promise<BackupBeginResponse>;
  backupWrite(request: BackupWriteRequest): Promise<void>;
  /** Empties the temp file so a backup interrupted by a concurrent write can start again. */
  backupRewind(request: BackupSessionRequest): Promise<void>;
  /** fsync, rename into place; for automatic backups also applies the retention policy. */
  backupFinish(request: BackupSessionRequest): Promise<BackupFinishResponse>;
  backupAbort(request: BackupSessionRequest): Promise<void>;
  listBackups(): Promise<BackupListResponse>;
  backupOpen(request: BackupOpenRequest): Promise<BackupOpenResponse>;
  backupRead(request: BackupReadRequest): Promise<Uint8Array>;
  backupClose(request: BackupReadSessionRequest): Promise<void>;
  /**
   * The backup seal key (issue 12): 32 random bytes main keeps in <userData>/backup-seal.key (mode
   * 600), created on first use. Outside the database and every backup, so a backup's seal (HMAC)
   * proves it was not changed after this installation wrote it.
   */
  backupSealKey(): Promise<BackupSealKeyResponse>;
  /** Free space where the database and backups live (userData). */
  diskSpace(): Promise<DiskSpaceResponse>;
  /** The renderer finished (or gave up) its quit backup; main closes the window. */
  beforeQuitDone(): Promise<void>;
  // The store record (issue 12): what the case database held and the last backup, in a small file
  // in userData that a wipe of the browser's storage does not reach. Main stores the text as is.
  storeRecordRead(): Promise<StoreRecordReadResponse>;
  storeRecordWrite(request: StoreRecordWriteRequest): Promise<void>;
  // The audit chain's anchor (issue 12): the newest audit entry's number and hash, in
  // <userData>/audit-anchor.json beside the backups. Same shapes as the store record.
  auditAnchorRead(): Promise<StoreRecordReadResponse>;
  auditAnchorWrite(request: StoreRecordWriteRequest): Promise<void>;
  /** The office PC's own official fonts whose licence allows embedding in a PDF, one per role. */
  documentFonts(): Promise<readonly DocumentFontFile[]>;
}

/** GB/T 9704 roles: 标题 小标宋, 正文 仿宋, 一级标题 黑体, 二级标题 楷体. */
export type DocumentFontRole = 'title' | 'body' | 'heading1' | 'heading2';

export interface DocumentFontFile {
  readonly role: DocumentFontRole;
  /** The font's Chinese name, e.g. 仿宋_GB2312. */
  readonly name: string;
  /** The bare file name (never a path: the renderer needs none). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Not invoke actions: callbacks the preload registers for main's events. */
export interface WorkstationEvents {
  /** Main asks for the quit backup; the listener's promise settling lets the window close. */
  onBeforeQuit(listener: () => Promise<void>): void;
}

/** What the preload exposes as window.workstation. */
export type WorkstationPreloadApi = WorkstationApi & WorkstationEvents;

/** The channel main sends the before-quit event on (not an invoke channel). */
export const BEFORE_QUIT_EVENT = 'workstation-event:before-quit';

export type BackupReasonName = 'manual' | 'startup' | 'quit' | 'pre-migration' | 'pre-upgrade' | 'pre-restore';

export type BackupBeginRequest =
  | { readonly target: 'auto'; readonly reason: BackupReasonName }
  | { readonly target: 'choose'; readonly suggestedName: string };

export type BackupBeginResponse =
  | { readonly status: 'started'; readonly sessionId: string; readonly fileName: string }
  | { readonly status: 'cancelled' };

export interface BackupSessionRequest {
  readonly sessionId: string;
}

export interface BackupWriteRequest {
  readonly sessionId: string;
  readonly bytes: Uint8Array;
}

export interface BackupFinishResponse {
  readonly fileName: string;
  readonly byteLength: number;
  readonly removedOld: number;
}

export interface BackupListEntry {
  readonly fileName: string;
  readonly byteLength: number;
  readonly createdAt: string;
}

export interface BackupListResponse {
  readonly folder: string;
  /** Newest first. */
  readonly backups: readonly BackupListEntry[];
}

export type BackupOpenRequest = { readonly source: 'auto'; readonly fileName: string } | { readonly source: 'choose' };

export type BackupOpenResponse =
  | { readonly status: 'opened'; readonly readId: string; readonly fileName: string; readonly byteLength: number }
  | { readonly status: 'cancelled' };

export interface BackupReadRequest {
  readonly readId: string;
  readonly offset: number;
  readonly length: number;
}

export interface BackupReadSessionRequest {
  readonly readId: string;
}

export interface BackupSealKeyResponse {
  readonly key: Uint8Array;
}

export interface DiskSpaceResponse {
  readonly freeBytes: number;
  readonly totalBytes: number;
  readonly path: string;
}

export interface StoreRecordReadResponse {
  /** Null before the first write. */
  readonly text: string | null;
  readonly path: string;
}

export interface StoreRecordWriteRequest {
  readonly text: string;
}

export type IpcAction = keyof WorkstationApi;

/** Every channel is "workstation:<action>"; nothing else is ever handled or invoked. */
export type IpcChannel<A extends IpcAction = IpcAction> = `workstation:${A}`;

export type IpcRequest<A extends IpcAction> = Parameters<WorkstationApi[A]> extends [infer R] ? R : undefined;

export type IpcResponse<A extends IpcAction> = Awaited<ReturnType<WorkstationApi[A]>>;

export const IPC_CHANNEL_PREFIX = 'workstation:';

export function channelFor<A extends IpcAction>(action: A): IpcChannel<A> {
  return `${IPC_CHANNEL_PREFIX}${action}` as IpcChannel<A>;
}
