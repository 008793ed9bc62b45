// Line breaking on the GB/T 9704 character grid, done by the engine itself so the PDF and the DOCX
// break in exactly the same places (the DOCX carries the breaks; see docx-writer.ts) and so that
// layout time is linear in the length of the text (pdfmake's own breaking was quadratic on very
// long unbroken text). Widths are counted in half cells: a character of GB 2312 or any other
// non-ASCII character takes one full cell (2), printable ASCII half a cell (1), as in 仿宋_GB2312.

/** Must not begin a line (行首禁则): closing punctuation, pauses, and the like. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉〗”’…—·％‰℃°′″,.;:?!)]}%']);
/** Must not end a line (行尾禁则): opening brackets and quotes. */
const NO_END = new Set([...'（《「『【〔〈〖“‘([{']);
/** ASCII that belongs to a number, code or account and never breaks from its neighbours. */
const UNBREAKABLE_ASCII = /[A-Za-z0-9.,\-/:@_%*#+=&~'"]/;

export function halfCells(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp < 0x7f ? 1 : 2;
}

export function widthInHalfCells(text: string): number {
  let w = 0;
  for (const ch of text) w += halfCells(ch);
  return w;
}

export interface GridLine {
  readonly text: string;
  /** Width in half cells. */
  readonly width: number;
}

interface Unit {
  text: string;
  width: number;
}

/**
 * Cuts text into units that never break inside: an ASCII run (a phone number, an account, an
 * amount), a doubled dash or ellipsis (——, ……), or one character; punctuation that may not start
 * a line joins the unit before it, punctuation that may not end a line joins the unit after it.
 */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  let prefix = '';
  let prefixWidth = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const w = halfCells(ch);
    const last = out[out.length - 1];
    if (NO_END.has(ch)) {
      prefix += ch;
      prefixWidth += w;
      continue;
    }
    if (NO_START.has(ch) && last && !prefix) {
      last.text += ch;
      last.width += w;
      continue;
    }
    let unit = ch;
    let width = w;
    if (UNBREAKABLE_ASCII.test(ch)) {
      while (i + 1 < chars.length && UNBREAKABLE_ASCII.test(chars[i + 1] ?? '')) {
        i++;
        unit += chars[i];
        width += 1;
      }
    } else if ((ch === '—' || ch === '…') && chars[i + 1] === ch) {
      i++;
      unit += ch;
      width += 2;
    }
    out.push({ text: prefix + unit, width: prefixWidth + width });
    prefix = '';
    prefixWidth = 0;
  }
  if (prefix) out.push({ text: prefix, width: prefixWidth });
  return out;
}

/**
 * Breaks `text` into lines of at most `lineWidth` half cells, the first line `firstIndent` half
 * cells shorter (the two-character indent of a paragraph; negative for a hanging indent, where
 * the first line is longer). A unit longer than a whole line is cut
 * at the cell boundary; lines are never stretched, so a unit moved down leaves the line short.
 */
export function breakLines(text: string, lineWidth: number, firstIndent = 0): GridLine[] {
  const lines: GridLine[] = [];
  let current = '';
  let width = 0;
  let room = lineWidth - firstIndent;
  const flush = () => {
    lines.push({ text: current, width });
    current = '';
    width = 0;
    room = lineWidth;
  };
  for (const u of units(text)) {
    if (width + u.width <= room) {
      current += u.text;
      width += u.width;
      continue;
    }
    if (u.width <= lineWidth && width > 0) {
      flush();
      current = u.text;
      width = u.width;
      continue;
    }
    // Longer than a line (or nothing before it): fill cell by cell.
    for (const ch of u.text) {
      const w = halfCells(ch);
      if (width + w > room && width > 0) flush();
      current += ch;
      width += w;
    }
  }
  if (current || lines.length === 0) lines.push({ text: current, width });
  return lines;
}
