import { describe, expect, it } from 'vitest';
import { backupAtStartupIfDue, backupDatabase, isStartupBackupDue } from '../../../renderer/src/db/backup/auto-backup';
import { inspectForRestore } from '../../../renderer/src/db/backup/restore-backup';
import { handleFor, MemoryBackups } from './backup-test-bridge';
import { makeTestRepos } from './test-db';

const now = new Date('2026-11-26T09:00:00Z');
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();

describe('automatic backups', () => {
  it('are due at start when there is none, or the newest is over a day old', () => {
    expect(isStartupBackupDue([], now)).toBe(true);
    expect(isStartupBackupDue([{ fileName: 'a', byteLength: 1, createdAt: at(23) }], now)).toBe(false);
    expect(isStartupBackupDue([{ fileName: 'a', byteLength: 1, createdAt: at(25) }, { fileName: 'b', byteLength: 1, createdAt: at(30) }], now)).toBe(true);
    expect(isStartupBackupDue([{ fileName: 'a', byteLength: 1, createdAt: 'garbled' }], now)).toBe(true);
  });

  it('write a start-up backup only when due, with its reason in the header', async () => {
    const { db, repos } = makeTestRepos();
    await repos.settings.saveSection('x', { a: 1 });
    const backups = new MemoryBackups(() => now);
    const first = await backupAtStartupIfDue(db, backups, '0.1.0', now);
    expect(first?.summary.header.reason).toBe('startup');
    expect(await backupAtStartupIfDue(db, backups, '0.1.0', new Date(now.getTime() + 3_600_000))).toBeNull();
    const inspection = await inspectForRestore(handleFor('s', backups.get(first?.fileName ?? '')));
    expect(inspection.header).toMatchObject({ reason: 'startup', appVersion: '0.1.0', schemaVersion: db.verno });
  });

  it('are never attempted in a browser, and run one at a time', async () => {
    const { db } = makeTestRepos();
    const browser = new MemoryBackups(() => now);
    browser.automaticBackups = false;
    expect(await backupDatabase(db, browser, { reason: 'quit', appVersion: '0.1.0' })).toBeNull();
    expect(await backupAtStartupIfDue(db, browser, '0.1.0', now)).toBeNull();

    const desktop = new MemoryBackups(() => now);
    const order: string[] = [];
    const real = desktop.beginBackup.bind(desktop);
    desktop.beginBackup = async (target) => {
      order.push(`begin ${target.kind === 'auto' ? target.reason : 'file'}`);
      const writer = await real(target);
      return (
        writer && {
          ...writer,
          finish: async () => {
            order.push('finish');
            return writer.finish();
          },
        }
      );
    };
    await Promise.all([
      backupDatabase(db, desktop, { reason: 'startup', appVersion: '0.1.0' }),
      backupDatabase(db, desktop, { reason: 'quit', appVersion: '0.1.0' }),
    ]);
    expect(order).toEqual(['begin startup', 'finish', 'begin quit', 'finish']);
  });
});
