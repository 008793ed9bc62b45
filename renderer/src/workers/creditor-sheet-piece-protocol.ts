// Messages between the creditor import worker and a sheet-piece worker (creditor-sheet-piece.worker.ts).
import type { ParsingOptions } from '@e965/xlsx';
import type { SheetRow, XlsxPieceFiles } from '../core/creditors';
import type { PackedRows } from '../core/creditors/packed-rows';

export interface ToPieceWorker {
  readonly type: 'parse';
  readonly sheet: string;
  readonly files: XlsxPieceFiles;
  readonly options: ParsingOptions;
  readonly fileName: string;
}

export type FromPieceWorker =
  /** Its code is loaded (posted once, at start). */
  | { readonly type: 'ready' }
  /** The piece arrived; its parse begins. */
  | { readonly type: 'started' }
  /** The piece's rows, packed (their typed arrays transferred), or as objects when they cannot be packed. */
  | { readonly type: 'rows'; readonly packed: PackedRows }
  | { readonly type: 'rows'; readonly rows: readonly SheetRow[] }
  /** The piece is not readable (SheetJS's own error): the file is, as a whole. */
  | { readonly type: 'unreadable'; readonly code: 'FILE_UNREADABLE' | 'FILE_LIMIT' | 'SHEET_NOT_FOUND'; readonly message: string };
