import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreditorStatus } from '../../../../../renderer/src/core/creditors';
import { columnarRegister } from '../../../../../renderer/src/core/creditors/columnar-register';
import type { StoredCreditor } from '../../../../../renderer/src/db/repositories/creditor-types';
import {
  EMPTY_QUERY,
  normalizeQuery,
  searchRegister,
  sortIndices,
  viewTotals,
} from '../../../../../renderer/src/ui/pages/creditors/register-query';

function c(i: number, name: string, idNumber: string, phone: string | undefined, status: CreditorStatus = '待核实', principalFen = 100): StoredCreditor {
  return {
    cid: String(i + 1),
    name,
    idType: 'resident',
    idNumber,
    ...(phone ? { phone } : {}),
    contracts: [{ principalFen, returnedFen: 0, sourceRow: i + 2, note: '' }],
    principalFen,
    returnedFen: 0,
    netClaimFen: principalFen,
    status,
    exclusion: null,
  };
}

const list = [
  c(0, '张伟', '371002198001010010', '13800001111', '已核实', 500),
  c(1, '王芳', '37100319751212007X', '13800002222', '待核实', 300),
  c(2, '欧阳娜娜', '371082199005050032', undefined, '存疑', 900),
  c(3, '王王', '110105194912310021', '13900003333', '已核实', 100),
];
const index = columnarRegister(list, 3);
const find = (text: string, status: CreditorStatus | '' = '') => Array.from(searchRegister(index, { ...EMPTY_QUERY, text, status }));

describe('register search', () => {
  it('finds every ID type: passport, 港澳通行证, credit code; and Latin names whatever the case and spacing', () => {
    const other = [
      { ...c(0, 'John Smith', 'E12345678', undefined), idType: 'passport' as const },
      { ...c(1, '陈大文', 'H12345678', undefined), idType: 'hk_macau' as const },
      { ...c(2, '威海某某商贸有限公司', '91371000MA3C000000', undefined), idType: 'org' as const },
      c(3, '李四', '371002198001010010', '13800001111'),
    ];
    const idx = columnarRegister(other);
    const look = (text: string) => Array.from(searchRegister(idx, { ...EMPTY_QUERY, text }));
    expect(look('E12345678')).toEqual([0]);
    expect(look('e1234')).toEqual([0]);
    expect(look('Ｈ１２３')).toEqual([1]);
    expect(look('91371000MA')).toEqual([2]);
    expect(look('john smith')).toEqual([0]);
    expect(look('SMITH')).toEqual([0]);
    expect(look('1380000')).toEqual([3]);
    expect(look('E99')).toEqual([]);
  });

  it('finds names containing the text, and IDs or phones starting with the digits', () => {
    expect(find('王')).toEqual([1, 3]);
    expect(find('娜娜')).toEqual([2]);
    expect(find('3710')).toEqual([0, 1, 2]);
    expect(find('1380000')).toEqual([0, 1]);
    expect(find('0010')).toEqual([]); // a suffix is not a prefix
    expect(find('37100319751212007x')).toEqual([1]); // lowercase x is the check character X
    expect(find('１３９')).toEqual([3]); // full-width digits typed with an IME
    expect(find('王', '已核实')).toEqual([3]);
    expect(find('', '存疑')).toEqual([2]);
    expect(find('赵')).toEqual([]);
  });

  it('agrees with a plain scan on random registers', () => {
    const person = fc.record({
      name: fc.string({ unit: fc.constantFrom('王', '张', '欧', '阳', '李'), minLength: 1, maxLength: 4 }),
      id: fc.string({ unit: fc.constantFrom('1', '3', '7', 'X'), minLength: 1, maxLength: 6 }),
      phone: fc.option(fc.string({ unit: fc.constantFrom('1', '3', '8'), minLength: 1, maxLength: 5 }), { nil: undefined }),
      status: fc.constantFrom<CreditorStatus>('待核实', '已核实', '存疑'),
    });
    const query = fc.record({
      text: fc.oneof(fc.string({ unit: fc.constantFrom('王', '张', '阳'), maxLength: 2 }), fc.string({ unit: fc.constantFrom('1', '3', '7', 'X'), maxLength: 3 })),
      status: fc.constantFrom<CreditorStatus | ''>('', '待核实', '已核实'),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), query, (people, q) => {
        const register = people.map((p, i) => c(i, p.name, p.id, p.phone, p.status));
        const got = Array.from(searchRegister(columnarRegister(register, 7), { ...EMPTY_QUERY, ...q }));
        const t = normalizeQuery(q.text);
        const digits = /^[0-9X]+$/.test(t);
        const want = register.flatMap((r, i) => {
          const hit = t === '' || (digits ? r.idNumber.startsWith(t) || (r.phone ?? '').startsWith(t) : r.name.includes(t));
          return hit && (q.status === '' || r.status === q.status) ? [i] : [];
        });
        expect(got).toEqual(want);
      }),
    );
  });

  it('sorts by amount or name, ties in register order, and totals the view in fen', () => {
    const all = searchRegister(index, EMPTY_QUERY);
    expect(Array.from(sortIndices(index, all, 'principal', true))).toEqual([2, 0, 1, 3]);
    expect(Array.from(sortIndices(index, all, 'order', true))).toEqual([3, 2, 1, 0]);
    expect(Array.from(sortIndices(index, all, 'name', false)).map((i) => list[i]?.name)).toEqual(['欧阳娜娜', '王芳', '王王', '张伟']);
    expect(Array.from(sortIndices(index, all, 'idNumber', false))).toEqual([3, 0, 1, 2]);
    expect(viewTotals(index, searchRegister(index, { ...EMPTY_QUERY, text: '王' }))).toEqual({ count: 2, principalFen: 400, returnedFen: 0, netClaimFen: 400 });
  });
});
