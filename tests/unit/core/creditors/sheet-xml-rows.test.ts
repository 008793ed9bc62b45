// Issue 17: our own reader for plain sheet XML (sheet-xml-rows.ts) must give exactly the rows SheetJS
// gives with the import's options (sheetRows over its parse), and hand anything it does not fully
// understand back to SheetJS. Every workbook here is read both ways and compared cell by cell;
// the tests also say which way each sheet went, so a reader that always gave up would fail them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSheetPiece, prepareWorkbook, type SheetRow, sheetRows, splitSheetXml, type XlsxPieceFiles } from '../../../../renderer/src/core/creditors';
import { prepareXlsx } from '../../../../renderer/src/core/creditors/xlsx-open';
import { row, s, xlsx } from './xlsx-builder';

/** The import worker's extra options (creditor-import-source.ts). */
const WORKER = { cellFormula: false, cellHTML: false };

function rowsBothWays(bytes: Uint8Array, extra = WORKER): { own: Record<string, SheetRow[]>; sheetJs: Record<string, SheetRow[]>; plain: string[] } {
  const read = (ownReader: boolean) => {
    const book = prepareWorkbook(bytes, undefined, extra, 'test.xlsx', 1, ownReader).parse();
    const out: Record<string, SheetRow[]> = {};
    for (const name of book.SheetNames) {
      const ws = book.Sheets[name];
      out[name] = ws ? [...sheetRows(ws)] : [];
    }
    return out;
  };
  const plain = [...prepareXlsx(bytes, 'test.xlsx', { ...extra }).parse().plainSheets.keys()];
  return { own: read(true), sheetJs: read(false), plain };
}

/** Same rows both ways; returns whether our reader read the (only) sheet. */
function same(bytes: Uint8Array): boolean {
  const { own, sheetJs, plain } = rowsBothWays(bytes);
  expect(Object.keys(own)).toEqual(Object.keys(sheetJs));
  for (const name of Object.keys(sheetJs)) expect(own[name], name).toStrictEqual(sheetJs[name]);
  return plain.length > 0;
}

const cellsOf = (bytes: Uint8Array) => Object.values(rowsBothWays(bytes).own)[0]?.map((r) => r.cells);

function xlsxFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...xlsxFilesUnder(path));
    else if (name.endsWith('.xlsx')) out.push(path);
  }
  return out;
}

describe('own sheet reader against SheetJS', () => {
  const root = join(__dirname, '../../../..');
  const files = [...xlsxFilesUnder(join(root, '../shared/fixtures')), ...xlsxFilesUnder(join(root, 'tests'))];

  it('reads every xlsx fixture exactly as SheetJS does, and reads them itself', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(same(new Uint8Array(readFileSync(file))), file).toBe(true);
  });

  it('reads the plain cells itself: shared, inline and formula strings, numbers, booleans, blanks, wide rows', () => {
    const sst = '<si><t>张三</t><phoneticPr fontId="1" type="noConversion"/></si><si><t xml:space="preserve"> 李 四 </t></si><si><r><rPr><b/></rPr><t>王</t></r><r><t>五&amp;</t></r></si><si></si>';
    const body =
      '<dimension ref="A1:XFD5"/><sheetData>' +
      row(1, '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s" s="3"><v>1</v></c>', '<c r="C1" t="s"><v>2</v></c>', '<c r="D1" t="s"><v>3</v></c>') +
      row(2, '<c r="A2"><v>-1.5E+3</v></c>', '<c r="B2" t="n"><v>0.1</v></c>', '<c r="C2" t="b"><v>1</v></c>', '<c r="D2" t="b"><v>0</v></c>', '<c r="F2"><v>110101198001010011</v></c>') +
      row(3, '<c r="A3" t="str"><v>a &amp;lt; b</v></c>', '<c r="B3" t="str"/>', '<c r="C3"/>', '<c r="D3" t="s"><v></v></c>', s('E3', '&quot;x&apos; &gt;\r\ny'), '<c r="F3" t="str"><v xml:space="preserve"> 郭 明　</v></c>') +
      '<row r="4"/>' +
      row(5, '<c r="A5"><v>1</v></c>', '<c r="XFD5"><v>2</v></c>') +
      '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    const bytes = xlsx(body, sst);
    expect(same(bytes)).toBe(true);
    const cells = cellsOf(bytes);
    expect(cells?.slice(0, 3)).toEqual([
      ['张三', ' 李 四 ', '王五&', ''],
      [-1500, 0.1, true, false, null, Number('110101198001010011')],
      // SheetJS unescapes a formula string twice: "&amp;lt;" reads as "<".
      ['a < b', '', null, null, '"x\' >\ny', ' 郭 明　'],
    ]);
    const wide = cells?.[3] ?? [];
    expect(wide.length).toBe(16_384);
    expect(Object.keys(wide)).toEqual(['0', '16383']);
  });

  // Each case: SheetJS reads it in a way this reader does not copy, so the sheet goes through SheetJS.
  const bailOuts: Array<[string, string, string?]> = [
    ['a formula without its result', row(1, '<c r="A1"><f>1+1</f></c>', '<c r="B1"><v>1</v></c>')],
    ['a shared formula without its result', row(1, '<c r="A1"><f>1</f><v>1</v></c>', '<c r="B1"><f t="shared" si="0"/></c>')],
    ['an array formula', row(1, '<c r="A1"><f t="array" ref="A1:B1">1</f><v>1</v></c>', '<c r="B1"/>')],
    ['an error cell', row(1, '<c r="A1" t="e"><v>#N/A</v></c>')],
    ['an ISO date cell', row(1, '<c r="A1" t="d"><v>2024-01-02</v></c>')],
    ['a cell without r', row(1, '<c t="str"><v>x</v></c>')],
    ['cells out of order', row(1, '<c r="B1"><v>1</v></c>', '<c r="A1"><v>2</v></c>')],
    ['rows out of order', row(2, '<c r="A2"><v>1</v></c>') + row(1, '<c r="A1"><v>2</v></c>')],
    ['a namespace prefix', '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'],
    ['a rich-value attribute', row(1, '<c r="A1" vm="1"><v>1</v></c>')],
    ['a numeric character reference', row(1, '<c r="A1" t="str"><v>&#20320;</v></c>')],
    ['an _xHHHH_ escape', row(1, '<c r="A1" t="str"><v>a_x000D_b</v></c>')],
    ['an unknown entity', row(1, '<c r="A1" t="str"><v>&AMP;</v></c>')],
    ['an entity named like an object property', row(1, '<c r="A1" t="str"><v>a&constructor;b</v></c>')],
    ['CDATA', row(1, '<c r="A1" t="str"><v><![CDATA[<b>]]></v></c>')],
    ['a number with spaces', row(1, '<c r="A1"><v> 12 </v></c>')],
    ['a boolean written as true', row(1, '<c r="A1" t="b"><v>true</v></c>')],
    ['a shared-string index out of range', row(1, '<c r="A1" t="s"><v>5</v></c>'), '<si><t>a</t></si>'],
    ['phonetic runs in rich text', row(1, '<c r="A1" t="s"><v>0</v></c>'), '<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>'],
    ['an _xHHHH_ escape in a shared string', row(1, '<c r="A1" t="s"><v>0</v></c>'), '<si><t>a_x0009_b</t></si>'],
  ];
  for (const [what, rows, sst] of bailOuts) {
    it(`gives up on ${what}, and the rows are SheetJS's`, () => {
      expect(same(xlsx(`<sheetData>${rows}</sheetData>`, sst))).toBe(false);
    });
  }

  it('reads formulas with their saved results itself (numbers, texts, booleans, shared)', () => {
    const body = `<sheetData>${row(1, '<c r="A1"><f>1+1</f><v>2</v></c>', '<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>', '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c>', '<c r="D1"><f t="shared" ref="D1:D2" si="0">A1*2</f><v>4</v></c>')}${row(2, '<c r="D2"><f t="shared" si="0"/><v>0</v></c>')}</sheetData>`;
    const bytes = xlsx(body);
    expect(same(bytes)).toBe(true);
    expect(rowsBothWays(bytes, {} as typeof WORKER).own['名单']?.map((r) => r.cells)).toEqual([[2, 'ab', true, 4], [null, null, null, 0]]);
    // With SheetJS's formulas on (the core's readWorkbook) the values are the same.
    const core = rowsBothWays(bytes, {} as typeof WORKER);
    expect(core.own).toStrictEqual(core.sheetJs);
  });

  it('gives up on cells merged down a column (sheetRows copies them down from SheetJS), not on merges across', () => {
    const rows = `<sheetData>${row(1, s('A1', '张三'))}${row(2, '<c r="B2"><v>1</v></c>')}</sheetData>`;
    expect(same(xlsx(`${rows}<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>`))).toBe(false);
    expect(same(xlsx(`${rows}<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:C3"/></mergeCells>`))).toBe(true);
  });

  it('reads a piece of a split sheet itself, with the same rows as SheetJS', () => {
    const body = `<sheetData>${Array.from({ length: 400 }, (_, i) => row(i + 1, s(`A${i + 1}`, `名${i}`), `<c r="B${i + 1}"><v>${i}.5</v></c>`)).join('')}</sheetData>`;
    const parts = unzipSync(xlsx(body));
    const sheet = parts['xl/worksheets/sheet1.xml'] as Uint8Array;
    const pieces = splitSheetXml(sheet, 3) ?? [];
    expect(pieces.length).toBe(3);
    for (const piece of pieces) {
      const files: XlsxPieceFiles = Object.entries({ ...parts, 'xl/worksheets/sheet1.xml': piece });
      expect(parseSheetPiece(files, '名单', WORKER, true)).toStrictEqual(parseSheetPiece(files, '名单', WORKER, false));
    }
  });
});

/** Texts the property draws from: CJK, the XML specials, spaces at the ends, line breaks, long digit strings. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('张三', '王 五', '  李四  ', 'a & b', '<tag>', '"q"', "'a'", 'x\ny', 'x\r\ny', '370703195002021694', '6225880126734057839', '0012', '=1+1', '&amp;', '_x', '𠀋字'),
  fc.array(fc.constantFrom('张', '三', '&', '<', '>', '"', "'", ' ', '\n', '1', 'a', '_'), { maxLength: 10 }).map((a) => a.join('')),
);
const cell = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.constantFrom(0, -0.5, 1e21, 1.5e-7, 12345.678),
  fc.boolean(),
  fc.constant(null),
);
const rows = fc.array(fc.oneof(fc.array(cell, { maxLength: 9 }), fc.constant([]), fc.sparseArray(cell, { maxLength: 40 })), { maxLength: 25 });

describe('own sheet reader, property: workbooks SheetJS writes from random rows', () => {
  it('reads every one exactly as SheetJS does (shared strings or inline)', () => {
    let ownRead = 0;
    fc.assert(
      fc.property(rows, fc.boolean(), (aoa, bookSST) => {
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa as unknown[][]), '名单');
        const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST }) as ArrayBuffer);
        if (same(bytes)) ownRead++;
      }),
      { numRuns: 300 },
    );
    // Most drawn workbooks are plain (texts with control characters are written as _xHHHH_ escapes).
    expect(ownRead).toBeGreaterThan(150);
  });
});
