// Issue 17: a large sheet cut at row boundaries and parsed in pieces (on several workers in the app)
// must read as exactly the same rows as the whole sheet, or not be cut at all.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  prepareOpenWorkbook,
  readSheetPiece,
  readSpreadsheet,
  type SheetRow,
  SPLIT_MIN_BYTES,
  sheetRows,
  splitSheetXml,
  type XlsxPieceFiles,
} from '../../../../renderer/src/core/creditors';
import { lastPackedRow, packedBuffers, packSheetRows, unpackSheetRows } from '../../../../renderer/src/core/creditors/packed-rows';
import { HEADER_ROW, row, s, xlsx } from './xlsx-builder';

const enc = (text: string) => new TextEncoder().encode(text);
const SHEET = 'xl/worksheets/sheet1.xml';

/** Every kind of cell the import meets: shared and inline strings, entities, numbers, booleans, errors, stray far cells. */
function mixedRows(count: number, from = 2): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = from + i;
    out.push(
      row(
        r,
        `<c r="A${r}" t="s"><v>${i % 3}</v></c>`,
        s(`B${r}`, `张&amp;三${i}`),
        `<c r="C${r}" t="str"><v>11010119800101${String(i % 10_000).padStart(4, '0')}</v></c>`,
        `<c r="D${r}"><v>${(i * 37.5).toFixed(2)}</v></c>`,
        i % 7 === 0 ? `<c r="E${r}" t="b"><v>1</v></c>` : `<c r="E${r}" t="e"><v>#N/A</v></c>`,
        i % 11 === 0 ? `<c r="XFD${r}"><v>${i}</v></c>` : '',
      ),
    );
  }
  return out.join('');
}

const SST = '<si><t>甲</t></si><si><r><t>乙</t></r><r><t>丙</t></r></si><si><t xml:space="preserve"> 丁 </t></si>';

function sheetXml(rows: string, tail = ''): Uint8Array {
  return enc(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD9999"/><sheetData>${rows}</sheetData>${tail}</worksheet>`);
}

/** The rows of the pieces as the app reads them: the first piece, then the others in order. */
function rowsOfPieces(file: Uint8Array, pieces: readonly Uint8Array[]): SheetRow[] {
  const parts = unzipSync(file);
  const out: SheetRow[] = [];
  for (const piece of pieces) {
    const files: XlsxPieceFiles = Object.entries(parts).map(([name, bytes]) => [name, name === SHEET ? piece : bytes] as const);
    out.push(...readSheetPiece(files, '名单', {}, 'list.xlsx'));
  }
  return out;
}

const wholeRows = (file: Uint8Array) => [...readSpreadsheet(file, 'list.xlsx').rows];

describe('a large sheet parsed in pieces', () => {
  it('reads as exactly the rows of the whole sheet, cut into 2, 3 or 4 pieces', () => {
    const body = `${HEADER_ROW}${mixedRows(600)}`;
    const file = xlsx(sheetXml(body), SST);
    const whole = wholeRows(file);
    expect(whole.length).toBe(601);
    for (const n of [2, 3, 4]) {
      const pieces = splitSheetXml(sheetXml(body), n);
      expect(pieces?.length).toBe(n);
      expect(rowsOfPieces(file, pieces ?? [])).toEqual(whole);
    }
  });

  it("sends a piece's rows packed (handed over, not cloned) and unpacks exactly the same rows, holes of wide rows included", () => {
    const whole = wholeRows(xlsx(sheetXml(`${HEADER_ROW}${mixedRows(300)}`), SST));
    const odd: SheetRow[] = [
      { row: 900, cells: [] },
      { row: 901, cells: [null, -0, Number.NaN, '', false, true, 1e308, '𠀀张'] },
    ];
    const rows = [...whole, ...odd];
    expect(rows.some((r) => r.cells.length > 16_000 && !(10 in r.cells))).toBe(true);
    const packed = packSheetRows(rows);
    if (!packed) throw new Error('not packed');
    // As postMessage does it: the typed arrays' buffers move, the sender's views are left empty.
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.kinds.length).toBe(0);
    expect([...unpackSheetRows(moved)]).toStrictEqual(rows);
    // Each pass makes the rows again, the same.
    expect([...unpackSheetRows(moved)]).toStrictEqual(rows);
    expect(lastPackedRow(moved)).toBe(901);
    // Rows with merged or formula columns travel as objects.
    expect(packSheetRows([{ row: 2, cells: ['甲'], merged: [0] }])).toBeNull();
    expect(packSheetRows([{ row: 2, cells: [null], formulas: [0] }])).toBeNull();
    expect(lastPackedRow(packSheetRows([]) ?? moved)).toBeNull();
  });

  it('reads cells without r="…" by their place in the row, as the whole sheet does', () => {
    const body = `${HEADER_ROW}${Array.from({ length: 400 }, (_, i) => `<row r="${i + 2}"><c t="inlineStr"><is><t>甲${i}</t></is></c><c><v>${i}</v></c></row>`).join('')}`;
    const file = xlsx(sheetXml(body));
    const pieces = splitSheetXml(sheetXml(body), 3);
    expect(pieces?.length).toBe(3);
    const whole = wholeRows(file);
    expect(whole.at(-1)).toEqual({ row: 401, cells: ['甲399', 399] });
    expect(rowsOfPieces(file, pieces ?? [])).toEqual(whole);
  });

  it('is not cut where a piece would read differently: merged cells, a first row without its number, prefixed elements', () => {
    const body = `${HEADER_ROW}${mixedRows(300)}`;
    expect(splitSheetXml(sheetXml(body, '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>'), 2)).toBeNull();
    const unnumbered = `${HEADER_ROW}${Array.from({ length: 300 }, (_, i) => `<row>${s(`A${i + 2}`, '甲')}</row>`).join('')}`;
    expect(splitSheetXml(sheetXml(unnumbered), 2)).toBeNull();
    const prefixed = enc(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${body.replaceAll('<row', '<x:row').replaceAll('</row>', '</x:row>')}</x:sheetData></x:worksheet>`);
    expect(splitSheetXml(prefixed, 2)).toBeNull();
    expect(splitSheetXml(sheetXml(body), 1)).toBeNull();
  });

  it('cuts a sheet over the size limit when pieces are asked for, into rows the same as the whole sheet', () => {
    const rows = Array.from({ length: 48_000 }, (_, i) =>
      row(i + 2, s(`A${i + 2}`, `集资参与人${i}`), s(`B${i + 2}`, '110101198001010010'), `<c r="C${i + 2}"><v>${1000 + i}</v></c>`, s(`D${i + 2}`, '13800001111')),
    ).join('');
    const header = row(1, s('A1', '姓名'), s('B1', '身份证号码'), s('C1', '投资金额'), s('D1', '联系电话'));
    // A plain sheet is read in one pass by our own reader (sheet-xml-rows.ts), not cut.
    const plain = xlsx(sheetXml(`${header}${rows}`));
    expect(prepareOpenWorkbook(plain, 'big.xlsx', undefined, {}, 2).split).toBeNull();
    // An error cell sends it to SheetJS, whose parse is cut into pieces.
    const xml = sheetXml(`${header}${rows}${row(48_002, '<c r="E48002" t="e"><v>#N/A</v></c>')}`);
    expect(xml.length).toBeGreaterThan(SPLIT_MIN_BYTES);
    const file = xlsx(xml);
    const prepared = prepareOpenWorkbook(file, 'big.xlsx', undefined, {}, 2);
    expect(prepared.split?.sheet).toBe('名单');
    const first = prepared.parse().Sheets.名单;
    const mine = [...(first ? sheetRows(first) : []), ...(prepared.split?.others ?? []).flatMap((files) => readSheetPiece(files, '名单', {}, 'big.xlsx'))];
    expect(mine).toEqual(wholeRows(file));
    // Not asked for pieces: not cut.
    expect(prepareOpenWorkbook(file, 'big.xlsx').split).toBeNull();
  });
});
