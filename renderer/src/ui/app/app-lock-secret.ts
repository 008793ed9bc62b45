// The app lock's passphrase check (应用锁). The passphrase is never stored: only a PBKDF2-SHA256
// hash (600,000 iterations, OWASP 2023) with a random 16-byte salt, kept in the 'app-lock' settings
// section. Pure (WebCrypto), unit-tested in Node.

export const LOCK_SECTION_ID = 'app-lock';
export const LOCK_PBKDF2_ITERATIONS = 600_000;
export const LOCK_MIN_CHARS = 8;

export interface StoredLockSecret {
  readonly algorithm: 'PBKDF2-SHA256';
  readonly iterations: number;
  /** base64 */
  readonly salt: string;
  /** base64 of 32 bytes */
  readonly hash: string;
}

export interface LockSettings {
  readonly enabled: boolean;
  /** Lock again after this many minutes without keyboard or mouse input; 0 = only at start. */
  readonly idleMinutes: number;
  readonly secret: StoredLockSecret | null;
}

export const DEFAULT_LOCK_SETTINGS: LockSettings = { enabled: false, idleMinutes: 10, secret: null };

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, material, 256);
  return new Uint8Array(bits);
}

export async function hashLockPassphrase(passphrase: string, iterations = LOCK_PBKDF2_ITERATIONS): Promise<StoredLockSecret> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(await derive(passphrase, salt, iterations)) };
}

/** Compares in constant time over the hash length. */
export async function verifyLockPassphrase(passphrase: string, secret: StoredLockSecret): Promise<boolean> {
  const expected = fromBase64(secret.hash);
  const actual = await derive(passphrase, fromBase64(secret.salt), secret.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}

/** Field errors of the lock form, in Chinese, keyed by field; empty when it may be saved. */
export function checkLockForm(form: { passphrase: string; confirm: string; idleMinutes: string }): Partial<Record<'passphrase' | 'confirm' | 'idleMinutes', string>> {
  const errors: Partial<Record<'passphrase' | 'confirm' | 'idleMinutes', string>> = {};
  if ([...form.passphrase].length < LOCK_MIN_CHARS) errors.passphrase = `解锁密码至少需要 ${LOCK_MIN_CHARS} 个字符。`;
  else if (form.confirm !== form.passphrase) errors.confirm = '两次输入的解锁密码不一致，请重新输入“确认密码”。';
  const minutes = Number(form.idleMinutes.trim());
  if (!/^\d+$/.test(form.idleMinutes.trim()) || minutes > 480) errors.idleMinutes = '空闲锁定时间请填 0–480 之间的整数分钟（0 表示只在启动时锁定）。';
  return errors;
}

/**
 * Wait before the next attempt after `failures` wrong passphrases: none for the first 3, then
 * 5 s, 10 s, 20 s … up to 15 minutes. Kept across reloads (a reload must not reset it).
 */
export function lockRetryDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(5_000 * 2 ** (failures - 3), 15 * 60_000);
}
