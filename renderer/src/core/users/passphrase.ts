// Passphrases of users (登录密码). Never stored: only a PBKDF2-SHA256 hash (600,000 iterations,
// OWASP 2023) with a random 16-byte salt. WebCrypto, so it runs in the browser and in Node alike.

export const PBKDF2_ITERATIONS = 600_000;
export const PASSPHRASE_MIN_CHARS = 8;

export interface StoredSecret {
  readonly algorithm: 'PBKDF2-SHA256';
  readonly iterations: number;
  /** base64 */
  readonly salt: string;
  /** base64 of 32 bytes */
  readonly hash: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  // NFC: the same passphrase typed through different input methods gives the same bytes.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, material, 256);
  return new Uint8Array(bits);
}

export async function hashPassphrase(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<StoredSecret> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(await derive(passphrase, salt, iterations)) };
}

/** Compares in constant time over the hash length. */
export async function verifyPassphrase(passphrase: string, secret: StoredSecret): Promise<boolean> {
  const expected = fromBase64(secret.hash);
  const actual = await derive(passphrase, fromBase64(secret.salt), secret.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}

/**
 * Wait before the next attempt after `failures` wrong passphrases: none for the first 3, then
 * 5 s, 10 s, 20 s … up to 15 minutes. Kept with the user, so a reload does not reset it.
 */
export function retryDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(5_000 * 2 ** (failures - 3), 15 * 60_000);
}

/** The passphrase and its confirmation, as a form checks them; null when they may be used. */
export function passphraseProblem(passphrase: string, confirm: string): { field: 'passphrase' | 'confirm'; message: string } | null {
  if ([...passphrase].length < PASSPHRASE_MIN_CHARS) return { field: 'passphrase', message: `密码：至少需要 ${PASSPHRASE_MIN_CHARS} 个字符。` };
  if (confirm !== passphrase) return { field: 'confirm', message: '确认密码：两次输入的密码不一致，请重新输入。' };
  return null;
}
