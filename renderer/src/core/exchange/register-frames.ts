// Creditor registers travel after the package's JSON body as the backup's frames: 1,000 creditors to a
// frame, encoded as the backup encodes a creditor block (package format 3: one line holding the
// 1,000 as columns, by the backup writer's own encodeTableRow and rowsText; format 2 wrote one NDJSON
// line per creditor, still read), compressed on its own (rows-frame.ts) and AES-256-GCM encrypted
// when the package is (frameIv/frameAad of the backup, the body's key). Each register has a
// 'creditors' record in the body naming its count, sums, frames and SHA-256 over its frames' digests;
// the header names the SHA-256 over every frame's digest, so the one signature binds the frames too.
// A frame's digest is over its plaintext (compressed, before encryption), as the backup hashes it, so a
// register sent again unchanged has the same record and is not rewritten at the city.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type BackupKey, decryptFrame, encryptFrame, frameAad, frameIv } from '../backup/backup-crypto';
import { encodeFrameHead, FRAME_HEAD_BYTES, GCM_TAG_BYTES, MAX_FRAME_PAYLOAD_BYTES } from '../backup/format';
import { frameDigest } from '../backup/frame-digest';
import { decodeRow } from '../backup/row-codec';
import { encodeTableRow, readRowsFrame, rowsFramePlain, rowsText } from '../backup/rows-frame';
import type { PackageRegister, RegisterCreditor } from './build-records';
import { refusals } from './errors';
import type { ExchangeRecord } from './types';

export const CREDITORS_PER_FRAME = 1_000;
/** Stands where the backup puts its header's SHA-256 in a frame's AAD: binds a frame to this use. */
export const REGISTER_AAD_ID = sha256(new TextEncoder().encode('chufei-exchange/registers/v1'));
const IN_FLIGHT = 4;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** What a 'creditors' record of a framed register holds (its creditors are in the frames). */
export interface RegisterSummary {
  readonly caseId: string;
  readonly count: number;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  readonly frames: number;
  /** SHA-256 (hex) over its frames' digests. */
  readonly sha256: string;
}

/** The header's account of the frames after the body. */
export interface RegisterSection {
  readonly frames: number;
  readonly storedBytes: number;
  /** SHA-256 (hex) over every frame's digest, in order. */
  readonly sha256: string;
}

export interface FramedRegisters {
  readonly chunks: readonly Uint8Array[];
  readonly records: readonly ExchangeRecord[];
  readonly section: RegisterSection;
}

interface Sealed {
  readonly bytes: Uint8Array;
  readonly digest: Uint8Array;
}

/** A frame's text: its creditors as one row, encoded as the backup writer encodes a creditor block. */
function frameText(creditors: readonly RegisterCreditor[], firstRow: number): Uint8Array {
  return rowsText([encodeTableRow(creditors, 'creditors', firstRow)], 'creditors', firstRow);
}

async function sealFrame(key: BackupKey | null, baseIv: Uint8Array | null, counter: number, tableIndex: number, creditors: readonly RegisterCreditor[], firstRow: number): Promise<Sealed> {
  const plain = await rowsFramePlain(tableIndex, frameText(creditors, firstRow));
  const [digest, payload] = await Promise.all([
    frameDigest(plain),
    key && baseIv ? encryptFrame(key, frameIv(baseIv, counter), frameAad(REGISTER_AAD_ID, counter, 0), plain) : Promise.resolve(plain),
  ]);
  const bytes = new Uint8Array(FRAME_HEAD_BYTES + payload.length);
  bytes.set(encodeFrameHead(0, payload.length), 0);
  bytes.set(payload, FRAME_HEAD_BYTES);
  return { bytes, digest };
}

/** Frames the registers (register i is table index i) and makes their 'creditors' records. */
export async function frameRegisters(registers: readonly PackageRegister[], key: BackupKey | null, baseIv: Uint8Array | null): Promise<FramedRegisters> {
  if (registers.length > 0xffff) throw new Error('too many registers in one package');
  const chunks: Uint8Array[] = [];
  const records: ExchangeRecord[] = [];
  const all = sha256.create();
  let counter = 0;
  let storedBytes = 0;
  for (let r = 0; r < registers.length; r++) {
    const reg = registers[r] as PackageRegister;
    const own = sha256.create();
    const pending: Promise<Sealed>[] = [];
    const settle = async () => {
      const done = await (pending.shift() as Promise<Sealed>);
      chunks.push(done.bytes);
      storedBytes += done.bytes.length;
      all.update(done.digest);
      own.update(done.digest);
    };
    let frames = 0;
    for (let at = 0; at < reg.creditors.length; at += CREDITORS_PER_FRAME) {
      const p = sealFrame(key, baseIv, counter++, r, reg.creditors.slice(at, at + CREDITORS_PER_FRAME), at + 1);
      p.catch(() => undefined);
      pending.push(p);
      frames++;
      if (pending.length >= IN_FLIGHT) await settle();
    }
    while (pending.length > 0) await settle();
    let principalFen = 0;
    let returnedFen = 0;
    let netClaimFen = 0;
    for (const c of reg.creditors) {
      principalFen += c.principalFen;
      returnedFen += c.returnedFen;
      netClaimFen += c.netClaimFen;
    }
    const summary: RegisterSummary = { caseId: reg.caseId, count: reg.creditors.length, principalFen, returnedFen, netClaimFen, frames, sha256: bytesToHex(own.digest()) };
    records.push({ kind: 'creditors', sourceId: reg.caseId, district: reg.district, data: { ...summary } });
  }
  return { chunks, records, section: { frames: counter, storedBytes, sha256: bytesToHex(all.digest()) } };
}

/** A framed register's summary, or null for a record of format 1 (its creditors inside the record). */
export function registerSummaryOf(record: Pick<ExchangeRecord, 'kind' | 'data'>): RegisterSummary | null {
  const d = record.data as Partial<RegisterSummary>;
  if (record.kind !== 'creditors' || typeof d.frames !== 'number' || typeof d.sha256 !== 'string' || typeof d.count !== 'number') return null;
  return d as RegisterSummary;
}

/**
 * Splits the frames section, decrypts and hashes every frame, and checks them against the header and
 * the registers' records: any change to a frame (or its order, or one missing) is refused before
 * anything is stored. Returns each register's frame plaintexts (still compressed).
 */
export async function openRegisterFrames(
  bytes: Uint8Array,
  section: RegisterSection,
  records: readonly ExchangeRecord[],
  key: BackupKey | null,
  baseIv: Uint8Array | null,
  sender: string,
): Promise<Map<string, Uint8Array[]>> {
  const overhead = key ? GCM_TAG_BYTES : 0;
  const summaries = records.flatMap((r) => registerSummaryOf(r) ?? []);
  const out = new Map<string, Uint8Array[]>();
  const all = sha256.create();
  let at = 0;
  let counter = 0;
  for (let r = 0; r < summaries.length; r++) {
    const s = summaries[r] as RegisterSummary;
    const own = sha256.create();
    const frames: Uint8Array[] = [];
    for (let f = 0; f < s.frames; f++) {
      if (at + FRAME_HEAD_BYTES > bytes.length) throw refusals.truncated(`register frame ${counter + 1} missing`);
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, FRAME_HEAD_BYTES);
      const flags = view.getUint8(0);
      const length = view.getUint32(1, false);
      if (flags !== 0 || length < 1 + overhead || length > MAX_FRAME_PAYLOAD_BYTES + overhead) throw refusals.corrupted(`register frame ${counter + 1} head`);
      const start = at + FRAME_HEAD_BYTES;
      if (start + length > bytes.length) throw refusals.truncated(`register frame ${counter + 1} cut`);
      let plain: Uint8Array | null = bytes.subarray(start, start + length);
      if (key && baseIv) {
        plain = await decryptFrame(key, frameIv(baseIv, counter), frameAad(REGISTER_AAD_ID, counter, 0), plain);
        if (!plain) throw refusals.bodyChanged(sender);
      }
      const digest = await frameDigest(plain);
      all.update(digest);
      own.update(digest);
      if (((plain[1] ?? 0) << 8 | (plain[2] ?? 0)) !== r) throw refusals.corrupted(`register frame ${counter + 1} belongs to another register`);
      frames.push(plain);
      at = start + length;
      counter++;
    }
    if (bytesToHex(own.digest()) !== s.sha256) throw refusals.bodyChanged(sender);
    if (!registerFrameCounts(s)) throw refusals.corrupted(`register ${s.caseId}: ${s.frames} frames for ${s.count} creditors`);
    out.set(s.caseId, frames);
  }
  if (counter !== section.frames || at !== bytes.length || bytesToHex(all.digest()) !== section.sha256) throw refusals.bodyChanged(sender);
  return out;
}

/**
 * The creditors in each frame of a register: 1,000 to a frame, the last one the rest (as every writer
 * of register frames cut them). The count is in the signed record, so nothing is inflated to count at
 * import; a frame that holds another number is refused when it is read (readRegisterFrame).
 */
export function registerFrameCounts(summary: Pick<RegisterSummary, 'count' | 'frames'>): number[] | null {
  if (!Number.isSafeInteger(summary.count) || summary.count < 0 || summary.frames !== Math.ceil(summary.count / CREDITORS_PER_FRAME)) return null;
  return Array.from({ length: summary.frames }, (_, f) => Math.min(CREDITORS_PER_FRAME, summary.count - f * CREDITORS_PER_FRAME));
}

/** A verified frame's text (NDJSON); throws the refusal when it does not inflate. */
async function frameTextOf(plain: Uint8Array): Promise<string> {
  const read = await readRowsFrame(plain);
  if (!read) throw refusals.corrupted('register frame does not inflate');
  let text: string;
  try {
    text = decoder.decode(read.text);
  } catch {
    throw refusals.corrupted('register frame is not UTF-8');
  }
  if (!text.endsWith('\n')) throw refusals.corrupted('register frame does not end with a newline');
  return text;
}

/** A verified frame's text and its number of creditors (parseRegisterText reads the text). */
export async function registerFrameText(plain: Uint8Array): Promise<{ readonly text: string; readonly count: number }> {
  const text = await frameTextOf(plain);
  return { text, count: parseRegisterText(text).length };
}

/**
 * The creditors of a frame's text, whichever package format wrote it: format 3, one line holding the
 * frame's creditors (as columns, decoded by the backup's row codec); format 2, one creditor a line.
 */
export function parseRegisterText(text: string): RegisterCreditor[] {
  const out: RegisterCreditor[] = [];
  try {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const value = decodeRow(line);
      if (Array.isArray(value)) for (const c of value) out.push(c as RegisterCreditor);
      else out.push(value as RegisterCreditor);
    }
  } catch (e) {
    throw refusals.corrupted(`register frame text: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
}

/**
 * The one way to read a register frame, as received (VerifiedPackage.registerFrames) or as stored at
 * the city (a 'creditors-block' row's `frame`): its creditors in the order sent. With `count` (the
 * stored row's), a frame holding another number of creditors is refused.
 */
export async function readRegisterFrame(plain: Uint8Array, count?: number): Promise<RegisterCreditor[]> {
  const creditors = parseRegisterText(await frameTextOf(plain));
  if (count !== undefined && creditors.length !== count) throw refusals.corrupted(`register frame holds ${creditors.length} creditors, ${count} stated`);
  return creditors;
}

/** The kind of a stored row holding up to 1,000 creditors of a received register (NDJSON text as sent). */
export const REGISTER_BLOCK_KIND = 'creditors-block';

export function registerBlockPrefix(office: string, caseId: string): string {
  return `${office}|${REGISTER_BLOCK_KIND}|${caseId}|`;
}

export function registerBlockId(office: string, caseId: string, seq: number): string {
  return `${registerBlockPrefix(office, caseId)}${seq}`;
}
