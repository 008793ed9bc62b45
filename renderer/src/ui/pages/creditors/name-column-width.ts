// How wide the register's name column is: wide enough for the longest name in the register, so a
// firm's name (a 集资参与人 may be an institution, 威海某某投资管理有限公司) reads whole instead of
// "威海某某…". Persons' names (2–4 字) keep the narrow column, so the other columns stay in view.
import type { TextColumn } from '../../../core/creditors/columnar-register';

/** The cell's font is 14 px; a CJK (full-width) character is 1 em, Latin letters and digits about 0.6 em. */
const FONT_PX = 14;
const NARROW_EM = 0.6;
/** Cell padding, left and right. */
const PADDING_PX = 12;
export const NAME_MIN_PX = 80;
/**
 * 16 字 (a district, a brand and 投资管理有限公司): past that the name ends in … and reads whole on hover
 * and in the creditor's panel. At 1366 px such a register scrolls sideways by a column (the name
 * stays at the left edge meanwhile); names up to 10 字 keep every column in view there.
 */
export const NAME_MAX_PX = 16 * FONT_PX + PADDING_PX;

/** Width in em of one name: full-width characters 1, the rest 0.6. */
function nameEm(text: string, from: number, to: number): number {
  let em = 0;
  for (let i = from; i < to; i++) em += text.charCodeAt(i) >= 0x2e80 ? 1 : NARROW_EM;
  return em;
}

/** The name column's width in px for a register's names (one pass; a name can be no wider than its length in em). */
export function nameColumnWidth(names: TextColumn, count: number): number {
  const cap = (NAME_MAX_PX - PADDING_PX) / FONT_PX;
  let widest = 0;
  for (let i = 0; i < count && widest < cap; i++) {
    // Entry i is text.slice(starts[i], starts[i + 1] - 1) (a "\n" before each entry).
    const from = names.starts[i] as number;
    const to = (names.starts[i + 1] as number) - 1;
    if (to - from > widest) widest = Math.max(widest, nameEm(names.text, from, to));
  }
  return Math.round(Math.min(NAME_MAX_PX, Math.max(NAME_MIN_PX, widest * FONT_PX + PADDING_PX)));
}
