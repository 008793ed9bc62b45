// Messages between the ledger import dialog and firm-import.worker.ts (issue 14: a city's registry
// export of 200,000 firms is read and keyword-checked off the window's thread, with progress).
import type { FirmImportResult } from '../core/screening';

/** What the worker needs besides the file: everything it would otherwise read from the database. */
export interface FirmImportContext {
  readonly today: string;
  readonly keywords: readonly string[];
  /** The ledger's firms by credit code, and those still without one by their normalised name. */
  readonly byCode: readonly (readonly [string, { readonly id: string; readonly name: string }])[];
  readonly pendingByName: readonly (readonly [string, string])[];
}

export interface FirmImportRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly sheet?: string;
  readonly context: FirmImportContext;
}

export type FirmImportMessage =
  | { readonly type: 'progress'; readonly phase: 'read' | 'check'; readonly rowsRead: number }
  | { readonly type: 'done'; readonly result: FirmImportResult }
  | { readonly type: 'failed'; readonly message: string };
