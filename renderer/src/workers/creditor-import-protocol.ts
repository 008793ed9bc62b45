// Messages between the import wizard (UI thread) and creditor-import.worker.ts.
import type { AmountUnits, CellValue, ColumnMapping, ImportProblem, RowOutcome } from '../core/creditors';
import type { SpaceFigure } from '../core/storage';
import type { CreditorImportSummary } from '../db/records';
import type { ImportMode, PlanOptions } from '../db/repositories/creditor-merge';

export interface ImportRunOptions {
  readonly sheet: string;
  readonly headerRow?: number;
  readonly mapping?: ColumnMapping;
  readonly units?: Partial<AmountUnits>;
  /** Merge into the register (repeated contracts skipped unless added on purpose) or replace it. */
  readonly plan?: PlanOptions;
}

export type ToWorker =
  /** The file as a Blob (a handle: the worker reads it in pieces). */
  | { readonly type: 'open'; readonly caseId: string; readonly fileName: string; readonly file: Blob }
  | { readonly type: 'preview'; readonly options: ImportRunOptions }
  /** `disk`: free space of the data folder's disk from the Bridge (null in a browser). */
  | { readonly type: 'run'; readonly caseId: string; readonly options: ImportRunOptions; readonly disk?: SpaceFigure | null }
  | { readonly type: 'cancel' }
  | { readonly type: 'commit'; readonly fileHash: string; readonly disk?: SpaceFigure | null }
  | { readonly type: 'export-problems' }
  /** Before ending the worker: stops any work and removes blocks written ahead; answered by 'closed'. */
  | { readonly type: 'close' };

/** The first rows of a sheet and what the import core makes of them (before any validation). */
export interface SheetPreview {
  readonly sheet: string;
  readonly rows: readonly { readonly row: number; readonly cells: readonly CellValue[] }[];
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly units: AmountUnits;
  readonly fatal: ImportProblem | null;
}

/** The validation report: problem rows only (a million ok rows need no message each). */
export interface ImportReport {
  readonly sheet: string;
  readonly fatal: ImportProblem | null;
  readonly problems: readonly RowOutcome[];
  readonly dataRows: number;
  readonly okRows: number;
  readonly warningRows: number;
  readonly errorRows: number;
  readonly conflictRows: number;
  readonly skipped: { readonly blank: number; readonly total: number; readonly note: number; readonly header: number };
  readonly creditorsInFile: number;
  readonly newCreditors: number;
  readonly mergedCreditors: number;
  readonly importedRows: number;
  readonly mode: ImportMode;
  /** Rows whose contract the register already has (also listed in problems, code REPEATED_CONTRACT). */
  readonly repeatedRows: number;
  readonly repeatsAdded: boolean;
  /** Replace: creditors of the register not in the file, and how many of them were 已核实. */
  readonly removedCreditors: number;
  readonly removedVerified: number;
  /** Creditors in the register before this import. */
  readonly registerCountBefore: number;
  /** Totals of the valid rows of the file. */
  readonly filePrincipalFen: number;
  readonly fileReturnedFen: number;
  readonly fileNetClaimFen: number;
  /** The register's totals after commit. */
  readonly registerCount: number;
  readonly registerPrincipalFen: number;
  readonly registerNetClaimFen: number;
  readonly mapping: ColumnMapping;
  readonly headers: readonly string[];
  readonly units: AmountUnits;
  readonly headerRow: number | null;
  readonly parseMs: number;
  /** Not enough room on disk for the import's blocks (nothing was written): what is needed, what to free. */
  readonly spaceProblem?: string | null;
}

export type FromWorker =
  | { readonly type: 'opened'; readonly kind: 'xlsx' | 'xls' | 'csv'; readonly sheetNames: readonly string[]; readonly chosenSheet: string; readonly parseMs: number }
  | { readonly type: 'preview'; readonly preview: SheetPreview }
  | { readonly type: 'progress'; readonly phase: 'validate' | 'commit'; readonly done: number; readonly total: number }
  | { readonly type: 'report'; readonly report: ImportReport }
  | { readonly type: 'cancelled' }
  | { readonly type: 'committed'; readonly generation: number; readonly summary: CreditorImportSummary }
  | { readonly type: 'problems-file'; readonly bytes: ArrayBuffer }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'closed' };
