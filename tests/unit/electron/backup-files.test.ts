import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoBackupFileName, backupsToRemove, parseAutoBackupFileName } from '../../../electron/main/backup-files';
import { isPathInside } from '../../../electron/main/file-names';
import { planBackupRetention } from '../../../renderer/src/core/backup';

describe('automatic backup names', () => {
  it('round-trip the time and reason, and refuse other names', () => {
    const at = new Date('2026-11-26T01:30:00.123Z');
    const name = autoBackupFileName(at, 'pre-migration');
    expect(name).toBe('chufei-20261126-013000123Z-pre-migration.cfbak');
    expect(parseAutoBackupFileName(name)).toEqual({ createdAt: at.toISOString(), reason: 'pre-migration' });
    expect(parseAutoBackupFileName(autoBackupFileName(at, 'quit', 2))).toMatchObject({ reason: 'quit' });
    for (const bad of ['chufei-20261340-013000123Z-quit.cfbak', 'notes.txt', '../chufei-20261126-013000123Z-quit.cfbak', 'chufei-20261126-013000123Z-quit.cfbak.tmp']) {
      expect(parseAutoBackupFileName(bad), bad).toBeNull();
    }
  });
});

describe('retention in main', () => {
  it('keeps the newest 10 and one per month for 12 months', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const daily = Array.from({ length: 400 }, (_, i) => ({ fileName: `f${i}`, createdAt: new Date(now.getTime() - i * 86_400_000).toISOString() }));
    const removed = backupsToRemove(daily, now);
    expect(daily.length - removed.length).toBe(10 + 11); // November counts once (already among the newest 10)
  });

  it('agrees with the backup core on any set of dates', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 800 * 24 }), { maxLength: 60 }), (hoursAgo) => {
        const backups = hoursAgo.map((h, i) => ({ fileName: `b${i}`, createdAt: new Date(now.getTime() - h * 3_600_000).toISOString() }));
        const core = planBackupRetention(backups, now).remove.map((b) => b.fileName).sort();
        expect(backupsToRemove(backups, now).map((b) => b.fileName).sort()).toEqual(core);
      }),
    );
  });
});

describe('paths outside the allowed folders', () => {
  it('are refused', () => {
    const folder = '/home/u/.config/处非工作台/backups';
    expect(isPathInside(folder, `${folder}/chufei-1.cfbak`)).toBe(true);
    expect(isPathInside(folder, `${folder}/../处非工作台/IndexedDB/x`)).toBe(false);
    expect(isPathInside(folder, '/etc/passwd')).toBe(false);
    expect(isPathInside(folder, `${folder}-evil/x.cfbak`)).toBe(false);
  });
});
