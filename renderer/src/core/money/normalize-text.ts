// Full-width forms (what Chinese IMEs and Word produce) folded to ASCII, so "３,０００．５０" and
// "3,000.50" parse alike. Only the ranges that occur in numbers, IDs and phones are folded.
const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Folds full-width ASCII (！-～) and the ideographic space to their ASCII forms. */
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function foldFullWidth(text: string): string {
  // Most cells have nothing to fold: answer without building a new string.
  if (!HAS_FULL_WIDTH.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) {
      out += String.fromCharCode(code - FULL_WIDTH_OFFSET);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Spaces of every kind a spreadsheet cell may carry: ASCII, no-break, ideographic, tabs, zero-width. */
export const ANY_SPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/** Removes every kind of space, anywhere in the text. */
export function removeSpaces(text: string): string {
  return text.replace(ANY_SPACE, '');
}
