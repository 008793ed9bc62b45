import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  checkCreditorFile,
  csvRecords,
  detectEncoding,
  estimateCsvRows,
  readSpreadsheet,
  spreadsheetKind,
} from '../../../../renderer/src/core/creditors';
import { HEADER, makeId, today } from './helpers';

const cellsOf = (text: string, chunk = text.length) => {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
  return [...csvRecords(chunks)].map((r) => [r.row, ...r.cells]);
};

describe('CSV records', () => {
  const text = '标题\n姓名,金额,备注\r\n张三,"1,000.50","说""明""\n第二行"\n李四,2000,\n';

  it('handles quotes, escaped quotes, delimiters and line breaks inside fields, CRLF', () => {
    expect(cellsOf(text)).toEqual([
      [1, '标题'],
      [2, '姓名', '金额', '备注'],
      [3, '张三', '1,000.50', '说"明"\n第二行'],
      [4, '李四', '2000', ''],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = cellsOf(text);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(cellsOf(text, size)).toEqual(whole);
  });

  it('keeps the last line without a final newline, and detects tab-separated text', () => {
    expect(cellsOf('a,b\nc,d')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
    ]);
    expect(cellsOf('标题\n姓名\t金额\n张三\t1,000')).toEqual([
      [1, '标题'],
      [2, '姓名', '金额'],
      [3, '张三', '1,000'],
    ]);
  });
});

describe('CSV row estimate for the progress bar', () => {
  it('counts line breaks in the first megabyte and scales', () => {
    const line = '1,张三,371002198001010010,13800001111,1000,0,中国银行,6216610000222233334,\n';
    const bytes = new TextEncoder().encode(line.repeat(40_000));
    const estimate = estimateCsvRows(bytes);
    expect(Math.abs(estimate - 40_000)).toBeLessThan(400);
    expect(estimateCsvRows(new Uint8Array())).toBe(0);
  });
});

describe('encodings', () => {
  const csv = `${HEADER.join(',')}\n1,王喆,${makeId()},13800001111,1000,0,中国银行,6216610000222233334,\n`;

  it('detects UTF-8 with and without BOM, and GB18030/GBK', () => {
    const utf8 = new TextEncoder().encode(csv);
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array(iconv.encode(csv, 'gb18030')))).toBe('gb18030');
    expect(detectEncoding(new Uint8Array(iconv.encode(csv, 'gbk')))).toBe('gb18030');
  });

  it.each(['utf-8', 'utf-8-bom', 'gb18030', 'gbk'])('reads rare name characters from %s', async (enc) => {
    const bytes =
      enc === 'utf-8-bom'
        ? new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)])
        : new Uint8Array(iconv.encode(csv, enc));
    const r = await checkCreditorFile(bytes, 'list.csv', { today });
    expect(r.fatal).toBeNull();
    expect(r.creditors[0]?.name).toBe('王喆');
    expect(r.headers[1]).toBe('姓名');
  });

  it('reports a UTF-8 file that turns into another encoding half way', async () => {
    const big = `${HEADER.join(',')}\n${'1,张三,x,1,1,0,,,\n'.repeat(80_000)}`;
    const bytes = new Uint8Array([...new TextEncoder().encode(big), ...iconv.encode('李四', 'gbk')]);
    const r = await checkCreditorFile(bytes, 'mixed.csv', { today });
    expect(r.fatal?.code).toBe('FILE_ENCODING');
    expect(r.fatal?.message).toContain('编码');
  });
});

function workbook(sheets: Record<string, XLSX.WorkSheet>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('workbooks', () => {
  const id = makeId();

  it('recognizes the file type by its bytes', () => {
    expect(spreadsheetKind(workbook({ a: XLSX.utils.aoa_to_sheet([['x']]) }))).toBe('xlsx');
    expect(spreadsheetKind(new TextEncoder().encode('a,b'))).toBe('csv');
  });

  it('picks the sheet holding the register, or the one asked for', async () => {
    const bytes = workbook({
      说明: XLSX.utils.aoa_to_sheet([['本表说明'], ['请勿修改']]),
      名单: XLSX.utils.aoa_to_sheet([['姓名', '身份证号码', '本金'], ['张三', id, '100']]),
      其他: XLSX.utils.aoa_to_sheet([['姓名', '身份证号码', '本金'], ['李四', makeId('19800102'), '1'], ['王五', makeId('19800103'), '1']]),
    });
    expect(readSpreadsheet(bytes, 'a.xlsx').sheetName).toBe('名单');
    const auto = await checkCreditorFile(bytes, 'a.xlsx', { today });
    expect(auto.sheetName).toBe('名单');
    expect(auto.sheetNames).toEqual(['说明', '名单', '其他']);
    const other = await checkCreditorFile(bytes, 'a.xlsx', { today, sheet: '其他' });
    expect(other.creditors).toHaveLength(2);
    const missing = await checkCreditorFile(bytes, 'a.xlsx', { today, sheet: '不存在' });
    expect(missing.fatal?.code).toBe('SHEET_NOT_FOUND');
    expect(missing.fatal?.message).toContain('名单');
  });

  it('keeps numeric cells numeric: an 18-digit ID or account stored as a number is rejected', async () => {
    const bytes = workbook({
      s: XLSX.utils.aoa_to_sheet([
        ['姓名', '身份证号码', '本金', '银行账号'],
        ['张三', 371002198001011000, 1000.1, '6222020200112233441'],
        ['李四', makeId('19800102'), 2000, 6222020200112233000],
        ['王五', makeId('19800103'), 3000, 81010000000001],
      ]),
    });
    const r = await checkCreditorFile(bytes, 'n.xlsx', { today });
    expect(r.rows.map((o) => o.code)).toEqual(['ID_NUMBER_MANGLED_BY_EXCEL', 'ACCOUNT_MANGLED_BY_EXCEL', 'OK']);
    // Quoted as Excel shows it, not as 18 digits that look complete.
    expect(r.rows[0]?.value).toBe('3.71002E+17');
    expect(r.rows[1]?.value).toBe('6.22202E+18');
    expect(r.creditors[0]).toMatchObject({ principalFen: 300_000, bankAccount: '81010000000001' });
  });

  it('copies a value merged down several rows onto each of them', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号码', '本金'],
      ['张三', id, '100'],
      [null, null, '200'],
    ]);
    ws['!merges'] = [
      { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
      { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
    ];
    const r = await checkCreditorFile(workbook({ s: ws }), 'm.xlsx', { today });
    expect(r.rows.map((o) => o.code)).toEqual(['OK', 'OK']);
    expect(r.creditors).toHaveLength(1);
    expect(r.creditors[0]?.principalFen).toBe(30_000);
  });

  it('rejects an amount merged over several contract rows instead of counting it twice or guessing', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['姓名', '身份证号码', '本金', '已获收益'],
      ['张三', id, '10000', '100'],
      ['张三', id, null, '200'],
      ['李四', makeId('19800102'), '500', '0'],
    ]);
    ws['!merges'] = [{ s: { r: 1, c: 2 }, e: { r: 2, c: 2 } }];
    const r = await checkCreditorFile(workbook({ s: ws }), 'm.xlsx', { today });
    expect(r.rows.map((o) => [o.row, o.code])).toEqual([
      [2, 'AMOUNT_MERGED'],
      [3, 'AMOUNT_MERGED'],
      [4, 'OK'],
    ]);
    expect(r.rows[0]?.message).toContain('取消合并');
    expect(r.totalPrincipalFen).toBe(50_000);
  });

  it('reports a damaged workbook instead of throwing', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const r = await checkCreditorFile(bytes, 'bad.xlsx', { today });
    expect(r.fatal?.code).toBe('FILE_UNREADABLE');
    expect(r.fatal?.message).toContain('bad.xlsx');
  });
});
