// The import pipeline as an incremental, single-pass state machine: feed rows in chunks (from a
// Web Worker, the CLI or a test), read progress, finish. Nothing is held per row except its outcome.

import { localToday } from '../identity';
import type { MoneyUnit } from '../money';
import { cellText, detach } from './cell';
import { type ClassifyState, classifyRow } from './classify-row';
import { combineHeaderRows, FIELD_LABELS, isHeaderRow, mapHeaderRow, REQUIRED_FIELDS, unitFromTitleRow } from './header';
import { createCreditorRegister, importedFrom } from './merge';
import type {
  AmountUnits,
  CellValue,
  ColumnMapping,
  CreditorImportResult,
  ImportProblem,
  RowIssue,
  RowOutcome,
  SheetRow,
} from './types';
import { type RowContext, validateRow } from './validate-row';

export interface CreditorImportOptions {
  /** Today as YYYY-MM-DD (birth dates after it are rejected); defaults to the local date. */
  readonly today?: string;
  /** Excel row number of the header row; found automatically when omitted. */
  readonly headerRow?: number;
  /** Column mapping chosen by the user; replaces the automatic one field by field. */
  readonly mapping?: ColumnMapping;
  /** Units chosen by the user; replace those read from headers and title rows. */
  readonly units?: Partial<AmountUnits>;
  /** Keep an outcome for ok rows too (default true). The UI may keep only problem rows at 1M rows. */
  readonly keepOkRows?: boolean;
  /**
   * Build result.creditors as objects (default true). The import worker reads result.imported
   * instead (by columns, issue 17): a million creditor objects at once are ~600 MB.
   */
  readonly creditorObjects?: boolean;
  readonly sheetName?: string;
}

export interface CreditorImportSession {
  feed(rows: Iterable<SheetRow>): void;
  /** Rows fed so far (all kinds). */
  readonly rowsSeen: number;
  finish(): CreditorImportResult;
}

/** Rows searched for the header before giving up. */
export const HEADER_SEARCH_ROWS = 50;

const OK_CODE = 'OK';

/**
 * A problem's texts as strings of their own (issue 17): a message or value built from a cell is a
 * cut of (or a concatenation holding a cut of) the decoded file text, and a few thousand problem
 * rows kept for the report would otherwise keep every 1 MB piece of a million-row file's text alive
 * (~300 MB in the import worker). Same keys, same order, same characters.
 */
function ownIssue(issue: RowIssue): RowIssue {
  return {
    ...issue,
    message: detach(issue.message),
    ...(issue.column === undefined ? {} : { column: detach(issue.column) }),
    ...(issue.value === undefined ? {} : { value: detach(issue.value) }),
  };
}

export function createCreditorImport(options: CreditorImportOptions = {}): CreditorImportSession {
  const today = options.today ?? localToday();
  const keepOkRows = options.keepOkRows ?? true;
  const register = createCreditorRegister();
  const outcomes: RowOutcome[] = [];
  const classify: ClassifyState = { afterGrandTotal: false };
  const skipped = { blank: 0, total: 0, note: 0, header: 0 };
  const counts = { data: 0, ok: 0, warning: 0, error: 0 };
  let titleUnit: MoneyUnit | null = null;
  let headerRow: number | null = null;
  let headerCells: readonly CellValue[] = [];
  let ctx: RowContext | null = null;
  let fatal: ImportProblem | null = null;
  let rowsSeen = 0;
  let nameHeaderKey = '';
  let pendingSubHeader = false;

  function startData(row: SheetRow): void {
    headerRow = row.row;
    headerCells = row.cells;
    pendingSubHeader = true;
    applyHeader(row.cells);
  }

  function applyHeader(cells: readonly CellValue[]): void {
    const auto = mapHeaderRow(cells);
    const mapping: ColumnMapping = { ...auto.mapping, ...options.mapping };
    const headers = cells.map((c) => cellText(c));
    const fallback = titleUnit ?? 'yuan';
    const units: AmountUnits = {
      principal: options.units?.principal ?? auto.units.principal ?? fallback,
      returned: options.units?.returned ?? auto.units.returned ?? fallback,
    };
    ctx = { mapping, headers, units, today };
    const nameCol = mapping.name;
    nameHeaderKey = nameCol === undefined ? '' : cellText(cells[nameCol]);
  }

  /** Checked once the header is complete (after a possible second header row). */
  function requireColumns(c: RowContext): void {
    pendingSubHeader = false;
    const missing = REQUIRED_FIELDS.filter((f) => c.mapping[f] === undefined);
    if (missing.length > 0) {
      fatal = {
        code: 'HEADER_COLUMNS_MISSING',
        message: `第 ${headerRow ?? 0} 行表头中找不到“${missing.map((f) => FIELD_LABELS[f]).join('”“')}”列。请在列对应中指定这些列，或在原表表头中写明。`,
      };
    }
  }

  function beforeHeader(row: SheetRow): void {
    const isHeader =
      options.headerRow !== undefined ? row.row === options.headerRow : isHeaderRow(row.cells);
    if (isHeader) {
      startData(row);
      return;
    }
    titleUnit = unitFromTitleRow(row.cells) ?? titleUnit;
    if (options.headerRow === undefined && rowsSeen >= HEADER_SEARCH_ROWS) {
      fatal = {
        code: 'HEADER_NOT_FOUND',
        message: `前 ${HEADER_SEARCH_ROWS} 行中找不到表头（至少包含“姓名”“身份证号码”“投资金额”等两列的行）。请检查是否选错了工作表，或在导入时指定表头所在行。`,
      };
    }
  }

  function dataRow(row: SheetRow, header: RowContext): void {
    const c = header;
    if (pendingSubHeader) {
      const combined = combineHeaderRows(headerCells, row.cells);
      if (combined) {
        applyHeader(combined);
        if (ctx) requireColumns(ctx);
        skipped.header++;
        return;
      }
      requireColumns(c);
      if (fatal) return;
    }
    let kind = classifyRow(row.cells, c.mapping, classify);
    // A row whose cells are formulas without saved results looks blank, but is not.
    if (kind === 'blank' && row.formulas !== undefined) kind = 'data';
    if (kind !== 'data') {
      skipped[kind]++;
      return;
    }
    // A header repeated on every printed page is not a creditor.
    const nameCol = c.mapping.name;
    if (nameCol !== undefined && nameHeaderKey !== '' && cellText(row.cells[nameCol]) === nameHeaderKey) {
      skipped.header++;
      return;
    }
    counts.data++;
    const { issues, valid } = validateRow(row.row, row.cells, c, row.merged, row.formulas);
    if (valid) {
      const merged = register.add(valid);
      if (merged.kind === 'conflict' || merged.kind === 'duplicate') {
        const status = merged.kind === 'conflict' ? 'error' : 'warning';
        const column = c.headers[c.mapping.idNumber ?? -1] || FIELD_LABELS.idNumber;
        issues.push({ status, code: merged.code, message: `第 ${row.row} 行“${column}”：${merged.message}`, column, value: valid.idNumber });
      }
    }
    record(row.row, issues);
  }

  function record(row: number, issues: RowIssue[]): void {
    const primary = issues.find((i) => i.status === 'error') ?? issues[0];
    if (!primary) {
      counts.ok++;
      if (keepOkRows) outcomes.push({ row, status: 'ok', code: OK_CODE, message: '' });
      return;
    }
    counts[primary.status]++;
    const outcome: RowOutcome = { row, ...ownIssue(primary), ...(issues.length > 1 ? { issues: issues.map(ownIssue) } : {}) };
    outcomes.push(outcome);
  }

  return {
    feed(rows: Iterable<SheetRow>): void {
      if (fatal) return;
      for (const row of rows) {
        rowsSeen++;
        if (ctx) dataRow(row, ctx);
        else beforeHeader(row);
        if (fatal) return;
      }
    },
    get rowsSeen() {
      return rowsSeen;
    },
    finish(): CreditorImportResult {
      if (ctx && pendingSubHeader) requireColumns(ctx);
      if (!ctx && !fatal) {
        fatal = {
          code: 'HEADER_NOT_FOUND',
          message: '文件中找不到表头（至少包含“姓名”“身份证号码”“投资金额”等两列的行）。请检查是否选错了工作表或文件。',
        };
      }
      const c: RowContext | null = ctx;
      const failed = fatal !== null;
      register.seal();
      return {
        rows: failed ? [] : outcomes,
        creditors: failed || options.creditorObjects === false ? [] : register.objects(),
        imported: failed ? importedFrom([]) : register.imported,
        dataRows: counts.data,
        okRows: counts.ok,
        warningRows: counts.warning,
        errorRows: counts.error,
        skipped: { ...skipped },
        totalPrincipalFen: failed ? 0 : register.totals.principalFen,
        totalReturnedFen: failed ? 0 : register.totals.returnedFen,
        totalNetClaimFen: failed ? 0 : register.totals.netClaimFen,
        mapping: c ? { ...c.mapping } : {},
        headers: c ? c.headers : headerCells.map((h) => cellText(h)),
        units: c ? c.units : { principal: titleUnit ?? 'yuan', returned: titleUnit ?? 'yuan' },
        headerRow,
        sheetName: options.sheetName ?? '',
        fatal,
      };
    },
  };
}
