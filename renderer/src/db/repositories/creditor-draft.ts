// A creditor entered or edited by hand, checked by the import's own row validation (validateRow),
// so a hand-typed ID or amount passes or fails exactly as it would in a spreadsheet.

import { tooLong } from '../../core/common/text-limits';
import type { ColumnMapping, CreditorStatus, Exclusion, IdType, InvestmentRecord, RowIssue } from '../../core/creditors';
import { FIELD_LABELS, validateRow } from '../../core/creditors';
import { FIELD_MAX_CHARS } from '../../core/creditors/field-checks';
import { netClaim } from './creditor-merge';
import { STATUS_VALUES } from './creditor-types';

export interface ContractDraft {
  readonly principal: string;
  readonly returned: string;
  readonly note: string;
  /** Excel row the contract was imported from; 0 for contracts entered by hand. */
  readonly sourceRow?: number;
}

export interface CreditorDraft {
  readonly name: string;
  /** 证件类型 as text (身份证, 统一社会信用代码, 护照 …); blank: taken from the number's shape. */
  readonly idType: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly bankName: string;
  readonly bankAccount: string;
  readonly status: CreditorStatus;
  readonly exclusion: Exclusion;
  readonly contracts: readonly ContractDraft[];
}

/** Form fields; contract fields are `principal.N` / `returned.N` (N from 0). */
export type CreditorDraftField =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'bankAccount'
  | 'bankName'
  | 'address'
  | 'status'
  | 'exclusion'
  | 'contracts'
  | `principal.${number}`
  | `returned.${number}`
  | `note.${number}`;

export interface ValidCreditorValues {
  readonly name: string;
  readonly idType: IdType;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly bankName: string;
  readonly bankAccount: string;
  readonly status: CreditorStatus;
  readonly exclusion: Exclusion;
  readonly contracts: InvestmentRecord[];
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  /** Warnings to show after saving (e.g. a 15-digit ID converted, returns above principal). */
  readonly warnings: string[];
}

export type CreditorDraftCheck =
  | { readonly ok: true; readonly value: ValidCreditorValues }
  | { readonly ok: false; readonly errors: Partial<Record<CreditorDraftField, string>> };

const MAPPING: ColumnMapping = { name: 0, idType: 1, idNumber: 2, phone: 3, principal: 4, returned: 5, bankName: 6, bankAccount: 7, address: 8, note: 9 };
const HEADERS = ['name', 'idType', 'idNumber', 'phone', 'principal', 'returned', 'bankName', 'bankAccount', 'address', 'note'].map(
  (k) => FIELD_LABELS[k as keyof typeof FIELD_LABELS],
);
const FIELD_BY_HEADER = new Map<string, string>(HEADERS.map((h, i) => [h, Object.keys(MAPPING)[i] ?? '']));
const EXCLUSIONS: readonly Exclusion[] = [null, 'employee', 'agent', 'defendant', 'unregistered'];

/** "第 1 行“证件号码”：msg" → "证件号码：msg" (a form has no rows). */
function formMessage(issue: RowIssue): string {
  return issue.message.replace(/^第 \d+ 行“([^”]*)”：/, '$1：');
}

export function validateCreditorDraft(draft: CreditorDraft, today: string): CreditorDraftCheck {
  const errors: Partial<Record<CreditorDraftField, string>> = {};
  const warnings: string[] = [];
  if (draft.contracts.length === 0) errors.contracts = '投资记录：至少需要一笔投资记录（投资金额），请点“添加投资记录”后填写。';
  if (!STATUS_VALUES.includes(draft.status)) errors.status = '核实状态：请选择 待核实、已核实 或 存疑。';
  if (!EXCLUSIONS.includes(draft.exclusion)) errors.exclusion = '排除情形：请从列表中选择。';
  // The import's own limits (a hand-entered creditor must export and print like an imported one),
  // worded for a form: the field named, not a spreadsheet row to re-import.
  const long = (field: CreditorDraftField, label: string, text: string, limit: keyof typeof FIELD_MAX_CHARS) => {
    const message = tooLong(label, text.trim(), FIELD_MAX_CHARS[limit]);
    if (message) errors[field] = message;
  };
  long('name', '姓名/名称', draft.name, 'name');
  long('address', '联系地址', draft.address, 'address');
  long('bankName', '开户银行', draft.bankName, 'bankName');
  for (const [i, k] of draft.contracts.entries()) long(`note.${i}`, '投资记录备注', k.note, 'note');
  const ctx = { mapping: MAPPING, headers: HEADERS, units: { principal: 'yuan', returned: 'yuan' } as const, today };
  const contracts: InvestmentRecord[] = [];
  let first: ReturnType<typeof validateRow>['valid'] = null;
  // Each contract is one row of the import; person fields repeat on every row as in a spreadsheet.
  const rows = draft.contracts.length > 0 ? draft.contracts : [{ principal: '', returned: '', note: '' }];
  rows.forEach((k, i) => {
    const cells = [draft.name, draft.idType, draft.idNumber, draft.phone, k.principal, k.returned, draft.bankName, draft.bankAccount, draft.address, k.note];
    const { issues, valid } = validateRow(i + 1, cells, ctx);
    for (const issue of issues) {
      const field = FIELD_BY_HEADER.get(issue.column ?? '') ?? 'name';
      const key = (field === 'principal' || field === 'returned' ? `${field}.${i}` : field) as CreditorDraftField;
      // Bad phones and accounts are only warnings in an import (the row still counts); in a form the
      // person typing can fix them now, so they are refused rather than silently dropped.
      const blocking = issue.status === 'error' || field === 'phone' || field === 'bankAccount';
      if (blocking) errors[key] ??= formMessage(issue);
      else if (i === 0 || field === 'principal' || field === 'returned') warnings.push(formMessage(issue));
    }
    if (valid) {
      first ??= valid;
      contracts.push({ principalFen: valid.principalFen, returnedFen: valid.returnedFen, sourceRow: k.sourceRow ?? 0, note: valid.note });
    }
  });
  const v = first as ReturnType<typeof validateRow>['valid'];
  if (Object.keys(errors).length > 0 || !v || draft.contracts.length === 0) return { ok: false, errors };
  const principalFen = contracts.reduce((s, c) => s + c.principalFen, 0);
  const returnedFen = contracts.reduce((s, c) => s + c.returnedFen, 0);
  return {
    ok: true,
    value: {
      name: v.name,
      idType: v.idType,
      idNumber: v.idNumber,
      phone: v.phone,
      address: v.address,
      bankName: v.bankName,
      bankAccount: v.bankAccount,
      status: draft.status,
      exclusion: draft.exclusion,
      contracts,
      principalFen,
      returnedFen,
      netClaimFen: netClaim(principalFen, returnedFen),
      warnings: [...new Set(warnings)],
    },
  };
}
