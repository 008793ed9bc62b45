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
  /** The text cells' values joined, each ending at its textEnds entry. */
  readonly text: string;
  readonly textEnds: Uint32Array;
}

class Grow<T extends Uint8Array | Uint32Array | Float64Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.array.length) {
      const next = this.make(this.array.length * 2);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = value;
  }
  /** The values pushed, in a buffer of their own (so it can be transferred). */
  done(): T {
    return this.array.slice(0, this.length) as T;
  }
}

/**
 * The rows packed, or null when a row carries merged or formula columns (a split sheet has neither:
 * xlsx-split.ts refuses those sheets; such rows then travel as objects).
 */
export function packSheetRows(rows: Iterable<SheetRow>): PackedRows | null {
  const rowNumbers = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
  const cellStarts = new Grow(new Uint32Array(1024), (n) => new Uint32Array(n));
  const kinds = new Grow(new Uint8Array(16384), (n) => new Uint8Array(n));
  const numbers = new Grow(new Float64Array(4096), (n) => new Float64Array(n));
  const textEnds = new Grow(new Uint32Array(8192), (n) => new Uint32Array(n));
  const texts: string[] = [];
  let textLength = 0;
  cellStarts.push(0);
  for (const r of rows) {
    if (r.merged || r.formulas) return null;
    rowNumbers.push(r.row);
    const cells = r.cells;
    for (let c = 0; c < cells.length; c++) {
      if (!(c in cells)) {
        kinds.push(HOLE);
        continue;
      }
      const v: CellValue | undefined = cells[c];
      if (v === null || v === undefined) kinds.push(NULL);
      else if (typeof v === 'number') {
        kinds.push(NUMBER);
        numbers.push(v);
      } else if (typeof v === 'string') {
        kinds.push(TEXT);
        texts.push(v);
        textLength += v.length;
        textEnds.push(textLength);
      } else kinds.push(v ? TRUE : FALSE);
    }
    cellStarts.push(kinds.length);
  }
  return {
    count: rowNumbers.length,
    rowNumbers: rowNumbers.done(),
    cellStarts: cellStarts.done(),
    kinds: kinds.done(),
    numbers: numbers.done(),
    text: texts.join(''),
    textEnds: textEnds.done(),
  };
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
