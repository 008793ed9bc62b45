// The bank disbursement list (代发清单), written as it is made (core/xlsx/streamed-workbook.ts):
// what a bank clerk and Excel/WPS read from it is what the old SheetJS file held, cell by cell;
// past a sheet's rows it goes on in 代发清单(2) with 序号 running on; the hash is the file's.

import * as XLSX from '@e965/xlsx';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fenToYuanString } from '../../../renderer/src/core/money';
import type { AllocationLineRecord } from '../../../renderer/src/db/records';
import { buildDisbursementXlsx, DISBURSEMENT_HEADER } from '../../../renderer/src/db/repositories/repayment-bank';
import type { RepaymentCreditor } from '../../../renderer/src/db/repositories/repayment-types';

const creditor = (cid: string, name: string, bankAccount?: string, bankName?: string): RepaymentCreditor => ({
  cid,
  name,
  idNumber: '',
  bankAccount,
  bankName,
  netClaimFen: 0,
  status: '已核实',
  exclusion: null,
});
const line = (cid: string, amountFen: number, status: AllocationLineRecord['status'] = 'pending'): AllocationLineRecord => ({
  cid,
  amountFen,
  status,
  remainingFen: amountFen,
  pool: 0,
  flags: 0,
  ref: amountFen > 0 ? `QT1-ABCDEF-${cid.padStart(6, '0')}` : '',
});

/** The list as SheetJS wrote it before (the rows a reader gets from it). */
function sheetJsRows(lines: readonly AllocationLineRecord[], creditors: ReadonlyMap<string, RepaymentCreditor>): string[][] {
  const rows: string[][] = [[...DISBURSEMENT_HEADER]];
  for (const l of lines) {
    if (l.amountFen <= 0 || l.status !== 'pending') continue;
    const c = creditors.get(l.cid);
    rows.push([String(rows.length), c?.name ?? '', (c?.bankAccount ?? '').replace(/\s+/g, ''), c?.bankName ?? '', fenToYuanString(l.amountFen), l.ref]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { dense: true }), '代发清单');
  const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'array' }).Sheets.代发清单 as XLSX.WorkSheet, { header: 1, raw: false });
}

async function read(file: Blob): Promise<{ book: XLSX.WorkBook; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { book: XLSX.read(bytes, { type: 'array', cellStyles: true }), bytes };
}
const rowsOf = (book: XLSX.WorkBook, name: string) => XLSX.utils.sheet_to_json<string[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: false });

describe('the bank disbursement list', () => {
  it('holds the rows the old SheetJS list held, cell by cell, for any names, accounts and amounts', async () => {
    const text = fc.string({ unit: fc.constantFrom('王', '李', 'A', ' ', '&', '<', '"', "'", '\n', '·', '1', '𠀀'), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: text, account: fc.option(fc.stringMatching(/^[0-9 ]{0,22}$/), { nil: undefined }), bank: fc.option(text, { nil: undefined }), fen: fc.integer({ min: -5, max: 10_000_000_000 }), paid: fc.boolean() }), { maxLength: 40 }),
        async (people) => {
          const creditors = new Map(people.map((p, i) => [String(i + 1), creditor(String(i + 1), p.name, p.account, p.bank)]));
          const lines = people.map((p, i) => line(String(i + 1), p.fen, p.paid ? 'paid' : 'pending'));
          const built = buildDisbursementXlsx({ title: '第1批', lines, creditors });
          const { book } = await read(built.file);
          expect(rowsOf(book, '代发清单')).toEqual(sheetJsRows(lines, creditors));
          expect(built.rowCount).toBe(lines.filter((l) => l.amountFen > 0 && l.status === 'pending').length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps accounts and references as text (an 19-digit account is not 6.22202E+18), says who exported it, and hashes the bytes it gives', async () => {
    const creditors = new Map([
      ['1', creditor('1', '王喆', '6222 0202 0011 2200 001', '中国工商银行威海分行')],
      ['2', creditor('2', '李堃')],
    ]);
    const at = new Date('2026-12-03T08:00:00Z');
    const args = { title: '第 1 批（2026-12-03）', lines: [line('1', 300_000), line('2', 150_050), line('3', 0)], creditors, exportedBy: '张经办', exportedAt: at, approvedBy: '王审批', relaxations: ['审批：张经办'] };
    const built = buildDisbursementXlsx(args);
    const { book, bytes } = await read(built.file);
    expect(book.SheetNames).toEqual(['代发清单', '汇总']);
    expect(built.sheetNames).toEqual(['代发清单', '汇总']);
    const list = book.Sheets.代发清单 as XLSX.WorkSheet;
    expect(list.C2).toMatchObject({ t: 's', v: '6222020200112200001', z: '@' });
    expect(list.F2).toMatchObject({ t: 's', v: 'QT1-ABCDEF-000001', z: '@' });
    expect(list.E3).toMatchObject({ t: 's', v: '1500.50' });
    expect(list['!cols']?.[2]?.width).toBeGreaterThanOrEqual(24);
    // Printed to sign or hand over: landscape, across one page's width, the header on every page.
    expect(book.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'代发清单'!$1:$1" })]);
    const sheetXml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheetXml).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
    expect(rowsOf(book, '汇总')).toEqual([
      ['批次', '第 1 批（2026-12-03）'],
      ['笔数', '2'],
      ['合计金额（元）', '4500.50'],
      ['缺少账号', '1'],
      ['审批人', '王审批'],
      ['导出人', '张经办'],
      ['导出时间', '2026-12-03 16:00'],
      ['四眼规则放宽', '审批：张经办'],
    ]);
    expect(book.Props?.Author).toBe('张经办');
    expect(book.Props?.Title).toBe('清退代发清单 第 1 批（2026-12-03）');
    expect(built).toMatchObject({ rowCount: 2, totalFen: 450_050, missingAccounts: 1 });
    expect(built.hash).toBe(bytesToHex(sha256(bytes)));
    // The same list at the same time is the same file (the audit's hash names it).
    expect(buildDisbursementXlsx(args).hash).toBe(built.hash);
  });

  it('goes on in 代发清单(2), (3) past a sheet’s rows, each with the header and 序号 running on; 汇总 last', async () => {
    const creditors = new Map(Array.from({ length: 5 }, (_, i) => [String(i + 1), creditor(String(i + 1), `人${i + 1}`, `62220000${i + 1}`)]));
    const lines = Array.from({ length: 5 }, (_, i) => line(String(i + 1), 100 * (i + 1)));
    const built = buildDisbursementXlsx({ title: '第2批', lines, creditors, maxRows: 3 });
    const { book } = await read(built.file);
    expect(book.SheetNames).toEqual(['代发清单', '代发清单(2)', '代发清单(3)', '汇总']);
    const all = ['代发清单', '代发清单(2)', '代发清单(3)'].map((n) => rowsOf(book, n));
    for (const sheet of all) expect(sheet[0]).toEqual([...DISBURSEMENT_HEADER]);
    expect(all.flatMap((s) => s.slice(1).map((r) => [r[0], r[1], r[4]]))).toEqual(lines.map((_, i) => [String(i + 1), `人${i + 1}`, fenToYuanString(100 * (i + 1))]));
    expect(all.map((s) => s.length)).toEqual([3, 3, 2]);
    expect(rowsOf(book, '汇总')[1]).toEqual(['笔数', '5']);
  });

  it('an exactly full sheet needs no second one; no line to pay is still a list with its header', async () => {
    const creditors = new Map([['1', creditor('1', '甲', '1')], ['2', creditor('2', '乙', '2')]]);
    const full = buildDisbursementXlsx({ title: '第3批', lines: [line('1', 1), line('2', 2)], creditors, maxRows: 3 });
    expect((await read(full.file)).book.SheetNames).toEqual(['代发清单', '汇总']);
    const none = buildDisbursementXlsx({ title: '第4批', lines: [line('1', 0), line('2', 5, 'paid')], creditors });
    expect(none.rowCount).toBe(0);
    expect(rowsOf((await read(none.file)).book, '代发清单')).toEqual([[...DISBURSEMENT_HEADER]]);
  });
});
