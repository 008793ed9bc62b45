import type { Dexie, Table } from 'dexie';
import type { AuditChainHead, BackupTableSource } from '../../core/backup';

/**
 * Rows per read: each page is its own short transaction (a backup awaits disk writes in between).
 * A creditor block holds up to 1,000 creditors (~300 KB), so a page stays around 30 MB at most.
 */
export const BACKUP_PAGE_ROWS = 100;

export const AUDIT_TABLE = 'audit';

function primaryKeyOf(table: Table, row: unknown): unknown {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`表 ${table.name} 的主键不是单一字段，无法分页备份`);
  return (row as Record<string, unknown>)[keyPath];
}

/** Every row of one table in primary-key order, one page per transaction. */
export async function* pagedRows(table: Table, pageRows: number = BACKUP_PAGE_ROWS): AsyncGenerator<unknown> {
  let page: unknown[] = await table.orderBy(':id').limit(pageRows).toArray();
  while (page.length > 0) {
    yield* page;
    const lastKey = primaryKeyOf(table, page[page.length - 1]);
    page = await table.where(':id').above(lastKey).limit(pageRows).toArray();
  }
}

/**
 * The audit chain head, read before any table (see core/backup README: a write during the backup
 * then shows up as a row after the head, and the writer refuses the mixed snapshot).
 */
export async function readAuditHead(db: Dexie): Promise<AuditChainHead | null> {
  if (!db.tables.some((t) => t.name === AUDIT_TABLE)) return null;
  const last = (await db.table(AUDIT_TABLE).orderBy(':id').last()) as { seq?: unknown; hash?: unknown } | undefined;
  if (!last || typeof last.seq !== 'number' || typeof last.hash !== 'string') return null;
  return { table: AUDIT_TABLE, seq: last.seq, hash: last.hash };
}

/** Every table of the open database (whatever its schema version), the audit table last. */
export function backupTableSources(db: Dexie, pageRows?: number): BackupTableSource[] {
  const names = db.tables.map((t) => t.name).filter((n) => n !== AUDIT_TABLE);
  names.sort();
  if (db.tables.some((t) => t.name === AUDIT_TABLE)) names.push(AUDIT_TABLE);
  return names.map((name) => ({ name, rows: pagedRows(db.table(name), pageRows) }));
}
