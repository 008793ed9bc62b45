import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Creditor, type CreditorStatus, checkCreditorFile } from '../../../../renderer/src/core/creditors';
import {
  blockOfRow,
  ColumnarRegisterBuilder,
  columnarRegister,
  entryOf,
  indexOfCid,
  type RegisterRowSource,
  registerRow,
} from '../../../../renderer/src/core/creditors/columnar-register';
import { EMPTY_QUERY, type RegisterQuery, searchRegister, sortIndices } from '../../../../renderer/src/ui/pages/creditors/register-query';
import { sharedPath } from '../../../shared-dir';

const dir = sharedPath('fixtures', 'creditors');
const FILES = ['messy-register.xlsx', 'messy-register.utf8.csv', 'messy-register.gb18030.csv'];
const STATUSES: readonly CreditorStatus[] = ['待核实', '已核实', '存疑'];

type Stored = Creditor & { cid: string; review?: { pendingChange?: unknown } };

/** The fixture's creditors as stored, with every kind of status, exclusion, note and review mark spread over them. */
async function fixtureRegister(file: string): Promise<Stored[]> {
  const r = await checkCreditorFile(new Uint8Array(readFileSync(`${dir}/${file}`)), file, { today: '2026-11-26' });
  expect(r.fatal).toBeNull();
  return r.creditors.map((c, i) => {
    const s: Stored = { ...c, cid: String(i * 7 + 1), status: STATUSES[i % 3] as CreditorStatus, exclusion: i % 5 === 1 ? 'agent' : i % 5 === 2 ? 'unregistered' : null };
    if (i % 3 === 2) s.statusNote = `核对第${i}行`;
    if (i % 4 === 1) s.fileStatus = '已核实';
    if (i % 6 === 5) s.review = { pendingChange: { by: 'x' } };
    return s;
  });
}

/** The register page's search before the columns (issue 3): a scan over the creditor objects. */
function objectSearch(list: readonly Stored[], query: RegisterQuery): number[] {
  const fold = (t: string) =>
    t
      .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/\s+/g, '')
      .toUpperCase();
  const q = fold(query.text);
  const residentLike = /^[0-9X]+$/.test(q);
  const idLike = residentLike || (/^[0-9A-Z]+$/.test(q) && /[0-9]/.test(q));
  return list.flatMap((c, i) => {
    const hit =
      q === '' ||
      (idLike && (c.idNumber.startsWith(q) || (c.phone ?? '').startsWith(q))) ||
      ((!idLike || !residentLike) && fold(c.name).includes(q));
    const keep = (query.status === '' || c.status === query.status) && ((query.fileStatus ?? '') === '' || c.fileStatus === query.fileStatus);
    return hit && keep ? [i] : [];
  });
}

describe.each(FILES)('columnar register of the shared fixture %s', (file) => {
  it('gives every row back as it went in, whatever the block size', async () => {
    const list = await fixtureRegister(file);
    for (const blockSize of [1, 4, 1000]) {
      const reg = columnarRegister(list, blockSize);
      expect(reg.count).toBe(list.length);
      list.forEach((c, i) => {
        const row = registerRow(reg, i);
        expect(row).toEqual({
          index: i,
          cid: c.cid,
          name: c.name,
          idType: c.idType,
          idNumber: c.idNumber,
          ...(c.phone ? { phone: c.phone } : {}),
          contractCount: c.contracts.length,
          principalFen: c.principalFen,
          returnedFen: c.returnedFen,
          netClaimFen: c.netClaimFen,
          status: c.status,
          exclusion: c.exclusion,
          ...(c.statusNote ? { statusNote: c.statusNote } : {}),
          ...(c.fileStatus ? { fileStatus: c.fileStatus } : {}),
          pendingChange: c.review?.pendingChange !== undefined,
        });
        expect(indexOfCid(reg, c.cid)).toBe(i);
        const at = blockOfRow(reg, i);
        expect(at).toEqual({ block: Math.floor(i / blockSize), offset: i % blockSize });
      });
    }
  });

  it('finds exactly what the search over creditor objects found, for every name part, ID and phone prefix and filter', async () => {
    const list = await fixtureRegister(file);
    const reg = columnarRegister(list, 4);
    const texts = new Set<string>(['', 'x', 'X', '０', '王', 'smith', ' 张 ', '3710', '138', '91', 'E1']);
    for (const c of list) {
      texts.add(c.name.slice(0, 1));
      texts.add(c.name.slice(1, 3));
      texts.add(c.idNumber.slice(0, 6));
      texts.add(c.idNumber.toLowerCase());
      if (c.phone) texts.add(c.phone.slice(0, 5));
    }
    for (const text of texts) {
      for (const status of ['', ...STATUSES] as const) {
        for (const fileStatus of ['', '已核实', '存疑'] as const) {
          const query = { ...EMPTY_QUERY, text, status, fileStatus };
          expect(Array.from(searchRegister(reg, query)), JSON.stringify(query)).toEqual(objectSearch(list, query));
        }
      }
    }
    // Sorting by name and ID compares the same strings as the objects did.
    const all = searchRegister(reg, EMPTY_QUERY);
    const byId = list.map((c, i) => [c.idNumber, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(Array.from(sortIndices(reg, all, 'idNumber', false))).toEqual(byId.map((x) => x[1]));
  });
});

describe('columnar register builder', () => {
  const row = (i: number, name: string): RegisterRowSource => ({
    cid: String(i),
    name,
    idType: 'resident',
    idNumber: `37100219800101${String(i).padStart(4, '0')}`,
    contracts: [],
    principalFen: i,
    returnedFen: 0,
    netClaimFen: i,
    status: '待核实',
    exclusion: null,
  });

  it('grows past the expected count, keeps names and their folded keys apart only when they differ, and keeps a "\\n" out of an entry', () => {
    const b = new ColumnarRegisterBuilder(1);
    b.add([row(1, '张三'), row(2, '李四')]);
    b.add([]);
    b.add([row(3, '王\n五')]);
    const reg = b.finish();
    expect(reg.count).toBe(3);
    expect(entryOf(reg.names, 2)).toBe('王 五');
    expect(entryOf(reg.nameKeys, 2)).toBe('王五');
    expect(reg.nameKeys).not.toBe(reg.names);
    expect(blockOfRow(reg, 2)).toEqual({ block: 2, offset: 0 });
    expect(Array.from(reg.principalFen)).toEqual([1, 2, 3]);
    const plain = columnarRegister([row(1, '张三'), row(2, '李四')]);
    expect(plain.nameKeys).toBe(plain.names);
    expect(indexOfCid(plain, '3')).toBe(-1);
    expect(indexOfCid(plain, '2')).toBe(1);
  });

  it('starts the folded keys only at the first name unlike its key, with every earlier name as its own key', () => {
    const b = new ColumnarRegisterBuilder(6);
    b.add([row(1, '张三'), row(2, '李四')]);
    b.add([row(3, '王五'), row(4, 'John Smith')]);
    b.add([row(5, '赵六'), row(6, 'ＡＢ')]);
    const reg = b.finish();
    const names = ['张三', '李四', '王五', 'John Smith', '赵六', 'ＡＢ'];
    expect(names.map((_, i) => entryOf(reg.names, i))).toEqual(names);
    expect(names.map((_, i) => entryOf(reg.nameKeys, i))).toEqual(['张三', '李四', '王五', 'JOHNSMITH', '赵六', 'AB']);
    expect(Array.from(searchRegister(reg, { ...EMPTY_QUERY, text: 'smith' }))).toEqual([3]);
    expect(Array.from(searchRegister(reg, { ...EMPTY_QUERY, text: '李' }))).toEqual([1]);
    expect(Array.from(searchRegister(reg, { ...EMPTY_QUERY, text: 'ab' }))).toEqual([5]);
    // Finishing twice gives the same columns (the pieces are let go, the text kept).
    const again = b.finish();
    expect(again.nameKeys.text).toBe(reg.nameKeys.text);
    expect(again.idNumbers.text).toBe(reg.idNumbers.text);
  });

  it('refuses a value it has no code for rather than storing another', () => {
    expect(() => columnarRegister([{ ...row(1, '张三'), status: '作废' as CreditorStatus }])).toThrow(/作废/);
  });
});
