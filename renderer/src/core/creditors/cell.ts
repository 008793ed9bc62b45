import type { CellValue } from './types';

/** The cell as text, trimmed; numbers in their shortest decimal form. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  return String(value);
}

export function isEmptyCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return false;
}

// Anything normalizeName would change; most names have none of it.
const NAME_CHANGES = /[\s\u00a0\u3000\ufeff•・‧∙]/;

/** Person names: every space removed (including the ideographic space); variants of the middle dot unified. */
export function normalizeName(value: CellValue | undefined): string {
  const text = cellText(value);
  if (!NAME_CHANGES.test(text)) return text;
  return text
    .replace(/[\s\u00a0\u3000\ufeff]+/g, '')
    .replace(/[•・‧∙]/g, '·');
}

/** Free text (bank, address, note): trimmed, inner runs of spaces collapsed. */
export function cleanText(value: CellValue | undefined): string {
  return cellText(value).replace(/[\s\u00a0\u3000]+/g, ' ');
}

/**
 * A copy of a string that no longer points into the file text it was cut from. Engines keep a cut
 * (sliced) string's whole parent chunk alive; a million creditors would otherwise keep the entire
 * decoded file in memory. Short strings are copied by the engine anyway.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}
