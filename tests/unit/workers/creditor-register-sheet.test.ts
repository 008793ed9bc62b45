// The register's xlsx exports, built from the register a block at a time (issue 17).
import { read, utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { StoredCreditor } from '../../../renderer/src/db/repositories/creditor-types';
import { RegisterSheet } from './register-sheet-reference';

const person = (i: number, patch: Partial<StoredCreditor> = {}): StoredCreditor => ({
  cid: String(i),
  name: `王喆${i}`,
  idType: 'resident',
  idNumber: `11010519600101${String(1000 + i).slice(1)}X`,
  contracts: [{ principalFen: 123_456, returnedFen: 0, sourceRow: i + 1, note: '' }],
  principalFen: 123_456,
  returnedFen: 0,
  netClaimFen: 123_456,
  status: '已核实',
  exclusion: null,
  ...patch,
});

const rowsOf = (bytes: Uint8Array) => {
  const book = read(bytes, { type: 'array' });
  return utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] as string] as never, { header: 1, raw: true });
};

describe('RegisterSheet', () => {
  it('numbers the public notice through every block taken, masked, with the header once', () => {
    const sheet = new RegisterSheet('public');
    sheet.add([person(1), person(2)]);
    sheet.add([person(3, { idType: 'org', name: '威海某某有限公司', idNumber: '91371000MA3C0000XX' })]);
    expect(sheet.count).toBe(3);
    const rows = rowsOf(sheet.finish('公示名单'));
    expect(rows).toEqual([
      ['序号', '姓名/名称', '证件号码', '核定清退基数（元）'],
      [1, '王*1', '110105********001X', 1234.56],
      [2, '王*2', '110105********002X', 1234.56],
      [3, '威海某某有限公司', '91371000MA3C0000XX', 1234.56],
    ]);
  });

  it('gives the full list in register order with personal data in full', () => {
    const sheet = new RegisterSheet('full');
    sheet.add([person(1, { phone: '13800001111', bankName: '工商银行', bankAccount: '6222020200112233' })]);
    sheet.add([person(2, { exclusion: 'employee', status: '存疑' })]);
    const rows = rowsOf(sheet.finish('名单'));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['1', '王喆1', '居民身份证', '11010519600101001X', '13800001111', '', '工商银行', '6222020200112233', 1, 1234.56, 0, 1234.56, '已核实', '']);
    expect(rows[2]?.[0]).toBe('2');
    expect(rows[2]?.[12]).toBe('存疑');
    expect(rows[2]?.[13]).toBe('员工');
  });
});
