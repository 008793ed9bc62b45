// Opens an .xlsx for the import with every limit checked before SheetJS parses a cell: the zip's
// declared and real sizes (xlsx-zip.ts), the shared strings (each ≤ Excel's 32,767 characters, all
// together ≤ a limit), each sheet's claimed dimensions (≤ Excel's 1,048,576 × 16,384). Parts the
// import never reads (images, printer settings, macros) are not even inflated. SheetJS then parses
// the inflated parts (its parse_zip), with the same options as its read().

import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import * as XLSX from '@e965/xlsx';
import { decodeXml, type PlainSheet, readPlainSheet, readSharedStrings } from './sheet-xml-rows';
import { splitSheetXml } from './xlsx-split';
import { checkDeclaredSizes, inflateEntry, XlsxLimitError, type ZipEntry, zipEntries } from './xlsx-zip';

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
/** Excel's own limit per cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** All shared strings together: a full 1,048,576-row register holds ~90 million characters. */
export const MAX_SHARED_TEXT_CHARS = 200_000_000;

interface SheetJsInternals {
  parse_zip(zip: unknown, options: ParsingOptions): WorkBook;
  CFB: { utils: { cfb_new(): unknown; cfb_add(zip: unknown, name: string, content: Uint8Array, options?: object): void } };
}
const sheetJs = XLSX as unknown as SheetJsInternals;

const decoder = new TextDecoder();
const text = (b: Uint8Array) => decoder.decode(b);

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w]+:)?${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Relationship targets of a part, by Id and by type (last path segment of the Type URI). */
function readRels(xml: string, part: string): Array<{ id: string; type: string; target: string }> {
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target');
    if (target === undefined || attr(m[0], 'TargetMode') === 'External') continue;
    out.push({ id: attr(m[0], 'Id') ?? '', type: (attr(m[0], 'Type') ?? '').split('/').pop() ?? '', target: resolvePart(part, target) });
  }
  return out;
}

interface WorkbookParts {
  readonly entries: ZipEntry[];
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly part: string }>;
  readonly wbRels: ReadonlyArray<{ readonly id: string; readonly type: string; readonly target: string }>;
}

/** The zip directory, the workbook's sheets (name → part) and its relationships; inflates only those small parts. */
function workbookOf(bytes: Uint8Array, fileName: string): WorkbookParts {
  const entries = zipEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const read = (name: string): Uint8Array | null => {
    const e = byName.get(name);
    if (!e) return null;
    checkDeclaredSizes([e], fileName);
    return inflateEntry(bytes, e, fileName);
  };
  return { entries, ...workbookFrom(read, fileName) };
}

/** The workbook's sheets and relationships from its parts, read by name. */
function workbookFrom(read: (name: string) => Uint8Array | null, fileName: string): Omit<WorkbookParts, 'entries'> {
  const rootRels = read('_rels/.rels');
  const workbookPart = (rootRels && readRels(text(rootRels), '').find((r) => r.type === 'officeDocument')?.target) || 'xl/workbook.xml';
  const workbookXml = read(workbookPart);
  if (!workbookXml) throw new XlsxLimitError('FILE_UNREADABLE', `文件“${fileName}”里没有工作簿内容（${workbookPart}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重新导入。`);
  const wbRels = readRels(text(read(relsOf(workbookPart)) ?? new Uint8Array()), workbookPart);
  const sheets = [...text(workbookXml).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    part: wbRels.find((r) => r.id === attr(m[0], 'id'))?.target ?? '',
  }));
  return { sheets, wbRels };
}

/** The sheets of an .xlsx, in workbook order, without parsing any of them. */
export function xlsxSheets(bytes: Uint8Array, fileName: string): WorkbookParts['sheets'] {
  return workbookOf(bytes, fileName).sheets;
}

export interface OpenedXlsx {
  readonly book: WorkBook;
  /** Per sheet name: 0-based row → 0-based columns of cells holding a formula with no saved result. */
  readonly uncachedFormulas: ReadonlyMap<string, ReadonlyMap<number, number[]>>;
  /** Sheets read by our own reader (sheet-xml-rows.ts) instead of SheetJS: absent from book.Sheets' parse. */
  readonly plainSheets: ReadonlyMap<string, PlainSheet>;
}

/** The inflated parts SheetJS reads for one piece of a split sheet (name → bytes). */
export type XlsxPieceFiles = ReadonlyArray<readonly [string, Uint8Array]>;

/**
 * A sheet cut into pieces (xlsx-split.ts): `parse()` reads the first piece as the sheet, the other
 * pieces are for other threads (parseInflated with `sheet`), each yielding the rows after the last.
 */
export interface SplitSheet {
  readonly sheet: string;
  readonly others: readonly XlsxPieceFiles[];
}

export interface PreparedXlsx {
  /** A large sheet cut for parsing on several threads, or null (then parse() reads it all). */
  readonly split: SplitSheet | null;
  parse(): OpenedXlsx;
}

/** Sheets at least this large (inflated XML) are cut when pieces are asked for. */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Reads an .xlsx (zip) with limits: the limits checked and the parts inflated before SheetJS
 * parses anything (`parse()`). `sheet`: parse only that sheet. Throws XlsxLimitError (the message
 * names the limit and what the file claims); parse() throws SheetJS's own error for broken XML.
 * With `pieces` > 1 the largest sheet (of at least SPLIT_MIN_BYTES, with no formula lacking its
 * result) is cut into that many pieces where its rows allow; `parse()` then reads its first piece.
 */
export function prepareXlsx(bytes: Uint8Array, fileName: string, options: ParsingOptions, sheet?: string, pieces = 1, ownReader = true): PreparedXlsx {
  const { entries, sheets, wbRels } = workbookOf(bytes, fileName);
  const wanted = sheet === undefined ? sheets : sheets.filter((s) => s.name === sheet);
  const wantedParts = new Set(wanted.map((s) => s.part));
  const allSheetParts = new Set(sheets.map((s) => s.part));
  // The parts SheetJS reads: XML and relationships, less the sheets not asked for.
  const parts = entries.filter((e) => {
    const name = e.name.replace(/^\//, '');
    if (!/\.(xml|rels)$/i.test(name)) return false;
    if (allSheetParts.has(name) && !wantedParts.has(name)) return false;
    return true;
  });
  checkDeclaredSizes(parts, fileName);
  const inflated = new Map<string, Uint8Array>();
  for (const e of parts) inflated.set(e.name.replace(/^\//, ''), inflateEntry(bytes, e, fileName));

  const sstPart = wbRels.find((r) => r.type === 'sharedStrings')?.target;
  const sst = sstPart === undefined ? undefined : inflated.get(sstPart);
  if (sst) checkSharedStrings(sst, fileName);
  const uncachedFormulas = new Map<string, ReadonlyMap<number, number[]>>();
  for (const s of wanted) {
    const xml = inflated.get(s.part);
    if (!xml) continue;
    checkDimension(xml, s.name, fileName);
    const formulas = uncachedFormulaCells(xml);
    if (formulas.size > 0) uncachedFormulas.set(s.name, formulas);
  }
  // Plain sheets are read in one pass here, before any cut: our reader is quick enough that cutting
  // (copying the sheet into pieces, packing the rows back) costs more CPU than it saves. Only a
  // sheet it gives up on is cut for SheetJS's parse on several threads.
  const early = ownReader && pieces > 1 ? readPlainSheets(wanted, inflated, sst, uncachedFormulas) : null;
  const split = pieces > 1 ? splitLargest(wanted, inflated, uncachedFormulas, pieces, early) : null;
  return {
    split,
    parse: () => {
      const plainSheets = early ?? (ownReader ? readPlainSheets(wanted, inflated, sst, uncachedFormulas) : new Map<string, PlainSheet>());
      const rest = wanted.filter((s) => !plainSheets.has(s.name)).map((s) => s.name);
      // Every wanted sheet read here: SheetJS is not needed at all (its SheetNames are the workbook's
      // sheet names, which attr() decodes as SheetJS does unless they hold escapes it reads otherwise).
      if (rest.length === 0 && sheets.every((s) => !/[&_]/.test(s.name))) {
        return { book: { SheetNames: sheets.map((s) => s.name), Sheets: {} }, uncachedFormulas, plainSheets };
      }
      const names = plainSheets.size === 0 ? sheet : rest;
      const book = parseInflated([...inflated], { ...options, ...(names === undefined ? {} : { sheets: names }) });
      return { book, uncachedFormulas, plainSheets };
    },
  };
}

/**
 * The wanted sheets our own reader can read exactly (sheet-xml-rows.ts), by name; the others (and
 * any sheet with a formula lacking its result) are left to SheetJS. The shared strings are decoded
 * once, when the first sheet needs them.
 */
function readPlainSheets(
  wanted: WorkbookParts['sheets'],
  inflated: ReadonlyMap<string, Uint8Array>,
  sst: Uint8Array | undefined,
  uncachedFormulas: ReadonlyMap<string, unknown>,
): Map<string, PlainSheet> {
  const out = new Map<string, PlainSheet>();
  let shared: readonly string[] | null | undefined;
  for (const s of wanted) {
    const bytes = inflated.get(s.part);
    if (!bytes || uncachedFormulas.has(s.name)) continue;
    const xml = decodeXml(bytes);
    if (xml === null) continue;
    if (shared === undefined) {
      const sstXml = sst ? decodeXml(sst) : null;
      shared = sstXml === null ? null : readSharedStrings(sstXml);
    }
    const sheet = readPlainSheet(xml, shared);
    if (sheet) out.set(s.name, sheet);
  }
  return out;
}

/**
 * One piece of a split sheet read by our own reader, or null (then SheetJS reads it): the piece's
 * files hold the workbook's small parts and the piece as the sheet's only part.
 */
export function readPlainPiece(files: XlsxPieceFiles, sheet: string): PlainSheet | null {
  const byName = new Map(files);
  const { sheets, wbRels } = workbookFrom((name) => byName.get(name) ?? null, 'xlsx');
  const part = sheets.find((s) => s.name === sheet)?.part;
  const xmlBytes = part === undefined ? undefined : byName.get(part);
  if (!xmlBytes) return null;
  const sstPart = wbRels.find((r) => r.type === 'sharedStrings')?.target;
  const sst = sstPart === undefined ? undefined : byName.get(sstPart);
  return readPlainSheets([{ name: sheet, part: part as string }], byName, sst, new Map()).get(sheet) ?? null;
}

/** Cuts the largest sheet in place (inflated then holds its first piece); the other pieces' files. */
function splitLargest(
  wanted: WorkbookParts['sheets'],
  inflated: Map<string, Uint8Array>,
  uncachedFormulas: ReadonlyMap<string, unknown>,
  pieces: number,
  plain: ReadonlyMap<string, unknown> | null,
): SplitSheet | null {
  let largest: WorkbookParts['sheets'][number] | null = null;
  for (const s of wanted) if (!plain?.has(s.name) && ((inflated.get(s.part)?.length ?? 0) > (largest ? (inflated.get(largest.part)?.length ?? 0) : 0))) largest = s;
  if (!largest || uncachedFormulas.has(largest.name)) return null;
  const xml = inflated.get(largest.part);
  if (!xml || xml.length < SPLIT_MIN_BYTES) return null;
  const cut = splitSheetXml(xml, pieces);
  if (!cut) return null;
  const [first, ...rest] = cut;
  if (!first) return null;
  inflated.set(largest.part, first);
  const sheetParts = new Set(wanted.map((s) => s.part));
  // Each other piece: the workbook's small parts, and this sheet's piece as the only sheet.
  const common = [...inflated].filter(([name]) => !sheetParts.has(name));
  const part = largest.part;
  return { sheet: largest.name, others: rest.map((piece): XlsxPieceFiles => [...common, [part, piece]]) };
}

/** SheetJS's parse of parts already inflated and checked (its parse_zip, as its read() does). */
export function parseInflated(files: XlsxPieceFiles, options: ParsingOptions): WorkBook {
  const zip = sheetJs.CFB.utils.cfb_new();
  for (const [name, content] of files) sheetJs.CFB.utils.cfb_add(zip, name, content, { unsafe: true });
  return sheetJs.parse_zip(zip, options);
}

/** Each shared string ≤ 32,767 characters (Excel cannot hold more), all of them ≤ MAX_SHARED_TEXT_CHARS. */
function checkSharedStrings(bytes: Uint8Array, fileName: string): void {
  const xml = text(bytes);
  const claimed = /<(?:\w+:)?sst\b[^>]*>/.exec(xml);
  const unique = claimed ? attr(claimed[0], 'uniqueCount') : undefined;
  let total = 0;
  let index = 0;
  let pos = 0;
  for (;;) {
    const open = xml.indexOf('<si', pos);
    if (open < 0) break;
    const close = xml.indexOf('</si>', open);
    const end = close < 0 ? xml.length : close;
    // Text between the tags, entities counted as written (an over-estimate by a few characters).
    let chars = 0;
    for (let t = xml.indexOf('<t', open); t >= 0 && t < end; t = xml.indexOf('<t', t + 2)) {
      const next = xml.charAt(t + 2);
      if (next !== '>' && next !== ' ') continue;
      const from = xml.indexOf('>', t) + 1;
      const to = xml.indexOf('</t>', from);
      if (from <= 0 || to < 0) break;
      chars += to - from;
    }
    if (chars > EXCEL_MAX_CELL_CHARS) {
      const exact = sharedStringLength(xml.slice(open, end));
      if (exact > EXCEL_MAX_CELL_CHARS) {
        throw new XlsxLimitError(
          'FILE_LIMIT',
          `文件“${fileName}”的第 ${(index + 1).toLocaleString('en')} 个共享文本长 ${exact.toLocaleString('en')} 个字符，超过 Excel 单元格的上限 ${EXCEL_MAX_CELL_CHARS.toLocaleString('en')} 个字符（Excel 保存的文件不会这样）。这通常是被故意构造或损坏的文件，请核对来源；确需导入的，请在 Excel 或 WPS 中删短该文本并另存后重新导入。`,
        );
      }
    }
    total += chars;
    if (total > MAX_SHARED_TEXT_CHARS) {
      throw new XlsxLimitError(
        'FILE_LIMIT',
        `文件“${fileName}”的共享文本${unique ? `（声称 ${Number(unique).toLocaleString('en')} 条）` : ''}合计超过 ${MAX_SHARED_TEXT_CHARS.toLocaleString('en')} 个字符的导入上限（满 1,048,576 行的名单约需 9,000 万个）。请核对文件来源，或在 Excel 或 WPS 中另存为“CSV UTF-8”后导入。`,
      );
    }
    index++;
    pos = end + 5;
  }
}

/** Characters of one <si> as SheetJS reads it: entities and _xHHHH_ escapes count one each. */
function sharedStringLength(si: string): number {
  let n = 0;
  for (const m of si.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) {
    n += (m[1] ?? '').replace(/&[^;]{1,10};/g, '_').replace(/_x[0-9A-Fa-f]{4}_/g, '_').length;
  }
  return n;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A sheet claiming more rows or columns than Excel has is not a sheet Excel wrote. */
function checkDimension(xml: Uint8Array, sheet: string, fileName: string): void {
  const head = text(xml.subarray(0, 4096));
  const m = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(head);
  if (!m) return;
  const rows = Number(m[4] ?? m[2]);
  const cols = columnIndex(m[3] ?? m[1] ?? 'A') + 1;
  if (rows > EXCEL_MAX_ROWS || cols > EXCEL_MAX_COLUMNS) {
    throw new XlsxLimitError(
      'FILE_LIMIT',
      `文件“${fileName}”的工作表“${sheet}”声称范围是 ${m[0].split('"')[1]}（${rows.toLocaleString('en')} 行 × ${cols.toLocaleString('en')} 列），超出 Excel 的上限 ${EXCEL_MAX_ROWS.toLocaleString('en')} 行 × ${EXCEL_MAX_COLUMNS.toLocaleString('en')} 列。这不是 Excel 保存的文件，请核对来源，或在 Excel 或 WPS 中另存后重新导入。`,
    );
  }
}

const LT = 0x3c;
const F = 0x66;

/**
 * Cells with a formula (<f>) but no saved result (<v>): files written by programs that leave the
 * computing to Excel. SheetJS drops such cells, so a formula in the ID column would read as blank.
 * Scans the bytes for "<f" only (rare in sheet XML), so a sheet without formulas costs one pass of
 * a native byte search.
 */
export function uncachedFormulaCells(xml: Uint8Array): Map<number, number[]> {
  const found = new Map<number, number[]>();
  for (let i = xml.indexOf(F); i >= 0; i = xml.indexOf(F, i + 1)) {
    if (xml[i - 1] !== LT) continue;
    const after = xml[i + 1];
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) continue; // "<f>", "<f ", "<f/"
    // End of the formula element: "/>" or "</f>".
    const gt = xml.indexOf(0x3e, i);
    if (gt < 0) break;
    let end = gt + 1;
    if (xml[gt - 1] !== 0x2f) {
      const close = indexOfBytes(xml, '</f>', gt);
      if (close < 0) break;
      end = close + 4;
    }
    while (xml[end] === 0x20 || xml[end] === 0x0a || xml[end] === 0x0d || xml[end] === 0x09) end++;
    const hasValue = xml[end] === LT && xml[end + 1] === 0x76 && (xml[end + 2] === 0x3e || xml[end + 2] === 0x20) && !(xml[end + 2] === 0x3e && xml[end + 3] === LT && xml[end + 4] === 0x2f);
    if (hasValue) {
      i = end;
      continue;
    }
    const ref = cellRefBefore(xml, i);
    if (ref) {
      const cols = found.get(ref.row);
      if (cols) cols.push(ref.col);
      else found.set(ref.row, [ref.col]);
    }
    i = end;
  }
  return found;
}

function indexOfBytes(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) ok = false;
    if (ok) return i;
  }
  return -1;
}

/** The r="B7" of the <c> element a formula sits in. */
function cellRefBefore(xml: Uint8Array, at: number): { row: number; col: number } | null {
  for (let i = at - 1; i >= 0 && at - i < 512; i--) {
    if (xml[i] !== LT || xml[i + 1] !== 0x63 || (xml[i + 2] !== 0x20 && xml[i + 2] !== 0x3e)) continue;
    const tag = text(xml.subarray(i, xml.indexOf(0x3e, i) + 1));
    const m = /\br="([A-Z]+)(\d+)"/.exec(tag);
    return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1] ?? 'A') } : null;
  }
  return null;
}

export type { ZipEntry };
