// Office keys: Ed25519 through WebCrypto. Node 20 and Chromium ≥ 137 (so Electron 39) both sign and
// verify Ed25519 in crypto.subtle, so no JavaScript curve code is shipped. The private key is kept
// as PKCS#8 bytes in the store (and so in its backups); it is imported as a non-extractable key
// only for the moment of signing.
import { sha256 } from '@noble/hashes/sha2.js';
import { base64ToBytes, bytesToBase64 } from '../backup/base64';

const ED25519 = { name: 'Ed25519' } as const;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available');
  return s;
}

function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

export interface OfficeKeyPair {
  /** PKCS#8, base64: stays in this office's store. */
  readonly privateKey: string;
  /** Raw 32 bytes, base64: goes into every package and the key file. */
  readonly publicKey: string;
}

export async function generateOfficeKeyPair(): Promise<OfficeKeyPair> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const [pkcs8, raw] = await Promise.all([subtle().exportKey('pkcs8', pair.privateKey), subtle().exportKey('raw', pair.publicKey)]);
  return { privateKey: bytesToBase64(new Uint8Array(pkcs8)), publicKey: bytesToBase64(new Uint8Array(raw)) };
}

export async function signBytes(privateKey: string, message: Uint8Array): Promise<Uint8Array> {
  const key = await subtle().importKey('pkcs8', own(base64ToBytes(privateKey)), ED25519, false, ['sign']);
  return new Uint8Array(await subtle().sign(ED25519, key, own(message)));
}

/** False for a wrong signature and for a key that is not a valid Ed25519 public key. */
export async function verifyBytes(publicKey: string, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    const raw = base64ToBytes(publicKey);
    if (raw.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
    const key = await subtle().importKey('raw', own(raw), ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, own(signature), own(message));
  } catch {
    return false;
  }
}

/**
 * The key's fingerprint for reading over the phone: five groups of five digits (like Signal's
 * safety numbers), from SHA-256 of the raw public key, each group 5 bytes mod 100000. 83 bits:
 * nobody can make a second key with the same fingerprint.
 */
export function keyFingerprint(publicKey: string): string {
  const digest = sha256(base64ToBytes(publicKey));
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + (digest[g * 5 + i] ?? 0);
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** What the user typed ("12345-67890 …", full-width digits, spaces) as the canonical form, or null. */
export function normalizeFingerprint(typed: string): string | null {
  const digits = typed.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');
  if (digits.length !== 25) return null;
  return digits.match(/.{5}/g)?.join(' ') ?? null;
}

/** Checks the typed fingerprint; null or a Chinese message for the field. */
export function checkFingerprint(typed: string): string | null {
  if (typed.trim() === '') return '请填写对方单位电话告知的公钥指纹（25 位数字）。';
  const digits = typed.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');
  if (/[^0-9０-９\s\-－]/.test(typed)) return '公钥指纹只含数字（可用空格或短横线分组），请核对后重填。';
  if (digits.length !== 25) return `公钥指纹应为 25 位数字，现在是 ${digits.length} 位，请与对方单位核对。`;
  return null;
}

export function isPublicKey(text: string): boolean {
  try {
    return base64ToBytes(text).length === PUBLIC_KEY_BYTES;
  } catch {
    return false;
  }
}
