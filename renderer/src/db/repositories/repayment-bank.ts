// The bank side of a batch: the disbursement list (代发清单) written as xlsx, and the bank's result
// file (回单/代发结果) read back, matched to lines by reference or account, with each refused row named.
import * as XLSX from '@e965/xlsx';
import { formatOfficeDateTime } from '../../core/common/office-time';
import { escapeWorkbookTexts } from '../../core/common/ooxml-text';
import { cellText, normalizeName } from '../../core/creditors/cell';
import { readSpreadsheet, SpreadsheetError } from '../../core/creditors/read-file';
import type { CellValue, SheetRow } from '../../core/creditors/types';
import { fenToYuanString, formatFen, parseMoneyToFen } from '../../core/money';
import type { PaymentStatus } from '../../core/repayment/batch-lifecycle';
import type { AllocationLineRecord } from '../records';
import type { RepaymentCreditor } from './repayment-types';

export const DISBURSEMENT_HEADER = ['序号', '户名', '账号', '开户行', '金额（元）', '业务参考号'] as const;

/** Rows to pay: lines with an amount still pending. Amounts as text "1234.56": no float in the file. */
export function buildDisbursementXlsx(args: {
  readonly title: string;
  readonly lines: readonly AllocationLineRecord[];
  readonly creditors: ReadonlyMap<string, RepaymentCreditor>;
  /** Who saves the file: written into it, so a copy found later still says who exported it. */
  readonly exportedBy?: string;
  readonly exportedAt?: Date;
  readonly approvedBy?: string | null;
  /** Steps of this batch done under a relaxed four-eyes rule, as sentences. */
  readonly relaxations?: readonly string[];
}): { bytes: Uint8Array; rowCount: number; totalFen: number; missingAccounts: number } {
  const rows: string[][] = [[...DISBURSEMENT_HEADER]];
  let totalFen = 0;
  let missingAccounts = 0;
  for (const line of args.lines) {
    if (line.amountFen <= 0 || line.status !== 'pending') continue;
    const c = args.creditors.get(line.cid);
    const account = (c?.bankAccount ?? '').replace(/\s+/g, '');
    if (account === '') missingAccounts++;
    totalFen += line.amountFen;
    rows.push([String(rows.length), c?.name ?? '', account, c?.bankName ?? '', fenToYuanString(line.amountFen), line.ref]);
  }
  // Dense sheets build ~6× faster than sparse ones; compression makes the file ~4× smaller and faster to write.
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  sheet['!cols'] = [{ wch: 6 }, { wch: 12 }, { wch: 24 }, { wch: 24 }, { wch: 14 }, { wch: 24 }];
  const summary = XLSX.utils.aoa_to_sheet([
    ['批次', args.title],
    ['笔数', String(rows.length - 1)],
    ['合计金额（元）', fenToYuanString(totalFen)],
    ['缺少账号', String(missingAccounts)],
    ...(args.approvedBy ? [['审批人', args.approvedBy]] : []),
    ...(args.exportedBy !== undefined ? [['导出人', args.exportedBy || '（未登录）']] : []),
    ...(args.exportedAt ? [['导出时间', formatOfficeDateTime(args.exportedAt.toISOString())]] : []),
    ...(args.relaxations ?? []).map((r) => ['四眼规则放宽', r]),
  ]);
  const book = XLSX.utils.book_new();
  if (args.exportedBy) book.Props = { Author: args.exportedBy, Title: `清退代发清单 ${args.title}` };
  XLSX.utils.book_append_sheet(book, sheet, '代发清单');
  XLSX.utils.book_append_sheet(book, summary, '汇总');
  const out = XLSX.write(escapeWorkbookTexts(book), { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return { bytes: new Uint8Array(out), rowCount: rows.length - 1, totalFen, missingAccounts };
}

export interface BankResultMatch {
  readonly row: number;
  readonly cid: string;
  readonly ref: string;
  readonly result: Exclude<PaymentStatus, 'pending'>;
  readonly note: string;
}

export interface BankResultReading {
  readonly matched: readonly BankResultMatch[];
  /** "第 5 行：…" per refused row, or one message for the whole file. */
  readonly rejected: readonly string[];
  readonly dataRows: number;
}

/**
 * What the page shows of a bank file's reading (the reading itself stays where it was made, the
 * repayment worker, until it is registered: a million matched rows never cross to the page).
 * `rejected` holds the first `REJECTED_SHOWN` refusals; `rejectedCount` says how many there are.
 */
export interface BankResultSummary {
  readonly dataRows: number;
  readonly matched: number;
  readonly counts: { readonly paid: number; readonly failed: number; readonly returned: number };
  readonly rejected: readonly string[];
  readonly rejectedCount: number;
}

/** Refused rows listed on the page; the rest are counted (all are stored with the registration). */
export const REJECTED_SHOWN = 200;

export function summarizeBankReading(reading: BankResultReading): BankResultSummary {
  const counts = { paid: 0, failed: 0, returned: 0 };
  for (const m of reading.matched) counts[m.result]++;
  return { dataRows: reading.dataRows, matched: reading.matched.length, counts, rejected: reading.rejected.slice(0, REJECTED_SHOWN), rejectedCount: reading.rejected.length };
}

const COLUMN_PATTERNS = {
  ref: /参考号|流水号|业务编号|^编号$|reference|ref/i,
  account: /账号|卡号|account/i,
  name: /户名|姓名|收款人|收款方|^name$/i,
  amount: /金额|amount/i,
  status: /状态|结果|status|result/i,
  note: /原因|说明|备注|reason|note|message/i,
} as const;
type Column = keyof typeof COLUMN_PATTERNS;

const STATUS_WORDS: readonly [RegExp, Exclude<PaymentStatus, 'pending'>][] = [
  [/退回|退票|退汇|return/i, 'returned'],
  [/失败|不成功|未成功|拒绝|fail|error/i, 'failed'],
  [/成功|已支付|已入账|已付|success|paid|^ok$/i, 'paid'],
];

export function paymentStatusFromText(text: string): Exclude<PaymentStatus, 'pending'> | null {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status;
  return null;
}

function findHeader(rows: readonly SheetRow[]): { index: number; columns: Partial<Record<Column, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const columns: Partial<Record<Column, number>> = {};
    (rows[r]?.cells ?? []).forEach((cell, i) => {
      const text = cellText(cell).replace(/\s+/g, '');
      if (text === '') return;
      for (const key of Object.keys(COLUMN_PATTERNS) as Column[]) {
        if (columns[key] === undefined && COLUMN_PATTERNS[key].test(text)) {
          columns[key] = i;
          break;
        }
      }
    });
    if (columns.status !== undefined && (columns.ref !== undefined || columns.account !== undefined)) return { index: r, columns };
  }
  return null;
}

/** Reads a bank result file (xlsx/xls/csv) against one batch's lines. Never throws on a bad file. */
export function readBankResultFile(args: {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly lines: readonly AllocationLineRecord[];
  readonly creditors: ReadonlyMap<string, RepaymentCreditor>;
  readonly batchNumber: number;
  /** Why a line cannot take this result (e.g. failed → paid), or null: the batch lifecycle's rule. */
  readonly refuse: (line: AllocationLineRecord, result: Exclude<PaymentStatus, 'pending'>) => string | null;
}): BankResultReading {
  let rows: SheetRow[];
  try {
    rows = [...readSpreadsheet(args.bytes, args.fileName, firstSheet(args.bytes, args.fileName)).rows];
  } catch (err) {
    const message = err instanceof SpreadsheetError ? err.message : `无法读取文件“${args.fileName}”，请确认是银行导出的 xlsx 或 csv 文件。`;
    return { matched: [], rejected: [message], dataRows: 0 };
  }
  const header = findHeader(rows);
  if (!header) {
    return {
      matched: [],
      rejected: ['回单中没有找到表头：需要“业务参考号”或“账号”列，以及“状态/结果”列。请使用银行代发结果文件，或按代发清单的列名补上表头。'],
      dataRows: 0,
    };
  }
  const byRef = new Map<string, AllocationLineRecord>();
  const byAccount = new Map<string, AllocationLineRecord[]>();
  for (const line of args.lines) {
    if (line.amountFen <= 0) continue;
    byRef.set(line.ref, line);
    const account = (args.creditors.get(line.cid)?.bankAccount ?? '').replace(/\s+/g, '');
    if (account !== '') byAccount.set(account, [...(byAccount.get(account) ?? []), line]);
  }
  const { columns } = header;
  const get = (cells: readonly CellValue[], key: Column): CellValue | undefined => (columns[key] === undefined ? undefined : cells[columns[key]]);
  const matched: BankResultMatch[] = [];
  const rejected: string[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (const { row, cells } of rows.slice(header.index + 1)) {
    const texts = cells.map((c) => cellText(c));
    if (texts.every((t) => t === '') || /合计|总计|小计/.test(texts.slice(0, 2).join(''))) continue;
    dataRows++;
    const fail = (message: string) => rejected.push(`第 ${row} 行：${message}`);
    const ref = cellText(get(cells, 'ref'));
    const accountCell = get(cells, 'account');
    if (typeof accountCell === 'number' && !Number.isSafeInteger(accountCell)) {
      fail('账号被 Excel 存成了数字，末几位已丢失；请在银行文件中把账号列设为文本后重新导出。');
      continue;
    }
    const account = cellText(accountCell).replace(/\s+/g, '');
    let line: AllocationLineRecord | undefined;
    if (ref !== '') {
      line = byRef.get(ref);
      if (!line) {
        fail(`本批次（第 ${args.batchNumber} 批）没有业务参考号“${ref}”，请确认回单属于本批次。`);
        continue;
      }
    } else if (account !== '') {
      const candidates = byAccount.get(account) ?? [];
      if (candidates.length !== 1) {
        fail(candidates.length === 0 ? `本批次没有账号“${account}”的清退记录，请核对账号。` : `账号“${account}”对应本批多名参与人，请在回单中填写业务参考号。`);
        continue;
      }
      line = candidates[0];
    }
    if (!line) {
      fail('业务参考号和账号都为空，无法对应到参与人；请补全后重新导入。');
      continue;
    }
    const creditor = args.creditors.get(line.cid);
    const statusText = cellText(get(cells, 'status'));
    const result = paymentStatusFromText(statusText);
    if (!result) {
      fail(`状态“${statusText}”无法识别，应为“成功”“失败”或“退回”。`);
      continue;
    }
    if (columns.amount !== undefined) {
      const amount = parseMoneyToFen(get(cells, 'amount') as string | number | null | undefined);
      if (!amount.ok || amount.fen !== line.amountFen) {
        fail(`金额“${cellText(get(cells, 'amount'))}”与本批应付 ${formatFen(line.amountFen)} 元不一致，请核对回单。`);
        continue;
      }
    }
    const name = normalizeName(get(cells, 'name'));
    if (name !== '' && creditor && name !== normalizeName(creditor.name)) {
      fail(`户名“${name}”与名单中的“${creditor.name}”不一致，请核对回单。`);
      continue;
    }
    if (account !== '' && ref !== '' && creditor?.bankAccount && account !== creditor.bankAccount.replace(/\s+/g, '')) {
      fail(`账号“${account}”与名单中该参与人的账号不一致，请核对回单。`);
      continue;
    }
    const refused = args.refuse(line, result);
    if (refused) {
      fail(refused);
      continue;
    }
    const earlier = seen.get(line.cid);
    if (earlier !== undefined) {
      fail(`与第 ${earlier} 行是同一笔清退（${line.ref}），同一文件中只能出现一次。`);
      continue;
    }
    seen.set(line.cid, row);
    matched.push({ row, cid: line.cid, ref: line.ref, result, note: cellText(get(cells, 'note')) });
  }
  if (dataRows === 0) rejected.push('回单表头下没有任何数据行，请确认文件内容。');
  return { matched, rejected, dataRows };
}

function firstSheet(bytes: Uint8Array, fileName: string): string | undefined {
  // CSV has one sheet named after the file; a workbook's results are on its first sheet.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (!isZip && !isOle) return fileName;
  return XLSX.read(bytes, { type: 'array', bookSheets: true }).SheetNames[0];
}
