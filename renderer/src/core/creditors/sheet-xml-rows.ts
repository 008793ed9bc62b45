// Our own reader for PLAIN sheet XML (issue 17, the lead's decision): SheetJS decodes the whole
// sheet as single-byte text, re-decodes every text cell as UTF-8, builds a cell object per cell and
// leaves most of a 100k-row import's garbage. This reader decodes the sheet once (TextDecoder),
// walks it with indexOf/charCodeAt and yields the rows sheetRows (read-xlsx.ts) would yield from
// SheetJS's parse with WORKBOOK_OPTIONS (dense, raw, no cell text, no dates): the same Excel row
// numbers, the same values and types, nulls for missing cells of a row and holes for a wide one.
//
// It reads only what it fully understands and GIVES UP (returns null, the sheet then goes through
// SheetJS as before) on anything else. The bail-outs, each checked below:
//  - bytes that are not valid UTF-8 (SheetJS's own decoder would patch them differently);
//  - a root element that is not the transitional <worksheet xmlns=".../spreadsheetml/2006/main">
//    (strict OOXML, namespace prefixes such as <x:c>), or no <sheetData>…</sheetData>;
//  - merged cells down one column (sheetRows copies them down from SheetJS's merge list; merges
//    across columns, titles mostly, it leaves alone and so does this reader), or a merge it cannot read;
//  - any element in the rows other than <row>, </row>, <c>, </c>, <v …>, <is>, <f …> (comments,
//    extLst, namespaced elements); a formula without its saved result <v>, an array formula;
//  - a cell without r, with an r that is not plain A1 form, out of order (each cell must come after
//    the one before, row by row) or with attributes other than r, s and t (cm, vm: rich values);
//  - cell types other than n, s, str, inlineStr and b (e: errors, d: ISO dates), a boolean other
//    than 0/1, a number with anything but digits, sign, point and exponent, a shared-string index
//    out of range, an empty <v/>;
//  - in texts: an entity other than &amp; &lt; &gt; &quot; &apos; (numeric ones decode differently
//    in SheetJS above U+FFFF, unknown ones oddly), an `_xHHHH_` escape (SheetJS decodes them), CDATA;
//  - shared strings with attributes on <si>, anything but <si> items in <sst>, rich text carrying
//    phonetic runs (<rPh>: SheetJS drops them), an empty <t/>, a namespaced <t>.
// Not a bail-out: 1904 dates and number formats. With cellDates false SheetJS keeps a date cell's
// serial number as it is written, whatever the date system or format, and so does this reader.
import type { CellValue, SheetRow } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 once, or null for bytes that are not UTF-8. A leading BOM is dropped. */
export function decodeXml(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const UNDERSCORE = 95;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

// A Map, not an object literal: "&constructor;" must not find Object.prototype's.
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * A text as SheetJS's unescapexml leaves it (the five named entities; CR LF → LF when `crlf`), or
 * null where SheetJS would do something this reader does not (other entities, _xHHHH_, CDATA).
 */
function unescapeText(s: string, crlf: boolean): string | null {
  let out = s;
  if (out.indexOf('&') >= 0) {
    let built = '';
    let from = 0;
    for (let i = out.indexOf('&'); i >= 0; i = out.indexOf('&', i + 1)) {
      const semi = out.indexOf(';', i);
      const value = semi > i ? ENTITIES.get(out.slice(i + 1, semi)) : undefined;
      if (value === undefined) return null;
      built += out.slice(from, i) + value;
      from = semi + 1;
      i = semi;
    }
    out = built + out.slice(from);
  }
  // _xHHHH_ (case-insensitive hex, as SheetJS's /_x([\da-fA-F]{4})_/ig).
  for (let i = out.indexOf('_'); i >= 0 && i + 6 < out.length; i = out.indexOf('_', i + 1)) {
    const x = out.charCodeAt(i + 1);
    if ((x === 120 || x === 88) && isHex(out.charCodeAt(i + 2)) && isHex(out.charCodeAt(i + 3)) && isHex(out.charCodeAt(i + 4)) && isHex(out.charCodeAt(i + 5)) && out.charCodeAt(i + 6) === UNDERSCORE) return null;
  }
  if (crlf && out.indexOf('\r') >= 0) out = out.replace(/\r\n/g, '\n');
  return out;
}

/** `<name` followed by '>', ' ' or '/' at `at`. */
function tagAt(xml: string, at: number, name: string): boolean {
  if (xml.charCodeAt(at) !== LT || !xml.startsWith(name, at + 1)) return false;
  const c = xml.charCodeAt(at + 1 + name.length);
  return c === GT || c === SLASH || isSpace(c);
}

/**
 * The text of a shared string (<si> content, trimmed) or inline string (<is> content) as SheetJS's
 * parse_si reads it, or null (see the bail-outs above). Undefined: SheetJS reads no text (its
 * cell then shows as '').
 */
function siText(x: string): string | null | undefined {
  if (x.length === 0) return '';
  let i = 0;
  while (i < x.length && isSpace(x.charCodeAt(i))) i++;
  if (tagAt(x, i, 't')) {
    // SheetJS takes the first <t>'s text and ignores what follows (phoneticPr, rPh).
    const gt = x.indexOf('>', i);
    if (gt < 0 || x.charCodeAt(gt - 1) === SLASH) return null;
    const end = x.indexOf('<', gt + 1);
    if (end < 0 || !x.startsWith('</t>', end)) return null;
    return unescapeText(x.slice(gt + 1, end), true);
  }
  if (x.indexOf('<r>') < 0 && x.indexOf('<r ') < 0) {
    // No run either: SheetJS reads nothing; a namespaced run (<x:r>) is not understood here.
    return x.indexOf(':') >= 0 ? null : undefined;
  }
  // Rich text: every <t> of every run joined; phonetic runs (dropped by SheetJS) are not read here.
  if (x.indexOf('<rPh') >= 0 || x.indexOf(':t') >= 0 || x.indexOf(':r') >= 0) return null;
  let joined = '';
  for (let t = x.indexOf('<t'); t >= 0; t = x.indexOf('<t', t + 2)) {
    if (!tagAt(x, t, 't')) continue;
    const gt = x.indexOf('>', t);
    if (gt < 0 || x.charCodeAt(gt - 1) === SLASH) return null;
    const end = x.indexOf('<', gt + 1);
    if (end < 0 || !x.startsWith('</t>', end)) return null;
    joined += x.slice(gt + 1, end);
    t = end;
  }
  return unescapeText(joined, true);
}

/** The shared strings (sharedStrings.xml decoded), or null when any is not plain (see above). */
export function readSharedStrings(xml: string): string[] | null {
  const open = xml.indexOf('<sst');
  if (open < 0 || !tagAt(xml, open, 'sst')) return null;
  const openEnd = xml.indexOf('>', open);
  if (openEnd < 0) return null;
  const out: string[] = [];
  if (xml.charCodeAt(openEnd - 1) === SLASH) return out;
  const close = xml.indexOf('</sst>', openEnd);
  if (close < 0) return null;
  let at = openEnd + 1;
  for (;;) {
    while (at < close && isSpace(xml.charCodeAt(at))) at++;
    if (at >= close) break;
    if (!xml.startsWith('<si>', at)) return null;
    const end = xml.indexOf('</si>', at + 4);
    if (end < 0 || end > close) return null;
    const text = siText(xml.slice(at + 4, end).trim());
    if (text === null) return null;
    out.push(text ?? '');
    at = end + 5;
  }
  return out;
}

const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Rows wider than this are sparse in sheetRows (holes, not nulls). */
const DENSE_WIDTH = 256;

/** Cell attributes: r (A1 reference), t (type); s (style) is read past. Null: anything else. */
interface CellTag {
  row: number;
  col: number;
  type: string;
  /** Index just past the tag's '>'. */
  end: number;
  selfClosing: boolean;
}

function readCellTag(xml: string, at: number): CellTag | null {
  const gt = xml.indexOf('>', at);
  if (gt < 0) return null;
  const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
  const stop = selfClosing ? gt - 1 : gt;
  let i = at + 2;
  let row = 0;
  let col = 0;
  let type = 'n';
  let hasRef = false;
  while (i < stop) {
    const c = xml.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= stop) return null;
    const name = xml.slice(i, eq);
    const quote = xml.charCodeAt(eq + 1);
    if (quote !== 34 && quote !== 39) return null;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", eq + 2);
    if (valueEnd < 0 || valueEnd >= stop) return null;
    if (name === 'r') {
      // Plain A1 form: 1–3 capital letters, then a row number without leading zeros.
      let k = eq + 2;
      while (k < valueEnd && xml.charCodeAt(k) >= 65 && xml.charCodeAt(k) <= 90) col = col * 26 + (xml.charCodeAt(k++) - 64);
      const letters = k - (eq + 2);
      if (letters < 1 || letters > 3 || k >= valueEnd || xml.charCodeAt(k) === 48) return null;
      for (; k < valueEnd; k++) {
        const d = xml.charCodeAt(k);
        if (d < 48 || d > 57) return null;
        row = row * 10 + (d - 48);
      }
      if (row > MAX_ROW || col > MAX_COL) return null;
      hasRef = true;
    } else if (name === 't') type = xml.slice(eq + 2, valueEnd);
    else if (name !== 's') return null;
    i = valueEnd + 1;
  }
  if (!hasRef) return null;
  return { row, col: col - 1, type, end: gt + 1, selfClosing };
}

/** A number's text as SheetJS parses it (parseFloat), or null for anything but digits, sign, point, exponent. */
function numberOf(text: string): number | null {
  if (text.length === 0 || text.length > 40) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 69 || c === 101)) return null;
  }
  return Number.parseFloat(text);
}

export interface PlainSheet {
  /** The rows sheetRows would yield from SheetJS's parse (Excel row numbers, values by column). */
  readonly rows: SheetRow[];
  /** The sheet's <dimension ref> when it has one (progress only). */
  readonly dimension: string | null;
}

/**
 * The rows of a plain sheet (its XML decoded once), or null when the sheet holds anything this
 * reader does not fully understand (see the bail-outs above). `shared`: the workbook's shared
 * strings (readSharedStrings), null when it has none or they are not plain.
 */
export function readPlainSheet(xml: string, shared: readonly string[] | null): PlainSheet | null {
  const root = xml.indexOf('<worksheet');
  if (root < 0 || !tagAt(xml, root, 'worksheet')) return null;
  const rootEnd = xml.indexOf('>', root);
  if (rootEnd < 0 || xml.slice(root, rootEnd).indexOf(MAIN_NS) < 0) return null;
  const open = xml.indexOf('<sheetData>', rootEnd);
  if (open < 0) return null;
  const start = open + '<sheetData>'.length;
  const close = xml.indexOf('</sheetData>', start);
  if (close < 0) return null;
  if (!mergesAcrossOnly(xml, close)) return null;
  const dim = /<dimension\s+ref="([^"]*)"/.exec(xml.slice(rootEnd, open));

  const rows: SheetRow[] = [];
  let cols: number[] = [];
  let values: CellValue[] = [];
  let curRow = 0;
  let lastCol = -1;
  const flush = () => {
    if (cols.length === 0) return;
    const width = (cols[cols.length - 1] as number) + 1;
    let cells: CellValue[];
    if (width <= DENSE_WIDTH) {
      cells = new Array<CellValue>(width).fill(null);
      for (let k = 0; k < cols.length; k++) cells[cols[k] as number] = values[k] as CellValue;
    } else {
      cells = [];
      for (let k = 0; k < cols.length; k++) cells[cols[k] as number] = values[k] as CellValue;
    }
    rows.push({ row: curRow, cells });
    cols = [];
    values = [];
  };

  let at = start;
  while (at < close) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 || lt >= close) break;
    for (let k = at; k < lt; k++) if (!isSpace(xml.charCodeAt(k))) return null;
    if (tagAt(xml, lt, 'c')) {
      const tag = readCellTag(xml, lt);
      if (!tag) return null;
      if (tag.row < curRow || (tag.row === curRow && tag.col <= lastCol)) return null;
      if (tag.row !== curRow) {
        flush();
        curRow = tag.row;
      }
      lastCol = tag.col;
      let v: string | undefined;
      let inline: string | undefined;
      let formula = false;
      let next = tag.end;
      if (!tag.selfClosing) {
        const end = xml.indexOf('</c>', tag.end);
        if (end < 0 || end > close) return null;
        // Children: <v>…</v> and <is>…</is> only.
        let k = tag.end;
        while (k < end) {
          const c = xml.charCodeAt(k);
          if (isSpace(c)) {
            k++;
            continue;
          }
          if (tagAt(xml, k, 'v')) {
            // <v> or <v xml:space="preserve"> (SheetJS reads past its attributes); not <v/>.
            const gt = xml.indexOf('>', k);
            if (gt < 0 || gt > end || xml.charCodeAt(gt - 1) === SLASH) return null;
            const ve = xml.indexOf('<', gt + 1);
            if (ve < 0 || !xml.startsWith('</v>', ve) || v !== undefined) return null;
            v = xml.slice(gt + 1, ve);
            k = ve + 4;
          } else if (tagAt(xml, k, 'f')) {
            // A formula: its saved result <v> is the value, as SheetJS reads it (a formula without
            // one never gets here: prepareXlsx leaves such sheets to SheetJS). An array formula
            // gives SheetJS's other cells in its range a value of 0 with cellFormula on: given up.
            const gt = xml.indexOf('>', k);
            if (gt < 0 || gt > end) return null;
            const tag = xml.slice(k, gt);
            if (tag.indexOf('array') >= 0) return null;
            if (xml.charCodeAt(gt - 1) === SLASH) k = gt + 1;
            else {
              const fe = xml.indexOf('</f>', gt);
              if (fe < 0 || fe > end) return null;
              k = fe + 4;
            }
            formula = true;
          } else if (xml.startsWith('<is>', k)) {
            const ie = xml.indexOf('</is>', k + 4);
            if (ie < 0 || ie > end || inline !== undefined) return null;
            inline = xml.slice(k + 4, ie);
            k = ie + 5;
          } else return null;
        }
        next = end + 4;
      }
      // A formula without its result (SheetJS: 0 with cellFormula on, nothing without): given up.
      if (formula && v === undefined) return null;
      const value = cellOf(tag.type, v, inline, shared);
      if (value === null) return null;
      if (value !== undefined) {
        cols.push(tag.col);
        values.push(value);
      }
      at = next;
    } else if (tagAt(xml, lt, 'row')) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return null;
      at = gt + 1;
    } else if (xml.startsWith('</row>', lt)) at = lt + 6;
    else return null;
  }
  flush();
  return { rows, dimension: dim?.[1] ?? null };
}

/** A1 reference → [row, column] (1-based), or null when not plain A1 form. */
function refOf(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * True when the sheet's merged cells (after `from`) are none, or only merges sheetRows leaves alone
 * (across columns: titles, grouped headers). A merge down one column (a name spanning contract
 * rows) is copied down by sheetRows from SheetJS's merge list: such a sheet goes through SheetJS.
 */
function mergesAcrossOnly(xml: string, from: number): boolean {
  for (let at = xml.indexOf('<mergeCell', from); at >= 0; at = xml.indexOf('<mergeCell', at + 10)) {
    if (xml.startsWith('<mergeCells', at)) continue;
    const gt = xml.indexOf('>', at);
    const m = /^<mergeCell\s+ref="([A-Z0-9]+):([A-Z0-9]+)"\s*\/>$/.exec(xml.slice(at, gt + 1));
    const s = m ? refOf(m[1] as string) : null;
    const e = m ? refOf(m[2] as string) : null;
    if (!s || !e) return false;
    if (s[1] === e[1] && s[0] !== e[0]) return false;
  }
  return true;
}

/** Marks a cell SheetJS stores nothing for (a number without a value, an empty shared-string cell). */
const NO_CELL = undefined;

/** A cell's value as SheetJS + cellValue give it; NO_CELL for none; null to give up. */
function cellOf(type: string, v: string | undefined, inline: string | undefined, shared: readonly string[] | null): CellValue | undefined | null {
  switch (type) {
    case 'n':
      if (inline !== undefined) return null;
      if (v === undefined || v === '') return NO_CELL;
      return numberOf(v);
    case 's': {
      if (inline !== undefined) return null;
      if (v === undefined || v === '') return NO_CELL;
      if (!shared || v.length > 9) return null;
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return null;
      const text = shared[Number(v)];
      return text === undefined ? null : text;
    }
    case 'str':
      // SheetJS unescapes a formula string's value twice (once as any <v>, once as text).
      if (inline !== undefined) return null;
      if (v === undefined || v === '') return '';
      if (v.indexOf('&') >= 0 || v.indexOf('_') >= 0) {
        const once = unescapeText(v, false);
        return once === null ? null : unescapeText(once, true);
      }
      return v.indexOf('\r') >= 0 ? v.replace(/\r\n/g, '\n') : v;
    case 'inlineStr': {
      if (inline === undefined) return '';
      const text = siText(inline);
      return text === undefined ? '' : text;
    }
    case 'b':
      if (inline !== undefined) return null;
      return v === '1' ? true : v === '0' ? false : null;
    default:
      return null;
  }
}
