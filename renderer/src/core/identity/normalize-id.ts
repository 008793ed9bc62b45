import { foldFullWidth, removeSpaces } from '../money/normalize-text';

/** A cell as it arrives from a spreadsheet: text, or a number when Excel stored the column as numbers. */
export type IdCellValue = string | number;

/**
 * ID-like text as people and Excel produce it, folded to its canonical form: full-width digits and
 * letters to ASCII, every space removed, the apostrophe Excel users type to force text dropped,
 * letters upper-cased (the check character "x" → "X").
 */
// Already canonical (the usual cell): nothing to fold, strip or upper-case.
const CANONICAL_ID = /^[0-9A-Z]+$/;

export function normalizeIdText(raw: string): string {
  if (CANONICAL_ID.test(raw)) return raw;
  let s = removeSpaces(foldFullWidth(raw));
  s = s.replace(/^['‘’`]+/, '');
  return s.toUpperCase();
}

// "3.71002E+17", "6.22202e18": what a long number looks like after Excel showed it in General format.
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

/** True when the text is a number in scientific notation, i.e. Excel already rounded it. */
export function looksLikeScientificNotation(normalized: string): boolean {
  return SCIENTIFIC.test(normalized);
}

/**
 * How Excel shows a long number in a General-format cell (6 significant digits, "3.71002E+17"),
 * so the message quotes what the user sees on screen.
 */
export function excelGeneralDisplay(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e11 && Number.isInteger(n)) return String(n);
  const [mantissa = '', exp = '0'] = n.toExponential(5).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const e = Number(exp);
  return `${trimmed}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
