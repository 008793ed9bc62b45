// AES-256-GCM per frame with a key from PBKDF2-SHA256, through WebCrypto (Node 20 and Chromium alike).
// Frame n uses IV = baseIv XOR n (n in the low 8 bytes, as TLS 1.3 does) and AAD = SHA-256(header) ·
// n · flags, so a frame cannot be moved, dropped, replayed from another file or marked final out of
// place, and any change to the header fails every frame. The key check uses baseIv with its top bit
// flipped, an IV no frame counter can reach.
import { base64ToBytes, bytesToBase64 } from './base64';
import { GCM_TAG_BYTES, IV_BYTES, PBKDF2_MIN_ITERATIONS, SALT_BYTES } from './format';
import type { BackupEncryptionParams } from './header';

const KEY_CHECK_AAD = new TextEncoder().encode('chufei-backup/key-check/v1');

/** A derived key bound to the salt and iterations it came from; never holds the passphrase. */
export interface BackupKey {
  readonly key: CryptoKey;
  readonly salt: string;
  readonly iterations: number;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
}

/** Copies into a fresh ArrayBuffer-backed array, the type WebCrypto's BufferSource wants. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export async function deriveBackupKey(passphrase: string, salt: string, iterations: number): Promise<BackupKey> {
  // NFC so that the same characters typed through different input methods give the same key.
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await subtle().importKey('raw', secret, 'PBKDF2', false, ['deriveKey']);
  secret.fill(0);
  const key = await subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: own(base64ToBytes(salt)), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key, salt, iterations };
}

export function frameIv(baseIv: Uint8Array, counter: number): Uint8Array<ArrayBuffer> {
  const iv = own(baseIv);
  const view = new DataView(iv.buffer);
  const hi = Math.floor(counter / 0x1_0000_0000);
  view.setUint32(4, view.getUint32(4) ^ hi);
  view.setUint32(8, view.getUint32(8) ^ (counter >>> 0));
  return iv;
}

export function frameAad(headerSha256: Uint8Array, counter: number, flags: number): Uint8Array<ArrayBuffer> {
  const aad = new Uint8Array(32 + 8 + 1);
  aad.set(headerSha256, 0);
  const view = new DataView(aad.buffer);
  view.setUint32(32, Math.floor(counter / 0x1_0000_0000));
  view.setUint32(36, counter >>> 0);
  view.setUint8(40, flags);
  return aad;
}

function keyCheckIv(baseIv: Uint8Array): Uint8Array<ArrayBuffer> {
  const iv = own(baseIv);
  iv[0] = (iv[0] ?? 0) ^ 0x80;
  return iv;
}

export interface NewEncryption {
  readonly params: BackupEncryptionParams;
  readonly key: BackupKey;
  readonly baseIv: Uint8Array;
}

export async function newEncryption(passphrase: string, iterations = PBKDF2_MIN_ITERATIONS): Promise<NewEncryption> {
  const salt = bytesToBase64(randomBytes(SALT_BYTES));
  const baseIv = randomBytes(IV_BYTES);
  const key = await deriveBackupKey(passphrase, salt, iterations);
  const check = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: keyCheckIv(baseIv), additionalData: KEY_CHECK_AAD }, key.key, new Uint8Array(0)),
  );
  const params: BackupEncryptionParams = {
    algorithm: 'AES-256-GCM',
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt,
    baseIv: bytesToBase64(baseIv),
    keyCheck: bytesToBase64(check),
  };
  return { params, key, baseIv };
}

/** True when the key opens this file's key check; false means a wrong passphrase. */
export async function keyMatches(key: BackupKey, params: BackupEncryptionParams): Promise<boolean> {
  if (key.salt !== params.salt || key.iterations !== params.iterations) return false;
  const tag = base64ToBytes(params.keyCheck);
  if (tag.length !== GCM_TAG_BYTES) return false;
  try {
    await subtle().decrypt(
      { name: 'AES-GCM', iv: keyCheckIv(base64ToBytes(params.baseIv)), additionalData: KEY_CHECK_AAD },
      key.key,
      own(tag),
    );
    return true;
  } catch {
    return false;
  }
}

export async function encryptFrame(key: BackupKey, iv: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>, plain: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key.key, own(plain)));
}

/** Null when the frame does not authenticate. */
export async function decryptFrame(
  key: BackupKey,
  iv: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
  sealed: Uint8Array,
): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key.key, own(sealed)));
  } catch {
    return null;
  }
}
