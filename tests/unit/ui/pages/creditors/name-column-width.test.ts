import { describe, expect, it } from 'vitest';
import { columnarRegister, type RegisterRowSource } from '../../../../../renderer/src/core/creditors/columnar-register';
import { NAME_MAX_PX, NAME_MIN_PX, nameColumnWidth } from '../../../../../renderer/src/ui/pages/creditors/name-column-width';

const row = (cid: number, name: string): RegisterRowSource => ({
  cid: String(cid),
  name,
  idType: 'resident',
  idNumber: '110105196001010021',
  contracts: [],
  principalFen: 0,
  returnedFen: 0,
  netClaimFen: 0,
  status: '待核实',
  exclusion: null,
});
const widthOf = (...names: string[]) => {
  const register = columnarRegister(names.map((n, i) => row(i + 1, n)));
  return nameColumnWidth(register.names, register.count);
};

describe('the register name column', () => {
  it('stays narrow for persons, and fits a firm name of 10 or 16 字 whole', () => {
    expect(widthOf('张伟', '欧阳娜娜', '李四')).toBe(NAME_MIN_PX);
    expect(widthOf('张伟', '威海某某贸易有限公司')).toBe(10 * 14 + 12);
    expect(widthOf('威海市环翠区某某投资管理有限公司', '张伟')).toBe(16 * 14 + 12);
  });

  it('counts Latin letters narrower than 字 and stops growing at 16 字', () => {
    expect(widthOf('Smith John')).toBe(Math.round(10 * 0.6 * 14 + 12));
    expect(widthOf('张伟', `${'威海'.repeat(20)}有限公司`)).toBe(NAME_MAX_PX);
  });
});
