// A sheet piece's rows as a few flat columns, for the trip from a piece worker to the import worker
// (issue 17). Posted as SheetRow objects, 50,000 rows of ~10 cells were cloned value by value on the
// piece worker's thread and rebuilt, all at once, on the import worker's, which is the thread the
// rest of the import waits for. Packed, the numbers and cell kinds are typed arrays handed over
// without a copy and the texts one joined string; the rows are unpacked one at a time as the
// validation reads them, so they die young. Unpacked rows equal the packed ones value for value
// (holes of a sparse wide row included).
import type { CellValue, SheetRow } from './types';

/** Cell kinds: a hole (a sparse wide row's missing cell), null, a number, a text, true, false. */
const HOLE = 0;
const NULL = 1;
const NUMBER = 2;
const TEXT = 3;
const TRUE = 4;
const FALSE = 5;

export interface PackedRows {
  readonly count: number;
  /** Excel row number of each row. */
  readonly rowNumbers: Uint32Array;
  /** Row i's cells are kinds[cellStarts[i] .. cellStarts[i + 1]). */
  readonly cellStarts: Uint32Array;
  readonly kinds: Uint8Array;
  /** The number cells' values, in order. */
  readonly numbers: Float64Array;
  /** The text cells' values joined (one string crosses as one copy). */
  readonly text: string;
  /** Where each text ends in it. */
  readonly textEnds: Uint32Array;
}

/**
 * The rows packed, or null when a row carries merged or formula columns (a split sheet has neither:
 * xlsx-split.ts refuses those sheets): such rows travel as objects.
 */
export function packSheetRows(rows: readonly SheetRow[]): PackedRows | null {
  // Sized first, so every column is one buffer of its own (transferable) with no growing.
  let cellCount = 0;
  let numberCount = 0;
  let textCount = 0;
  for (const r of rows) {
    if (r.merged || r.formulas) return null;
    const cells = r.cells;
    cellCount += cells.length;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'number') numberCount++;
      else if (typeof v === 'string') textCount++;
    }
  }
  const rowNumbers = new Uint32Array(rows.length);
  const cellStarts = new Uint32Array(rows.length + 1);
  const kinds = new Uint8Array(cellCount);
  const numbers = new Float64Array(numberCount);
  const textEnds = new Uint32Array(textCount);
  // One string per text cell joined once: a per-cell TextEncoder.encodeInto cost ~1 s in Chromium.
  const texts = new Array<string>(textCount);
  let k = 0;
  let n = 0;
  let t = 0;
  let units = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as SheetRow;
    rowNumbers[i] = r.row;
    const cells = r.cells;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string') {
        kinds[k++] = TEXT;
        texts[t] = v;
        units += v.length;
        textEnds[t++] = units;
      } else if (typeof v === 'number') {
        kinds[k++] = NUMBER;
        numbers[n++] = v;
      } else if (v === true) kinds[k++] = TRUE;
      else if (v === false) kinds[k++] = FALSE;
      else kinds[k++] = v === null || c in cells ? NULL : HOLE;
    }
    cellStarts[i + 1] = k;
  }
  return { count: rows.length, rowNumbers, cellStarts, kinds, numbers, text: texts.join(''), textEnds };
}

/** The typed arrays' buffers, to hand over with the message instead of copying them. */
export function packedBuffers(p: PackedRows): ArrayBuffer[] {
  return [p.rowNumbers, p.cellStarts, p.kinds, p.numbers, p.textEnds].map((a) => a.buffer as ArrayBuffer);
}

/** The Excel row number of the last row, or null for none. */
export function lastPackedRow(p: PackedRows): number | null {
  return p.count > 0 ? (p.rowNumbers[p.count - 1] as number) : null;
}

/** The rows again, one at a time (each pass makes new row arrays). */
export function* unpackSheetRows(p: PackedRows): Generator<SheetRow> {
  const { rowNumbers, cellStarts, kinds, numbers, text, textEnds } = p;
  let n = 0;
  let t = 0;
  let textAt = 0;
  for (let i = 0; i < p.count; i++) {
    const from = cellStarts[i] as number;
    const to = cellStarts[i + 1] as number;
    let sparse = false;
    for (let k = from; k < to; k++) if (kinds[k] === HOLE) sparse = true;
    const cells: CellValue[] = sparse ? [] : new Array<CellValue>(to - from);
    for (let k = from; k < to; k++) {
      switch (kinds[k]) {
        case NULL:
          cells[k - from] = null;
          break;
        case NUMBER:
          cells[k - from] = numbers[n++] as number;
          break;
        case TEXT: {
          const end = textEnds[t++] as number;
          cells[k - from] = text.slice(textAt, end);
          textAt = end;
          break;
        }
        case TRUE:
          cells[k - from] = true;
          break;
        case FALSE:
          cells[k - from] = false;
          break;
      }
    }
    yield { row: rowNumbers[i] as number, cells };
  }
}
