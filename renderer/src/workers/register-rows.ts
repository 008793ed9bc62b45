// The cells of one register row, shared by the streaming writer (register-xlsx-stream.ts) and the
// SheetJS reference (tests/unit/workers/register-sheet-reference.ts): the same columns, texts and masking in both.
import { maskIdNumber, maskName } from '../core/identity';
import { EXCLUSION_LABELS, type StoredCreditor } from '../db/repositories/creditor-types';

export type RegisterCell = string | number;
type Cell = RegisterCell;

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

export const FULL_HEADER: readonly Cell[] = ['参与人编号', '姓名/名称', '证件类型', '证件号码', '联系电话', '住址', '开户银行', '银行账号', '合同数', '投资本金（元）', '已获收益（元）', '核定清退基数（元）', '核实状态', '排除情形'];
export const PUBLIC_HEADER: readonly Cell[] = ['序号', '姓名/名称', '证件号码', '核定清退基数（元）'];

export function fullRow(c: StoredCreditor): Cell[] {
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
export function publicRow(c: StoredCreditor, number: number): Cell[] {
  const org = c.idType === 'org';
  return [number, org ? c.name : maskName(c.name), org ? c.idNumber : maskIdNumber(c.idNumber), yuan(c.netClaimFen)];
}
