// The streamed register export (issue 17) read back with SheetJS, cell by cell, against the old
// SheetJS writer's file for the same creditors (both kinds); a register past a sheet's rows goes on
// in the next sheet; progress and cancel through the stored register.
import { read, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetNameOf } from '../../../renderer/src/core/xlsx/streamed-workbook';
import type { StoredCreditor } from '../../../renderer/src/db/repositories/creditor-types';
import { exportRegister } from '../../../renderer/src/workers/creditor-register-export';
import { RegisterXlsxWriter } from '../../../renderer/src/workers/register-xlsx-stream';
import { createCase, importCreditors, type TestCreditor } from '../db/repayment-test-data';
import { makeTestRepos } from '../db/test-db';
import { RegisterSheet } from './register-sheet-reference';

const person = (i: number, patch: Partial<StoredCreditor> = {}): StoredCreditor => ({
  cid: String(i),
  name: `王喆${i}`,
  idType: 'resident',
  idNumber: `11010519600101${String(1000 + i).slice(1)}X`,
  contracts: [{ principalFen: 123_456 + i, returnedFen: 0, sourceRow: i + 1, note: '' }],
  principalFen: 123_456 + i,
  returnedFen: 0,
  netClaimFen: 123_456 + i,
  status: '已核实',
  exclusion: null,
  ...patch,
});

/** Everything a user could meet: organisations, foreign IDs, XML's special characters, blanks, big sums. */
const REGISTER: StoredCreditor[] = [
  person(1, { phone: '013800001111', bankName: '工商银行', bankAccount: '6222020200112233445', address: '山东省威海市环翠区 <新威路> 1 号 & 2 号' }),
  person(2, { idNumber: '110105196001010021', name: '欧阳 娜娜', exclusion: 'employee', status: '存疑' }),
  person(3, { idType: 'org', name: '威海某某"投资"有限公司', idNumber: '91371000MA3C0000XX', principalFen: 987_654_321_09, returnedFen: 12_345_678, netClaimFen: 987_641_975_31 }),
  person(4, { idType: 'passport', name: ' Smith John ', idNumber: 'E12345678', contracts: [], principalFen: 0, netClaimFen: 0 }),
  person(5, { idType: 'resident15', idNumber: '110105600101002', name: '李\u0007四', address: '第一行\n第二行', returnedFen: 1, netClaimFen: 123_460 }),
  person(6, { idType: 'hk_macau', idNumber: 'H12345678', name: '陈', exclusion: 'agent' }),
];

const bookOf = (bytes: Uint8Array): WorkBook => read(bytes, { type: 'array', cellNF: true });
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** Each cell as a user's spreadsheet sees it: type, value, number format and shown text. */
function cellsOf(sheet: WorkSheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [ref, cell] of Object.entries(sheet)) {
    if (ref.startsWith('!')) continue;
    const c = cell as { t: string; v: unknown; z?: unknown; w?: string };
    out[ref] = { t: c.t, v: c.v, z: c.z ?? 'General', w: c.w };
  }
  return out;
}

async function streamed(kind: 'full' | 'public', creditors: readonly StoredCreditor[], maxRows?: number) {
  const writer = new RegisterXlsxWriter({ kind, sheetName: '名单', total: creditors.length, maxRows });
  // In pieces, as the register is read.
  writer.add(creditors.slice(0, 2));
  writer.add(creditors.slice(2));
  return writer.finish();
}

describe('RegisterXlsxWriter', () => {
  for (const kind of ['full', 'public'] as const) {
    it(`writes the ${kind} list with the same cells, types and formats as the SheetJS writer`, async () => {
      const old = new RegisterSheet(kind);
      old.add(REGISTER);
      const expected = bookOf(old.finish('名单')).Sheets.名单 as WorkSheet;
      const built = await streamed(kind, REGISTER);
      const book = bookOf(await bytesOf(built.file));
      expect(book.SheetNames).toEqual(['名单']);
      const sheet = book.Sheets.名单 as WorkSheet;
      expect(sheet['!ref']).toBe(expected['!ref']);
      expect(cellsOf(sheet)).toEqual(cellsOf(expected));
      expect(built.rows).toBe(REGISTER.length);
    });
  }

  it('keeps IDs, phones and accounts as text (never 1.1E+17) and money as #,##0.00 numbers', async () => {
    const book = bookOf(await bytesOf((await streamed('full', REGISTER)).file));
    const sheet = book.Sheets.名单 as WorkSheet;
    expect(sheet.D3).toMatchObject({ t: 's', v: '110105196001010021', z: '@' });
    expect(sheet.E2).toMatchObject({ t: 's', v: '013800001111', z: '@' });
    expect(sheet.H2).toMatchObject({ t: 's', v: '6222020200112233445', z: '@' });
    expect(sheet.J4).toMatchObject({ t: 'n', v: 987_654_321.09, z: '#,##0.00', w: '987,654,321.09' });
    expect(sheet.F2?.v).toBe('山东省威海市环翠区 <新威路> 1 号 & 2 号');
    expect(sheet.B5?.v).toBe(' Smith John ');
  });

  it('hashes exactly the file it returns and writes a well-formed zip', async () => {
    const built = await streamed('public', REGISTER);
    const bytes = await bytesOf(built.file);
    expect(built.hash).toBe(bytesToHex(sha256(bytes)));
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(built.file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('goes on in 名单(2), 名单(3) past a sheet’s rows, each with the header, the 序号 running on', async () => {
    const creditors = Array.from({ length: 7 }, (_, i) => person(i + 1));
    const built = await streamed('public', creditors, 4);
    expect(built.sheetNames).toEqual(['名单', '名单(2)', '名单(3)']);
    const book = bookOf(await bytesOf(built.file));
    expect(book.SheetNames).toEqual(['名单', '名单(2)', '名单(3)']);
    const rows = book.SheetNames.map((name) => {
      const s = book.Sheets[name] as WorkSheet;
      return [1, 2, 3, 4].map((r) => [s[`A${r}`]?.v, s[`B${r}`]?.v]);
    });
    expect(rows[0]).toEqual([['序号', '姓名/名称'], [1, '王*1'], [2, '王*2'], [3, '王*3']]);
    expect(rows[1]).toEqual([['序号', '姓名/名称'], [4, '王*4'], [5, '王*5'], [6, '王*6']]);
    expect(rows[2]).toEqual([['序号', '姓名/名称'], [7, '王*7'], [undefined, undefined], [undefined, undefined]]);
    expect((book.Sheets['名单(3)'] as WorkSheet)['!ref']).toBe('A1:D2');
  });

  it('fills a sheet exactly without an empty next sheet', async () => {
    const built = await streamed('full', Array.from({ length: 6 }, (_, i) => person(i + 1)), 4);
    expect(built.sheetNames).toEqual(['名单', '名单(2)']);
    const book = bookOf(await bytesOf(built.file));
    expect((book.Sheets['名单(2)'] as WorkSheet)['!ref']).toBe('A1:N4');
    expect((book.Sheets['名单(2)'] as WorkSheet).A4?.v).toBe('6');
  });

  it('refuses a register whose size changed while it was read', () => {
    const fewer = new RegisterXlsxWriter({ kind: 'public', sheetName: '名单', total: 3 });
    fewer.add([person(1), person(2)]);
    expect(() => fewer.finish()).toThrow('导出期间名单人数有变化（应为 3 人，读到 2 人）');
    const more = new RegisterXlsxWriter({ kind: 'public', sheetName: '名单', total: 2, maxRows: 3 });
    expect(() => more.add([person(1), person(2), person(3)])).toThrow('多于开始时的 2 人');
  });

  it('keeps sheet names within Excel’s 31 characters', () => {
    expect(sheetNameOf('名单', 1)).toBe('名单(2)');
    expect(sheetNameOf('一'.repeat(31), 11)).toBe(`${'一'.repeat(27)}(12)`);
  });
});

describe('exportRegister', () => {
  const list = (n: number): TestCreditor[] => Array.from({ length: n }, (_, i) => ({ name: `参与人${i + 1}`, netClaimFen: 100 + i }));

  it('exports the stored register with progress, equal to the SheetJS writer on the same creditors', async () => {
    const t = makeTestRepos();
    const caseId = await createCase(t.repos);
    await importCreditors(t.repos, caseId, list(1_500));
    const progress: [number, number][] = [];
    const built = await exportRegister(t.repos, { caseId, kind: 'full', sheetName: '名单' }, { onProgress: (done, total) => progress.push([done, total]) });
    expect(built.rows).toBe(1_500);
    expect(progress[0]).toEqual([0, 1_500]);
    expect(progress.at(-1)).toEqual([1_500, 1_500]);
    const old = new RegisterSheet('full');
    await t.repos.creditors.scanCase(caseId, (creditors) => old.add(creditors));
    const expected = bookOf(old.finish('名单')).Sheets.名单 as WorkSheet;
    expect(cellsOf(bookOf(await bytesOf(built.file)).Sheets.名单 as WorkSheet)).toEqual(cellsOf(expected));
  });

  it('stops when cancelled during a long export, with no file', async () => {
    const t = makeTestRepos();
    const caseId = await createCase(t.repos);
    // More than one read step (20 blocks of 1,000).
    await importCreditors(t.repos, caseId, list(41_000));
    const controller = new AbortController();
    const progress: number[] = [];
    const run = exportRegister(t.repos, { caseId, kind: 'public', sheetName: '公示名单' }, {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done > 0) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(progress).toEqual([0, 20_000]);
  }, 60_000);
});
