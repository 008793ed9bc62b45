import type { AuditEntry } from '../../core/audit/audit-entry';
import type { AnchorVerdict } from '../../core/audit/chain-anchor';
import { requirePermission } from '../access';
import { anchorKeeperOf } from '../audit-anchor';
import { type AuditVerification, verifyAudit } from '../audit-verify';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';
import { recordNames } from './audit-names';

/** Reads the audit log. Entries are appended by appendAudit only (here: the record of a deliberate reveal). */
export class AuditRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async count(): Promise<number> {
    return this.ctx.db.audit.count();
  }

  /** Newest first, a page at a time. */
  async page(offset: number, limit: number): Promise<AuditEntry[]> {
    return this.ctx.db.audit.orderBy('seq').reverse().offset(offset).limit(limit).toArray();
  }

  async forEntity(entity: string, entityId: string): Promise<AuditEntry[]> {
    const rows = await this.ctx.db.audit.where('entityId').equals(entityId).toArray();
    return rows.filter((r) => r.entity === entity).sort((a, b) => a.seq - b.seq);
  }

  /** Names of the records these entries refer to, keyed `${table}:${id}` (the log shows names, not ids). */
  names(entries: readonly AuditEntry[]): Promise<Map<string, string>> {
    return recordNames(this.ctx.db, entries);
  }

  /**
   * Showing an entry's personal data unmasked is a deliberate act like any other reveal: it needs
   * the role and leaves its own entry (the one revealed is never changed).
   */
  async recordReveal(seq: number): Promise<void> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'audit', entityId: String(seq) });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], async () => {
      await appendAudit(db, { action: 'reveal', entity: 'audit', entityId: String(seq), before: null, after: { seq } }, this.ctx.now());
    });
  }

  /** Only the chain's head against its anchor (a few reads): shown on the audit screen at once. */
  async checkAnchor(): Promise<AnchorVerdict | null> {
    return (await anchorKeeperOf(this.ctx.db)?.check()) ?? null;
  }

  /** The chain, its anchor outside the database, and the records against their recorded states. */
  async verify(): Promise<AuditVerification> {
    return verifyAudit(this.ctx.db, anchorKeeperOf(this.ctx.db));
  }
}
