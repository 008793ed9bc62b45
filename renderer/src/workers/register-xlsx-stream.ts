// The register as xlsx, written as it is read (issue 17), through the streamed workbook
// (core/xlsx/streamed-workbook.ts): a million creditors never exist as cells, as one sheet or as
// one file in memory, and the file's bytes are gathered into Blobs (the browser's blob store, not
// this worker's heap). SheetJS (the tests' reference, tests/unit/workers/register-sheet-reference.ts)
// builds the whole sheet and then the whole file in the heap: at 1,048,576 creditors that is more
// than a worker has.
//
// An xlsx sheet holds 1,048,576 rows including its header: past 1,048,575 creditors the list goes
// on in a second sheet (名单(2), …) with the same header; the public list's 序号 runs on.
import { BlobPieces } from '../core/xlsx/blob-pieces';
import { CELL_STYLE, continuedSheets, StreamedWorkbook, XLSX_MAX_ROWS, XLSX_MIME } from '../core/xlsx/streamed-workbook';
import type { StoredCreditor } from '../db/repositories/creditor-types';
import { FULL_HEADER, fullRow, PUBLIC_HEADER, publicRow } from './register-rows';

export interface RegisterXlsxOptions {
  readonly kind: 'full' | 'public';
  /** The first sheet's name; the next ones are `name(2)`, `name(3)`, … */
  readonly sheetName: string;
  /** Creditors the register holds: the workbook lists its sheets before the rows are written. */
  readonly total: number;
  /** Rows per sheet, header included (tests use a small one). */
  readonly maxRows?: number;
}

export interface RegisterXlsxFile {
  readonly file: Blob;
  /** SHA-256 of the file's bytes, hex (for the audit entry). */
  readonly hash: string;
  readonly rows: number;
  readonly sheetNames: readonly string[];
}

/** Columns stored as text: IDs, phones and accounts (Excel would show 3.71002E+17 and lose digits). */
const TEXT_COLUMNS = { full: [3, 4, 7], public: [2] } as const;
const MONEY_COLUMNS = { full: [9, 10, 11], public: [3] } as const;
/** Column widths in characters, so an 18-digit ID or a bank account shows whole. */
const WIDTHS = { full: [12, 24, 24, 22, 15, 36, 24, 24, 8, 16, 16, 18, 10, 12], public: [10, 24, 22, 18] } as const;

export class RegisterXlsxWriter {
  private readonly pieces = new BlobPieces();
  private readonly book: StreamedWorkbook;
  private readonly kind: 'full' | 'public';
  private readonly maxDataRows: number;
  private readonly names: string[];
  private readonly styles: Int8Array;
  private sheetIndex = 0;
  private written = 0;

  constructor(private readonly options: RegisterXlsxOptions) {
    const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
    this.kind = options.kind;
    this.maxDataRows = maxRows - 1;
    const header = options.kind === 'full' ? FULL_HEADER : PUBLIC_HEADER;
    // The public list (4 columns) is printed to be posted: across one page's width, header on every page.
    const sheets = continuedSheets(options.sheetName, options.total, header as readonly string[], WIDTHS[options.kind], maxRows, options.kind === 'public');
    this.names = sheets.map((s) => s.name);
    this.styles = new Int8Array(header.length);
    for (const c of TEXT_COLUMNS[options.kind]) this.styles[c] = CELL_STYLE.text;
    for (const c of MONEY_COLUMNS[options.kind]) this.styles[c] = CELL_STYLE.money;
    this.book = new StreamedWorkbook({ sheets, onData: this.pieces.push });
    this.book.startSheet();
  }

  /** Creditors written so far. */
  get count(): number {
    return this.written;
  }

  /** Writes the next creditors of the register, in register order. */
  add(creditors: readonly StoredCreditor[]): void {
    for (const c of creditors) {
      if (this.book.sheetDataRows === this.maxDataRows) {
        this.sheetIndex++;
        if (this.sheetIndex >= this.names.length) throw new Error(`导出期间名单人数有变化（多于开始时的 ${this.options.total} 人），请重新导出。`);
        this.book.startSheet();
      }
      this.written++;
      this.book.addRow(this.kind === 'full' ? fullRow(c) : publicRow(c, this.written), this.styles);
    }
  }

  /** The finished file; the writer takes no more creditors after. */
  finish(): RegisterXlsxFile {
    if (this.written !== this.options.total) throw new Error(`导出期间名单人数有变化（应为 ${this.options.total} 人，读到 ${this.written} 人），请重新导出。`);
    const hash = this.book.finish();
    return { file: this.pieces.blob(XLSX_MIME), hash, rows: this.written, sheetNames: this.names };
  }
}

