// A ROWS frame's plaintext (format version 2), shared by the backup writer and the exchange package's
// creditor-register frames: kind u8 · table index u16 BE · NDJSON length u32 BE · deflate-raw(NDJSON).
import { deflateRaw, inflateRaw } from './compression';
import { KIND_ROWS, MAX_FRAME_PAYLOAD_BYTES, ROWS_V2_PREFIX_BYTES } from './format';

export async function rowsFramePlain(tableIndex: number, text: Uint8Array): Promise<Uint8Array> {
  const compressed = await deflateRaw(text);
  const plain = new Uint8Array(ROWS_V2_PREFIX_BYTES + compressed.length);
  const view = new DataView(plain.buffer);
  view.setUint8(0, KIND_ROWS);
  view.setUint16(1, tableIndex, false);
  view.setUint32(3, text.length, false);
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
