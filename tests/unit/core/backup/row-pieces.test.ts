import { describe, expect, it } from 'vitest';
import { decodeRow, encodeRow, encodeRowPieces } from '../../../../renderer/src/core/backup/row-codec';

const joined = (p: string | string[]) => (typeof p === 'string' ? p : p.join(''));

const creditor = (i: number) => ({
  cid: String(i + 1),
  name: i % 7 === 0 ? 'Zoë "Q" \\ 王\u2028' : `王${i}`,
  idNumber: '37070319500202169X',
  phone: i % 3 === 0 ? undefined : '13817806755',
  contracts: [{ principalFen: 4410000 + i, returnedFen: i % 5, sourceRow: i + 2, note: '' }],
  principalFen: 4410000 + i,
  exclusion: null,
  nested: [[1, 2], { a: [true, false] }],
});

/** The row as JSON.stringify sees it (key order included), after decodeRow read back a line. */
const exact = (line: string) => JSON.stringify(decodeRow(line));

describe('encodeRowPieces: format 3 lines read back exactly as the row (long arrays of records as columns)', () => {
  const cases: Array<[string, unknown]> = [
    ['a block of 1,000 creditors', { id: 'case-1#1#0', caseId: 'case-1', generation: 1, seq: 0, creditors: Array.from({ length: 1000 }, (_, i) => creditor(i)) }],
    ['the long array first, two long arrays', { a: Array.from({ length: 64 }, (_, i) => i * 1.5), b: 'x', c: Array.from({ length: 65 }, (_, i) => `s${i}`) }],
    ['an array of 63 (not split)', { a: Array.from({ length: 63 }, (_, i) => i) }],
    ['the only key', { creditors: Array.from({ length: 100 }, (_, i) => ({ i })) }],
    ['a __proto__ key and a null prototype', Object.assign(Object.create(null) as object, JSON.parse(`{"__proto__":{"x":1},"list":[${Array.from({ length: 70 }, (_, i) => i).join(',')}]}`) as object)],
    ['a small row', { id: 'c1', title: '案件' }],
    ['a row with a Date (tagged path)', { at: new Date(0), list: Array.from({ length: 70 }, (_, i) => i) }],
    ['a row with bytes and -0 (tagged path)', { v: -0, b: new Uint8Array([1, 2]), list: Array.from({ length: 70 }, (_, i) => ({ i })) }],
    ['a row owning a $t key', { $t: 'x', list: Array.from({ length: 70 }, (_, i) => i) }],
    ['an array row', Array.from({ length: 100 }, (_, i) => i)],
    ['a string row', 'text'],
  ];
  it.each(cases)('%s', (_label, row) => {
    const pieces = encodeRowPieces(row);
    expect(exact(joined(pieces))).toBe(exact(encodeRow(row)));
    expect(decodeRow(joined(pieces))).toEqual(decodeRow(encodeRow(row)));
  });
  it('writes a block of creditors as columns: one piece per field, each field name once', () => {
    // A property holding undefined takes encodeRow's careful walk (written as absent), so none here.
    const row = { id: 'b', creditors: Array.from({ length: 1000 }, (_, i) => ({ ...creditor(i), phone: '138' })) };
    const pieces = encodeRowPieces(row);
    expect(Array.isArray(pieces) && pieces.length).toBe(4 + Object.keys(creditor(0)).length);
    const line = joined(pieces);
    expect(line.split('"idNumber"')).toHaveLength(2);
    expect(line.length).toBeLessThan(encodeRow(row).length * 0.6);
    expect(exact(line)).toBe(JSON.stringify(row));
  });
  it('keeps the keys of each record and their order (records of several shapes), and counting fields as deltas', () => {
    const creditors = Array.from({ length: 300 }, (_, i) => {
      const c: Record<string, unknown> = { name: `王${i}`, idNumber: '37070319500202169X', principalFen: (i * 7919) % 1000 };
      if (i % 3 === 0) c.phone = '13817806755';
      if (i % 5 === 0) c.address = '威海市';
      c.cid = String(i + 1);
      if (i % 7 === 0) c.review = { by: '李', at: '2026-12-01' };
      c.rowNo = i + 2;
      return i % 11 === 0 ? { cid: c.cid, ...c } : c;
    });
    const row = { id: 'case-1#1#0', creditors };
    const line = joined(encodeRowPieces(row));
    expect(line).toContain('{"s":[1,1,1');
    expect(line).toContain('{"d":[2,1,1');
    const back = decodeRow(line) as typeof row;
    expect(JSON.stringify(back)).toBe(JSON.stringify(row));
    expect(back.creditors.map((c) => Object.keys(c))).toEqual(creditors.map((c) => Object.keys(c)));
  });
  it('leaves numbers and texts that only look like counting as they are', () => {
    const values = ['007', '-0', '1e3', ' 1', '9007199254740993', '2', '10'];
    const rows = [
      { list: Array.from({ length: 70 }, (_, i) => ({ t: values[i % values.length], n: i, f: i + 0.5, big: i === 3 ? Number.MAX_SAFE_INTEGER : i, down: 70 - i })) },
      { list: Array.from({ length: 70 }, (_, i) => ({ t: String(i), m: i === 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER })) },
      Array.from({ length: 70 }, (_, i) => JSON.parse(`{"cid":"${i + 1}","__proto__":{"x":${i}}}`) as object),
      Array.from({ length: 70 }, (_, i) => (i === 40 ? [i] : { i })),
    ];
    for (const row of rows) {
      const line = joined(encodeRowPieces(row));
      expect(JSON.stringify(decodeRow(line))).toBe(JSON.stringify(row));
      expect(decodeRow(line)).toEqual(row);
    }
  });
  it('packs texts of digits two to a byte and few distinct texts once each, exactly (leading zeros, X, empty, odd lengths)', () => {
    const ids = ['', '0', '007', '37070319500202169X', 'X', '12345', '99', '0000000000000000000'];
    const row = Array.from({ length: 90 }, (_, i) => ({ id: i === 0 ? '' : `${ids[i % ids.length]}${i}`, kind: i % 3 === 0 ? '居民身份证' : '营业执照', acct: `62${String(i * 7919).padStart(17, '0')}` }));
    const line = joined(encodeRowPieces(row));
    expect(line).toContain('{"x":"');
    expect(line).toContain('{"v":["居民身份证","营业执照"],"i":[0,1,1,0');
    expect(line).not.toContain('37070319500202169X5');
    expect(JSON.stringify(decodeRow(line))).toBe(JSON.stringify(row));
    // Not digits (a space, a lower-case x, a full-width digit) or too many distinct texts: left as text.
    for (const odd of ['1 2', '12x', '１２']) {
      const mixed = Array.from({ length: 70 }, (_, i) => ({ id: i === 9 ? odd : String(1000 - i) }));
      const text = joined(encodeRowPieces(mixed));
      expect(text).not.toContain('"x":');
      expect(JSON.stringify(decodeRow(text))).toBe(JSON.stringify(mixed));
    }
    const many = Array.from({ length: 100 }, (_, i) => ({ t: `类${i % 20}` }));
    expect(joined(encodeRowPieces(many))).not.toContain('"v":');
    expect(decodeRow(joined(encodeRowPieces(many)))).toEqual(many);
  });
  it('refuses columns that do not add up (a damaged or hand-made line)', () => {
    const good = joined(encodeRowPieces(Array.from({ length: 70 }, (_, i) => ({ a: i, b: `x${i}` }))));
    for (const bad of [good.replace('"n":70', '"n":71'), good.replace('"n":70', '"n":69'), good.replace('"h":[[0,1]]', '"h":[[0,2]]'), good.replace('{"d":[0,', '{"d":[0.5,'), good.replace('"k":["a","b"]', '"k":["a"]'), good.replace('"n":70', '"n":70,"s":[0]')]) {
      expect(bad).not.toBe(good);
      expect(() => decodeRow(bad)).toThrow(/columns/);
    }
    const digits = joined(encodeRowPieces(Array.from({ length: 70 }, (_, i) => ({ id: `${(i * 7) % 10}${i}X` }))));
    const packed = /"x":"([^"]+)"/.exec(digits)?.[1] ?? '';
    const alter = (to: string) => digits.replace(packed, to);
    for (const bad of [alter(packed.slice(0, -4)), alter(`${packed}AAAA`), alter('!!!!')]) expect(() => decodeRow(bad)).toThrow(/columns/);
  });
  it('refuses what encodeRow refuses, naming the path', () => {
    const bad = { list: Array.from({ length: 70 }, (_, i) => (i === 5 ? Number.NaN : i)) };
    expect(() => encodeRowPieces(bad)).toThrow(/list\[5\]/);
  });
});
