// The streamed workbook's own rules (the register export's and the bank list's tests read its files
// back cell by cell): sheets are planned first, each planned sheet is written, a refusal says why.
import { describe, expect, it } from 'vitest';
import { continuedSheets, StreamedWorkbook } from '../../../../renderer/src/core/xlsx/streamed-workbook';

const sink = () => {
  const chunks: Uint8Array[] = [];
  let ended = false;
  return { chunks, ended: () => ended, onData: (c: Uint8Array, final: boolean) => {
    chunks.push(c);
    if (final) ended = true;
  } };
};

describe('StreamedWorkbook', () => {
  it('gives its bytes as they are made and ends the zip once every planned sheet is written', () => {
    const s = sink();
    const book = new StreamedWorkbook({ sheets: continuedSheets('名单', 3, ['姓名'], [10], 3), onData: s.onData });
    book.startSheet();
    book.addRow(['甲']);
    book.addRow(['乙']);
    expect(book.sheetDataRows).toBe(2);
    book.startSheet();
    book.addRow(['丙']);
    expect(s.ended()).toBe(false);
    expect(book.finish()).toMatch(/^[0-9a-f]{64}$/);
    expect(s.ended()).toBe(true);
    // PK: a zip's local file header.
    expect([...(s.chunks[0] ?? []).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('refuses, in Chinese, a row before a sheet, a sheet more than planned, and a file with a planned sheet unwritten', () => {
    const book = new StreamedWorkbook({ sheets: [{ name: '汇总', rows: 1, widths: [] }], onData: () => {} });
    expect(() => book.addRow(['x'])).toThrow('写入行之前须先开始一张工作表');
    book.startSheet();
    expect(() => book.startSheet()).toThrow('工作簿只计划了 1 张工作表');
    const short = new StreamedWorkbook({ sheets: continuedSheets('名单', 5, ['姓名'], [10], 3), onData: () => {} });
    short.startSheet();
    expect(() => short.finish()).toThrow('工作簿计划了 3 张工作表，只写了 1 张');
    expect(() => new StreamedWorkbook({ sheets: [], onData: () => {} })).toThrow('工作簿至少要有一张工作表');
    expect(() => continuedSheets('名单', 1, [], [], 1)).toThrow('每张工作表的行数须在 2 到 1048576 之间');
    const money = new StreamedWorkbook({ sheets: [{ name: 'x', rows: 1, widths: [] }], onData: () => {} });
    money.startSheet();
    expect(() => money.addRow([Number.NaN])).toThrow('金额不是有效数字：NaN');
  });

  it('plans one sheet for an empty list and names the continuations within 31 characters', () => {
    expect(continuedSheets('代发清单', 0, ['序号'], [6]).map((s) => [s.name, s.rows])).toEqual([['代发清单', 1]]);
    expect(continuedSheets('一'.repeat(31), 4, ['序号'], [6], 3).map((s) => [s.name, s.rows])).toEqual([
      ['一'.repeat(31), 3],
      [`${'一'.repeat(28)}(2)`, 3],
    ]);
  });
});
