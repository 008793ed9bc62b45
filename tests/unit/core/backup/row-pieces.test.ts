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

describe('encodeRowPieces: the same line as encodeRow, in pieces for rows with long arrays', () => {
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
    expect(joined(pieces)).toBe(encodeRow(row));
    expect(decodeRow(joined(pieces))).toEqual(decodeRow(encodeRow(row)));
  });
  it('splits a block of creditors into one piece per creditor (plus its head and end)', () => {
    // A property holding undefined takes encodeRow's careful walk (written as absent), so none here.
    const pieces = encodeRowPieces({ id: 'b', creditors: Array.from({ length: 1000 }, (_, i) => ({ ...creditor(i), phone: '138' })) });
    expect(Array.isArray(pieces) && pieces.length).toBe(1002);
  });
  it('refuses what encodeRow refuses, naming the path', () => {
    const bad = { list: Array.from({ length: 70 }, (_, i) => (i === 5 ? Number.NaN : i)) };
    expect(() => encodeRowPieces(bad)).toThrow(/list\[5\]/);
  });
});
