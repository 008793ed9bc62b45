import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../renderer/src/core/creditors';
import { HEADER, importRows, makeId, person } from './helpers';

function outcomeOf(row: CellValue[]) {
  const r = importRows([HEADER, row]);
  const o = r.rows[0];
  if (!o) throw new Error('no outcome');
  return { ...o, creditors: r.creditors };
}

describe('row validation rules', () => {
  it.each([
    ['valid row', person('张三', makeId(), '1000'), 'ok', 'OK'],
    ['name missing', person('  ', makeId(), '1000'), 'error', 'NAME_MISSING'],
    ['ID missing', person('张三', '', '1000'), 'error', 'ID_MISSING'],
    ['ID in scientific notation', person('张三', '3.71002E+17', '1000'), 'error', 'ID_NUMBER_MANGLED_BY_EXCEL'],
    ['ID as a numeric cell', person('张三', 371002198001011000, '1000'), 'error', 'ID_NUMBER_MANGLED_BY_EXCEL'],
    ['ID check digit', person('张三', '371002198503150049', '1000'), 'error', 'ID_CHECK_DIGIT'],
    ['ID birth date', person('张三', '371002198013320059', '1000'), 'error', 'ID_BIRTH_DATE'],
    ['ID future birth', person('张三', makeId('20270101'), '1000'), 'error', 'ID_BIRTH_DATE'],
    ['ID garbage', person('张三', '5万', '1000'), 'error', 'ID_INVALID'],
    ['15-digit ID', person('张三', '371002800101018', '1000'), 'warning', 'ID_15_DIGIT'],
    ['credit code', person('某公司', '91371000MA3C0000AL', '1000'), 'ok', 'OK'],
    ['credit code check digit', person('某公司', '91371000MA3C0000AZ', '1000'), 'error', 'ORG_CODE_CHECK_DIGIT'],
    ['principal missing', person('张三', makeId(), ''), 'error', 'AMOUNT_MISSING'],
    ['principal negative', person('张三', makeId(), '-1'), 'error', 'AMOUNT_NEGATIVE'],
    ['principal finer than a fen', person('张三', makeId(), '1.001'), 'error', 'AMOUNT_PRECISION'],
    ['principal not a number', person('张三', makeId(), '一万'), 'error', 'AMOUNT_INVALID'],
    ['returned negative', person('张三', makeId(), '1000', '-5'), 'error', 'AMOUNT_NEGATIVE'],
    ['returned finer than a fen', person('张三', makeId(), '1000', '0.001'), 'error', 'AMOUNT_PRECISION'],
    ['returns above principal', person('张三', makeId(), '1000', '1200'), 'warning', 'NO_LOSS'],
    ['phone invalid', person('张三', makeId(), '1000', '0', { phone: '12345' }), 'warning', 'PHONE_INVALID'],
    ['account mangled', person('张三', makeId(), '1000', '0', { account: '6.22202E+18' }), 'error', 'ACCOUNT_MANGLED_BY_EXCEL'],
    ['account numeric cell', person('张三', makeId(), '1000', '0', { account: 6222020200112233000 }), 'error', 'ACCOUNT_MANGLED_BY_EXCEL'],
    ['account too short', person('张三', makeId(), '1000', '0', { account: '1234' }), 'warning', 'ACCOUNT_INVALID'],
  ])('%s → %s %s', (_label, row, status, code) => {
    const o = outcomeOf(row);
    expect(o.status).toBe(status);
    expect(o.code).toBe(code);
    expect(o.creditors).toHaveLength(status === 'error' ? 0 : 1);
  });

  it('returns equal to principal give a net claim of 0 without a warning', () => {
    const o = outcomeOf(person('张三', makeId(), '1000', '1000'));
    expect(o.status).toBe('ok');
    expect(o.creditors[0]?.netClaimFen).toBe(0);
  });

  it('a blank returns cell is 0; blank phone and account are allowed', () => {
    const o = outcomeOf(person('张三', makeId(), '1000', '', { phone: '', account: '' }));
    expect(o.status).toBe('ok');
    expect(o.creditors[0]).toMatchObject({ returnedFen: 0, netClaimFen: 100_000 });
    expect(o.creditors[0]?.phone).toBeUndefined();
  });

  it('lists every problem of a row and leads with the first error', () => {
    const o = outcomeOf(person('', '3.71002E+17', '-5', '0', { phone: '123' }));
    expect(o.code).toBe('NAME_MISSING');
    expect(o.issues?.map((i) => i.code)).toEqual(['NAME_MISSING', 'ID_NUMBER_MANGLED_BY_EXCEL', 'AMOUNT_NEGATIVE', 'PHONE_INVALID']);
    expect(o.issues?.map((i) => i.status)).toEqual(['error', 'error', 'error', 'warning']);
  });

  it('reads amounts and IDs from numeric cells exactly', () => {
    const o = outcomeOf(person('张三', makeId(), 1000.1, 0.1));
    expect(o.creditors[0]).toMatchObject({ principalFen: 100_010, returnedFen: 10 });
  });

  it('names the column and value in the message', () => {
    const o = outcomeOf(person('张三', makeId(), '1,000.005'));
    expect(o.column).toBe('投资金额（元）');
    expect(o.value).toBe('1,000.005');
    expect(o.message).toMatch(/^第 2 行“投资金额（元）”：/);
  });
});

describe('证件类型 column', () => {
  const header = ['姓名', '证件类型', '证件号码', '本金'];
  it.each([
    ['居民身份证', makeId(), 'resident', 'OK'],
    ['护照', 'E12345678', 'passport', 'OK'],
    ['港澳居民来往内地通行证', 'H12345678', 'hk_macau', 'OK'],
    ['台湾居民来往大陆通行证', '12345678', 'taiwan', 'OK'],
    ['统一社会信用代码', '91371000MA3C0000AL', 'org', 'OK'],
    ['营业执照', '91371000ma3c0000al', 'org', 'OK'],
    ['护照', '3.71002E+17', null, 'ID_INVALID'],
    ['护照', 3.71002e17, null, 'ID_NUMBER_MANGLED_BY_EXCEL'],
    ['统一社会信用代码', makeId(), null, 'ORG_CODE_CHECK_DIGIT'],
  ])('%s %s → %s', (type, id, idType, code) => {
    const r = importRows([header, ['某人', type, id, '1000']]);
    expect(r.rows[0]?.code).toBe(code);
    if (idType) expect(r.creditors[0]?.idType).toBe(idType);
  });

  it('says so when a declared institution carries a valid resident ID', () => {
    const r = importRows([header, ['某人', '统一社会信用代码', makeId(), '1000']]);
    expect(r.rows[0]?.message).toContain('证件类型');
  });

  it('a passport and a resident ID with the same characters are different creditors', () => {
    const r = importRows([header, ['甲', '护照', 'E1234567', '1'], ['乙', '港澳居民来往内地通行证', 'E1234567', '1']]);
    expect(r.creditors).toHaveLength(2);
  });
});
