import { describe, expect, it } from 'vitest';
import { hashPassphrase, PBKDF2_ITERATIONS, passphraseProblem, retryDelayMs, verifyPassphrase } from '../../../../renderer/src/core/users/passphrase';

describe('user passphrases', () => {
  it('are stored only as a salted PBKDF2 hash with at least 600,000 iterations', async () => {
    const a = await hashPassphrase('办公室登录密码2026');
    const b = await hashPassphrase('办公室登录密码2026');
    expect(a.iterations).toBeGreaterThanOrEqual(600_000);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('办公室登录密码2026');
    expect(await verifyPassphrase('办公室登录密码2026', a)).toBe(true);
    expect(await verifyPassphrase('办公室登录密码2027', a)).toBe(false);
    expect(await verifyPassphrase('', a)).toBe(false);
  });

  it('treats composed and decomposed forms of the same text as the same passphrase', async () => {
    const s = await hashPassphrase('café-密码-1234', 1000);
    expect(await verifyPassphrase('cafe\u0301-密码-1234', s)).toBe(true);
  });

  it('throttles retries with a growing wait that stops growing', () => {
    expect([0, 1, 2].map(retryDelayMs)).toEqual([0, 0, 0]);
    expect(retryDelayMs(3)).toBe(5_000);
    expect(retryDelayMs(4)).toBe(10_000);
    expect(retryDelayMs(5)).toBe(20_000);
    expect(retryDelayMs(50)).toBe(15 * 60_000);
  });

  it('names the field that is wrong', () => {
    expect(passphraseProblem('短', '短')).toEqual({ field: 'passphrase', message: '密码：至少需要 8 个字符。' });
    expect(passphraseProblem('12345678', '12345679')).toEqual({ field: 'confirm', message: expect.stringMatching(/^确认密码：/) });
    expect(passphraseProblem('12345678', '12345678')).toBeNull();
  });
});
