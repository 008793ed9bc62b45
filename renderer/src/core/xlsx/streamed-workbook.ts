// An xlsx workbook written as it is filled (issue 17): sheet XML rows are made a few hundred at a
// time and deflated into the zip at once (fflate's streaming Zip); the zip's bytes leave through
// `onData` as they are made, with their SHA-256 computed as they pass. So a list of a million rows
// never exists as cells, as one sheet or as one file in memory (SheetJS builds all three).
//
// Why not a library: exceljs's streaming WorkbookWriter (and its forks) is built on Node's
// fs/stream and archiver, which a browser worker lacks; SheetJS has no streaming xlsx writer. The
// lists we export need little: sheets of strings and numbers with three cell formats and a bold,
// frozen header, so the XML is written here. The register export and the bank disbursement list
// use it; each says which sheets it will write before the first row, since the workbook part that
// names them is written first.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Zip, ZipDeflate } from 'fflate';
import { escapeOoxmlText } from '../common/ooxml-text';
import { columnLetter } from '../creditors/column-letter';

/** Rows of one xlsx sheet, header included (Excel's and WPS's limit). */
export const XLSX_MAX_ROWS = 1_048_576;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number;

/** Cell styles (styles.xml's cellXfs): general, text (@), money (#,##0.00), the bold header, text set right (an amount kept as text), text set in by one step (a column after one set right). */
export const CELL_STYLE = { general: 0, text: 1, money: 2, header: 3, textRight: 4, textIndented: 5 } as const;

export interface StreamedSheetPlan {
  /** Within Excel's 31 characters (see sheetNameOf). */
  readonly name: string;
  /** The sheet's rows, header included: its dimension is written before the rows. */
  readonly rows: number;
  /** A bold, frozen first row; a sheet without one starts with data. */
  readonly header?: readonly string[];
  /** Column widths in characters, so an 18-digit ID or a bank account shows whole. */
  readonly widths: readonly number[];
  /**
   * Printed landscape, all columns on the page's width and the header row on every page: a list a
   * clerk prints to sign or hand to the bank, not a sheet cut into column strips across pages.
   */
  readonly printAcross?: boolean;
}

export interface StreamedWorkbookOptions {
  readonly sheets: readonly StreamedSheetPlan[];
  /** docProps/core.xml: who made the file and what it is, so a copy found later still says so. */
  readonly props?: { readonly creator?: string; readonly title?: string };
  /** The time the zip gives its parts (fflate's default is now): the same list at the same time is the same file. */
  readonly modifiedAt?: Date;
  /** The zip's bytes, in order; `final` with the last. */
  readonly onData: (chunk: Uint8Array, final: boolean) => void;
}

/** Rows deflated together: large enough for few pushes, small enough that the text stays small. */
const ROWS_PER_PUSH = 500;
/** No zip64 in fflate: one sheet's XML must stay under 4 GiB (a million register rows is ~1 GB). */
const MAX_PART_BYTES = 0xffff_ffff - 1024 * 1024;

const encoder = new TextEncoder();

export class StreamedWorkbook {
  private readonly zip: Zip;
  private readonly hash = sha256.create();
  private zipError: Error | null = null;
  private zipDone = false;

  private sheet: ZipDeflate | null = null;
  private sheetIndex = -1;
  private rowNumber = 0;
  private sheetBytes = 0;
  private columns: string[] = [];
  private text: string[] = [];

  constructor(private readonly options: StreamedWorkbookOptions) {
    if (options.sheets.length === 0) throw new Error('工作簿至少要有一张工作表');
    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.zipError = err;
        return;
      }
      this.hash.update(data);
      options.onData(data, final);
      if (final) this.zipDone = true;
    });
    const names = options.sheets.map((s) => s.name);
    const props = options.props;
    this.addWhole('[Content_Types].xml', contentTypes(names.length, props !== undefined));
    this.addWhole('_rels/.rels', rootRels(props !== undefined));
    if (props) this.addWhole('docProps/core.xml', coreProps(props));
    this.addWhole('xl/workbook.xml', workbook(options.sheets));
    this.addWhole('xl/_rels/workbook.xml.rels', workbookRels(names.length));
    this.addWhole('xl/styles.xml', STYLES);
  }

  /** Data rows written to the sheet open now. */
  get sheetDataRows(): number {
    return this.rowNumber - (this.plan()?.header ? 1 : 0);
  }

  /** Opens the next planned sheet (closing the one before), its header row written. */
  startSheet(): void {
    if (this.sheet) this.endSheet();
    this.sheetIndex++;
    const plan = this.plan();
    if (!plan) throw new Error(`工作簿只计划了 ${this.options.sheets.length} 张工作表`);
    this.sheet = new ZipDeflate(`xl/worksheets/sheet${this.sheetIndex + 1}.xml`, this.entryOptions());
    this.zip.add(this.sheet);
    this.rowNumber = 0;
    this.sheetBytes = 0;
    const width = Math.max(plan.widths.length, plan.header?.length ?? 0, 1);
    this.columns = Array.from({ length: width }, (_, i) => columnLetter(i));
    const last = this.columns[width - 1] as string;
    const frozen = plan.header ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
    const cols = plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    const fit = plan.printAcross ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
    this.text.push(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${fit}<dimension ref="A1:${last}${Math.max(plan.rows, 1)}"/>`,
      `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>`,
      `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
    );
    if (plan.header) this.addRow(plan.header, CELL_STYLE.header);
  }

  /** One row; `styles` per column (or one style for every cell). */
  addRow(cells: readonly XlsxCell[], styles: ArrayLike<number> | number = CELL_STYLE.general): void {
    if (!this.sheet) throw new Error('写入行之前须先开始一张工作表');
    const row = ++this.rowNumber;
    let xml = `<row r="${row}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i] as XlsxCell;
      const s = typeof styles === 'number' ? styles : (styles[i] ?? 0);
      const attrs = `r="${this.columns[i] ?? columnLetter(i)}${row}"${s ? ` s="${s}"` : ''}`;
      xml += typeof value === 'number' ? `<c ${attrs}><v>${numberText(value)}</v></c>` : `<c ${attrs} t="inlineStr"><is>${textElement(value)}</is></c>`;
    }
    this.text.push(`${xml}</row>`);
    if (this.text.length >= ROWS_PER_PUSH) this.pushText(false);
    this.check();
  }

  /** Closes the sheet open now. */
  endSheet(): void {
    if (!this.sheet) return;
    const print = this.plan()?.printAcross
      ? '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
      : '';
    this.text.push(`</sheetData>${print}</worksheet>`);
    this.pushText(true);
    this.sheet = null;
    this.check();
  }

  /** Ends the file (every planned sheet must have been written); answers its SHA-256, hex. */
  finish(): string {
    this.endSheet();
    if (this.sheetIndex !== this.options.sheets.length - 1) throw new Error(`工作簿计划了 ${this.options.sheets.length} 张工作表，只写了 ${this.sheetIndex + 1} 张`);
    this.zip.end();
    this.check();
    if (!this.zipDone) throw new Error('导出文件未能写完（压缩未结束），请重试。');
    return bytesToHex(this.hash.digest());
  }

  private entryOptions(): { level: 6; mtime?: Date } {
    return this.options.modifiedAt ? { level: 6, mtime: this.options.modifiedAt } : { level: 6 };
  }

  private plan(): StreamedSheetPlan | undefined {
    return this.options.sheets[this.sheetIndex];
  }

  private pushText(final: boolean): void {
    const bytes = encoder.encode(this.text.join(''));
    this.text = [];
    this.sheetBytes += bytes.length;
    if (this.sheetBytes > MAX_PART_BYTES) throw new Error('名单中的文字过多，一张工作表超过 4 GB，无法写成 xlsx；请改为导出 CSV 或分案导出。');
    this.sheet?.push(bytes, final);
  }

  private addWhole(name: string, xml: string): void {
    const file = new ZipDeflate(name, this.entryOptions());
    this.zip.add(file);
    file.push(encoder.encode(xml), true);
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

/**
 * The sheets a list of `dataRows` rows needs under one header, `maxRows` rows a sheet (header
 * included): the first named `name`, the next `name(2)`, … Always at least one (an empty list
 * still has its header).
 */
export function continuedSheets(name: string, dataRows: number, header: readonly string[], widths: readonly number[], maxRows = XLSX_MAX_ROWS, printAcross = false): StreamedSheetPlan[] {
  if (!(maxRows >= 2 && maxRows <= XLSX_MAX_ROWS)) throw new Error(`每张工作表的行数须在 2 到 ${XLSX_MAX_ROWS} 之间`);
  const perSheet = maxRows - 1;
  const count = Math.max(1, Math.ceil(dataRows / perSheet));
  return Array.from({ length: count }, (_, i) => ({ name: sheetNameOf(name, i), rows: Math.min(perSheet, dataRows - i * perSheet) + 1, header, widths, printAcross }));
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

function contentTypes(sheets: number, withProps: boolean): string {
  let overrides = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  for (let i = 1; i <= sheets; i++) overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  overrides += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  if (withProps) overrides += '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

function rootRels(withProps: boolean): string {
  const props = withProps ? `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` : '';
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>${props}</Relationships>`;
}

function coreProps(props: NonNullable<StreamedWorkbookOptions['props']>): string {
  const title = props.title !== undefined ? `<dc:title>${escapeXml(props.title)}</dc:title>` : '';
  const creator = props.creator !== undefined ? `<dc:creator>${escapeXml(props.creator)}</dc:creator>` : '';
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${title}${creator}</cp:coreProperties>`;
}

function workbook(plans: readonly StreamedSheetPlan[]): string {
  const sheets = plans.map((p, i) => `<sheet name="${escapeXml(p.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // The header row printed on every page of a sheet printed across (Excel's and WPS's 打印标题).
  const titles = plans
    .map((p, i) => (p.printAcross && p.header ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(p.name.replaceAll("'", "''"))}'!$1:$1</definedName>` : ''))
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ''}</workbook>`;
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
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" ${XF}/><xf numFmtId="49" ${XF} applyNumberFormat="1"/><xf numFmtId="4" ${XF} applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" ${XF} applyNumberFormat="1" applyAlignment="1"><alignment horizontal="right"/></xf><xf numFmtId="49" ${XF} applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" indent="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
