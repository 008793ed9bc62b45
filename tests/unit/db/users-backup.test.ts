import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../renderer/src/db/backup/auto-backup';
import { commitStagedRestore, inspectForRestore, type RestoreNames, stageBackup } from '../../../renderer/src/db/backup/restore-backup';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import { verifyRestoredAdmin } from '../../../renderer/src/db/restore-admin';
import { handleFor, MemoryBackups } from './backup-test-bridge';
import { addUser, firstAdmin, PASSPHRASE } from './users-test-data';

// Users and roles travel in backups, and a restore is confirmed by a 管理员 of the restored data
// (checked against the staged copy, before anything replaces the case database).

const tag = () => Math.random().toString(36).slice(2);

async function officeBackup() {
  const name = `users-bk-${tag()}`;
  const db = new WorkstationDb(name);
  const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T01:00:00Z'), newId: () => `id-${tag()}`, passphraseIterations: 1_000 });
  await firstAdmin(repos, ['admin']);
  await addUser(repos, '张经办', ['clerk']);
  const backups = new MemoryBackups();
  const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
  db.close();
  return { name, file: handleFor('users.cfbak', backups.get(made?.fileName ?? '')) };
}

describe('users in backups', () => {
  it('restores the users with their roles and passphrase hashes, and the chain of who did what', async () => {
    const { name, file } = await officeBackup();
    const nm: RestoreNames = { main: name, staging: `users-stage-${tag()}`, safety: `users-safety-${tag()}` };
    const inspection = await inspectForRestore(file);
    expect(inspection.rowCounts.users).toBe(2);
    await stageBackup(file, inspection, nm);
    expect(await verifyRestoredAdmin(nm.staging, '张经办', PASSPHRASE)).toEqual({ ok: false, message: expect.stringMatching(/^备份中的管理员：备份数据里没有名为“张经办”的在用管理员/) });
    expect(await verifyRestoredAdmin(nm.staging, '林淼', '不对的密码1234')).toEqual({ ok: false, message: expect.stringContaining('密码不正确') });
    expect(await verifyRestoredAdmin(nm.staging, ' 林 淼 ', PASSPHRASE)).toEqual({ ok: true, usersInBackup: true });
    await Dexie.delete(nm.main);
    await commitStagedRestore(null, { stagedAt: '', fileName: file.fileName, backupCreatedAt: inspection.header.createdAt, rowCounts: inspection.rowCounts }, nm);
    const restored = new WorkstationDb(nm.main);
    const repos = createRepositories(restored);
    expect((await repos.users.list()).map((u) => [u.name, u.roles])).toEqual([
      ['林淼', ['admin']],
      ['张经办', ['clerk']],
    ]);
    expect((await repos.audit.verify()).ok).toBe(true);
    const clerk = (await repos.users.list()).find((u) => u.name === '张经办');
    expect((await repos.users.signIn(clerk?.id ?? '', PASSPHRASE, 't')).ok).toBe(true);
    restored.close();
  });

  it('lets a backup from before users existed be restored; the restored data then asks for its first 管理员', async () => {
    const stagingName = `users-old-${tag()}`;
    const db = new WorkstationDb(stagingName);
    await db.open();
    db.close();
    expect(await verifyRestoredAdmin(stagingName, '', '')).toEqual({ ok: true, usersInBackup: false });
  });
});
