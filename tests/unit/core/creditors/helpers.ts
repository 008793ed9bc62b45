import { type CellValue, type CreditorImportOptions, createCreditorImport } from '../../../../renderer/src/core/creditors';
import { residentIdCheckChar } from '../../../../renderer/src/core/identity';

export const today = '2026-11-26';

/** A valid 18-digit ID for a birth date and sequence. */
export function makeId(birth = '19800101', seq = '001', region = '371002'): string {
  const body = `${region}${birth}${seq}`;
  return body + residentIdCheckChar(body);
}

export const HEADER = ['序号', '姓名', '身份证号码', '联系电话', '投资金额（元）', '已获收益（元）', '开户银行', '银行卡号', '备注'];

/** Rows numbered as Excel numbers them (first array entry is row 1). */
export function importRows(aoa: ReadonlyArray<readonly CellValue[]>, options: CreditorImportOptions = {}) {
  const session = createCreditorImport({ today, ...options });
  session.feed(aoa.map((cells, i) => ({ row: i + 1, cells })));
  return session.finish();
}

/** A register row in the HEADER layout. */
export function person(name: string, id: CellValue, principal: CellValue, returned: CellValue = '0', extra: Partial<{ phone: CellValue; bank: CellValue; account: CellValue; note: CellValue }> = {}): CellValue[] {
  return ['1', name, id, extra.phone ?? '13800001111', principal, returned, extra.bank ?? '中国银行', extra.account ?? '6216610000222233334', extra.note ?? ''];
}
