// Writes a backup as a stream of chunks (one per frame) so a million creditors never sit in memory
// at once: rows are serialised into ~1 MiB frames, hashed incrementally, optionally encrypted, and
// handed to the caller, who writes them to a temp file, fsyncs and renames. If this generator throws,
// the chunks already produced are not a backup (no final frame) and must be discarded.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type BackupKey, encryptFrame, frameAad, frameIv, newEncryption } from './backup-crypto';
import { BackupWriteError } from './errors';
import {
  concatBytes,
  DEFAULT_TARGET_FRAME_BYTES,
  encodeFrameHead,
  encodePreamble,
  FLAG_FINAL,
  FORMAT_NAME,
  FORMAT_VERSION,
  KIND_ROWS,
  KIND_TRAILER,
  MAX_FRAME_PAYLOAD_BYTES,
  ROWS_PREFIX_BYTES,
} from './format';
import { type AuditChainHead, type BackupHeader, type BackupTrailer, headerSchema } from './header';
import { encodeRow, RowValueError } from './row-codec';
import { type BackupTableSource, checkWriteRequest, type WriteBackupOptions } from './write-options';

export type { BackupTableSource, WriteBackupOptions } from './write-options';

export interface BackupWriteSummary {
  readonly header: BackupHeader;
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly bodySha256: string;
  readonly frames: number;
  readonly bytes: number;
}

interface FrameSink {
  readonly headerSha: Uint8Array;
  readonly key: BackupKey | null;
  readonly baseIv: Uint8Array | null;
  readonly bodyHash: ReturnType<typeof sha256.create>;
  counter: number;
  bytes: number;
}

const encoder = new TextEncoder();

export async function* writeBackup(
  tables: readonly BackupTableSource[],
  options: WriteBackupOptions,
): AsyncGenerator<Uint8Array, BackupWriteSummary, undefined> {
  checkWriteRequest(tables, options);
  const head = options.auditChainHead;
  const encryption = options.passphrase === undefined ? null : await newEncryption(options.passphrase, options.pbkdf2Iterations);
  const header: BackupHeader = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    createdAt: new Date(options.createdAt ?? Date.now()).toISOString(),
    reason: options.reason ?? 'manual',
    tables: tables.map((t) => t.name),
    auditChainHead: head ? { table: head.table, seq: head.seq, hash: head.hash } : null,
    encryption: encryption?.params ?? null,
  };
  // The writer must never produce a header its own reader refuses (e.g. a year past 9999).
  const selfCheck = headerSchema.safeParse(header);
  if (!selfCheck.success) {
    throw new BackupWriteError('INVALID_OPTIONS', '备份文件头的内容无效（如备份时间超出范围），未写入任何数据。', selfCheck.error.message);
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  const headerSha = sha256(headerBytes);
  const sink: FrameSink = {
    headerSha,
    key: encryption?.key ?? null,
    baseIv: encryption?.baseIv ?? null,
    bodyHash: sha256.create(),
    counter: 0,
    bytes: 0,
  };
  const opening = concatBytes([encodePreamble(headerBytes.length), headerBytes, headerSha]);
  sink.bytes += opening.length;
  yield opening;

  const target = options.targetFrameBytes ?? DEFAULT_TARGET_FRAME_BYTES;
  const rowCounts: Record<string, number> = {};
  for (let index = 0; index < tables.length; index++) {
    const table = tables[index] as BackupTableSource;
    const auditHead = options.auditChainHead?.table === table.name ? options.auditChainHead : null;
    let lines: string[] = [];
    let chars = 0;
    let count = 0;
    let lastRow: unknown;
    for await (const row of table.rows) {
      count++;
      const line = encodeTableRow(row, table.name, count);
      if (chars > 0 && line.length >= target) {
        yield await sealFrame(sink, rowsPayload(index, lines, table.name, count - 1), 0);
        lines = [];
        chars = 0;
      }
      lines.push(line);
      chars += line.length + 1;
      if (chars >= target) {
        yield await sealFrame(sink, rowsPayload(index, lines, table.name, count), 0);
        lines = [];
        chars = 0;
      }
      lastRow = row;
    }
    if (lines.length > 0) yield await sealFrame(sink, rowsPayload(index, lines, table.name, count), 0);
    rowCounts[table.name] = count;
    if (auditHead) checkAuditHead(auditHead, count, lastRow);
  }

  const trailer: BackupTrailer = { rowCounts, bodySha256: bytesToHex(sink.bodyHash.digest()), frames: sink.counter };
  const trailerText = encoder.encode(JSON.stringify(trailer));
  const trailerPlain = new Uint8Array(1 + trailerText.length);
  trailerPlain[0] = KIND_TRAILER;
  trailerPlain.set(trailerText, 1);
  yield await sealFrame(sink, trailerPlain, FLAG_FINAL);
  return { header, rowCounts, bodySha256: trailer.bodySha256, frames: trailer.frames, bytes: sink.bytes };
}

function encodeTableRow(row: unknown, table: string, rowNumber: number): string {
  try {
    return encodeRow(row);
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

function rowsPayload(tableIndex: number, lines: readonly string[], table: string, lastRowNumber: number): Uint8Array {
  const text = encoder.encode(`${lines.join('\n')}\n`);
  if (text.length + ROWS_PREFIX_BYTES > MAX_FRAME_PAYLOAD_BYTES) {
    throw new BackupWriteError(
      'ROW_TOO_LARGE',
      `表“${table}”第 ${lastRowNumber} 行过大（约 ${Math.round(text.length / 1048576)} MiB），超过单行 ${MAX_FRAME_PAYLOAD_BYTES / 1048576} MiB 的上限。请拆分或移除该附件后重新备份。`,
      `row of ${text.length} bytes exceeds frame limit`,
    );
  }
  const payload = new Uint8Array(ROWS_PREFIX_BYTES + text.length);
  payload[0] = KIND_ROWS;
  payload[1] = tableIndex >>> 8;
  payload[2] = tableIndex & 0xff;
  payload.set(text, ROWS_PREFIX_BYTES);
  return payload;
}

async function sealFrame(sink: FrameSink, plain: Uint8Array, flags: number): Promise<Uint8Array> {
  if (flags === 0) {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, plain.length, false);
    sink.bodyHash.update(len);
    sink.bodyHash.update(plain);
  }
  const payload =
    sink.key && sink.baseIv
      ? await encryptFrame(sink.key, frameIv(sink.baseIv, sink.counter), frameAad(sink.headerSha, sink.counter, flags), plain)
      : plain;
  if (flags === 0) sink.counter++;
  const frame = concatBytes([encodeFrameHead(flags, payload.length), payload]);
  sink.bytes += frame.length;
  return frame;
}

function checkAuditHead(head: AuditChainHead, count: number, lastRow: unknown): void {
  const last = lastRow as { seq?: unknown; hash?: unknown } | undefined;
  const ok = count === 0 ? head.seq === 0 : last?.seq === head.seq && last?.hash === head.hash;
  if (!ok) {
    throw new BackupWriteError(
      'AUDIT_HEAD_MISMATCH',
      `审计日志表“${head.table}”的最后一条记录与给定的审计链头（第 ${head.seq} 条）不一致：备份期间数据库可能被修改。请重新备份。`,
      `audit head seq ${head.seq} does not match the last row written (${count} rows)`,
    );
  }
}
