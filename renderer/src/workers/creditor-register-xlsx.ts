// The register as xlsx: the full list (personal data in full, for the case file) and the public
// notice version (公示名单: persons' names and ID numbers masked). Both are audited by the caller.
import { utils, type WorkSheet, write } from '@e965/xlsx';
import { maskIdNumber, maskName } from '../core/identity';
import { EXCLUSION_LABELS, type StoredCreditor } from '../db/repositories/creditor-types';

type Cell = string | number;

const ID_TYPE_LABELS: Record<StoredCreditor['idType'], string> = {
  resident: '居民身份证',
  resident15: '居民身份证',
  passport: '护照',
  hk_macau: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  org: '统一社会信用代码',
};

/** Fen as yuan for a spreadsheet cell (exact: fen / 100 with two decimals shown). */
const yuan = (fen: number): number => fen / 100;

export function fullRegisterXlsx(creditors: readonly StoredCreditor[], sheetName: string): Uint8Array {
  const header = ['参与人编号', '姓名/名称', '证件类型', '证件号码', '联系电话', '住址', '开户银行', '银行账号', '合同数', '投资本金（元）', '已获收益（元）', '核定清退基数（元）', '核实状态', '排除情形'];
  const rows: Cell[][] = [header];
  for (const c of creditors) {
    rows.push([
      c.cid,
      c.name,
      ID_TYPE_LABELS[c.idType],
      c.idNumber,
      c.phone ?? '',
      c.address ?? '',
      c.bankName ?? '',
      c.bankAccount ?? '',
      c.contracts.length,
      yuan(c.principalFen),
      yuan(c.returnedFen),
      yuan(c.netClaimFen),
      c.status,
      c.exclusion ? EXCLUSION_LABELS[c.exclusion] : '',
    ]);
  }
  return book(rows, sheetName, [3, 4, 7], [9, 10, 11]);
}

/** Persons' names and ID numbers masked (张*三, 371002********123X); institutions are public. */
export function publicNoticeXlsx(creditors: readonly StoredCreditor[], sheetName: string): Uint8Array {
  const rows: Cell[][] = [['序号', '姓名/名称', '证件号码', '核定清退基数（元）']];
  creditors.forEach((c, i) => {
    const org = c.idType === 'org';
    rows.push([i + 1, org ? c.name : maskName(c.name), org ? c.idNumber : maskIdNumber(c.idNumber), yuan(c.netClaimFen)]);
  });
  return book(rows, sheetName, [2], [3]);
}

function book(rows: Cell[][], sheetName: string, textColumns: readonly number[], moneyColumns: readonly number[]): Uint8Array {
  const sheet: WorkSheet = utils.aoa_to_sheet(rows, { dense: true });
  const data = sheet['!data'];
  if (data) {
    for (let r = 1; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      // IDs and accounts as text: Excel would otherwise show 3.71002E+17 and lose digits.
      for (const c of textColumns) {
        const cell = row[c];
        if (cell) cell.z = '@';
      }
      for (const c of moneyColumns) {
        const cell = row[c];
        if (cell) cell.z = '#,##0.00';
      }
    }
  }
  const wb = utils.book_new();
  utils.book_append_sheet(wb, sheet, sheetName);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
