import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../renderer/src/core/audit/audit-entry';
import { verifyAuditChain } from '../../../renderer/src/core/audit/verify-chain';
import { backupDatabase } from '../../../renderer/src/db/backup/auto-backup';
import { replacedState } from '../../../renderer/src/db/backup/database-summary';
import {
  commitStagedRestore,
  inspectForRestore,
  markRestoreAnnounced,
  type RestoreNames,
  readLastRestore,
  restoreJournalFor,
  stageBackup,
  unannouncedRestore,
} from '../../../renderer/src/db/backup/restore-backup';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import { forgePlainBackup } from '../core/backup/forge';
import { handleFor, MemoryBackups } from './backup-test-bridge';

// Issue 11: a restore is itself in the audit log (which backup, by hash, replaced which state) and is
// announced once after the reload. Issue 12: automatic and manual backups are sealed, so a forged row
// is refused at restore. Format 1 files (written before compression) still restore.

function names(): RestoreNames {
  const tag = Math.random().toString(36).slice(2);
  return { main: `rr-main-${tag}`, staging: `rr-stage-${tag}`, safety: `rr-safety-${tag}` };
}

async function officeDb(name: string, officeName: string): Promise<WorkstationDb> {
  const db = new WorkstationDb(name);
  await db.open();
  let id = 0;
  const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T01:00:00Z'), newId: () => `id-${++id}` });
  await repos.settings.saveSection('office', { officeName, operatorName: '王五' });
  await db.creditorBlocks.add({
    id: 'case-1#1#0',
    caseId: 'case-1',
    generation: 1,
    seq: 0,
    creditors: [{ cid: '1', name: '赵敏', idNumber: '11010519491231002X', principalFen: 1_000_000 }],
  } as never);
  return db;
}

async function tables(name: string): Promise<Record<string, unknown[]>> {
  const db = new WorkstationDb(name);
  await db.open();
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of db.tables) out[t.name] = await t.orderBy(':id').toArray();
    return out;
  } finally {
    db.close();
  }
}

describe('the restore in the audit log', () => {
  it('records which backup (by hash) replaced which state, and where the state went, in a chain that verifies', async () => {
    const nm = names();
    const db = await officeDb(nm.main, '备份时的名称');
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    await createRepositories(db).settings.saveSection('office', { officeName: '改过的名称', operatorName: '王五' });
    const replaced = await replacedState(db);
    expect(replaced.auditHead?.seq).toBe(2);

    const file = handleFor('备份.cfbak', backups.get(made?.fileName ?? ''));
    const inspection = await inspectForRestore(file, undefined, await backups.sealKey());
    expect(inspection.seal.status).toBe('valid');
    await stageBackup(file, inspection, nm);
    const preRestore = { fileName: '恢复前.cfbak', where: '浏览器的“下载”文件夹', encrypted: true };
    await commitStagedRestore(db, restoreJournalFor(file.fileName, inspection, replaced, preRestore), nm);

    const after = await tables(nm.main);
    const audit = after.audit as AuditEntry[];
    expect(verifyAuditChain(audit)).toMatchObject({ ok: true, count: 2 });
    const entry = audit[1] as AuditEntry;
    expect(entry).toMatchObject({
      seq: 2,
      action: 'restore',
      entity: 'database',
      entityId: inspection.headerSha256,
      before: { auditHead: replaced.auditHead, rowCounts: replaced.rowCounts },
      after: {
        backup: {
          fileName: '备份.cfbak',
          headerSha256: inspection.headerSha256,
          bodySha256: inspection.bodySha256,
          auditHead: { seq: 1, hash: inspection.header.auditChainHead?.hash },
          encrypted: false,
        },
        preRestoreBackup: preRestore,
      },
    });
    // The restored chain continues from the backup's head, not the replaced one's.
    expect(entry.prevHash).toBe(inspection.header.auditChainHead?.hash);
    expect(JSON.stringify(after.settings)).toContain('备份时的名称');

    // Announced once after the reload.
    expect((await unannouncedRestore(nm))?.auditSeq).toBe(2);
    await markRestoreAnnounced(nm);
    expect(await unannouncedRestore(nm)).toBeNull();
    expect((await readLastRestore(nm))?.preRestoreBackup).toEqual(preRestore);
  });
});

describe('sealed backups at restore', () => {
  it('an automatic backup is sealed; the same file with one amount forged and every hash recomputed is refused', async () => {
    const nm = names();
    const db = await officeDb(nm.main, '某某市处非办');
    const backups = new MemoryBackups();
    const made = await backupDatabase(db, backups, { reason: 'startup', appVersion: '0.1.0' });
    const bytes = backups.get(made?.fileName ?? '');
    const forged = await forgePlainBackup(bytes, {
      recomputeHashes: true,
      editRows: (_, lines) => lines.map((l) => l.replace('"principalFen":1000000', '"principalFen":9000000')),
    });
    expect(forged).not.toEqual(bytes);
    const key = await backups.sealKey();
    await expect(inspectForRestore(handleFor('f.cfbak', forged), undefined, key)).rejects.toMatchObject({
      code: 'TAMPERED',
      message: expect.stringContaining('签名不符'),
    });
    expect(await Dexie.exists(nm.staging)).toBe(false);
    // Where the platform keeps no key the backup is unsealed, and says so.
    backups.keepsSealKey = false;
    const unsealed = await backupDatabase(db, backups, { reason: 'manual', appVersion: '0.1.0' });
    expect((await inspectForRestore(handleFor('u.cfbak', backups.get(unsealed?.fileName ?? '')), undefined, key)).seal.status).toBe('unsealed');
  });
});

describe('backups in format version 1 (before compression)', () => {
  for (const [file, passphrase] of [
    ['v1-plain.cfbak', undefined],
    ['v1-encrypted.cfbak', '旧格式备份密码2026'],
  ] as const) {
    it(`${file} restores every row, bytes and dates included`, async () => {
      const nm = names();
      const bytes = new Uint8Array(readFileSync(new URL(`../../fixtures/backup/${file}`, import.meta.url)));
      const handle = handleFor(file, bytes, 1000);
      const inspection = await inspectForRestore(handle, passphrase);
      expect(inspection.header.formatVersion).toBe(1);
      expect(inspection.seal.status).toBe('unsealed');
      expect(inspection.auditChain.status).toBe('verified');
      await stageBackup(handle, inspection, nm);
      await commitStagedRestore(null, restoreJournalFor(file, inspection, null, null), nm);
      const after = await tables(nm.main);
      expect(after.cases).toHaveLength(30);
      expect(after.creditorBlocks?.map((b) => (b as { creditors: unknown[] }).creditors.length)).toEqual([50, 50]);
      const attachment = after.attachments?.[0] as { bytes: Uint8Array; at: Date };
      expect(attachment.bytes).toEqual(Uint8Array.of(37, 80, 68, 70, 0, 255));
      expect(attachment.at).toEqual(new Date('2026-11-26T02:00:00Z'));
      expect(verifyAuditChain(after.audit as AuditEntry[])).toMatchObject({ ok: true, count: 2 });
    });
  }
});
