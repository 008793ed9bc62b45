// The writer refuses, with the table, row and field named, anything that would not come back exactly.
import { describe, expect, it } from 'vitest';
import { BackupWriteError, checkBackupPassphrase } from '../../../../renderer/src/core/backup';
import { auditLog, headOf, makeBackup } from './helpers';

async function writeRefusal(rows: unknown[], extra: Parameters<typeof makeBackup>[1] = {}): Promise<BackupWriteError> {
  const e = await makeBackup([{ name: 'creditors', rows }], extra).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackupWriteError);
  return e as BackupWriteError;
}

class Creditor {
  name = '张三';
}

describe('writer refusals', () => {
  it.each([
    ['a Map', { id: 1, extra: new Map() }, '.extra', 'Map'],
    ['a function', { id: 1, f: () => 1 }, '.f', 'function'],
    ['NaN money', { id: 1, principalFen: Number.NaN }, '.principalFen', 'NaN'],
    ['Infinity', { id: 1, list: [1, Number.POSITIVE_INFINITY] }, '.list[1]', 'Infinity'],
    ['undefined in an array', { id: 1, list: [1, undefined] }, '.list[1]', 'undefined'],
    ['a sparse array', { id: 1, list: sparse() }, '.list[1]', '稀疏'],
    ['a BigInt', { id: 1, n: 10n }, '.n', 'bigint'],
    ['a class instance', { id: 1, who: new Creditor() }, '.who', 'Creditor'],
    ['an invalid Date', { id: 1, d: new Date('x') }, '.d', 'Invalid Date'],
    ['a Float64Array', { id: 1, a: new Float64Array(2) }, '.a', 'Float64Array'],
  ])('refuses %s, naming table, row and field', async (_label, bad, path, word) => {
    const e = await writeRefusal([{ id: 0 }, bad]);
    expect(e.code).toBe('INVALID_ROW');
    expect(e.message).toContain('表“creditors”第 2 行');
    expect(e.message).toContain(path);
    expect(e.message).toContain(word);
  });

  it('refuses a short or blank passphrase, and says so for the passphrase field', async () => {
    expect((await writeRefusal([], { passphrase: '1234567' })).code).toBe('WEAK_PASSPHRASE');
    expect((await writeRefusal([], { passphrase: '        ' })).code).toBe('WEAK_PASSPHRASE');
    expect(checkBackupPassphrase('短密码')).toContain('至少需要 8 个字符');
    expect(checkBackupPassphrase('八个汉字的密码啊')).toBeNull();
  });

  it('refuses fewer than 600,000 PBKDF2 iterations', async () => {
    const e = await writeRefusal([], { passphrase: 'long enough', pbkdf2Iterations: 100_000 });
    expect(e.code).toBe('INVALID_OPTIONS');
    expect(e.message).toContain('600000');
  });

  it('refuses duplicate tables and bad versions', async () => {
    const dup = await makeBackup([
      { name: 'a', rows: [] },
      { name: 'a', rows: [] },
    ]).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 'INVALID_OPTIONS' });
    for (const name of ['__proto__', '', 'has space', '表']) {
      const bad = await makeBackup([{ name, rows: [] }]).catch((e: unknown) => e);
      expect(bad, name).toMatchObject({ code: 'INVALID_OPTIONS' });
    }
    expect((await writeRefusal([], { schemaVersion: -1 })).message).toContain('schemaVersion');
    expect((await writeRefusal([], { createdAt: '+010000-01-01T00:00:00Z' })).code).toBe('INVALID_OPTIONS');
  });

  it('requires the audit table last, so writes during the backup are caught', async () => {
    const log = auditLog(2);
    const e = await makeBackup(
      [
        { name: 'auditLog', rows: log },
        { name: 'cases', rows: [] },
      ],
      { auditChainHead: headOf(log) },
    ).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect((e as Error).message).toContain('须排在最后');
  });

  it('fails (leaving no final frame) when the audit log moved on during the backup', async () => {
    const log = auditLog(4);
    const staleHead = headOf(log.slice(0, 3));
    const e = await makeBackup([{ name: 'auditLog', rows: log }], { auditChainHead: staleHead }).catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'AUDIT_HEAD_MISMATCH' });
    expect((e as Error).message).toContain('备份期间数据库可能被修改');
  });
});

function sparse(): number[] {
  const a = [1];
  a[2] = 3;
  return a;
}
