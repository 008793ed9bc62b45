// The backup core against the app's real Dexie schema (fake-indexeddb): read every table in pages,
// each page its own transaction (as a backup that awaits disk writes must), audit table last; then
// restore into an empty database and compare every table. Shows the API fits the store; the app's
// backup service (main process + db layer) is built elsewhere.
import { describe, expect, it } from 'vitest';
import { type AuditEntry, sealAuditEntry } from '../../../../renderer/src/core/audit/audit-entry';
import { verifyAuditChain } from '../../../../renderer/src/core/audit/verify-chain';
import { type BackupTableSource, inspectBackup, readBackupRows, writeBackup } from '../../../../renderer/src/core/backup';
import { WorkstationDb } from '../../../../renderer/src/db/database';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/src/db/schema';
import { auditLog, collect, creditorBlock } from './helpers';

const PAGE = 7;

async function* pagedRows(db: WorkstationDb, name: string): AsyncGenerator<unknown> {
  const table = db.table(name);
  let page = await table.orderBy(':id').limit(PAGE).toArray();
  while (page.length > 0) {
    yield* page;
    const lastKey = (page[page.length - 1] as Record<string, unknown>)[table.schema.primKey.keyPath as string];
    page = await table.where(':id').above(lastKey).limit(PAGE).toArray();
  }
}

function sources(db: WorkstationDb): BackupTableSource[] {
  const names = db.tables.map((t) => t.name).filter((n) => n !== 'audit');
  return [...names, 'audit'].map((name) => ({ name, rows: pagedRows(db, name) }));
}

async function dump(db: WorkstationDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.orderBy(':id').toArray();
  return out;
}

describe('backup and restore of the Dexie store', () => {
  it('restores every table unchanged, with a verifying audit chain', async () => {
    const source = new WorkstationDb(`backup-src-${Date.now()}`);
    await source.open();
    const log: AuditEntry[] = auditLog(30);
    // Untyped tables: the row types are still evolving with their features; the backup must not care.
    await source.table('cases').bulkAdd(
      Array.from({ length: 20 }, (_, i) => ({ id: `case-${i}`, caseNumber: `（2026）处非字第${i}号`, title: `某某案${i}`, filedAt: new Date(Date.UTC(2026, 0, i + 1)) })),
    );
    await source.table('creditorBlocks').bulkAdd(Array.from({ length: 12 }, (_, b) => ({ ...creditorBlock(b, 50), generation: 1 })));
    await source.table('attachments').bulkAdd([
      { id: 'att-1', documentId: 'doc-1', fileName: '现场检查笔录.pdf', mimeType: 'application/pdf', bytes: Uint8Array.of(37, 80, 68, 70, 0, 255) },
    ]);
    await source.table('settings').put({ id: 'app', value: { officeName: '某某市处非办' } });
    await source.table('audit').bulkAdd(log);
    const before = await dump(source);
    const last = log[log.length - 1] as AuditEntry;

    const bytes = await collect(
      writeBackup(sources(source), {
        appVersion: '0.1.0',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        auditChainHead: { table: 'audit', seq: last.seq, hash: last.hash },
        passphrase: '恢复测试用的密码',
      }),
    );
    source.close();

    const inspection = await inspectBackup([bytes], {
      passphrase: '恢复测试用的密码',
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      verifyAuditChain,
    });
    expect(inspection.auditChain).toMatchObject({ status: 'verified', count: 30 });
    expect(inspection.rowCounts).toMatchObject({ cases: 20, creditorBlocks: 12, attachments: 1, audit: 30, settings: 1 });

    const target = new WorkstationDb(`backup-dst-${Date.now()}`);
    await target.open();
    for await (const batch of readBackupRows([bytes], inspection)) await target.table(batch.table).bulkAdd(batch.rows);
    const after = await dump(target);
    expect(after).toEqual(before);
    expect((after.attachments?.[0] as { bytes?: unknown } | undefined)?.bytes).toBeInstanceOf(Uint8Array);
    expect((after.cases?.[0] as { filedAt?: unknown } | undefined)?.filedAt).toBeInstanceOf(Date);
    target.close();
  });

  it('fails instead of mixing two states when a write lands while the backup runs', async () => {
    const db = new WorkstationDb(`backup-live-${Date.now()}`);
    await db.open();
    const log = auditLog(3);
    const last = log[log.length - 1] as AuditEntry;
    await db.table('cases').bulkAdd(Array.from({ length: 20 }, (_, i) => ({ id: `case-${i}`, caseNumber: `N${i}` })));
    await db.table('audit').bulkAdd(log);
    const tables = sources(db).map((t) =>
      t.name !== 'cases'
        ? t
        : {
            name: t.name,
            rows: (async function* () {
              let n = 0;
              for await (const row of t.rows as AsyncIterable<unknown>) {
                yield row;
                if (++n === PAGE) {
                  // Another part of the app writes, through a repository: data + audit entry together.
                  await db.transaction('rw', db.table('cases'), db.table('audit'), async () => {
                    await db.table('cases').put({ id: 'case-0', caseNumber: 'N0', title: '已修改' });
                    await db.table('audit').add(
                      sealAuditEntry({ seq: 4, at: '2026-11-26T00:00:00Z', operator: '', action: 'update', entity: 'cases', entityId: 'case-0', before: null, after: null, prevHash: last.hash }),
                    );
                  });
                }
              }
            })(),
          },
    );
    const result = await collect(
      writeBackup(tables, { appVersion: '0.1.0', schemaVersion: 1, auditChainHead: { table: 'audit', seq: last.seq, hash: last.hash } }),
    ).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: 'AUDIT_HEAD_MISMATCH' });
    db.close();
  });
});
