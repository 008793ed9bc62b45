import type { AuditEntry } from '../../core/audit/audit-entry';
import { type AuditChainVerdict, verifyAuditChain } from '../../core/audit/verify-chain';
import type { RepositoryContext } from '../repository-context';

/** Reads the audit log. There is no writer here on purpose: entries are appended by appendAudit only. */
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

  async verify(): Promise<AuditChainVerdict> {
    return verifyAuditChain(await this.ctx.db.audit.orderBy('seq').toArray());
  }
}
