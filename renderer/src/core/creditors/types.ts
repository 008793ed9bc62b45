// Domain types of the creditor register (集资参与人名单). Plain JSON (no classes, no Dates): the
// database layer stores them as they are and repayment allocation reads them.
import type { MoneyUnit } from '../money';

/** ID document type (证件类型). 'resident15': a 15-digit legacy number, stored converted to 18 digits. */
export type IdType = 'resident' | 'resident15' | 'passport' | 'hk_macau' | 'taiwan' | 'org';

/** Verification status (核实状态). */
export type CreditorStatus = '待核实' | '已核实' | '存疑';

/** Why a creditor is kept out of refunds or handled separately (员工, 业务员, 被告人, 未登记). */
export type Exclusion = null | 'employee' | 'agent' | 'defendant' | 'unregistered';

/** One contract / investment row (投资记录) of a creditor. */
export interface InvestmentRecord {
  readonly principalFen: number;
  readonly returnedFen: number;
  /** Excel row number the record came from (1-based, as Excel shows it). */
  readonly sourceRow: number;
  readonly note: string;
}

/** A creditor (集资参与人): one person or institution per normalized ID within a case. */
export interface Creditor {
  name: string;
  idType: IdType;
  /** Normalized: 18-digit resident ID (15-digit input converted), upper-case credit code, etc. */
  idNumber: string;
  phone?: string;
  address?: string;
  bankName?: string;
  bankAccount?: string;
  contracts: InvestmentRecord[];
  /** Sum of the contracts' principal (投资本金). */
  principalFen: number;
  /** Sum of returns already received (已获利息/返利). */
  returnedFen: number;
  /** 核定清退基数 = max(0, principal − returned), over all the creditor's contracts together. */
  netClaimFen: number;
  status: CreditorStatus;
  exclusion: Exclusion;
  /** Why the creditor is 存疑 (what to check), as the verifier wrote it; absent otherwise. */
  statusNote?: string;
  /**
   * 核实状态 as the imported file gave it (the source's own check, e.g. the police's). Shown and
   * filterable, never the app's status: 已核实 here is set by a 审核 user (four eyes), not by a file.
   */
  fileStatus?: CreditorStatus;
}

/**
 * The creditors of an import in file order, read one at a time (issue 17): the import keeps them by
 * columns and builds a creditor object only when asked, so a million of them never exist at once.
 */
export interface ImportedCreditors {
  readonly count: number;
  /**
   * Creditor i as an object. One with a single contract is built anew on each call (the caller may
   * keep or change it); one with several is the same object each time.
   */
  creditor(i: number): Creditor;
  idType(i: number): IdType;
  idNumber(i: number): string;
  contractCount(i: number): number;
  principalFen(i: number): number;
  returnedFen(i: number): number;
  netClaimFen(i: number): number;
  /** Lets go of creditors [0, end), as far as the storage allows: they cannot be read again. */
  release(end: number): void;
}

/** A cell as read from the file: CSV gives strings; xlsx keeps numbers as numbers (an ID in a numeric cell is an error). */
export type CellValue = string | number | boolean | null;

/** One spreadsheet row with its Excel row number (1-based). */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** Columns whose cell is part of a range merged down several rows (xlsx/xls only). */
  readonly merged?: readonly number[];
  /** Columns holding a formula whose result the file did not save (xlsx written by programs). */
  readonly formulas?: readonly number[];
}

/** The columns the import understands. */
export type FieldKey =
  | 'seq'
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'phone'
  | 'principal'
  | 'returned'
  | 'bankName'
  | 'bankAccount'
  | 'address'
  | 'note'
  | 'status';

/** Field → 0-based column index. The UI may correct it and remember it per header layout. */
export type ColumnMapping = Partial<Record<FieldKey, number>>;

/** The unit bare numbers are in, per amount column (from its header or a "单位：万元" title row). */
export interface AmountUnits {
  readonly principal: MoneyUnit;
  readonly returned: MoneyUnit;
}

export type RowStatus = 'ok' | 'warning' | 'error';

/** One problem found on a row. */
export interface RowIssue {
  readonly status: 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  /** The header text of the column at fault, as written in the file. */
  readonly column?: string;
  /** The cell value at fault, as text. */
  readonly value?: string;
}

/**
 * The outcome of one data row. `code`/`message` are those of the first error, or of the first
 * warning when there is no error; an ok row has code "OK" and message "". `issues` lists every
 * problem when there is more than one.
 */
export interface RowOutcome {
  readonly row: number;
  readonly status: RowStatus;
  readonly code: string;
  readonly message: string;
  readonly column?: string;
  readonly value?: string;
  readonly issues?: readonly RowIssue[];
}

/** Something that stops the whole file (no header, required column missing, unreadable file). */
export interface ImportProblem {
  readonly code: string;
  readonly message: string;
}

export interface CreditorImportResult {
  /** One entry per data row (blank, total, note and repeated header rows get none). */
  readonly rows: RowOutcome[];
  /** The creditors as objects; empty when the import was asked for `imported` only (creditorObjects: false). */
  readonly creditors: Creditor[];
  /** The same creditors, kept by columns (see ImportedCreditors). */
  readonly imported: ImportedCreditors;
  readonly dataRows: number;
  readonly okRows: number;
  readonly warningRows: number;
  readonly errorRows: number;
  /** Rows that were not creditors: blank, 合计/小计, notes under the table, repeated headers. */
  readonly skipped: { readonly blank: number; readonly total: number; readonly note: number; readonly header: number };
  readonly totalPrincipalFen: number;
  readonly totalReturnedFen: number;
  readonly totalNetClaimFen: number;
  readonly mapping: ColumnMapping;
  /** Header text per mapped column index, as written in the file. */
  readonly headers: readonly string[];
  readonly units: AmountUnits;
  /** Excel row number of the header row, null when none was found. */
  readonly headerRow: number | null;
  readonly sheetName: string;
  readonly fatal: ImportProblem | null;
}
