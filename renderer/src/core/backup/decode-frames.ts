// The frame loop shared by inspection and restore: authenticates (encrypted) or hashes (plain) each
// frame, decodes every row, and checks the trailer against what was actually read. Nothing it yields
// may be kept unless the generator finishes normally: only then is the whole body verified.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptFrame, frameAad, frameIv } from './backup-crypto';
import type { ByteReader } from './byte-reader';
import { corrupted, truncated } from './errors';
import { FLAG_FINAL, FRAME_HEAD_BYTES, GCM_TAG_BYTES, KIND_ROWS, KIND_TRAILER, MAX_FRAME_PAYLOAD_BYTES, ROWS_PREFIX_BYTES } from './format';
import { type BackupTrailer, parseJsonWith, trailerSchema } from './header';
import type { OpenedBackup } from './open-backup';
import { decodeRow } from './row-codec';

export interface FrameRows {
  readonly table: string;
  readonly rows: unknown[];
}

export interface DecodedBody {
  readonly trailer: BackupTrailer;
  readonly byteLength: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function* decodeFrames(reader: ByteReader, opened: OpenedBackup): AsyncGenerator<FrameRows, DecodedBody, undefined> {
  const { header } = opened;
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
    const final = (flags & FLAG_FINAL) !== 0;
    if (final) {
      if (kind !== KIND_TRAILER) throw corrupted('文件尾', `final frame has kind ${kind}`);
      const trailer = checkTrailer(plain, counter, bodyHash.digest(), header.tables, counts);
      if (!(await reader.atEnd())) throw corrupted('文件末尾（结束标记之后还有多余数据）', `bytes after the final frame at ${reader.offset}`);
      return { trailer, byteLength: reader.offset };
    }
    if (kind !== KIND_ROWS || plain.length < ROWS_PREFIX_BYTES) throw corrupted(`第 ${frameNo} 个数据块`, `frame ${frameNo} has kind ${kind}`);
    const tableIndex = ((plain[1] ?? 0) << 8) | (plain[2] ?? 0);
    const table = header.tables[tableIndex];
    if (table === undefined || tableIndex < lastTable) throw corrupted(`第 ${frameNo} 个数据块（表序号）`, `frame ${frameNo}: table index ${tableIndex}`);
    lastTable = tableIndex;
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, plain.length, false);
    bodyHash.update(len);
    bodyHash.update(plain);
    const rows = decodeRows(plain, frameNo);
    counts[tableIndex] = (counts[tableIndex] ?? 0) + rows.length;
    counter++;
    yield { table, rows };
  }
}

function decodeRows(plain: Uint8Array, frameNo: number): unknown[] {
  let text: string;
  try {
    text = decoder.decode(plain.subarray(ROWS_PREFIX_BYTES));
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

function checkTrailer(
  plain: Uint8Array,
  frames: number,
  digest: Uint8Array,
  tables: readonly string[],
  counts: readonly number[],
): BackupTrailer {
  let text: string;
  try {
    text = decoder.decode(plain.subarray(1));
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
