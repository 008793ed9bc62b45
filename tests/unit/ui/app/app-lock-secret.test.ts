import { describe, expect, it } from 'vitest';
import { checkLockForm, hashLockPassphrase, LOCK_PBKDF2_ITERATIONS, lockRetryDelayMs, verifyLockPassphrase } from '../../../../renderer/src/ui/app/app-lock-secret';

describe('app lock passphrase', () => {
  it('is stored only as a salted PBKDF2 hash with at least 600,000 iterations', async () => {
    const a = await hashLockPassphrase('办公室解锁密码2026');
    const b = await hashLockPassphrase('办公室解锁密码2026');
    expect(a.iterations).toBeGreaterThanOrEqual(600_000);
    expect(LOCK_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('办公室解锁密码2026');
    expect(await verifyLockPassphrase('办公室解锁密码2026', a)).toBe(true);
    expect(await verifyLockPassphrase('办公室解锁密码2027', a)).toBe(false);
    expect(await verifyLockPassphrase('', a)).toBe(false);
  });

  it('treats composed and decomposed forms of the same text as the same passphrase', async () => {
    const s = await hashLockPassphrase('café-密码-1234', 1000);
    expect(await verifyLockPassphrase('cafe\u0301-密码-1234', s)).toBe(true);
  });

  it('throttles retries with a growing wait that stops growing', () => {
    expect([0, 1, 2].map(lockRetryDelayMs)).toEqual([0, 0, 0]);
    expect(lockRetryDelayMs(3)).toBe(5_000);
    expect(lockRetryDelayMs(4)).toBe(10_000);
    expect(lockRetryDelayMs(5)).toBe(20_000);
    expect(lockRetryDelayMs(50)).toBe(15 * 60_000);
  });

  it('names the field that is wrong', () => {
    expect(checkLockForm({ passphrase: '短', confirm: '短', idleMinutes: '10' })).toEqual({ passphrase: expect.stringContaining('至少需要 8 个字符') });
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345679', idleMinutes: '10' })).toEqual({ confirm: expect.stringContaining('确认密码') });
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345678', idleMinutes: '十' })).toEqual({ idleMinutes: expect.stringContaining('0–480') });
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345678', idleMinutes: '481' })).toHaveProperty('idleMinutes');
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345678', idleMinutes: ' 0 ' })).toEqual({});
  });
});
