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
  readonly bytes: Uint8Array;
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

export interface PrintPdfRequest {
  readonly title: string;
  readonly bytes: Uint8Array;
}

export interface Bridge {
  readonly kind: PlatformKind;
  appInfo(): Promise<AppInfo>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  /** Prints a finished PDF as is (the office's documents must print exactly as previewed). */
  printPdf(request: PrintPdfRequest): Promise<void>;
  /** A desktop notification (petition deadlines); the browser bridge uses the Notification API. */
  notify(title: string, body: string): Promise<void>;
}
