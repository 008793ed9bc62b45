import { INVISIBLE_SOURCE, stripInvisible } from './invisible';
import type { CellValue } from './types';

/** The cell as text, trimmed; numbers in their shortest decimal form. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  return String(value);
}

/** Rows wider than this are sparse (a stray cell in column XFD): visit the cells that exist. */
const DENSE_WIDTH = 256;

/** Calls `visit` for each cell of a row that exists, in column order, without visiting holes. */
export function forEachCell(cells: readonly CellValue[], visit: (value: CellValue, col: number) => void): void {
  if (cells.length <= DENSE_WIDTH) {
    for (let c = 0; c < cells.length; c++) visit(cells[c] as CellValue, c);
    return;
  }
  for (const key of Object.keys(cells)) {
    const c = Number(key);
    if (Number.isInteger(c)) visit(cells[c] as CellValue, c);
  }
}

/** Columns of the cells that exist in any of the rows, ascending. */
export function cellColumns(...rows: ReadonlyArray<readonly CellValue[]>): number[] {
  if (rows.every((r) => r.length <= DENSE_WIDTH)) return Array.from({ length: Math.max(0, ...rows.map((r) => r.length)) }, (_, i) => i);
  const cols = new Set<number>();
  for (const r of rows) forEachCell(r, (_, c) => cols.add(c));
  return [...cols].sort((a, b) => a - b);
}

export function isEmptyCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

// Anything normalizeName would change; most names have none of it.
const NAME_CHANGES = new RegExp(`[\\s\\u00a0\\u3000•・‧∙]|${INVISIBLE_SOURCE}`);
// A space run beside one of these is not meant (张 三); between two Latin words it is (John Smith).
const CJK_SIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f·\ud800-\udfff]/;

/**
 * Person and firm names: invisible characters removed (see invisible.ts), middle-dot variants
 * unified, and spaces removed where a Chinese name would carry them by mistake (张 三, 张三　) but
 * kept, one at a time, between Latin words: "John  Smith" is stored as "John Smith", so the bank's
 * account name still matches.
 */
export function normalizeName(value: CellValue | undefined): string {
  const text = cellText(value);
  if (!NAME_CHANGES.test(text)) return text;
  const visible = stripInvisible(text).replace(/[•・‧∙]/g, '·');
  return visible
    .replace(/[\s\u00a0\u3000]+/g, (run: string, at: number, whole: string) => {
      const before = whole.charAt(at - 1);
      const after = whole.charAt(at + run.length);
      return before === '' || after === '' || CJK_SIDE.test(before) || CJK_SIDE.test(after) ? '' : ' ';
    });
}

/** Names compared for "same person": spaces and invisible characters do not count. */
export function nameKey(name: string): string {
  return stripInvisible(name).replace(/[\s\u00a0\u3000]+/g, '');
}

/** Free text (bank, address, note): trimmed, inner runs of spaces collapsed. */
export function cleanText(value: CellValue | undefined): string {
  return cellText(value).replace(/[\s\u00a0\u3000]+/g, ' ');
}

/** Text JSON takes between quotes as it is: no quote, backslash or control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON forbids unescaped.
const JSON_PLAIN = /^[^"\\\u0000-\u001f]*$/;

/**
 * A copy of a string that no longer points into the file text it was cut from. Engines keep a cut
 * (sliced) string's whole parent chunk alive; a million creditors would otherwise keep the entire
 * decoded file in memory. Short strings are copied by the engine anyway. JSON.parse makes a flat
 * string of its own, in one byte per character when the text allows (ID numbers, accounts): a cut of
 * a Chinese text keeps two bytes per digit, and the usual copy (' ' + s).slice(1) a slice header too
 * (an 18-digit ID: 96 bytes that way, 48 this way; ~130 bytes less per creditor in all). The page
 * reading the register gets the same one-byte strings from IndexedDB, and its search texts of IDs
 * and phones are then one byte per character too.
 */
export function detach(s: string): string {
  if (s.length < 8) return s;
  // From 8 characters (phones), a one-byte copy is smaller than the engine's own two-byte one.
  if (JSON_PLAIN.test(s)) return JSON.parse(`"${s}"`) as string;
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
