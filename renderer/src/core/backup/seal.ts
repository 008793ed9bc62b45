// The seal (签名) of a backup: HMAC-SHA256 with a key this installation keeps outside the database
// and outside every backup file (Electron: a file in userData; a browser: its own IndexedDB store).
// A plain backup's hashes prove only that it was not damaged by accident: anyone can change a row and
// recompute them. The seal proves the file is exactly what this installation wrote. It covers the
// header (through its SHA-256) and the trailer, which holds the body hash over every frame, the frame
// count and the row counts; so no byte of the file can change without the key.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { concatBytes, SEAL_BYTES } from './format';

/** The installation's seal key: a non-extractable HMAC key and an id derived from it. */
export interface BackupSealKey {
  /** 32 hex characters of a hash of the key: names the key in a backup header, reveals nothing. */
  readonly keyId: string;
  readonly key: CryptoKey;
}

/** What a reader found out about a backup's seal (an invalid seal is refused, never reported). */
export type BackupSealReport =
  /** Sealed by this installation's key and unchanged since. */
  | { readonly status: 'valid'; readonly keyId: string }
  /** Sealed by another installation (another PC, or this one before a reinstall): cannot be checked here. */
  | { readonly status: 'other-key'; readonly keyId: string }
  /** Sealed, but the reader was given no key to check with (the CLI). */
  | { readonly status: 'not-checked'; readonly keyId: string }
  /** No seal: a backup in format version 1, or written where no key was available. */
  | { readonly status: 'unsealed' };

const encoder = new TextEncoder();
const KEY_ID_CONTEXT = encoder.encode('chufei-backup/seal-key-id/v1\n');
const SEAL_CONTEXT = encoder.encode('chufei-backup/seal/v2\n');

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
}

export const SEAL_KEY_BYTES = 32;

export function sealKeyId(raw: Uint8Array): string {
  return bytesToHex(sha256(concatBytes([KEY_ID_CONTEXT, raw]))).slice(0, 32);
}

/** Imports 32 secret bytes as a non-extractable key (the bytes can then be dropped). */
export async function importSealKey(raw: Uint8Array): Promise<BackupSealKey> {
  if (raw.length !== SEAL_KEY_BYTES) throw new Error(`seal key must be ${SEAL_KEY_BYTES} bytes, got ${raw.length}`);
  const own = new Uint8Array(raw);
  const key = await subtle().importKey('raw', own, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const keyId = sealKeyId(own);
  own.fill(0);
  return { keyId, key };
}

/** A fresh random key (a browser keeps the CryptoKey itself; Electron's main keeps the bytes). */
export function newSealKeyBytes(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(SEAL_KEY_BYTES));
}

function sealMessage(headerSha: Uint8Array, trailerJson: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes([SEAL_CONTEXT, headerSha, sha256(trailerJson)]) as Uint8Array<ArrayBuffer>;
}

export async function computeSeal(key: BackupSealKey, headerSha: Uint8Array, trailerJson: Uint8Array): Promise<Uint8Array> {
  const mac = new Uint8Array(await subtle().sign('HMAC', key.key, sealMessage(headerSha, trailerJson)));
  if (mac.length !== SEAL_BYTES) throw new Error('HMAC-SHA256 did not give 32 bytes');
  return mac;
}

/** Constant-time comparison is WebCrypto's (verify), not ours. */
export function checkSeal(key: BackupSealKey, headerSha: Uint8Array, trailerJson: Uint8Array, mac: Uint8Array): Promise<boolean> {
  return subtle().verify('HMAC', key.key, mac as Uint8Array<ArrayBuffer>, sealMessage(headerSha, trailerJson));
}
