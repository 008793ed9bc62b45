// Row-level validation: every problem with its column, value and a Chinese message saying what to do.
import { checkBankAccount, checkPhone, excelGeneralDisplay } from '../identity';
import { type MoneyParseResult, parseMoneyToFen } from '../money';
import { cellText, cleanText, normalizeName } from './cell';
import { checkCellLimits, quotedValue } from './field-checks';
import { FIELD_LABELS } from './header';
import { type ResolvedId, resolveCreditorId } from './resolve-id';
import type { AmountUnits, CellValue, ColumnMapping, CreditorStatus, FieldKey, IdType, RowIssue } from './types';

/** How registers write a verification status; anything else is reported and imported as blank. */
const STATUS_WORDS: readonly [RegExp, CreditorStatus][] = [
  [/^(待核实|未核实|待审核|未审核|待核查|未核查|待定|否|N|NO)$/i, '待核实'],
  [/^(存疑|有疑问|疑问|可疑|待补充|有异议|异议)$/, '存疑'],
  [/^(已核实|核实|已审核|审核通过|通过|已核查|属实|是|确认|已确认|Y|YES)$/i, '已核实'],
];

export function fileStatusFromText(text: string): CreditorStatus | null {
  const t = text.replace(/\s+/g, '');
  for (const [re, status] of STATUS_WORDS) if (re.test(t)) return status;
  return null;
}

/** A row that passed validation (possibly with warnings), ready to merge into a creditor. */
export interface ValidRow {
  readonly row: number;
  readonly name: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly bankName: string;
  readonly bankAccount: string;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly note: string;
  /** 核实状态 from the file's column, when it has one and the cell is not blank. */
  readonly fileStatus?: CreditorStatus;
}

export interface RowContext {
  readonly mapping: ColumnMapping;
  /** Header text per column index, for messages. */
  readonly headers: readonly string[];
  readonly units: AmountUnits;
  readonly today: string;
}

export interface RowValidation {
  readonly issues: RowIssue[];
  /** Null when the row has an error and stays out of the import. */
  readonly valid: ValidRow | null;
}

/** Cells reach the checkers as text or number; a stray TRUE/FALSE is text. */
function scalar(value: CellValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

function cellAt(cells: readonly CellValue[], col: number | undefined): CellValue | undefined {
  return col === undefined ? undefined : cells[col];
}

const AMOUNT_FIELDS = ['principal', 'returned'] as const;

/** Stand-ins for a field refused by checkCellLimits (already reported): the row fails without a second message. */
const REFUSED_ID: ResolvedId = { ok: false, code: 'REFUSED', message: '' };
const REFUSED_AMOUNT: MoneyParseResult = { ok: false, code: 'AMOUNT_INVALID', message: '' };

function columnLabel(ctx: RowContext, field: FieldKey): string {
  const col = ctx.mapping[field];
  const header = col === undefined ? '' : (ctx.headers[col] ?? '').trim();
  return header || FIELD_LABELS[field];
}

function issue(
  ctx: RowContext,
  row: number,
  status: 'warning' | 'error',
  field: FieldKey,
  code: string,
  message: string,
  value: CellValue | undefined,
): RowIssue {
  const column = columnLabel(ctx, field);
  // A long number is quoted as Excel shows it (3.71002E+17), not as digits that look complete.
  const text = typeof value === 'number' && Math.abs(value) >= 1e15 ? excelGeneralDisplay(value) : quotedValue(cellText(value));
  const base = { status, code, message: `第 ${row} 行“${column}”：${message}`, column };
  return text === '' ? base : { ...base, value: text };
}

/**
 * Validates one data row; the order of checks decides which code a row with several problems shows
 * first. `mergedColumns`: cells merged down several rows; `formulaColumns`: cells holding a formula
 * whose result the file did not save (xlsx).
 */
export function validateRow(
  row: number,
  rowCells: readonly CellValue[],
  ctx: RowContext,
  mergedColumns?: readonly number[],
  formulaColumns?: readonly number[],
): RowValidation {
  const m = ctx.mapping;
  const issues: RowIssue[] = [];
  // Error values, formulas without results, over-long text and invisible characters first: the
  // field's own rule then sees the cleaned cell, or is skipped when the cell was refused.
  const limits = checkCellLimits(rowCells, m, formulaColumns);
  const refused = limits.refused;
  for (const f of limits.findings) issues.push(issue(ctx, row, f.status, f.field, f.code, f.message, f.value));
  const cells = limits.cells;
  // Plain lookups, no closures: this runs once per row of a million-row file.
  const nameCell = cellAt(cells, m.name);

  const name = refused.has('name') ? '' : normalizeName(nameCell);
  if (name === '' && !refused.has('name')) {
    issues.push(issue(ctx, row, 'error', 'name', 'NAME_MISSING', '姓名（名称）为空。请补填本人姓名或机构名称后重新导入本行。', nameCell));
  }

  const rawId = cellAt(cells, m.idNumber);
  const id: ResolvedId = refused.has('idNumber') || refused.has('idType')
    ? REFUSED_ID
    : resolveCreditorId(scalar(rawId), cellText(cellAt(cells, m.idType)), ctx.today);
  if (!id.ok && id !== REFUSED_ID) issues.push(issue(ctx, row, 'error', 'idNumber', id.code, id.message, rawId));
  else if (id.ok && id.warning) issues.push(issue(ctx, row, 'warning', 'idNumber', id.warning.code, id.warning.message, rawId));

  // An amount merged over several rows belongs to no single contract: counting it on each row
  // would multiply the claim, counting it once would guess. The user must split it.
  const principalCell = cellAt(cells, m.principal);
  const returnedCell = cellAt(cells, m.returned);
  if (mergedColumns !== undefined) {
    for (const field of AMOUNT_FIELDS) {
      const col = m[field];
      if (col !== undefined && mergedColumns.includes(col)) {
        issues.push(
          issue(ctx, row, 'error', field, 'AMOUNT_MERGED', '金额单元格跨多行合并，无法确定每份合同的金额。请在原表中取消合并，逐行填写各合同金额后重新导入。', field === 'principal' ? principalCell : returnedCell),
        );
      }
    }
  }
  const principal = refused.has('principal') ? REFUSED_AMOUNT : parseMoneyToFen(scalar(principalCell), ctx.units.principal);
  if (!principal.ok && principal !== REFUSED_AMOUNT) {
    issues.push(issue(ctx, row, 'error', 'principal', principal.code, principal.message, principalCell));
  }
  // A blank returns cell means nothing was received; anything written must parse.
  const returnedBlank = cellText(returnedCell) === '';
  const returned = refused.has('returned')
    ? REFUSED_AMOUNT
    : returnedBlank
      ? ({ ok: true, fen: 0 } as const)
      : parseMoneyToFen(scalar(returnedCell), ctx.units.returned);
  if (!returned.ok && returned !== REFUSED_AMOUNT) issues.push(issue(ctx, row, 'error', 'returned', returned.code, returned.message, returnedCell));

  let bankAccount = '';
  const accountCell = cellAt(cells, m.bankAccount);
  if (!refused.has('bankAccount') && cellText(accountCell) !== '') {
    const account = checkBankAccount(scalar(accountCell));
    if (account.ok) bankAccount = account.account;
    else {
      // Excel damage is an error (the number is gone); a malformed account is a warning to fix before payment.
      const status = account.code === 'ACCOUNT_MANGLED_BY_EXCEL' ? 'error' : 'warning';
      issues.push(issue(ctx, row, status, 'bankAccount', account.code, account.message, accountCell));
    }
  }

  let phone = '';
  const phoneCell = cellAt(cells, m.phone);
  if (!refused.has('phone') && cellText(phoneCell) !== '') {
    const p = checkPhone(scalar(phoneCell));
    if (p.ok) phone = p.phone;
    else issues.push(issue(ctx, row, 'warning', 'phone', p.code, p.message, phoneCell));
  }

  if (principal.ok && principal.fen === 0) {
    issues.push(
      issue(ctx, row, 'error', 'principal', 'AMOUNT_ZERO', '投资金额为 0。每份合同都应有实际投入的本金：请按合同或转账凭证填写投资金额；若此人并未投资，请从名单中删除本行。', principalCell),
    );
  }

  let fileStatus: CreditorStatus | null = null;
  const statusCell = cellAt(cells, m.status);
  const statusText = refused.has('status') ? '' : cleanText(statusCell);
  if (statusText !== '') {
    fileStatus = fileStatusFromText(statusText);
    if (fileStatus === null) {
      issues.push(issue(ctx, row, 'warning', 'status', 'STATUS_UNKNOWN', '无法识别的核实状态，本行照常导入，原表核实状态记为空。可写“已核实”“待核实”或“存疑”。', statusCell));
    }
  }

  if (principal.ok && returned.ok && returned.fen > principal.fen) {
    issues.push(
      issue(
        ctx,
        row,
        'warning',
        'returned',
        'NO_LOSS',
        '已获收益超过投资本金，没有本金损失，核定清退基数计为 0。请核对收益金额；确属实的，本行照常登记。',
        returnedCell,
      ),
    );
  }

  const hasError = issues.length > 0 && issues.some((i) => i.status === 'error');
  if (hasError || !id.ok || !principal.ok || !returned.ok) return { issues, valid: null };
  return {
    issues,
    valid: {
      row,
      name,
      idType: id.idType,
      idNumber: id.idNumber,
      phone,
      address: cleanText(cellAt(cells, m.address)),
      bankName: cleanText(cellAt(cells, m.bankName)),
      bankAccount,
      principalFen: principal.fen,
      returnedFen: returned.fen,
      note: cleanText(cellAt(cells, m.note)),
      ...(fileStatus ? { fileStatus } : {}),
    },
  };
}
