// A ROWS frame's plaintext (format versions 2 and 3), shared by the backup writer and the exchange
// package's creditor-register frames: kind u8 · table index u16 BE · NDJSON length u32 BE ·
// deflate-raw(NDJSON). Both encode their rows with the same functions (encodeTableRow, rowsText), so a
// block of 1,000 creditors becomes the same columns (block-columns.ts) in a backup and in a package.
import { deflateRaw, inflateRaw } from './compression';
import { BackupWriteError } from './errors';
import { KIND_ROWS, MAX_FRAME_PAYLOAD_BYTES, MAX_ROWS_TEXT_BYTES, ROWS_V2_PREFIX_BYTES } from './format';
import { encodeRowPieces, RowValueError } from './row-codec';

const encoder = new TextEncoder();

/** A row's NDJSON line, whole or in pieces (encodeRowPieces). */
export type RowText = string | readonly string[];

export function rowTextLength(line: RowText): number {
  if (typeof line === 'string') return line.length;
  let n = 0;
  for (const piece of line) n += piece.length;
  return n;
}

export function encodeTableRow(row: unknown, table: string, rowNumber: number): RowText {
  try {
    return encodeRowPieces(row);
  } catch (e) {
    if (e instanceof RowValueError) {
      throw new BackupWriteError(
        'INVALID_ROW',
        `无法备份表“${table}”第 ${rowNumber} 行：字段 ${e.path} ${e.reason}。请修正该数据后重新备份。`,
        `table ${table} row ${rowNumber} at ${e.path}: ${e.reason}`,
      );
    }
    throw e;
  }
}

export function rowsText(lines: readonly RowText[], table: string, lastRowNumber: number): Uint8Array {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three, so the units bound the bytes both
  // ways. encodeInto into one buffer: Node's TextEncoder.encode of a joined text ran ~40 MB/s (6.8 s of
  // a million creditors' write), encodeInto of the same lines ~600 MB/s; the bytes are the same.
  let units = 0;
  for (const line of lines) units += rowTextLength(line) + 1;
  if (units > MAX_ROWS_TEXT_BYTES) throw rowTooLarge(table, lastRowNumber, units);
  const out = new Uint8Array(units * 3);
  let at = 0;
  for (const line of lines) {
    if (typeof line === 'string') at += encoder.encodeInto(line, out.subarray(at)).written;
    else for (const piece of line) at += encoder.encodeInto(piece, out.subarray(at)).written;
    out[at++] = 0x0a;
  }
  if (at > MAX_ROWS_TEXT_BYTES) throw rowTooLarge(table, lastRowNumber, at);
  return out.slice(0, at);
}

function rowTooLarge(table: string, lastRowNumber: number, bytes: number): BackupWriteError {
  return new BackupWriteError(
    'ROW_TOO_LARGE',
    `表“${table}”第 ${lastRowNumber} 行过大（约 ${Math.round(bytes / 1048576)} MiB），超过单行 ${MAX_ROWS_TEXT_BYTES / 1048576} MiB 的上限。请拆分或移除该附件后重新备份。`,
    `row of ${bytes} bytes exceeds frame limit`,
  );
}

export async function rowsFramePlain(tableIndex: number, text: Uint8Array, deflate: (text: Uint8Array) => Promise<Uint8Array> = deflateRaw): Promise<Uint8Array> {
  // Read before deflating: a deflater in a worker may take the text's buffer (transferred, not copied).
  const textLength = text.length;
  const compressed = await deflate(text);
  const plain = new Uint8Array(ROWS_V2_PREFIX_BYTES + compressed.length);
  const view = new DataView(plain.buffer);
  view.setUint8(0, KIND_ROWS);
  view.setUint16(1, tableIndex, false);
  view.setUint32(3, textLength, false);
  plain.set(compressed, ROWS_V2_PREFIX_BYTES);
  return plain;
}

/** The table index and NDJSON of a ROWS plaintext, or null when it is not one or does not inflate to its stated length. */
export async function readRowsFrame(plain: Uint8Array): Promise<{ readonly tableIndex: number; readonly text: Uint8Array } | null> {
  if (plain.length <= ROWS_V2_PREFIX_BYTES || plain[0] !== KIND_ROWS) return null;
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const length = view.getUint32(3, false);
  if (length === 0 || length > MAX_FRAME_PAYLOAD_BYTES) return null;
  const text = await inflateRaw(plain.subarray(ROWS_V2_PREFIX_BYTES), length);
  return text ? { tableIndex: view.getUint16(1, false), text } : null;
}
