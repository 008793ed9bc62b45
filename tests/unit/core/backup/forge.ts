// What a forger with the format's description and no key can do to a plain backup: change rows in a
// frame, compress again, and (optionally) recompute every hash the file carries (the body hash over
// the frame digests, the trailer; a header change gets its SHA-256 recomputed too). A sealed file keeps
// its old seal: the forger cannot compute a new one without the installation's key.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { deflateRaw, inflateRaw } from '../../../../renderer/src/core/backup/compression';
import {
  concatBytes,
  encodeFrameHead,
  encodePreamble,
  FLAG_FINAL,
  FRAME_HEAD_BYTES,
  HEADER_SHA_BYTES,
  KIND_TRAILER,
  PREAMBLE_BYTES,
  ROWS_V2_PREFIX_BYTES,
  SEAL_BYTES,
} from '../../../../renderer/src/core/backup/format';
import { frameDigest } from '../../../../renderer/src/core/backup/frame-digest';

export interface ForgeOptions {
  /** Changes the NDJSON lines of one frame (frame numbers from 0). */
  readonly editRows?: (frame: number, lines: string[]) => string[];
  /** Changes the parsed header (then its SHA-256 is recomputed). */
  readonly editHeader?: (header: Record<string, unknown>) => void;
  /** Recompute the body hash and the trailer; otherwise the old trailer is kept as it was. */
  readonly recomputeHashes: boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export async function forgePlainBackup(file: Uint8Array, options: ForgeOptions): Promise<Uint8Array> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = view.getUint32(12, false);
  const header = JSON.parse(dec.decode(file.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength))) as Record<string, unknown>;
  if (header.encryption !== null) throw new Error('a forger without the passphrase cannot rewrite an encrypted backup');
  const sealed = header.seal !== null;
  options.editHeader?.(header);
  let at = PREAMBLE_BYTES + headerLength + HEADER_SHA_BYTES;
  const frames: Uint8Array[] = [];
  const digests: Uint8Array[] = [];
  let trailer: Uint8Array | null = null;
  for (let n = 0; at < file.length; n++) {
    const flags = file[at] ?? 0;
    const length = view.getUint32(at + 1, false);
    const plain = file.subarray(at + FRAME_HEAD_BYTES, at + FRAME_HEAD_BYTES + length);
    at += FRAME_HEAD_BYTES + length;
    if (flags & FLAG_FINAL) {
      trailer = plain;
      break;
    }
    const textLength = new DataView(plain.buffer, plain.byteOffset).getUint32(3, false);
    const text = dec.decode((await inflateRaw(plain.subarray(ROWS_V2_PREFIX_BYTES), textLength)) ?? new Uint8Array());
    const lines = text.split('\n').slice(0, -1);
    const edited = options.editRows ? options.editRows(n, lines) : lines;
    const newText = enc.encode(`${edited.join('\n')}\n`);
    const prefix = plain.slice(0, ROWS_V2_PREFIX_BYTES);
    new DataView(prefix.buffer).setUint32(3, newText.length, false);
    const newPlain = concatBytes([prefix, await deflateRaw(newText)]);
    digests.push(await frameDigest(newPlain));
    frames.push(concatBytes([encodeFrameHead(0, newPlain.length), newPlain]));
  }
  if (!trailer) throw new Error('no trailer');
  if (options.recomputeHashes) {
    const json = JSON.parse(dec.decode(trailer.subarray(1, sealed ? trailer.length - SEAL_BYTES : trailer.length))) as Record<string, unknown>;
    json.bodySha256 = bytesToHex(sha256(concatBytes(digests)));
    const oldSeal = sealed ? trailer.subarray(trailer.length - SEAL_BYTES) : new Uint8Array(0);
    trailer = concatBytes([Uint8Array.of(KIND_TRAILER), enc.encode(JSON.stringify(json)), header.seal === null ? new Uint8Array(0) : oldSeal]);
  }
  const headerBytes = enc.encode(JSON.stringify(header));
  return concatBytes([
    encodePreamble(headerBytes.length),
    headerBytes,
    sha256(headerBytes),
    ...frames,
    encodeFrameHead(FLAG_FINAL, trailer.length),
    trailer,
  ]);
}
