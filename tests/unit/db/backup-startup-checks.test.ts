import { describe, expect, it } from 'vitest';
import { checkDiskSpace, preparationChecks, runStartupChecks } from '../../../renderer/src/db/startup-checks';
import { makeTestRepos } from './test-db';

describe('start-up checks', () => {
  it('all pass on a healthy database with enough disk space', async () => {
    const { db, repos } = makeTestRepos();
    await repos.settings.saveSection('x', { a: 1 });
    await repos.settings.saveSection('x', { a: 2 });
    const checks = await runStartupChecks(db, { diskSpace: async () => ({ freeBytes: 50e9, totalBytes: 100e9, where: '数据目录' }) });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['database', 'ok'],
      ['schema', 'ok'],
      ['audit', 'ok'],
      ['disk', 'ok'],
    ]);
    expect(checks.find((c) => c.id === 'audit')?.message).toContain('共 2 条');
  });

  it('say where the audit chain breaks', async () => {
    const { db, repos } = makeTestRepos();
    for (let i = 0; i < 4; i++) await repos.settings.saveSection('x', { a: i });
    const third = await db.audit.get(3);
    if (!third) throw new Error('no entry 3');
    await db.audit.put({ ...third, operator: '有人改过' }); // tampered outside the app
    const checks = await runStartupChecks(db, { diskSpace: async () => null });
    const audit = checks.find((c) => c.id === 'audit');
    expect(audit).toMatchObject({ status: 'error', brokenAtSeq: 3 });
    expect(audit?.message).toContain('第 3 条');
    // A deleted entry is a gap.
    await db.audit.put(third);
    await db.audit.delete(2);
    expect((await runStartupChecks(db, { diskSpace: async () => null })).find((c) => c.id === 'audit')).toMatchObject({ status: 'error', brokenAtSeq: 2 });
  });

  it('warn when free space is below the threshold, and survive a failing query', async () => {
    expect(checkDiskSpace({ freeBytes: 300 * 1024 * 1024, totalBytes: 1e12, where: '数据目录 /home/u' })).toMatchObject({
      status: 'warning',
      message: expect.stringContaining('仅剩 300 MB'),
    });
    expect(checkDiskSpace(null).status).toBe('ok');
    const { db } = makeTestRepos();
    const checks = await runStartupChecks(db, {
      diskSpace: async () => {
        throw new Error('statfs failed');
      },
    });
    expect(checks.find((c) => c.id === 'disk')?.status).toBe('ok');
  });

  it('report what happened before the database opened', () => {
    const base = { probe: { exists: true as const, schemaVersion: 1 }, schemaNewer: false, previousAppVersion: '0.1.0' };
    expect(preparationChecks({ ...base, completedRestore: null, protectiveBackup: { reason: 'pre-migration', status: 'failed', message: '磁盘已满。' } })).toEqual([
      { id: 'protective-backup', status: 'error', message: expect.stringContaining('数据结构升级前的自动备份失败：磁盘已满。') },
    ]);
    expect(
      preparationChecks({
        ...base,
        completedRestore: { stagedAt: '', fileName: 'a.cfbak', backupCreatedAt: '', rowCounts: {} },
        protectiveBackup: { reason: 'pre-upgrade', status: 'written', fileName: 'b.cfbak' },
      }).map((c) => c.status),
    ).toEqual(['ok', 'ok']);
  });
});
