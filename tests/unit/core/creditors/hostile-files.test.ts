// Issue 12: spreadsheets that explode, broken encodings and malformed text. Every hostile file is
// generated here (never committed); each refusal must name the limit or the place, in Chinese.
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCreditorFile, readSpreadsheet } from '../../../../renderer/src/core/creditors';
import { HEADER, makeId, today } from './helpers';
import { declareSize, HEADER_ROW, row, s, xlsx, xlsxParts } from './xlsx-builder';

const check = (bytes: Uint8Array, name = 'list.xlsx') => checkCreditorFile(bytes, name, { today });
const csv = (text: string) => new TextEncoder().encode(text);

describe('spreadsheets that explode', () => {
  it('refuses a part that claims to inflate to 2 GiB from the zip directory alone, naming limit and claim', async () => {
    const bomb = declareSize(xlsx(`<sheetData>${HEADER_ROW}</sheetData>`), 'xl/worksheets/sheet1.xml', 2 ** 31);
    const r = await check(bomb, 'bomb.xlsx');
    expect(r.fatal?.code).toBe('FILE_LIMIT');
    expect(r.fatal?.message).toContain('xl/worksheets/sheet1.xml');
    expect(r.fatal?.message).toContain('2,048 MB');
    expect(r.fatal?.message).toContain('上限 500 MB');
    expect(r.rows).toEqual([]);
  });

  it('stops inflating a part that yields more than its directory declared', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => row(i + 2, s(`A${i + 2}`, '张三'), s(`B${i + 2}`, makeId()))).join('');
    const honest = xlsx(`<sheetData>${HEADER_ROW}${rows}</sheetData>`);
    const r = await check(declareSize(honest, 'xl/worksheets/sheet1.xml', 100_000), 'liar.xlsx');
    expect(r.fatal?.code).toBe('FILE_LIMIT');
    expect(r.fatal?.message).toContain('实际解压出的内容更多');
  });

  it('refuses a compression ratio no spreadsheet has', async () => {
    const padding = ' '.repeat(40 * 1024 * 1024);
    const r = await check(xlsx(`<sheetData>${HEADER_ROW}</sheetData>${padding}`), 'ratio.xlsx');
    expect(r.fatal?.code).toBe('FILE_LIMIT');
    expect(r.fatal?.message).toMatch(/解压后却有 40 MB（\d+ 倍/);
  });

  it('reads 20,000 rows with one cell in column XFD by the cells that exist', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(i + 3, `<c r="XFD${i + 3}"><v>1</v></c>`)).join('');
    const bytes = xlsx(`<dimension ref="A1:XFD20002"/><sheetData>${HEADER_ROW}${row(2, s('A2', '张三'), s('B2', makeId()), s('C2', '1000'))}${rows}</sheetData>`);
    for (const r of readSpreadsheet(bytes, 'xfd.xlsx').rows) expect(Object.keys(r.cells).length).toBeLessThanOrEqual(4);
    const r = await check(bytes, 'xfd.xlsx');
    expect(r.fatal).toBeNull();
    expect(r.creditors.map((c) => c.name)).toEqual(['张三']);
    expect(r.errorRows).toBe(20_000);
    expect(r.rows[1]?.message).toContain('第 3 行');
  });

  it('refuses a shared string longer than an Excel cell can hold, however often it is used', async () => {
    const cells = Array.from({ length: 1_000 }, (_, i) => row(i + 2, `<c r="A${i + 2}" t="s"><v>0</v></c>`)).join('');
    const bytes = xlsx(`<sheetData>${HEADER_ROW}${cells}</sheetData>`, `<si><t>${'王'.repeat(1_000_000)}</t></si>`);
    expect(bytes.length).toBeLessThan(200_000);
    const r = await check(bytes, 'sst.xlsx');
    expect(r.fatal?.code).toBe('FILE_LIMIT');
    expect(r.fatal?.message).toContain('第 1 个共享文本长 1,000,000 个字符');
    expect(r.fatal?.message).toContain('32,767');
  });

  it('refuses a sheet that claims more rows than Excel has', async () => {
    const r = await check(xlsx(`<dimension ref="A1:C2000000"/><sheetData>${HEADER_ROW}</sheetData>`), 'dim.xlsx');
    expect(r.fatal?.code).toBe('FILE_LIMIT');
    expect(r.fatal?.message).toContain('A1:C2000000');
    expect(r.fatal?.message).toContain('2,000,000 行');
  });

  it('never names a sheet "" when a workbook has none', async () => {
    const parts = xlsxParts(`<sheetData>${HEADER_ROW}</sheetData>`);
    parts['xl/workbook.xml'] = new TextEncoder().encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
    const r = await check(zipSync(parts), 'none.xlsx');
    expect(r.fatal?.code).toBe('FILE_UNREADABLE');
    expect(r.fatal?.message).toContain('没有可读取的工作表');
    expect(r.fatal?.message).not.toContain('“”');
  });
});

describe('Excel error cells and formulas without a saved result', () => {
  const bytes = xlsx(
    `<sheetData>${HEADER_ROW}${row(2, s('A2', '张三'), '<c r="B2" t="e"><v>#N/A</v></c>', s('C2', '1000'))}${row(3, s('A3', '李四'), s('B3', makeId('19800102')), '<c r="C3"><f>SUM(E3:F3)</f></c>')}${row(4, s('A4', '王五'), s('B4', makeId('19800103')), s('C4', '500'), '<c r="D4" t="e"><f>VLOOKUP(A4,X!A:B,2,0)</f><v>#REF!</v></c>')}${row(5, s('A5', '赵六'), s('B5', makeId('19800104')), '<c r="C5"><f>100*2</f><v>200</v></c>')}</sheetData>`,
  );

  it('names the error as Excel shows it and refuses the field; a formula without a result is not read as blank', async () => {
    const r = await check(bytes);
    const byRow = new Map(r.rows.map((o) => [o.row, o]));
    expect(byRow.get(2)).toMatchObject({ status: 'error', code: 'EXCEL_ERROR_VALUE', column: '身份证号码', value: '#N/A' });
    expect(byRow.get(2)?.message).toContain('Excel 错误值 #N/A');
    expect(byRow.get(3)).toMatchObject({ status: 'error', code: 'FORMULA_NOT_CALCULATED', column: '投资金额' });
    expect(byRow.get(3)?.message).not.toContain('为空');
    expect(byRow.get(4)).toMatchObject({ status: 'warning', code: 'EXCEL_ERROR_VALUE', column: '联系电话', value: '#REF!' });
    expect(byRow.get(5)?.code).toBe('OK');
    expect(r.creditors.map((c) => [c.name, c.principalFen, c.phone])).toEqual([
      ['王五', 50_000, undefined],
      ['赵六', 20_000, undefined],
    ]);
    expect(r.creditors.some((c) => c.name === '#ERROR' || c.idNumber.startsWith('#'))).toBe(false);
  });

  it('treats "#N/A" text in a CSV exported from Excel the same way', async () => {
    const r = await check(csv(`${HEADER.join(',')}\n1,#N/A,${makeId()},,1000,0,,,\n`), 'na.csv');
    expect(r.rows[0]).toMatchObject({ status: 'error', code: 'EXCEL_ERROR_VALUE', column: '姓名' });
    expect(r.creditors).toEqual([]);
  });
});

describe('over-long fields', () => {
  it('refuses a 1 MB name with its row, never stores it, and quotes only its beginning', async () => {
    const long = '张'.repeat(1_048_576);
    const r = await check(csv(`${HEADER.join(',')}\n1,${long},${makeId()},,1000,0,,,\n2,李四,${makeId('19800102')},,500,0,,,\n`), 'long.csv');
    expect(r.fatal).toBeNull();
    expect(r.rows[0]).toMatchObject({ row: 2, status: 'error', code: 'FIELD_TOO_LONG', column: '姓名' });
    expect(r.rows[0]?.message).toContain('1,048,576 个字符');
    expect(r.rows[0]?.message).toContain('上限 100 个字符');
    expect((r.rows[0]?.value ?? '').length).toBeLessThan(80);
    expect(r.creditors.map((c) => c.name)).toEqual(['李四']);
  });
});

describe('encodings', () => {
  const line = (i: number) => `${i},王小明,${makeId('19800101', String(i % 1000).padStart(3, '0'))},,1000,0,,,\n`;
  const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => line(from + i)).join('');

  it('refuses a GBK file that turns into UTF-8, naming the line and byte where it changes', async () => {
    const gbk = iconv.encode(`${HEADER.join(',')}\n${lines(1, 2_000)}`, 'gbk');
    const r = await check(new Uint8Array(Buffer.concat([gbk, Buffer.from(lines(2_001, 3), 'utf8')])), 'mixed.csv');
    expect(r.fatal?.code).toBe('FILE_ENCODING');
    expect(r.fatal?.message).toContain(`第 2002 行（第 ${gbk.length.toLocaleString('en')} 字节）`);
    expect(r.fatal?.message).toContain('UTF-8');
    expect(r.creditors).toEqual([]);
  });

  it('refuses a UTF-8 file that turns into GBK at its real byte offset, not 0', async () => {
    const utf8 = Buffer.from(`${HEADER.join(',')}\n${lines(1, 5_000)}`, 'utf8');
    const r = await check(new Uint8Array(Buffer.concat([utf8, iconv.encode(lines(5_001, 3), 'gbk')])), 'mixed.csv');
    const offset = utf8.length + '5001,'.length;
    expect(r.fatal?.code).toBe('FILE_ENCODING');
    expect(r.fatal?.message).toContain(`第 5002 行（第 ${offset.toLocaleString('en')} 字节）`);
  });

  it('does not mistake short GBK names for UTF-8', async () => {
    const names = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '欧阳娜娜', '司马懿'];
    const body = Array.from({ length: 20_000 }, (_, i) => `${i + 1},${names[i % names.length]},${makeId('19800101', String(i % 1000).padStart(3, '0'))},,1,0,,,\n`).join('');
    const r = await check(new Uint8Array(iconv.encode(`${HEADER.join(',')}\n${body}`, 'gbk')), 'gbk.csv');
    expect(r.fatal).toBeNull();
    expect(r.dataRows).toBe(20_000);
  });

  it('names an unclosed quote and its line instead of reporting empty IDs', async () => {
    const text = `${HEADER.join(',')}\n${lines(1, 3)}4,"王五,${makeId()},,1000,0,,,\n${lines(5, 50)}`;
    const r = await check(csv(text), 'quote.csv');
    expect(r.fatal?.code).toBe('CSV_UNCLOSED_QUOTE');
    expect(r.fatal?.message).toContain('第 5 行第 2 列的引号');
    expect(r.fatal?.message).toContain('文件末尾');
    expect(r.fatal?.message).not.toContain('证件号码为空');
    const long = `${HEADER.join(',')}\n4,"王五,${makeId()},,1000,0,,,\n${lines(5, 3_000)}`;
    const r2 = await check(csv(long), 'quote.csv');
    expect(r2.fatal?.message).toContain('第 2 行第 2 列的引号');
    expect(r2.fatal?.message).toContain('32,767');
  });
});

describe('invisible characters', () => {
  const id = makeId();

  it('strips them from names with a warning: 张三 and 张\u200b三 are one person, never a conflict', async () => {
    const r = await check(csv(`${HEADER.join(',')}\n1,张三,${id},,1000,0,,,\n2,张\u200b三,${id},,500,0,,,\n3,\u202e李四,${makeId('19800102')},,1,0,,,\n`), 'zw.csv');
    expect(r.creditors.map((c) => [c.name, c.principalFen])).toEqual([
      ['张三', 150_000],
      ['李四', 100],
    ]);
    expect(r.rows.map((o) => o.code)).toEqual(['OK', 'INVISIBLE_CHARACTER_REMOVED', 'INVISIBLE_CHARACTER_REMOVED']);
    expect(r.rows[1]?.message).toContain('U+200B（零宽空格）');
    expect(r.rows[2]?.message).toContain('开头有不可见字符 U+202E');
    expect(r.rows.some((o) => (o.issues ?? [o]).some((i) => i.code === 'ID_NAME_CONFLICT'))).toBe(false);
  });

  it('refuses an ID holding one, saying which character is where', async () => {
    const hidden = `${id.slice(0, 6)}\u200b${id.slice(6)}`;
    const r = await check(csv(`${HEADER.join(',')}\n1,张三,${hidden},,1000,0,,,\n`), 'zwid.csv');
    expect(r.rows[0]).toMatchObject({ status: 'error', code: 'ID_INVISIBLE_CHARACTER', column: '身份证号码' });
    expect(r.rows[0]?.message).toContain('第 6 个与第 7 个字符之间有不可见字符 U+200B（零宽空格）');
    expect(r.creditors).toEqual([]);
  });
});
