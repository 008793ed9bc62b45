// A large sheet's XML cut at row boundaries into standalone sheets, so SheetJS can parse the pieces
// on several threads (issue 17: the 100k-row import against SheetJS's own parse). Each piece is the
// sheet's head (everything before <sheetData>, so the dimension, views and styles are the same), a
// run of whole rows and the sheet's tail. SheetJS numbers a row by its r="…" attribute, or as the
// row before it plus one: a piece must therefore start with a row that says its number. Anything
// a piece would read differently from the whole sheet refuses the cut (null, the sheet is parsed
// whole): merged cells (they span rows, and the tail lists them for every piece), a namespace
// prefix on the elements, a first row without its number.

const enc = new TextEncoder();
const SHEET_DATA_OPEN = enc.encode('<sheetData>');
const SHEET_DATA_CLOSE = enc.encode('</sheetData>');
const ROW_CLOSE = enc.encode('</row>');
const ROW_OPEN = enc.encode('<row ');
const MERGE_CELL = enc.encode('<mergeCell');

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number, to = hay.length): number {
  const first = needle[0] as number;
  const last = to - needle.length;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0] as number;
  for (let i = hay.lastIndexOf(first); i >= 0; i = hay.lastIndexOf(first, i - 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** True when the row starting at `at` (after white space) is `<row …>` with an r attribute. */
function rowWithNumberAt(xml: Uint8Array, at: number): boolean {
  let i = at;
  while (isSpace(xml[i])) i++;
  for (let k = 0; k < ROW_OPEN.length; k++) if (xml[i + k] !== ROW_OPEN[k]) return false;
  const gt = xml.indexOf(0x3e, i);
  if (gt < 0) return false;
  const tag = new TextDecoder().decode(xml.subarray(i, gt));
  return /\sr\s*=\s*["']\d+["']/.test(tag);
}

/**
 * The sheet XML as `pieces` sheets of about equal size, in row order (the first holds the first
 * rows), or null when it cannot be cut without changing what SheetJS reads (see above).
 */
export function splitSheetXml(xml: Uint8Array, pieces: number): Uint8Array[] | null {
  if (pieces < 2) return null;
  const open = indexOfBytes(xml, SHEET_DATA_OPEN, 0);
  if (open < 0) return null;
  const rowsStart = open + SHEET_DATA_OPEN.length;
  const rowsEnd = lastIndexOfBytes(xml, SHEET_DATA_CLOSE);
  if (rowsEnd < rowsStart) return null;
  // Merged cells are listed after the rows; every piece would carry them.
  if (indexOfBytes(xml, MERGE_CELL, rowsEnd) >= 0) return null;
  const head = xml.subarray(0, rowsStart);
  const tail = xml.subarray(rowsEnd);
  const cuts = [rowsStart];
  for (let p = 1; p < pieces; p++) {
    const target = rowsStart + Math.floor(((rowsEnd - rowsStart) * p) / pieces);
    const close = indexOfBytes(xml, ROW_CLOSE, Math.max(target, cuts[cuts.length - 1] as number), rowsEnd);
    if (close < 0) break;
    const cut = close + ROW_CLOSE.length;
    if (cut >= rowsEnd) break;
    if (!rowWithNumberAt(xml, cut)) return null;
    cuts.push(cut);
  }
  if (cuts.length < 2) return null;
  cuts.push(rowsEnd);
  const out: Uint8Array[] = [];
  for (let p = 0; p + 1 < cuts.length; p++) {
    const rows = xml.subarray(cuts[p] as number, cuts[p + 1] as number);
    const piece = new Uint8Array(head.length + rows.length + tail.length);
    piece.set(head, 0);
    piece.set(rows, head.length);
    piece.set(tail, head.length + rows.length);
    out.push(piece);
  }
  return out;
}
