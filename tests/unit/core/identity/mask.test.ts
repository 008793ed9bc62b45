import { describe, expect, it } from 'vitest';
import { maskAccount, maskIdNumber, maskName, maskPhone } from '../../../../renderer/src/core/identity';

describe('masking for lists and public notices', () => {
  it('maskName keeps the surname (and the last character of longer names)', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('张')).toBe('*');
    expect(maskName('王喆')).toBe('王*');
    expect(maskName('𠀀𠀁𠀂')).toBe('𠀀*𠀂');
  });

  it('maskIdNumber keeps the first 6 and last 4', () => {
    expect(maskIdNumber('37100219800101123X')).toBe('371002********123X');
    expect(maskIdNumber('371002800101018')).toBe('371002*****1018');
    expect(maskIdNumber('E12345678')).toBe('*****5678');
  });

  it('maskPhone keeps 3 + 4 digits of mobiles and the area code of landlines', () => {
    expect(maskPhone('13800001111')).toBe('138****1111');
    expect(maskPhone('0631-5200000')).toBe('0631-***0000');
    expect(maskPhone('0631-5200000-801')).toBe('0631-***0000-801');
  });

  it('maskAccount keeps the first and last 4 digits', () => {
    expect(maskAccount('6222020200112233441')).toBe('6222 **** 3441');
    expect(maskAccount('6222 0202 0011 2233 441')).toBe('6222 **** 3441');
    expect(maskAccount('81010000')).toBe('**** 0000');
  });
});
