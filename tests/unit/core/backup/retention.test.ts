import { describe, expect, it } from 'vitest';
import { planBackupRetention } from '../../../../renderer/src/core/backup';

const NOW = '2026-11-26T03:00:00Z';

function daily(n: number, from = Date.parse(NOW)) {
  return Array.from({ length: n }, (_, i) => ({ id: `d${i}`, createdAt: new Date(from - i * 86_400_000).toISOString() }));
}

describe('backup retention: last 10 plus one per month for 12 months', () => {
  it('keeps everything while there are 10 or fewer', () => {
    const plan = planBackupRetention(daily(10), NOW);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(10);
  });

  it('a year and a half of daily backups: 10 newest + the newest of each of 12 months', () => {
    const all = daily(550);
    const plan = planBackupRetention(all, NOW);
    const kept = plan.keep.map((k) => k.backup.createdAt.slice(0, 10));
    expect(kept.slice(0, 10)).toEqual(all.slice(0, 10).map((b) => b.createdAt.slice(0, 10)));
    const monthly = plan.keep.filter((k) => k.reasons.includes('monthly')).map((k) => k.backup.createdAt.slice(0, 10));
    expect(monthly).toEqual([
      '2026-11-26', '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30',
      '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31',
    ]);
    expect(plan.keep).toHaveLength(10 + 11);
    expect(plan.keep.length + plan.remove.length).toBe(550);
  });

  it('counts months in China time: 2026-10-31T17:00Z is already November', () => {
    const backups = [
      ...daily(10, Date.parse('2026-11-26T00:00:00Z')),
      { id: 'edge', createdAt: '2026-10-31T17:00:00Z' },
      { id: 'oct', createdAt: '2026-10-31T15:00:00Z' },
    ];
    const plan = planBackupRetention(backups, NOW);
    expect(plan.remove.map((b) => b.id)).toEqual(['edge']);
    expect(plan.keep.find((k) => k.backup.id === 'oct')?.reasons).toEqual(['monthly']);
    const utc = planBackupRetention(backups, NOW, { utcOffsetMinutes: 0 });
    expect(utc.remove.map((b) => b.id)).toEqual(['oct']);
  });

  it('never deletes a backup with an unreadable or future date', () => {
    const backups = [...daily(30), { id: 'bad', createdAt: 'yesterday' }, { id: 'future', createdAt: '2027-01-01T00:00:00Z' }];
    const plan = planBackupRetention(backups, NOW);
    expect(plan.keep.find((k) => k.backup.id === 'bad')?.reasons).toEqual(['unreadable-date']);
    expect(plan.keep.find((k) => k.backup.id === 'future')?.reasons).toEqual(['future']);
    expect(plan.remove.map((b) => b.id)).not.toContain('bad');
  });

  it('does not depend on input order and refuses an invalid now', () => {
    const all = daily(40);
    const a = planBackupRetention(all, NOW).remove.map((b) => b.id);
    const b = planBackupRetention([...all].reverse(), NOW).remove.map((x) => x.id);
    expect(b).toEqual(a);
    expect(() => planBackupRetention(all, 'not a date')).toThrow(/当前时间无效/);
  });
});
