// First step of every read: the preamble, the header and (for encrypted files) the key. Each check
// runs before the next so the refusal names the real problem: not ours → newer → damaged header →
// no/wrong passphrase.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { type BackupKey, deriveBackupKey, keyMatches } from './backup-crypto';
import { base64ToBytes } from './base64';
import type { ByteReader } from './byte-reader';
import { corrupted, newerFormat, notABackup, passphraseRequired, truncated, wrongPassphrase } from './errors';
import { FORMAT_VERSION, HEADER_SHA_BYTES, IV_BYTES, MAGIC, MAX_HEADER_BYTES, PREAMBLE_BYTES, SALT_BYTES } from './format';
import { type BackupHeader, headerSchemaFor, parseJsonWith } from './header';

export interface OpenOptions {
  /** For encrypted backups: the passphrase typed by the user … */
  readonly passphrase?: string;
  /** … or a key from an earlier inspection of the same file (no second key derivation). */
  readonly key?: BackupKey;
  /** The app's own schema version: a backup of a newer schema cannot be restored into it. */
  readonly maxSchemaVersion?: number;
  /** Second pass of a restore: the header must be the one the first pass verified. */
  readonly expectedHeaderSha256?: string;
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  readonly headerSha: Uint8Array;
  readonly headerSha256: string;
  readonly key: BackupKey | null;
  readonly baseIv: Uint8Array | null;
}

export async function openBackup(reader: ByteReader, options: OpenOptions): Promise<OpenedBackup> {
  const pre = await reader.read(PREAMBLE_BYTES);
  const preBytes = pre.ok ? pre.bytes : pre.available;
  for (let i = 0; i < Math.min(MAGIC.length, preBytes.length); i++) {
    if (preBytes[i] !== MAGIC[i]) throw notABackup(`magic mismatch at byte ${i}`);
  }
  if (!pre.ok) throw truncated(reader.offset, `file ends inside the preamble (${preBytes.length} bytes)`);
  const view = new DataView(preBytes.buffer, preBytes.byteOffset, preBytes.byteLength);
  const version = view.getUint16(MAGIC.length, false);
  const check = view.getUint16(MAGIC.length + 2, false);
  if ((version ^ check) !== 0xffff || version === 0) throw corrupted('文件头（格式版本号）', `format version ${version} / check ${check}`);
  if (version > FORMAT_VERSION) throw newerFormat('备份格式', version, FORMAT_VERSION);
  const headerLength = view.getUint32(MAGIC.length + 4, false);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw corrupted('文件头（长度）', `header length ${headerLength}`);

  const got = await reader.read(headerLength + HEADER_SHA_BYTES);
  if (!got.ok) throw truncated(reader.offset, 'file ends inside the header');
  const headerBytes = got.bytes.subarray(0, headerLength);
  const headerSha = sha256(headerBytes);
  const stored = got.bytes.subarray(headerLength);
  if (!equalBytes(headerSha, stored)) throw corrupted('文件头', 'header SHA-256 mismatch');
  if (options.expectedHeaderSha256 !== undefined && bytesToHex(headerSha) !== options.expectedHeaderSha256) {
    throw corrupted('文件头（与先前校验时不同：文件在校验后被替换或改动）', 'header differs from the verified one');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch {
    throw corrupted('文件头', 'header is not UTF-8');
  }
  const parsed = parseJsonWith(headerSchemaFor(version), text);
  if (!parsed.ok) throw corrupted('文件头', `header invalid: ${parsed.reason}`);
  const header = parsed.value;
  if (header.formatVersion !== version) throw corrupted('文件头（格式版本号）', `header says version ${header.formatVersion}, preamble ${version}`);
  if (options.maxSchemaVersion !== undefined && header.schemaVersion > options.maxSchemaVersion) {
    throw newerFormat('数据库结构', header.schemaVersion, options.maxSchemaVersion);
  }
  const opened = { header, headerSha, headerSha256: bytesToHex(headerSha) };
  const enc = header.encryption;
  if (enc === null) return { ...opened, key: null, baseIv: null };

  const baseIv = base64ToBytes(enc.baseIv);
  if (baseIv.length !== IV_BYTES || base64ToBytes(enc.salt).length !== SALT_BYTES) {
    throw corrupted('文件头（加密参数）', 'salt or IV has the wrong length');
  }
  let key = options.key;
  if (!key) {
    if (options.passphrase === undefined || options.passphrase === '') throw passphraseRequired();
    key = await deriveBackupKey(options.passphrase, enc.salt, enc.iterations);
  }
  if (!(await keyMatches(key, enc))) throw wrongPassphrase('key check tag does not verify');
  return { ...opened, key, baseIv };
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
