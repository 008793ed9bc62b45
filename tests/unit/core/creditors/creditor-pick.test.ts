// The petition form's creditor picker: what a mediator types finds the person in the register.
import { describe, expect, it } from 'vitest';
import { columnarRegister, entryOf, normalizeKey, type RegisterRowSource, RegisterTextsBuilder } from '../../../../renderer/src/core/creditors/columnar-register';
import { pickCreditors } from '../../../../renderer/src/core/creditors/creditor-pick';

const row = (cid: number, name: string, idNumber: string, phone?: string): RegisterRowSource => ({
  cid: String(cid),
  name,
  idType: 'resident',
  idNumber,
  ...(phone ? { phone } : {}),
  contracts: [],
  principalFen: 100,
  returnedFen: 0,
  netClaimFen: 100,
  status: '已核实',
  exclusion: null,
});

const register = columnarRegister(
  [
    row(1, '王喆', '110105196001011001', '13800001111'),
    row(2, '李堃', '370102198001011234', '13900002222'),
    row(3, '王小喆', '37010219800101567X'),
    row(4, 'John Smith', 'E12345678'),
    ...Array.from({ length: 30 }, (_, i) => row(10 + i, `张伟${i}`, `1101051970010${String(10_000 + i)}`)),
    row(99, '于赟', '110105196001019999', '13912345678'),
  ],
  7,
);

const names = (query: string, taken: string[] = [], limit = 8) => {
  const found = pickCreditors(register, query, taken, limit);
  return { total: found.total, names: found.indices.map((i) => entryOf(register.names, i)) };
};

describe('pickCreditors', () => {
  it('finds by part of the name, in register order, with the count of all found', () => {
    expect(names('王喆')).toEqual({ total: 1, names: ['王喆'] });
    expect(names('喆')).toEqual({ total: 0, names: [] }); // one character: nothing looked up yet
    expect(names('小喆')).toEqual({ total: 1, names: ['王小喆'] });
    expect(names('张伟', [], 8)).toEqual({ total: 30, names: ['张伟0', '张伟1', '张伟2', '张伟3', '张伟4', '张伟5', '张伟6', '张伟7'] });
    // Latin names: case and spaces do not matter; full-width letters typed by an IME are folded.
    expect(names('john smith').names).toEqual(['John Smith']);
    expect(names('ＳＭＩＴＨ').names).toEqual(['John Smith']);
  });

  it('finds by the ID number from its start or by its last characters (4 at least), and by the phone from its start', () => {
    expect(names('3701').names).toEqual(['李堃', '王小喆']);
    expect(names('567x').names).toEqual(['王小喆']);
    expect(names('1234').names).toEqual(['李堃']);
    // The last creditor of the register (no separator after it) is found by its last digits too.
    expect(names('9999').names).toEqual(['于赟']);
    expect(names('e1234').names).toEqual(['John Smith']);
    expect(names('139').names).toEqual([]); // 3 digits: too short for an ID or a phone
    expect(names('1391').names).toEqual(['于赟']);
    expect(names('13800001111').names).toEqual(['王喆']);
    // Digits in the middle of an ID match nothing.
    expect(names('19800101').names).toEqual([]);
  });

  it('leaves out the creditors already picked, from the list and the count', () => {
    expect(names('王喆')).toEqual({ total: 1, names: ['王喆'] });
    expect(names('王喆', ['1'])).toEqual({ total: 0, names: [] });
    expect(names('张伟', ['10', '11'], 3)).toEqual({ total: 28, names: ['张伟2', '张伟3', '张伟4'] });
  });

  it('finds nothing in an empty register', () => {
    expect(pickCreditors(columnarRegister([]), '王喆', [], 8)).toEqual({ total: 0, indices: [] });
  });
});

describe('the picker over the text columns alone (what its worker builds)', () => {
  const rows = [
    row(1, '王喆', '110105196001011001', '13800001111'),
    row(2, '李堃', '370102198001011234', '13900002222'),
    row(3, '王小喆', '37010219800101567X'),
    ...Array.from({ length: 30 }, (_, i) => row(10 + i, `张伟${i}`, `1101051970010${String(10_000 + i)}`)),
    row(4, 'John Smith', 'E12345678'),
    row(5, '阿依古丽·买买提', '650102199001011234', '13700003333'),
    row(99, '于赟', '110105196001019999', '13912345678'),
  ];
  const texts = new RegisterTextsBuilder(5);
  for (let i = 0; i < rows.length; i += 7) texts.add(rows.slice(i, i + 7));
  const alone = texts.finish();
  const full = columnarRegister(rows, 7);

  it('holds the same five columns as the whole register', () => {
    expect(alone).toEqual({ count: full.count, cids: full.cids, names: full.names, nameKeys: full.nameKeys, idNumbers: full.idNumbers, phones: full.phones });
  });

  it('answers every query exactly as over the whole register', () => {
    const queries = ['王喆', '小喆', '张伟', '张伟2', 'john smith', 'ＳＭＩＴＨ', '3701', '567x', '1234', '9999', 'e1234', '1391', '13800001111', '19800101', '古丽', '·买买', '买买提'];
    for (const q of queries) {
      for (const taken of [[], ['1', '10', '11']]) expect(pickCreditors(alone, q, taken, 5), q).toEqual(pickCreditors(full, q, taken, 5));
    }
  });
});

describe('normalizeKey', () => {
  it('returns a plain Chinese name as it is, and folds everything else exactly as before', () => {
    const slow = (text: string) =>
      text
        .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(/\s+/g, '')
        .toUpperCase();
    const samples = ['王喆', '阿依古丽·买买提', '参与人123', 'ABC王', '', 'John Smith', 'ｊｏｈｎ', '王 喆', '王\u3000喆', 'straße', 'ǆemal', 'éa', '王\n喆', '㐀䶵', '𠀀王', 'ΣΑΣ', 'σας', 'Ａ１'];
    for (const text of samples) expect(normalizeKey(text), text).toBe(slow(text));
  });
});
