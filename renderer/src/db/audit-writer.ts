import type { AuditAction, AuditEntry } from '../core/audit/audit-entry';
import { GENESIS_HASH, sealAuditEntry } from '../core/audit/audit-entry';
import { noteAuditEntry } from './audit-anchor';
import { stateForEntry } from './audit-state';
import type { WorkstationDb } from './database';
import { currentActor } from './session';

export interface AuditedChange {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * Appends one entry to the audit chain. Must run inside the caller's rw transaction, which has to
 * include db.audit and db.settings: the entry commits with the change it describes, or neither does.
 * The entry names the signed-in user from the session row in db.settings (see session.ts), so
 * callers never pass a name and nobody can type one.
 * Hashing is synchronous (@noble/hashes) on purpose: awaiting WebCrypto inside an IndexedDB
 * transaction lets the transaction commit early.
 * The entry also records the changed record's state (audit-state.ts), and once it commits the chain's
 * anchor outside the database moves to it (audit-anchor.ts).
 */
export async function appendAudit(db: WorkstationDb, change: AuditedChange, now: Date): Promise<AuditEntry> {
  const last = await db.audit.orderBy('seq').last();
  const actor = await currentActor(db);
  const reading = stateForEntry(db, change.entity, change.entityId, change.action);
  const state = reading === undefined ? undefined : await reading;
  const entry = sealAuditEntry({
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    operator: actor.kind === 'nobody' ? '' : actor.name,
    ...(actor.kind === 'user' ? { userId: actor.id } : actor.kind === 'nobody' ? { userId: null } : {}),
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    ...(state === undefined ? {} : { state }),
    prevHash: last?.hash ?? GENESIS_HASH,
  });
  await db.audit.add(entry);
  noteAuditEntry(db, entry);
  return entry;
}
