// The register as xlsx, written as it is read (issue 17): sheet XML rows are made a few hundred
// at a time, deflated into the zip at once (fflate's streaming Zip) and the zip's bytes gathered
// into Blobs (the browser's blob store, not this worker's heap), so a million creditors never
// exist as cells, as one sheet or as one file in memory. SheetJS (the tests' reference, tests/unit/workers/register-sheet-reference.ts) builds
// the whole sheet and then the whole file in the heap: at 1,048,576 creditors that is more than a
// worker has.
//
// Why not a library: exceljs's streaming WorkbookWriter (and its forks, xlsx-write-stream,
// xlsx-writestream) is built on Node's fs/stream and archiver, which do not exist in a browser
// worker without polyfills; SheetJS has no streaming xlsx writer. What the register needs is small:
// one or more sheets of strings and numbers with three cell formats, so the XML is written here.
//
// An xlsx sheet holds 1,048,576 rows including its header: past 1,048,575 creditors the list goes
// on in a second sheet (名单(2), …) with the same header; the public list's 序号 runs on.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate } from 'fflate';
import { escapeOoxmlText } from '../core/common/ooxml-text';
import { columnLetter } from '../core/creditors/column-letter';
import type { StoredCreditor } from '../db/repositories/creditor-types';
import { FULL_HEADER, fullRow, PUBLIC_HEADER, publicRow, type RegisterCell } from './register-rows';

/** Rows of one xlsx sheet, header included (Excel's and WPS's limit). */
export const XLSX_MAX_ROWS = 1_048_576;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RegisterXlsxOptions {
  readonly kind: 'full' | 'public';
  /** The first sheet's name; the next ones are `name(2)`, `name(3)`, … */
  readonly sheetName: string;
  /** Creditors the register holds: the workbook lists its sheets before the rows are written. */
  readonly total: number;
  /** Rows per sheet, header included (tests use a small one). */
  readonly maxRows?: number;
}

export interface RegisterXlsxFile {
  readonly file: Blob;
  /** SHA-256 of the file's bytes, hex (for the audit entry). */
  readonly hash: string;
  readonly rows: number;
  readonly sheetNames: readonly string[];
}

// Cell styles (styles.xml's cellXfs): 0 general, 1 text (@), 2 money (#,##0.00), 3 bold header.
const TEXT = 1;
const MONEY = 2;
const HEADER = 3;

/** Columns stored as text: IDs, phones and accounts (Excel would show 3.71002E+17 and lose digits). */
const TEXT_COLUMNS = { full: [3, 4, 7], public: [2] } as const;
const MONEY_COLUMNS = { full: [9, 10, 11], public: [3] } as const;
/** Column widths in characters, so an 18-digit ID or a bank account shows whole. */
const WIDTHS = { full: [12, 24, 24, 22, 15, 36, 24, 24, 8, 16, 16, 18, 10, 12], public: [10, 24, 22, 18] } as const;

/** Rows deflated together: large enough for few pushes, small enough that the text stays small. */
const ROWS_PER_PUSH = 500;
/** The zip's output is gathered into a Blob every few MB. */
const BLOB_PIECE_BYTES = 8 * 1024 * 1024;
/** No zip64 in fflate: one sheet's XML must stay under 4 GiB (a million rows is ~1 GB). */
const MAX_PART_BYTES = 0xffff_ffff - 1024 * 1024;

const encoder = new TextEncoder();

export class RegisterXlsxWriter {
  private readonly zip: Zip;
  private readonly hash = sha256.create();
  private readonly blobs: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private zipError: Error | null = null;
  private zipDone = false;

  private readonly kind: 'full' | 'public';
  private readonly maxDataRows: number;
  private readonly names: string[];
  private readonly styles: Int8Array;
  private readonly columns: string[];
  private readonly header: readonly RegisterCell[];

  private sheet: ZipDeflate | null = null;
  private sheetIndex = -1;
  private sheetRows = 0;
  private sheetBytes = 0;
  private text: string[] = [];
  private written = 0;

  constructor(private readonly options: RegisterXlsxOptions) {
    const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
    if (!(maxRows >= 2 && maxRows <= XLSX_MAX_ROWS)) throw new Error(`每张工作表的行数须在 2 到 ${XLSX_MAX_ROWS} 之间`);
    this.kind = options.kind;
    this.maxDataRows = maxRows - 1;
    const sheets = Math.max(1, Math.ceil(options.total / this.maxDataRows));
    this.names = Array.from({ length: sheets }, (_, i) => sheetNameOf(options.sheetName, i));
    this.header = options.kind === 'full' ? FULL_HEADER : PUBLIC_HEADER;
    this.columns = this.header.map((_, i) => columnLetter(i));
    this.styles = new Int8Array(this.header.length);
    for (const c of TEXT_COLUMNS[options.kind]) this.styles[c] = TEXT;
    for (const c of MONEY_COLUMNS[options.kind]) this.styles[c] = MONEY;

    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.zipError = err;
        return;
      }
      this.hash.update(data);
      this.pending.push(data);
      this.pendingBytes += data.length;
      if (this.pendingBytes >= BLOB_PIECE_BYTES || final) this.flushPending();
      if (final) this.zipDone = true;
    });
    this.addWhole('[Content_Types].xml', contentTypes(sheets));
    this.addWhole('_rels/.rels', ROOT_RELS);
    this.addWhole('xl/workbook.xml', workbook(this.names));
    this.addWhole('xl/_rels/workbook.xml.rels', workbookRels(sheets));
    this.addWhole('xl/styles.xml', STYLES);
    this.openSheet();
  }

  /** Creditors written so far. */
  get count(): number {
    return this.written;
  }

  /** Writes the next creditors of the register, in register order. */
  add(creditors: readonly StoredCreditor[]): void {
    for (const c of creditors) {
      if (this.sheetRows === this.maxDataRows) {
        this.closeSheet();
        this.openSheet();
      }
      this.written++;
      this.sheetRows++;
      this.text.push(this.rowXml(this.sheetRows + 1, this.kind === 'full' ? fullRow(c) : publicRow(c, this.written)));
      if (this.text.length >= ROWS_PER_PUSH) this.pushText(false);
    }
    this.check();
  }

  /** The finished file; the writer takes no more creditors after. */
  finish(): RegisterXlsxFile {
    if (this.written !== this.options.total) throw new Error(`导出期间名单人数有变化（应为 ${this.options.total} 人，读到 ${this.written} 人），请重新导出。`);
    this.closeSheet();
    this.zip.end();
    this.check();
    if (!this.zipDone) throw new Error('导出文件未能写完（压缩未结束），请重试。');
    return { file: new Blob(this.blobs, { type: XLSX_MIME }), hash: bytesToHex(this.hash.digest()), rows: this.written, sheetNames: this.names };
  }

  private openSheet(): void {
    this.sheetIndex++;
    if (this.sheetIndex >= this.names.length) throw new Error(`导出期间名单人数有变化（多于开始时的 ${this.options.total} 人），请重新导出。`);
    this.sheet = new ZipDeflate(`xl/worksheets/sheet${this.sheetIndex + 1}.xml`, { level: 6 });
    this.zip.add(this.sheet);
    this.sheetRows = 0;
    this.sheetBytes = 0;
    const rows = Math.min(this.maxDataRows, this.options.total - this.sheetIndex * this.maxDataRows) + 1;
    const last = this.columns[this.columns.length - 1] as string;
    const widths = WIDTHS[this.kind].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.text.push(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}${rows}"/>`,
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
      `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData>`,
      this.rowXml(1, this.header, HEADER),
    );
  }

  private closeSheet(): void {
    this.text.push('</sheetData></worksheet>');
    this.pushText(true);
    this.sheet = null;
  }

  private pushText(final: boolean): void {
    const bytes = encoder.encode(this.text.join(''));
    this.text = [];
    this.sheetBytes += bytes.length;
    if (this.sheetBytes > MAX_PART_BYTES) throw new Error('名单中的文字过多，一张工作表超过 4 GB，无法写成 xlsx；请改为导出 CSV 或分案导出。');
    this.sheet?.push(bytes, final);
  }

  private rowXml(row: number, cells: readonly RegisterCell[], style?: number): string {
    let xml = `<row r="${row}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i] as RegisterCell;
      const s = style ?? this.styles[i];
      const attrs = `r="${this.columns[i]}${row}"${s ? ` s="${s}"` : ''}`;
      xml += typeof value === 'number' ? `<c ${attrs}><v>${numberText(value)}</v></c>` : `<c ${attrs} t="inlineStr"><is>${textElement(value)}</is></c>`;
    }
    return `${xml}</row>`;
  }

  private addWhole(name: string, xml: string): void {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    file.push(encoder.encode(xml), true);
  }

  private flushPending(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending as Uint8Array<ArrayBuffer>[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  private check(): void {
    if (this.zipError) throw new Error(`压缩导出文件时出错：${this.zipError.message}`);
  }
}

/** `名单`, `名单(2)`, … within Excel's 31 characters. */
export function sheetNameOf(name: string, index: number): string {
  const suffix = index === 0 ? '' : `(${index + 1})`;
  return name.slice(0, 31 - suffix.length) + suffix;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`金额不是有效数字：${n}`);
  return String(n);
}

// XML 1.0 cannot hold most control characters: OOXML writes them as _xHHHH_ (as SheetJS does).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML 1.0 cannot hold.
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same, written as _xHHHH_.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[&<>"]/g, (ch) => ESCAPES[ch] as string).replace(CONTROL, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

// A literal _xHHHH_ in a name or note is written _x005F_xHHHH_, else Excel and WPS would show the character it names.
function textElement(s: string): string {
  const preserve = s.length > 0 && (s.trim() !== s || s.includes('\n'));
  const text = escapeXml(escapeOoxmlText(s));
  return preserve ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(sheets: number): string {
  let overrides = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  for (let i = 1; i <= sheets; i++) overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  overrides += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbook(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  let rels = '';
  for (let i = 1; i <= sheets; i++) rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`;
}

// Built-in number formats: 49 is text (@), 4 is #,##0.00 (the old SheetJS file's money format).
const FONT = '<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/>';
const XF = 'fontId="0" fillId="0" borderId="0" xfId="0"';
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" ${XF}/><xf numFmtId="49" ${XF} applyNumberFormat="1"/><xf numFmtId="4" ${XF} applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
