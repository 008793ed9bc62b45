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

const FULL_HEADER: Cell[] = ['参与人编号', '姓名/名称', '证件类型', '证件号码', '联系电话', '住址', '开户银行', '银行账号', '合同数', '投资本金（元）', '已获收益（元）', '核定清退基数（元）', '核实状态', '排除情形'];
const PUBLIC_HEADER: Cell[] = ['序号', '姓名/名称', '证件号码', '核定清退基数（元）'];

function fullRow(c: StoredCreditor): Cell[] {
  return [
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
  ];
}

/** Persons' names and ID numbers masked (张*三, 371002********123X); institutions are public. */
function publicRow(c: StoredCreditor, number: number): Cell[] {
  const org = c.idType === 'org';
  return [number, org ? c.name : maskName(c.name), org ? c.idNumber : maskIdNumber(c.idNumber), yuan(c.netClaimFen)];
}

/**
 * One export's sheet: the full list (personal data in full, for the case file) or the public notice.
 * Creditors are taken a block at a time as the register is read (issue 17): only their cells are
 * kept, so the register's objects (contracts, review) never all exist in the worker at once, and the
 * cells are let go once the sheet is made from them, before the file is written.
 */
export class RegisterSheet {
  private rows: Cell[][];

  constructor(private readonly kind: 'full' | 'public') {
    this.rows = [kind === 'full' ? FULL_HEADER : PUBLIC_HEADER];
  }

  /** Creditors taken so far. */
  get count(): number {
    return this.rows.length - 1;
  }

  /** Takes the next creditors of the register, in register order. */
  add(creditors: readonly StoredCreditor[]): void {
    for (const c of creditors) this.rows.push(this.kind === 'full' ? fullRow(c) : publicRow(c, this.rows.length));
  }

  /** The xlsx bytes; the sheet can take no more creditors after. */
  finish(sheetName: string): Uint8Array {
    const rows = this.rows;
    this.rows = [];
    const sheet = this.kind === 'full' ? sheetOf(rows, [3, 4, 7], [9, 10, 11]) : sheetOf(rows, [2], [3]);
    rows.length = 0;
    const wb = utils.book_new();
    utils.book_append_sheet(wb, sheet, sheetName);
    return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  }
}

function sheetOf(rows: Cell[][], textColumns: readonly number[], moneyColumns: readonly number[]): WorkSheet {
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
  return sheet;
}
