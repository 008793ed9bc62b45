// The width that fits the register's longest name, for the name column's double-click fit: a
// firm's name (a 集资参与人 may be an institution, 威海某某投资管理有限公司) then reads whole instead
// of "威海某某…". Worked out when asked, not on every load (one pass over a million names).
import type { TextColumn } from '../../../core/creditors/columnar-register';

/** The cell's font is 14 px; a CJK (full-width) character is 1 em, Latin letters and digits about 0.6 em. */
const FONT_PX = 14;
const NARROW_EM = 0.6;
/** Cell padding, left and right. */
const PADDING_PX = 12;
export const NAME_MIN_PX = 80;
/**
 * The fit stops at 16 字 (a district, a brand and 投资管理有限公司): a longer name ends in … and reads
 * whole on hover and in the creditor's panel, or the clerk drags the column wider (up to 480 px).
 */
export const NAME_MAX_PX = 16 * FONT_PX + PADDING_PX;
export const NAME_RESIZE_MAX_PX = 480;

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
