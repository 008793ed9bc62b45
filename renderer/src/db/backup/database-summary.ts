import type { Dexie } from 'dexie';
import type { AuditEntry } from '../../core/audit/audit-entry';
import { verifyAuditChain } from '../../core/audit/verify-chain';
import type { ReplacedState } from './restore-journal';
import { AUDIT_TABLE, readAuditHead } from './table-source';

export interface DatabaseSummary {
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly auditChain: { readonly ok: boolean; readonly count: number; readonly message: string };
}

/** Rows per table and the audit chain verdict of the open database: shown next to a backup before restoring. */
export async function summarizeDatabase(db: Dexie): Promise<DatabaseSummary> {
  const rowCounts: Record<string, number> = {};
  for (const t of db.tables) rowCounts[t.name] = await t.count();
  if (!db.tables.some((t) => t.name === AUDIT_TABLE)) return { rowCounts, auditChain: { ok: true, count: 0, message: '无审计日志' } };
  const verdict = verifyAuditChain((await db.table(AUDIT_TABLE).orderBy(':id').toArray()) as AuditEntry[]);
  return {
    rowCounts,
    auditChain: verdict.ok
      ? { ok: true, count: verdict.count, message: `完整（${verdict.count} 条）` }
      : { ok: false, count: verdict.count, message: verdict.message },
  };
}

/** What a restore is about to replace: the chain head and rows per table (for the restore's audit entry). */
export async function replacedState(db: Dexie): Promise<ReplacedState> {
  const auditHead = await readAuditHead(db);
  const rowCounts: Record<string, number> = {};
  for (const t of db.tables) rowCounts[t.name] = await t.count();
  return { auditHead, rowCounts };
}
