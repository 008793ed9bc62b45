// Messages between the register page and creditor-export.worker.ts (issue 17: a million creditors,
// streamed into the file with progress and 取消).

export interface ExportRequest {
  readonly caseId: string;
  readonly kind: 'full' | 'public';
  readonly sheetName: string;
}

export type ToExportWorker = ({ readonly type: 'start' } & ExportRequest) | { readonly type: 'cancel' };

export interface BuiltExport {
  /** The xlsx, gathered in the browser's blob store as it was written (never whole in a heap). */
  readonly file: Blob;
  readonly hash: string;
  readonly rows: number;
  /** More than one when the register has more creditors than a sheet has rows. */
  readonly sheetNames: readonly string[];
}

export type FromExportWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | ({ readonly type: 'built' } & BuiltExport)
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly message: string };
