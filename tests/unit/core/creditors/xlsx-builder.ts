// Hand-built .xlsx files for the hostile-file tests: the parts written as given (SheetJS would not
// write a bomb), zipped with fflate. Generated in the test, never committed.
import { type Zippable, zipSync } from 'fflate';

const NS = 'http://schemas.openxmlformats.org';
const enc = (s: string) => new TextEncoder().encode(s);

/** A one-sheet workbook ("名单") whose sheet XML (inside <worksheet>) and shared strings are given. */
export function xlsxParts(sheetBody: string | Uint8Array, sharedStrings?: string): Zippable {
  const sheet = typeof sheetBody === 'string' ? enc(`<?xml version="1.0"?><worksheet xmlns="${NS}/spreadsheetml/2006/main">${sheetBody}</worksheet>`) : sheetBody;
  return {
    '[Content_Types].xml': enc(
      `<?xml version="1.0"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings === undefined ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'}</Types>`,
    ),
    '_rels/.rels': enc(`<?xml version="1.0"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': enc(`<?xml version="1.0"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': enc(
      `<?xml version="1.0"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    ...(sharedStrings === undefined ? {} : { 'xl/sharedStrings.xml': enc(`<?xml version="1.0"?><sst xmlns="${NS}/spreadsheetml/2006/main">${sharedStrings}</sst>`) }),
    'xl/worksheets/sheet1.xml': sheet,
  };
}

export function xlsx(sheetBody: string | Uint8Array, sharedStrings?: string): Uint8Array {
  return zipSync(xlsxParts(sheetBody, sharedStrings), { level: 6 });
}

/** An inline-string cell. */
export const s = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A row of cells. */
export const row = (r: number, ...cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
/** The usual header: 姓名 | 身份证号码 | 投资金额 | 联系电话. */
export const HEADER_ROW = row(1, s('A1', '姓名'), s('B1', '身份证号码'), s('C1', '投资金额'), s('D1', '联系电话'));

/** Sets the uncompressed size the central directory declares for one part (sizes that lie). */
export function declareSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(part);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    if (len === name.length && name.every((b, i) => out[p + 46 + i] === b)) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`part ${part} not found`);
}
