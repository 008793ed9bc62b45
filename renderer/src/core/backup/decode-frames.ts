// The frame loop shared by inspection and restore: authenticates (encrypted) or hashes (plain) each
// frame, inflates it (format version 2), decodes every row, and checks the trailer against what was
// actually read, then the seal. Nothing it yields may be kept unless the generator finishes normally:
// only then is the whole body verified.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptFrame, frameAad, frameIv } from './backup-crypto';
import type { ByteReader } from './byte-reader';
import { inflateRaw } from './compression';
import { corrupted, tampered, truncated } from './errors';
import {
  FLAG_FINAL,
  FRAME_HEAD_BYTES,
  GCM_TAG_BYTES,
  KIND_ROWS,
  KIND_TRAILER,
  MAX_FRAME_PAYLOAD_BYTES,
  ROWS_PREFIX_BYTES,
  ROWS_V2_PREFIX_BYTES,
  SEAL_BYTES,
} from './format';
import { frameDigest } from './frame-digest';
import { type BackupTrailer, parseJsonWith, trailerSchema } from './header';
import type { OpenedBackup } from './open-backup';
import { decodeRow } from './row-codec';
import { type BackupSealKey, type BackupSealReport, checkSeal } from './seal';

export interface FrameRows {
  readonly table: string;
  readonly rows: unknown[];
}

export interface DecodedBody {
  readonly trailer: BackupTrailer;
  readonly byteLength: number;
  readonly seal: BackupSealReport;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

type BodyHash = ReturnType<typeof sha256.create>;

export async function* decodeFrames(
  reader: ByteReader,
  opened: OpenedBackup,
  sealKey?: BackupSealKey,
): AsyncGenerator<FrameRows, DecodedBody, undefined> {
  const { header } = opened;
  const v2 = header.formatVersion >= 2;
  const bodyHash = sha256.create();
  const counts = new Array<number>(header.tables.length).fill(0);
  const overhead = opened.key ? GCM_TAG_BYTES : 0;
  let counter = 0;
  let lastTable = 0;
  for (;;) {
    const frameNo = counter + 1;
    const head = await reader.read(FRAME_HEAD_BYTES);
    if (!head.ok) throw truncated(reader.offset, `file ends before frame ${frameNo} (no final frame)`);
    const flags = head.bytes[0] ?? 0;
    const length = new DataView(head.bytes.buffer, head.bytes.byteOffset, FRAME_HEAD_BYTES).getUint32(1, false);
    if ((flags & ~FLAG_FINAL) !== 0 || length < 1 + overhead || length > MAX_FRAME_PAYLOAD_BYTES + overhead) {
      throw corrupted(`第 ${frameNo} 个数据块的块头`, `frame ${frameNo}: flags ${flags}, length ${length}`);
    }
    const body = await reader.read(length);
    if (!body.ok) throw truncated(reader.offset, `file ends inside frame ${frameNo}`);
    let plain = body.bytes;
    if (opened.key && opened.baseIv) {
      const decrypted = await decryptFrame(opened.key, frameIv(opened.baseIv, counter), frameAad(opened.headerSha, counter, flags), plain);
      if (!decrypted) throw corrupted(`第 ${frameNo} 个数据块（加密认证）`, `frame ${frameNo} fails AES-GCM authentication`);
      plain = decrypted;
    }
    const kind = plain[0];
    if ((flags & FLAG_FINAL) !== 0) {
      if (kind !== KIND_TRAILER) throw corrupted('文件尾', `final frame has kind ${kind}`);
      const sealed = header.seal !== null;
      if (sealed && plain.length < 1 + SEAL_BYTES) throw corrupted('文件尾（签名）', 'trailer too short for its seal');
      const json = plain.subarray(1, sealed ? plain.length - SEAL_BYTES : plain.length);
      const trailer = checkTrailer(json, counter, bodyHash.digest(), header.tables, counts);
      if (!(await reader.atEnd())) throw corrupted('文件末尾（结束标记之后还有多余数据）', `bytes after the final frame at ${reader.offset}`);
      const seal = await checkFileSeal(opened, json, plain.subarray(plain.length - SEAL_BYTES), sealKey);
      return { trailer, byteLength: reader.offset, seal };
    }
    if (kind !== KIND_ROWS || plain.length < (v2 ? ROWS_V2_PREFIX_BYTES + 1 : ROWS_PREFIX_BYTES)) {
      throw corrupted(`第 ${frameNo} 个数据块`, `frame ${frameNo} has kind ${kind}`);
    }
    const tableIndex = ((plain[1] ?? 0) << 8) | (plain[2] ?? 0);
    const table = header.tables[tableIndex];
    if (table === undefined || tableIndex < lastTable) throw corrupted(`第 ${frameNo} 个数据块（表序号）`, `frame ${frameNo}: table index ${tableIndex}`);
    lastTable = tableIndex;
    const text = v2 ? await inflateFrame(plain, frameNo, bodyHash) : hashV1Frame(plain, bodyHash);
    const rows = decodeRows(text, frameNo);
    counts[tableIndex] = (counts[tableIndex] ?? 0) + rows.length;
    counter++;
    yield { table, rows };
  }
}

/** Version 1: the body hash runs over every frame's plaintext, each preceded by its length. */
function hashV1Frame(plain: Uint8Array, bodyHash: BodyHash): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, plain.length, false);
  bodyHash.update(len);
  bodyHash.update(plain);
  return plain.subarray(ROWS_PREFIX_BYTES);
}

/** Version 2: the body hash runs over each frame's SHA-256; the NDJSON is inflated to its stated length. */
async function inflateFrame(plain: Uint8Array, frameNo: number, bodyHash: BodyHash): Promise<Uint8Array> {
  const textLength = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(3, false);
  if (textLength === 0 || textLength > MAX_FRAME_PAYLOAD_BYTES) {
    throw corrupted(`第 ${frameNo} 个数据块（长度）`, `frame ${frameNo}: stated NDJSON length ${textLength}`);
  }
  const [digest, text] = await Promise.all([frameDigest(plain), inflateRaw(plain.subarray(ROWS_V2_PREFIX_BYTES), textLength)]);
  bodyHash.update(digest);
  if (!text) throw corrupted(`第 ${frameNo} 个数据块（压缩数据）`, `frame ${frameNo} does not inflate to ${textLength} bytes`);
  return text;
}

function decodeRows(bytes: Uint8Array, frameNo: number): unknown[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw corrupted(`第 ${frameNo} 个数据块（文字编码）`, `frame ${frameNo} is not UTF-8`);
  }
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length === 0) throw corrupted(`第 ${frameNo} 个数据块`, `frame ${frameNo} does not end with a newline`);
  const rows = new Array<unknown>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    try {
      rows[i] = decodeRow(lines[i] as string);
    } catch (e) {
      throw corrupted(`第 ${frameNo} 个数据块第 ${i + 1} 行`, `frame ${frameNo} line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return rows;
}

function checkTrailer(json: Uint8Array, frames: number, digest: Uint8Array, tables: readonly string[], counts: readonly number[]): BackupTrailer {
  let text: string;
  try {
    text = decoder.decode(json);
  } catch {
    throw corrupted('文件尾', 'trailer is not UTF-8');
  }
  const parsed = parseJsonWith(trailerSchema, text);
  if (!parsed.ok) throw corrupted('文件尾', `trailer invalid: ${parsed.reason}`);
  const trailer = parsed.value;
  if (trailer.frames !== frames) throw corrupted('数据块数量', `trailer says ${trailer.frames} frames, read ${frames}`);
  if (trailer.bodySha256 !== bytesToHex(digest)) throw corrupted('数据内容（SHA-256）', 'body SHA-256 mismatch');
  const names = Object.keys(trailer.rowCounts);
  if (names.length !== tables.length || tables.some((t) => !Object.hasOwn(trailer.rowCounts, t))) {
    throw corrupted('文件尾（表清单）', 'trailer tables differ from header tables');
  }
  tables.forEach((t, i) => {
    if (trailer.rowCounts[t] !== counts[i]) {
      throw corrupted(`表“${t}”的行数`, `table ${t}: trailer says ${trailer.rowCounts[t]}, read ${counts[i]}`);
    }
  });
  return trailer;
}

async function checkFileSeal(opened: OpenedBackup, json: Uint8Array, mac: Uint8Array, key: BackupSealKey | undefined): Promise<BackupSealReport> {
  const seal = opened.header.seal;
  if (seal === null) return { status: 'unsealed' };
  if (!key) return { status: 'not-checked', keyId: seal.keyId };
  if (key.keyId !== seal.keyId) return { status: 'other-key', keyId: seal.keyId };
  if (!(await checkSeal(key, opened.headerSha, json, mac))) throw tampered(`seal does not verify under key ${seal.keyId}`);
  return { status: 'valid', keyId: seal.keyId };
}
