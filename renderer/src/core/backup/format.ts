// The file layout (see README.md for the full description and the reasons):
//   preamble  MAGIC(8) · formatVersion u16 BE · ~formatVersion u16 BE · headerLength u32 BE
//   header    UTF-8 JSON (BackupHeader) · SHA-256 of those header bytes (32)
//   frames    flags u8 · payloadLength u32 BE · payload   (repeated; the last has FLAG_FINAL)
// A frame's plaintext is kind u8 + content. Versions 2 and 3: ROWS = table index u16 BE + NDJSON length u32 BE
// + the NDJSON compressed (deflate-raw), TRAILER = JSON (+ a 32-byte seal when the header names a
// seal key); version 3 writes a row's long array of records as columns (block-columns.ts), version 2
// wrote it element by element (still read). Version 1 (still read): ROWS = table index u16 BE + NDJSON, TRAILER = JSON.
// Encrypted files carry AES-256-GCM ciphertext+tag as the payload instead of the plaintext.

/** "\x89CFBK\r\n\x1a": the high byte and CR LF catch text-mode transfers that would mangle the file. */
export const MAGIC = Uint8Array.of(0x89, 0x43, 0x46, 0x42, 0x4b, 0x0d, 0x0a, 0x1a);
export const FORMAT_NAME = 'chufei-workstation-backup' as const;
/** What this writer produces; a reader accepts every version from 1 up to this. */
export const FORMAT_VERSION = 3 as const;
export const BACKUP_FILE_EXTENSION = 'cfbak';

export const PREAMBLE_BYTES = MAGIC.length + 2 + 2 + 4;
export const HEADER_SHA_BYTES = 32;
export const FRAME_HEAD_BYTES = 5;
export const MAX_HEADER_BYTES = 1 << 20;
/** One frame holds whole rows; a single row (an attachment) may not exceed this once serialized. */
export const MAX_FRAME_PAYLOAD_BYTES = 128 * 1024 * 1024;
export const DEFAULT_TARGET_FRAME_BYTES = 1 << 20;

export const FLAG_FINAL = 0x01;
export const KIND_ROWS = 0x01;
export const KIND_TRAILER = 0x02;
/** Version 1: kind u8 + table index u16 BE before the NDJSON text. */
export const ROWS_PREFIX_BYTES = 3;
/** Version 2: kind u8 + table index u16 BE + NDJSON length u32 BE before the compressed NDJSON. */
export const ROWS_V2_PREFIX_BYTES = 7;
/**
 * Version 2 writes at most this much NDJSON per frame, so even incompressible text (deflate adds a
 * few bytes per 16 KiB) stays under the frame limit a reader enforces.
 */
export const MAX_ROWS_TEXT_BYTES = MAX_FRAME_PAYLOAD_BYTES - 1024 * 1024;
/** HMAC-SHA256 appended to a sealed trailer. */
export const SEAL_BYTES = 32;
export const MAX_TABLES = 0xffff;

export const PBKDF2_MIN_ITERATIONS = 600_000;
/** Upper bound a reader accepts, so a damaged or hostile header cannot hang the app in key derivation. */
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export function writeU16(view: DataView, at: number, value: number): void {
  view.setUint16(at, value, false);
}

export function encodePreamble(headerLength: number, version: number = FORMAT_VERSION): Uint8Array {
  const out = new Uint8Array(PREAMBLE_BYTES);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  writeU16(view, MAGIC.length, version);
  writeU16(view, MAGIC.length + 2, ~version & 0xffff);
  view.setUint32(MAGIC.length + 4, headerLength, false);
  return out;
}

export function encodeFrameHead(flags: number, payloadLength: number): Uint8Array {
  const out = new Uint8Array(FRAME_HEAD_BYTES);
  const view = new DataView(out.buffer);
  view.setUint8(0, flags);
  view.setUint32(1, payloadLength, false);
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
