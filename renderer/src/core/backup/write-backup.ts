// Writes a backup as a stream of chunks (one per frame) so a million creditors never sit in memory
// at once: rows are serialised into ~1 MiB frames, each compressed on its own, hashed, optionally
// encrypted, and handed to the caller, who writes them to a temp file, fsyncs and renames. While one
// frame is compressed (natively, off this thread where the platform can) the next is serialised; at
// most two frames are in flight. If this generator throws, the chunks already produced are not a
// backup (no final frame) and must be discarded.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type BackupKey, encryptFrame, frameAad, frameIv, newEncryption } from './backup-crypto';
import { deflateRaw } from './compression';
import { BackupWriteError } from './errors';
import {
  concatBytes,
  DEFAULT_TARGET_FRAME_BYTES,
  encodeFrameHead,
  encodePreamble,
  FLAG_FINAL,
  FORMAT_NAME,
  FORMAT_VERSION,
  KIND_TRAILER,
} from './format';
import { frameDigest } from './frame-digest';
import { type AuditChainHead, type BackupHeader, type BackupTrailer, headerV3Schema } from './header';
import { encodeTableRow, type RowText, rowsFramePlain, rowsText, rowTextLength } from './rows-frame';
import { computeSeal } from './seal';
import { type BackupTableSource, checkWriteRequest, type FrameDeflater, type WriteBackupOptions } from './write-options';

export type { BackupTableSource, FrameDeflater, WriteBackupOptions } from './write-options';

export interface BackupWriteSummary {
  readonly header: BackupHeader;
  /** SHA-256 of the header bytes: names this backup (the restore's audit entry records it). */
  readonly headerSha256: string;
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly bodySha256: string;
  readonly frames: number;
  readonly bytes: number;
  /** Bytes of NDJSON before compression (the file is `bytes`). */
  readonly uncompressedBytes: number;
}

interface FrameSink {
  readonly headerSha: Uint8Array;
  readonly key: BackupKey | null;
  readonly baseIv: Uint8Array | null;
  counter: number;
}

interface SealedFrame {
  readonly bytes: Uint8Array;
  readonly digest: Uint8Array;
}

/** Frames being compressed/encrypted while the next is serialised (framesInFlight overrides it). */
const IN_FLIGHT = 2;
const encoder = new TextEncoder();

export async function* writeBackup(
  tables: readonly BackupTableSource[],
  options: WriteBackupOptions,
): AsyncGenerator<Uint8Array, BackupWriteSummary, undefined> {
  checkWriteRequest(tables, options);
  const head = options.auditChainHead;
  const encryption = options.passphrase === undefined ? null : await newEncryption(options.passphrase, options.pbkdf2Iterations);
  const header: BackupHeader & { readonly compression: 'deflate-raw' } = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    createdAt: new Date(options.createdAt ?? Date.now()).toISOString(),
    reason: options.reason ?? 'manual',
    tables: tables.map((t) => t.name),
    auditChainHead: head ? { table: head.table, seq: head.seq, hash: head.hash } : null,
    ...(options.auditAnchor !== undefined ? { auditAnchor: options.auditAnchor && { seq: options.auditAnchor.seq, hash: options.auditAnchor.hash, firstHash: options.auditAnchor.firstHash } } : {}),
    encryption: encryption?.params ?? null,
    compression: 'deflate-raw' as const,
    seal: options.sealKey ? { algorithm: 'HMAC-SHA256' as const, keyId: options.sealKey.keyId } : null,
  };
  // The writer must never produce a header its own reader refuses (e.g. a year past 9999).
  const selfCheck = headerV3Schema.safeParse(header);
  if (!selfCheck.success) {
    throw new BackupWriteError('INVALID_OPTIONS', '备份文件头的内容无效（如备份时间超出范围），未写入任何数据。', selfCheck.error.message);
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  const headerSha = sha256(headerBytes);
  const sink: FrameSink = { headerSha, key: encryption?.key ?? null, baseIv: encryption?.baseIv ?? null, counter: 0 };
  const bodyHash = sha256.create();
  let bytes = 0;
  let uncompressedBytes = 0;
  const opening = concatBytes([encodePreamble(headerBytes.length), headerBytes, headerSha]);
  bytes += opening.length;
  yield opening;

  const pending: Promise<SealedFrame>[] = [];
  const deflate = options.deflate ?? deflateRaw;
  const inFlight = Math.max(1, Math.min(16, Math.floor(options.framesInFlight ?? IN_FLIGHT)));
  const start = (tableIndex: number, lines: readonly RowText[], table: string, lastRowNumber: number) => {
    const text = rowsText(lines, table, lastRowNumber);
    uncompressedBytes += text.length;
    // text is not read after this: a deflater in a worker may take its buffer.
    const frame = sealRowsFrame(sink, sink.counter++, tableIndex, text, deflate);
    // Awaited in order below; this only keeps a failure from being reported as unhandled meanwhile.
    frame.catch(() => undefined);
    pending.push(frame);
  };
  const target = options.targetFrameBytes ?? DEFAULT_TARGET_FRAME_BYTES;
  const rowCounts: Record<string, number> = {};
  for (let index = 0; index < tables.length; index++) {
    const table = tables[index] as BackupTableSource;
    const auditHead = options.auditChainHead?.table === table.name ? options.auditChainHead : null;
    let lines: RowText[] = [];
    let chars = 0;
    let count = 0;
    let lastRow: unknown;
    for await (const row of table.rows) {
      count++;
      const line = encodeTableRow(row, table.name, count);
      const length = rowTextLength(line);
      if (chars > 0 && length >= target) {
        start(index, lines, table.name, count - 1);
        lines = [];
        chars = 0;
      }
      lines.push(line);
      chars += length + 1;
      if (chars >= target) {
        start(index, lines, table.name, count);
        lines = [];
        chars = 0;
      }
      lastRow = row;
      while (pending.length >= inFlight) {
        const done = await (pending.shift() as Promise<SealedFrame>);
        bodyHash.update(done.digest);
        bytes += done.bytes.length;
        yield done.bytes;
      }
    }
    if (lines.length > 0) start(index, lines, table.name, count);
    rowCounts[table.name] = count;
    if (auditHead) checkAuditHead(auditHead, count, lastRow);
  }
  for (const frame of pending.splice(0)) {
    const done = await frame;
    bodyHash.update(done.digest);
    bytes += done.bytes.length;
    yield done.bytes;
  }

  const trailer: BackupTrailer = { rowCounts, bodySha256: bytesToHex(bodyHash.digest()), frames: sink.counter };
  const trailerJson = encoder.encode(JSON.stringify(trailer));
  const seal = options.sealKey ? await computeSeal(options.sealKey, headerSha, trailerJson) : new Uint8Array(0);
  const trailerPlain = concatBytes([Uint8Array.of(KIND_TRAILER), trailerJson, seal]);
  const last = await encodeFrame(sink, sink.counter, trailerPlain, FLAG_FINAL);
  bytes += last.length;
  yield last;
  return {
    header,
    headerSha256: bytesToHex(headerSha),
    rowCounts,
    bodySha256: trailer.bodySha256,
    frames: trailer.frames,
    bytes,
    uncompressedBytes,
  };
}

/** ROWS plaintext (rows-frame.ts), hashed and sealed. */
async function sealRowsFrame(sink: FrameSink, counter: number, tableIndex: number, text: Uint8Array, deflate: FrameDeflater): Promise<SealedFrame> {
  const plain = await rowsFramePlain(tableIndex, text, deflate);
  const [digest, bytes] = await Promise.all([frameDigest(plain), encodeFrame(sink, counter, plain, 0)]);
  return { bytes, digest };
}

async function encodeFrame(sink: FrameSink, counter: number, plain: Uint8Array, flags: number): Promise<Uint8Array> {
  const payload =
    sink.key && sink.baseIv ? await encryptFrame(sink.key, frameIv(sink.baseIv, counter), frameAad(sink.headerSha, counter, flags), plain) : plain;
  return concatBytes([encodeFrameHead(flags, payload.length), payload]);
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
