// The import keeps its creditors by columns (issue 17); what comes out must be exactly the objects
// the object register made: values, contracts, merges and even the order of the properties (a
// stored creditor is cloned into IndexedDB and written into backups and audit entries as it is).
import { describe, expect, it } from 'vitest';
import type { CellValue, ImportedCreditors } from '../../../../renderer/src/core/creditors';
import { TextStore } from '../../../../renderer/src/core/creditors/text-store';
import { planCreditorImport } from '../../../../renderer/src/db/repositories/creditor-merge';
import type { StoredCreditor } from '../../../../renderer/src/db/repositories/creditor-types';
import { HEADER, importRows, makeId, person } from './helpers';

const all = (imported: ImportedCreditors) => Array.from({ length: imported.count }, (_, i) => imported.creditor(i));

describe('TextStore: strings kept joined', () => {
  const samples = ['', '王秀英', '370703195002021694', 'He said "hi" \\ a\tb', '\uD83D\uDE00emoji', 'lone \uD800 x', '山东省威海市环翠区海滨北路25号', 'X'];

  it('gives back every entry exactly, across chunks and after the last one is joined', () => {
    const store = new TextStore();
    const pushed: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const s = `${samples[i % samples.length]}${i % 7 === 0 ? '' : i}`;
      store.push(s);
      pushed.push(s);
    }
    // The entries not yet joined are read as they were pushed.
    expect(store.get(9_999)).toBe(pushed[9_999]);
    store.seal();
    expect(store.length).toBe(10_000);
    for (let i = 0; i < pushed.length; i++) if (store.get(i) !== pushed[i]) expect([i, store.get(i)]).toEqual([i, pushed[i]]);
    for (const i of [0, 3, 5, 9_999]) expect([store.equals(i, pushed[i] as string), store.equals(i, `${pushed[i]} `)]).toEqual([true, false]);
    expect(() => store.push('more')).toThrow(/after seal/);
  });

  it('gives back chunks kept as bytes (IDs) and as UTF-16 (names) exactly, read in order or not', () => {
    // Chunks of one kind each: ASCII digits, Chinese with a byte-order mark leading a chunk, and
    // the middle dot; a decoder that dropped the mark or garbled a character fails here.
    const kinds = [
      (i: number) => `37070319500202${String(i % 10_000).padStart(4, '0')}${i % 5 === 0 ? 'X' : ''}`,
      (i: number) => `${i % 4096 === 0 ? '\ufeff' : ''}${['王秀英', '欧阳·娜', '山东省威海市环翠区海滨北路25号', ''][i % 4]}${i}`,
    ];
    for (const kind of kinds) {
      const store = new TextStore();
      const pushed: string[] = [];
      for (let i = 0; i < 9_000; i++) {
        pushed.push(kind(i));
        store.push(pushed[i] as string);
      }
      store.seal();
      // Out of order first (each entry decoded alone), then in order (a chunk decoded at once).
      for (const i of [8_999, 0, 4_096, 4_095, 17, 8_192, 4_097]) expect(store.get(i)).toBe(pushed[i]);
      for (let i = 0; i < pushed.length; i++) if (store.get(i) !== pushed[i]) expect([i, store.get(i)]).toEqual([i, pushed[i]]);
      // The ID lookup compares in place: equal only to the very entry, in every chunk.
      for (const i of [0, 4_095, 4_096, 8_999]) {
        const entry = pushed[i] as string;
        expect(store.equals(i, entry)).toBe(true);
        expect(store.equals(i, `${entry}0`)).toBe(false);
        expect(store.equals(i, entry.slice(0, -1))).toBe(false);
        expect(store.equals(i, pushed[i + 1] ?? 'x')).toBe(false);
      }
      store.release(4_096);
      expect(store.get(4_096)).toBe(pushed[4_096]);
      expect(store.get(8_998)).toBe(pushed[8_998]);
    }
  });

  it('lets go of whole chunks written', () => {
    const store = new TextStore();
    const id = (i: number) => `37070319500202${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 9_000; i++) store.push(id(i));
    store.seal();
    store.release(8_193);
    expect(store.get(8_192)).toBe(id(8_192));
    expect(store.get(8_999)).toBe(id(8_999));
    expect(store.get(4_095)).toBe('');
  });
});

describe('the import register by columns', () => {
  it('makes the same objects as the rows made, property order included, with gaps filled by later rows', () => {
    const a = makeId('19800101', '001');
    const b = makeId('19800102', '002');
    const c = makeId('19800103', '003');
    const r = importRows([
      HEADER,
      person('张三', a, '1000', '100'),
      // No phone and no account on the first row: they are added by the later rows, in that order.
      person('李四', b, '500', '0', { phone: '', account: '', bank: '' }),
      person('王五', c, '300', '0', { note: '合同 A-1' }),
      person('李四', b, '200', '0', { account: '6222020200112233441', phone: '', bank: '' }),
      person('李四', b, '200', '0', { phone: '13900001111', bank: '建设银行', account: '' }),
    ]);
    expect(r.imported.count).toBe(3);
    expect(JSON.stringify(all(r.imported))).toBe(JSON.stringify(r.creditors));
    expect(Object.keys(r.creditors[0] ?? {})).toEqual([
      'name', 'idType', 'idNumber', 'contracts', 'principalFen', 'returnedFen', 'netClaimFen', 'status', 'exclusion', 'phone', 'address', 'bankName', 'bankAccount',
    ].filter((k) => k !== 'address'));
    expect(Object.keys(r.creditors[1] ?? {})).toEqual(['name', 'idType', 'idNumber', 'contracts', 'principalFen', 'returnedFen', 'netClaimFen', 'status', 'exclusion', 'bankAccount', 'phone', 'bankName']);
    expect(r.creditors[1]).toMatchObject({ principalFen: 90_000, phone: '13900001111', bankName: '建设银行', bankAccount: '6222020200112233441' });
    expect(r.creditors[1]?.contracts.map((k) => k.sourceRow)).toEqual([3, 5, 6]);
    expect(r.creditors[2]?.contracts).toEqual([{ principalFen: 30_000, returnedFen: 0, sourceRow: 4, note: '合同 A-1' }]);
    // A creditor of one row is a new object on each call; one of several rows is the same one.
    expect(r.imported.creditor(0)).not.toBe(r.imported.creditor(0));
    expect(r.imported.creditor(1)).toBe(r.imported.creditor(1));
  });

  it('finds the same person among thousands (the ID table grows), and keeps other documents of the same number apart', () => {
    const rows: CellValue[][] = [['序号', '姓名', '证件类型', '证件号码', '投资金额（元）']];
    for (let i = 0; i < 3_000; i++) rows.push(['1', `甲${i}`, '身份证', makeId(`1980010${1 + Math.floor(i / 750)}`, String((i % 750) + 1).padStart(3, '0')), '100']);
    for (let i = 0; i < 3_000; i++) rows.push(['1', `甲${i}`, '身份证', makeId(`1980010${1 + Math.floor(i / 750)}`, String((i % 750) + 1).padStart(3, '0')), '200']);
    rows.push(['1', '护照甲', '护照', 'E12345678', '100'], ['1', '港澳乙', '港澳通行证', 'E12345678', '100'], ['1', '护照甲', '护照', 'E12345678', '50']);
    const r = importRows(rows);
    expect(r.errorRows).toBe(0);
    expect(r.imported.count).toBe(3_002);
    expect(r.creditors.slice(0, 3_000).every((c) => c.contracts.length === 2 && c.principalFen === 30_000)).toBe(true);
    expect(r.creditors.slice(3_000).map((c) => [c.name, c.idType, c.principalFen])).toEqual([
      ['护照甲', 'passport', 15_000],
      ['港澳乙', 'hk_macau', 10_000],
    ]);
    const compact = importRows(rows, { creditorObjects: false });
    expect(compact.creditors).toEqual([]);
    expect(JSON.stringify(all(compact.imported))).toBe(JSON.stringify(r.creditors));
  });

  it('plans from the columns exactly as from the objects, merging into a register and replacing it; written stretches are let go', () => {
    const ids = Array.from({ length: 12 }, (_, i) => makeId('19800101', String(i + 1).padStart(3, '0')));
    const rows = [HEADER, ...ids.map((id, i) => person(`人${i}`, id, String(100 * (i + 1)))), person('人3', ids[3] as string, '999')];
    const register: StoredCreditor[] = importRows([HEADER, ...ids.slice(0, 6).map((id, i) => person(i === 2 ? '别人' : `人${i}`, id, String(100 * (i + 1))))]).creditors.map((c, i) => ({ ...c, cid: String(i + 1) }));
    for (const mode of ['merge', 'replace'] as const) {
      const fromObjects = planCreditorImport('c', 1, register, importRows(rows).creditors, 7, null, 't', { mode });
      const compact = importRows(rows, { creditorObjects: false }).imported;
      const fromColumns = planCreditorImport('c', 1, register, compact, 7, null, 't', { mode });
      expect(JSON.stringify(fromColumns.creditors.slice(0, fromColumns.creditors.length))).toBe(JSON.stringify(fromObjects.creditors.slice(0, fromObjects.creditors.length)));
      const { creditors: _a, ...restColumns } = fromColumns;
      const { creditors: _b, ...restObjects } = fromObjects;
      expect(restColumns).toEqual(restObjects);
      fromColumns.creditors.release(10);
      expect(() => fromColumns.creditors.slice(0, 1)).toThrow(/released/);
      expect(fromColumns.creditors.slice(10, 12).length).toBe(2);
      fromColumns.creditors.release(fromColumns.creditors.length);
      expect(() => compact.creditor(11)).toThrow(/released/);
    }
  });
});
