import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../renderer/src/core/audit/audit-entry';
import { verifyAuditChain } from '../../../renderer/src/core/audit/verify-chain';
import { backupDatabase } from '../../../renderer/src/db/backup/auto-backup';
import {
  commitStagedRestore,
  finishPendingRestore,
  inspectForRestore,
  type RestoreNames,
  stageBackup,
} from '../../../renderer/src/db/backup/restore-backup';
import { writeSafetyValue } from '../../../renderer/src/db/backup/safety-store';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import { handleFor, MemoryBackups } from './backup-test-bridge';

let n = 0;
function names(): RestoreNames {
  n++;
  const tag = `${n}-${Math.random().toString(36).slice(2)}`;
  return { main: `bk-main-${tag}`, staging: `bk-stage-${tag}`, safety: `bk-safety-${tag}` };
}

/** A database with rows in many tables, written through repositories where they exist (so the audit chain is real). */
async function seeded(name: string): Promise<WorkstationDb> {
  const db = new WorkstationDb(name);
  await db.open();
  let id = 0;
  const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T01:00:00Z'), newId: () => `id-${++id}` });
  await repos.settings.saveSection('office-note', { officeName: '某某市处置非法集资工作办公室', operatorName: '王五' });
  for (let i = 0; i < 5; i++) await repos.settings.saveSection(`area-${i}`, { value: i, note: '设置' });
  await db.cases.bulkAdd(
    Array.from({ length: 450 }, (_, i) => ({ id: `case-${i}`, caseNumber: `（2026）处非字第${i}号`, title: `某某公司非法吸收公众存款案${i}` })) as never[],
  );
  await db.creditorBlocks.bulkAdd(
    Array.from({ length: 3 }, (_, b) => ({
      id: `case-1#1#${b}`,
      caseId: 'case-1',
      generation: 1,
      seq: b,
      creditors: Array.from({ length: 100 }, (_, k) => ({ cid: `${b * 100 + k + 1}`, name: `债权人${k}`, idNumber: '11010519491231002X', principalFen: 100_000 + k })),
    })) as never[],
  );
  await db.attachments.add({ id: 'att-1', documentId: 'doc-1', fileName: '笔录.pdf', mimeType: 'application/pdf', bytes: Uint8Array.of(37, 80, 68, 70, 0, 255) } as never);
  return db;
}

async function dump(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.orderBy(':id').toArray();
  return out;
}

/**
 * The restored database equals `before` in every table, and its audit log is `before`'s followed by
 * one verifying entry recording the restore. Returns that entry.
 */
function expectRestored(after: Record<string, unknown[]>, before: Record<string, unknown[]>): AuditEntry {
  const { audit: restoredAudit = [], ...restTables } = after;
  const { audit: backupAudit = [], ...beforeTables } = before;
  expect(restTables).toEqual(beforeTables);
  expect(restoredAudit.slice(0, -1)).toEqual(backupAudit);
  const entry = restoredAudit.at(-1) as AuditEntry;
  expect(entry).toMatchObject({ action: 'restore', entity: 'database', seq: backupAudit.length + 1 });
  expect(verifyAuditChain(restoredAudit as AuditEntry[])).toMatchObject({ ok: true, count: backupAudit.length + 1 });
  return entry;
}

async function dumpByName(name: string): Promise<Record<string, unknown[]>> {
  const db = new WorkstationDb(name);
  await db.open();
  try {
    return await dump(db);
  } finally {
    db.close();
  }
}

describe('backup, wipe, restore', () => {
  it('gives back every table unchanged, with a verifying audit chain', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    const before = await dump(db);
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    expect(made?.summary.rowCounts).toMatchObject({ cases: 450, creditorBlocks: 3, attachments: 1, audit: 6, settings: 6 });
    db.close();
    await Dexie.delete(nm.main); // the wipe

    const file = handleFor('x.cfbak', backups.get(made?.fileName ?? ''));
    const inspection = await inspectForRestore(file);
    expect(inspection.auditChain.status).toBe('verified');
    await stageBackup(file, inspection, nm);
    await commitStagedRestore(null, { stagedAt: '', fileName: file.fileName, backupCreatedAt: inspection.header.createdAt, rowCounts: inspection.rowCounts }, nm);

    const after = await dumpByName(nm.main);
    expectRestored(after, before);
    expect(await Dexie.exists(nm.staging)).toBe(false);
  });

  it('replaces a changed database with the backup and keeps the pre-restore state in a backup', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0', passphrase: '正确的备份密码123' });
    const before = await dump(db);
    await db.cases.put({ id: 'case-0', caseNumber: 'changed', title: '改过' } as never);
    await db.cases.add({ id: 'case-new', caseNumber: 'new', title: '新案' } as never);
    const file = handleFor('y.cfbak', backups.get(made?.fileName ?? ''));
    const inspection = await inspectForRestore(file, '正确的备份密码123');
    const pre = await backupDatabase(db, backups, { reason: 'pre-restore', appVersion: '0.1.0' });
    expect(pre?.summary.rowCounts.cases).toBe(451);
    await stageBackup(file, inspection, nm);
    await commitStagedRestore(db, { stagedAt: '', fileName: 'y', backupCreatedAt: '', rowCounts: inspection.rowCounts }, nm);
    expectRestored(await dumpByName(nm.main), before);
  });
});

describe('refused backups change nothing', () => {
  async function setup(passphrase?: string) {
    const nm = names();
    const db = await seeded(nm.main);
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0', ...(passphrase ? { passphrase } : {}) });
    const bytes = backups.get(made?.fileName ?? '');
    await db.cases.put({ id: 'case-0', caseNumber: 'current', title: '当前数据' } as never);
    const current = await dump(db);
    return { nm, db, bytes, current };
  }

  it('one flipped bit in the body is detected before anything is written', async () => {
    const { db, bytes, current } = await setup();
    const damaged = bytes.slice();
    const at = Math.floor(damaged.length * 0.6);
    damaged[at] = (damaged[at] ?? 0) ^ 0x04;
    await expect(inspectForRestore(handleFor('d.cfbak', damaged))).rejects.toMatchObject({ code: 'CORRUPTED', message: expect.stringContaining('已损坏') });
    expect(await dump(db)).toEqual(current);
  });

  it('a wrong passphrase is refused with a clear message', async () => {
    const { db, bytes, current } = await setup('正确的备份密码123');
    await expect(inspectForRestore(handleFor('e.cfbak', bytes), '错误的密码abcdefg')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringContaining('密码不正确'),
    });
    await expect(inspectForRestore(handleFor('e.cfbak', bytes))).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(await dump(db)).toEqual(current);
  });

  it('a truncated file is refused', async () => {
    const { db, bytes, current } = await setup();
    for (const cut of [0, 20, Math.floor(bytes.length / 2), bytes.length - 1]) {
      await expect(inspectForRestore(handleFor('t.cfbak', bytes.subarray(0, cut)))).rejects.toMatchObject({ code: 'TRUNCATED', message: expect.stringContaining('不完整') });
    }
    expect(await dump(db)).toEqual(current);
  });

  it('a file that changes between verification and restore leaves the database alone and removes the staging copy', async () => {
    const { nm, db, bytes, current } = await setup();
    const inspection = await inspectForRestore(handleFor('s.cfbak', bytes));
    const swapped = bytes.slice();
    const at = bytes.length - 40;
    swapped[at] = (swapped[at] ?? 0) ^ 1;
    await expect(stageBackup(handleFor('s.cfbak', swapped), inspection, nm)).rejects.toMatchObject({ code: 'CORRUPTED' });
    expect(await Dexie.exists(nm.staging)).toBe(false);
    expect(await dump(db)).toEqual(current);
  });
});

describe('an interrupted restore', () => {
  it('is completed at the next start from the staging copy', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    const before = await dump(db);
    const file = handleFor('z.cfbak', backups.get(made?.fileName ?? ''));
    const inspection = await inspectForRestore(file);
    await stageBackup(file, inspection, nm);
    // Crash after the journal was written and the case database half replaced.
    await writeSafetyValue('restore-journal', { stagedAt: '', fileName: 'z', backupCreatedAt: '', rowCounts: {} }, nm.safety);
    await db.cases.clear();
    db.close();
    const journal = await finishPendingRestore(nm);
    expect(journal?.fileName).toBe('z');
    // Copied again from the start: still exactly one entry for the restore.
    expectRestored(await dumpByName(nm.main), before);
    expect(await finishPendingRestore(nm)).toBeNull();
  });
});

describe('a backup during writes', () => {
  it('starts again when a repository write lands mid-backup, and the file holds one consistent state', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T02:00:00Z'), newId: () => 'x' });
    const backups = new MemoryBackups();
    let wrote = false;
    const real = backups.beginBackup.bind(backups);
    backups.beginBackup = async (target) => {
      const writer = await real(target);
      if (!writer) return null;
      return {
        ...writer,
        write: async (chunk: Uint8Array) => {
          if (!wrote) {
            wrote = true;
            await repos.settings.saveSection('during', { v: 1 });
          }
          await writer.write(chunk);
        },
      };
    };
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    expect(made?.attempts).toBe(2);
    const inspection = await inspectForRestore(handleFor('w', backups.get(made?.fileName ?? '')));
    expect(inspection.rowCounts).toMatchObject({ audit: 7, settings: 7 });
    expect(inspection.auditChain.status).toBe('verified');
  });
});

describe('a backup that cannot be written', () => {
  it('removes the partial file and names the table, row and field', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    await db.documents.add({ id: 'doc-x', caseId: 'case-1', body: { pages: new Map([[1, 'x']]) } } as never);
    const backups = new MemoryBackups();
    let aborted = 0;
    const real = backups.beginBackup.bind(backups);
    backups.beginBackup = async (target) => {
      const writer = await real(target);
      return writer && { ...writer, abort: async () => void aborted++ };
    };
    await expect(backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' })).rejects.toThrow(/documents/);
    expect(aborted).toBe(1);
    expect(backups.files.size).toBe(0);
  });

  it('gives up after three attempts when writes keep landing', async () => {
    const nm = names();
    const db = await seeded(nm.main);
    const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T02:00:00Z'), newId: () => 'x' });
    const backups = new MemoryBackups();
    const real = backups.beginBackup.bind(backups);
    let n = 0;
    backups.beginBackup = async (target) => {
      const writer = await real(target);
      if (!writer) return null;
      let wroteThisAttempt = false;
      return {
        ...writer,
        rewind: async () => {
          wroteThisAttempt = false;
          await writer.rewind();
        },
        write: async (chunk: Uint8Array) => {
          if (!wroteThisAttempt) {
            wroteThisAttempt = true;
            await repos.settings.saveSection('busy', { n: ++n });
          }
          await writer.write(chunk);
        },
      };
    };
    await expect(backupDatabase(db, backups, { reason: 'quit', appVersion: '0.1.0' })).rejects.toMatchObject({ code: 'AUDIT_HEAD_MISMATCH' });
    expect(n).toBe(3);
    expect(backups.files.size).toBe(0);
  });
});
