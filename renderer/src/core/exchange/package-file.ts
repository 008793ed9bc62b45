// The package file (.cfpkg), one file that travels on USB media between office networks:
//   MAGIC(8) · formatVersion u16 BE · headerLength u32 BE · header (UTF-8 JSON) · signature (64)
//   · body (JSON {records}, deflate-raw, then AES-256-GCM when a passphrase is given)
//   · formats 2 and 3: creditor-register frames (register-frames.ts), named by the header's `registers`
// The Ed25519 signature covers everything before it; the header names the body's length and
// SHA-256, so one signature binds the whole file. Compression and passphrase encryption reuse the
// backup format's primitives (core/backup); the backup's frame layout is not reused because a
// package is read whole (a district's year is a few MB) and must be verified before anything else.
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptFrame, deriveBackupKey, encryptFrame, randomBytes } from '../backup/backup-crypto';
import { base64ToBytes, bytesToBase64 } from '../backup/base64';
import { deflateRaw, inflateRaw } from '../backup/compression';
import { concatBytes, FRAME_HEAD_BYTES, PBKDF2_MIN_ITERATIONS } from '../backup/format';
import type { PackageRegister } from './build-records';
import { refusals } from './errors';
import { checkPackageBody, packageHeaderSchema } from './header-schema';
import { keyFingerprint, SIGNATURE_BYTES, signBytes, verifyBytes } from './keys';
import { frameRegisters, openRegisterFrames } from './register-frames';
import type { ExchangeRecord, OfficeIdentity, OpenedPackage, PackageHeader, PackageKind, PackageTotals, PersonalDataChoice, ReportPeriod } from './types';

/** "\x89CFPK\r\n\x1a": the high byte and CR LF catch transfers that mangle the file as text. */
export const PACKAGE_MAGIC = Uint8Array.of(0x89, 0x43, 0x46, 0x50, 0x4b, 0x0d, 0x0a, 0x1a);
/**
 * Format 2 added the register frames after the body (one NDJSON line per creditor, still read); format 3
 * writes a frame's 1,000 creditors as the backup writes a creditor block (columns). A package without
 * registers is still written as 1.
 */
export const PACKAGE_FORMAT_VERSION = 3;
export const PACKAGE_FILE_EXTENSION = 'cfpkg';
const PREAMBLE_BYTES = PACKAGE_MAGIC.length + 2 + 4;
const MAX_HEADER_BYTES = 1 << 20;
const BODY_AAD = new TextEncoder().encode('chufei-exchange/body/v1');

export interface WritePackageOptions {
  readonly kind?: PackageKind;
  readonly sender: OfficeIdentity;
  readonly keys: { readonly privateKey: string; readonly publicKey: string };
  readonly recipient?: OfficeIdentity | null;
  readonly period: ReportPeriod;
  readonly records: readonly ExchangeRecord[];
  /** Creditor registers, masked as chosen: sent as frames after the body, each with a 'creditors' record. */
  readonly registers?: readonly PackageRegister[];
  readonly totals: PackageTotals;
  readonly personalData: PersonalDataChoice;
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly createdAt: Date;
  readonly packageId: string;
  /** Encrypts the body to whoever is told this passphrase (at least 8 characters). */
  readonly passphrase?: string;
  readonly pbkdf2Iterations?: number;
}

export interface WrittenPackage {
  readonly bytes: Uint8Array;
  readonly header: PackageHeader;
  readonly fileSha256: string;
}

export function countByKind(records: readonly ExchangeRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}

export async function sha256HexAsync(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return bytesToHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', copy)));
}

export async function writePackage(options: WritePackageOptions): Promise<WrittenPackage> {
  let key: Awaited<ReturnType<typeof deriveBackupKey>> | null = null;
  let encryption: PackageHeader['body']['encryption'] = null;
  let iv: Uint8Array<ArrayBuffer> | null = null;
  if (options.passphrase !== undefined) {
    const iterations = options.pbkdf2Iterations ?? PBKDF2_MIN_ITERATIONS;
    const salt = bytesToBase64(randomBytes(16));
    iv = randomBytes(12);
    key = await deriveBackupKey(options.passphrase, salt, iterations);
    encryption = { algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations, salt, iv: bytesToBase64(iv) };
  }
  const registers = options.registers ?? [];
  const framesIv = key ? randomBytes(12) : null;
  const framed = registers.length > 0 ? await frameRegisters(registers, key, framesIv) : null;
  const records = framed ? [...options.records, ...framed.records] : options.records;
  const plain = new TextEncoder().encode(JSON.stringify({ records }));
  let stored = await deflateRaw(plain);
  if (key && iv) stored = await encryptFrame(key, iv, new Uint8Array(BODY_AAD), stored);
  const version = framed ? PACKAGE_FORMAT_VERSION : 1;
  const header: PackageHeader = {
    format: 'chufei-exchange',
    formatVersion: version,
    packageId: options.packageId,
    kind: options.kind ?? 'report',
    sender: { ...options.sender, publicKey: options.keys.publicKey },
    recipient: options.recipient ?? null,
    period: options.period,
    createdAt: options.createdAt.toISOString(),
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    counts: countByKind(records),
    totals: options.totals,
    personalData: options.personalData,
    body: { compression: 'deflate-raw', encryption, plainBytes: plain.length, storedBytes: stored.length, sha256: await sha256HexAsync(stored) },
    ...(framed ? { registers: { ...framed.section, iv: framesIv ? bytesToBase64(framesIv) : null } } : {}),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  preamble.set(PACKAGE_MAGIC, 0);
  const view = new DataView(preamble.buffer);
  view.setUint16(PACKAGE_MAGIC.length, version, false);
  view.setUint32(PACKAGE_MAGIC.length + 2, headerBytes.length, false);
  const signed = concatBytes([preamble, headerBytes]);
  const signature = await signBytes(options.keys.privateKey, signed);
  const bytes = concatBytes([signed, signature, stored, ...(framed?.chunks ?? [])]);
  return { bytes, header, fileSha256: await sha256HexAsync(bytes) };
}

/** The parts of a file, with its header parsed but nothing verified yet. */
export interface PackageParts {
  readonly header: PackageHeader;
  readonly signed: Uint8Array;
  readonly signature: Uint8Array;
  readonly body: Uint8Array;
  /** The register frames after the body (empty in format 1). */
  readonly frames: Uint8Array;
}

/** Splits the file and parses its header; throws the refusal for a foreign, cut or damaged file. */
export function splitPackage(bytes: Uint8Array): PackageParts {
  if (bytes.length < PACKAGE_MAGIC.length) {
    if (PACKAGE_MAGIC.subarray(0, bytes.length).every((b, i) => b === bytes[i]) && bytes.length > 0) throw refusals.truncated('shorter than the magic');
    throw refusals.notAPackage('too short');
  }
  if (!PACKAGE_MAGIC.every((b, i) => b === bytes[i])) throw refusals.notAPackage('magic differs');
  if (bytes.length < PREAMBLE_BYTES) throw refusals.truncated('preamble cut');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(PACKAGE_MAGIC.length, false);
  if (version > PACKAGE_FORMAT_VERSION) throw refusals.newerFormat(version);
  if (version < 1) throw refusals.corrupted(`format version ${version}`);
  const headerLength = view.getUint32(PACKAGE_MAGIC.length + 2, false);
  if (headerLength > MAX_HEADER_BYTES) throw refusals.corrupted(`header length ${headerLength}`);
  const headerEnd = PREAMBLE_BYTES + headerLength;
  if (bytes.length < headerEnd + SIGNATURE_BYTES) throw refusals.truncated(`file ends at ${bytes.length}, header and signature need ${headerEnd + SIGNATURE_BYTES}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, headerEnd)));
  } catch {
    throw refusals.corrupted('header is not JSON');
  }
  const header = packageHeaderSchema.safeParse(parsed);
  if (!header.success) throw refusals.corrupted(`header shape: ${header.error.issues[0]?.path.join('.') ?? ''}`);
  const rest = bytes.subarray(headerEnd + SIGNATURE_BYTES);
  const bodyBytes = header.data.body.storedBytes;
  const expected = bodyBytes + (header.data.registers?.storedBytes ?? 0);
  if (rest.length < expected) throw refusals.truncated(`body and frames have ${rest.length} of ${expected} bytes`);
  if (rest.length > expected) throw refusals.corrupted(`${rest.length - expected} bytes after the body`);
  const body = rest.subarray(0, bodyBytes);
  return {
    header: header.data as PackageHeader,
    signed: bytes.subarray(0, headerEnd),
    signature: bytes.subarray(headerEnd, headerEnd + SIGNATURE_BYTES),
    body,
    frames: rest.subarray(bodyBytes),
  };
}

/** A part of a package file: bytes [start, end). */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/** Where each part of a package lies in its file, as the preamble and header state it. */
export interface PackageLayout {
  readonly header: ByteSpan;
  readonly signature: ByteSpan;
  readonly body: ByteSpan;
  /** Each register frame (head and payload), in file order; empty in format 1. */
  readonly frames: readonly ByteSpan[];
}

/**
 * The layout of a package, for the CLI and for tests that change one part of a file on purpose.
 * Nothing is verified; a file that does not split (splitPackage) throws its refusal.
 */
export function packageLayout(bytes: Uint8Array): PackageLayout {
  const parts = splitPackage(bytes);
  const header = { start: PREAMBLE_BYTES, end: parts.signed.length };
  const signature = { start: header.end, end: header.end + SIGNATURE_BYTES };
  const body = { start: signature.end, end: signature.end + parts.body.length };
  const frames: ByteSpan[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = body.end; at + FRAME_HEAD_BYTES <= bytes.length; ) {
    const end = Math.min(bytes.length, at + FRAME_HEAD_BYTES + view.getUint32(at + 1, false));
    frames.push({ start: at, end });
    at = end;
  }
  return { header, signature, body, frames };
}

/** An office this one exchanges with: registered from its key file, or by a fingerprint read over the phone (key still to come). */
export interface TrustedOffice {
  /** Null until the first package of an office registered by fingerprint arrives. */
  readonly officeId: string | null;
  readonly name: string;
  readonly publicKey: string | null;
  readonly fingerprint: string;
}

export type SignatureVerdict = 'trusted' | 'untrusted-valid';

export interface OpenPackageOptions {
  /** Offices this one trusts; undefined to check the signature against the key the package carries (CLI without --trust). */
  readonly trusted?: readonly TrustedOffice[];
  /** This office's id: its own packages are not imported here. */
  readonly ownOfficeId?: string;
  readonly maxSchemaVersion: number;
  readonly passphrase?: string;
}

export interface VerifiedPackage extends OpenedPackage {
  readonly verdict: SignatureVerdict;
  /** The trusted office that matched (its key is pinned at import when it was registered by fingerprint). */
  readonly office: TrustedOffice | null;
  /** Each framed register's verified frame plaintexts (compressed), by case id. */
  readonly registerFrames: ReadonlyMap<string, Uint8Array[]>;
}

/** The trusted office the header's sender is, or the refusal. The signature is checked separately. */
export function matchSender(header: PackageHeader, trusted: readonly TrustedOffice[]): TrustedOffice {
  const { sender } = header;
  const fingerprint = keyFingerprint(sender.publicKey);
  const byId = trusted.find((o) => o.officeId === sender.id);
  const byKey = trusted.find((o) => (o.publicKey !== null ? o.publicKey === sender.publicKey : o.fingerprint === fingerprint));
  if (byId) {
    const same = byId.publicKey !== null ? byId.publicKey === sender.publicKey : byId.fingerprint === fingerprint;
    if (!same) throw refusals.wrongOfficeKey(byId.name, byKey && byKey !== byId ? byKey.name : null, fingerprint);
    return byId;
  }
  if (byKey) {
    if (byKey.officeId !== null) throw refusals.wrongOfficeKey(sender.name, byKey.name, fingerprint);
    return byKey;
  }
  throw refusals.unknownSender(sender.name, sender.id, fingerprint);
}

/**
 * Reads and verifies a package: layout, signature, sender, schema version, body hash, decryption,
 * body shape and counts, in that order. Throws ExchangeError with the Chinese refusal.
 */
export async function openPackage(bytes: Uint8Array, options: OpenPackageOptions): Promise<VerifiedPackage> {
  const parts = splitPackage(bytes);
  const { header } = parts;
  if (!(await verifyBytes(header.sender.publicKey, parts.signature, parts.signed))) throw refusals.badSignature(header.sender.name);
  if (options.ownOfficeId !== undefined && header.sender.id === options.ownOfficeId) throw refusals.ownPackage();
  const office = options.trusted ? matchSender(header, options.trusted) : null;
  if (header.schemaVersion > options.maxSchemaVersion) throw refusals.newerSchema(header.schemaVersion, options.maxSchemaVersion);
  if ((await sha256HexAsync(parts.body)) !== header.body.sha256) throw refusals.bodyChanged(header.sender.name);
  const enc = header.body.encryption;
  let key: Awaited<ReturnType<typeof deriveBackupKey>> | null = null;
  if (enc) {
    if (options.passphrase === undefined || options.passphrase === '') throw refusals.passphraseRequired();
    key = await deriveBackupKey(options.passphrase, enc.salt, enc.iterations);
  }
  const records = await readBody(parts.body, header, key);
  const section = header.registers;
  const registerFrames = section
    ? await openRegisterFrames(parts.frames, section, records, key, section.iv === null ? null : new Uint8Array(base64ToBytes(section.iv)), header.sender.name)
    : new Map<string, Uint8Array[]>();
  return { header, records, fileSha256: await sha256HexAsync(bytes), verdict: office ? 'trusted' : 'untrusted-valid', office, registerFrames };
}

async function readBody(stored: Uint8Array, header: PackageHeader, key: Awaited<ReturnType<typeof deriveBackupKey>> | null): Promise<ExchangeRecord[]> {
  let compressed = stored;
  const enc = header.body.encryption;
  if (enc && key) {
    const opened = await decryptFrame(key, new Uint8Array(base64ToBytes(enc.iv)), new Uint8Array(BODY_AAD), stored);
    if (!opened) throw refusals.wrongPassphrase();
    compressed = opened;
  }
  const plain = await inflateRaw(compressed, header.body.plainBytes);
  if (!plain) throw refusals.corrupted('body does not inflate to its stated length');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw refusals.corrupted('body is not JSON');
  }
  const problem = checkPackageBody(parsed);
  if (problem !== null) throw refusals.corrupted(`body shape: ${problem}`);
  const body = { data: parsed as { records: ExchangeRecord[] } };
  const counts = countByKind(body.data.records);
  const kinds = new Set([...Object.keys(counts), ...Object.keys(header.counts)]);
  for (const k of kinds) if ((counts[k] ?? 0) !== (header.counts[k] ?? 0)) throw refusals.corrupted(`count of ${k}: header ${header.counts[k]}, body ${counts[k]}`);
  const seen = new Set<string>();
  for (const r of body.data.records) {
    const key = `${r.kind}/${r.sourceId}`;
    if (seen.has(key)) throw refusals.corrupted(`record ${key} twice`);
    seen.add(key);
  }
  return body.data.records;
}
