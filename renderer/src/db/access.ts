// Role checks in the repositories (权限检查). The UI hides what a user may not do, but the rules live
// here: every refused attempt is written to the audit log ('refuse') with the reason, in its own
// committed transaction, so a refusal leaves a trace even though nothing else changes.
import { type Permission, permissionRule, refusalFor } from '../core/users/permissions';
import { appendAudit } from './audit-writer';
import type { WorkstationDb } from './database';
import type { RepositoryContext } from './repository-context';
import { type Actor, currentActor } from './session';

/** Thrown by repository methods when the signed-in user may not do what was asked; `message` is Chinese. */
export class PermissionDeniedError extends Error {
  override readonly name = 'PermissionDeniedError';
}

export function isPermissionDenied(error: unknown): error is PermissionDeniedError {
  return error instanceof Error && error.name === 'PermissionDeniedError';
}

export const NOT_SIGNED_IN = '尚未登录：请先登录再操作。';

export type Decision = { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly actor: Actor; readonly message: string };

/** What was attempted, for the refusal's audit entry. */
export interface Attempt {
  readonly entity: string;
  readonly entityId: string;
  /** Extra facts worth keeping with a refusal (file name, field …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Reads the settings table only; before the first user exists everything is allowed (legacy mode). */
export async function decide(db: WorkstationDb, permission: Permission): Promise<Decision> {
  const actor = await currentActor(db);
  if (actor.kind === 'legacy') return { ok: true, actor };
  if (actor.kind === 'nobody') return { ok: false, actor, message: NOT_SIGNED_IN };
  const refusal = refusalFor(actor.roles, permission);
  return refusal ? { ok: false, actor, message: refusal } : { ok: true, actor };
}

/** Appends a 'refuse' entry; inside the caller's transaction (which includes audit and settings). */
export async function auditRefusal(db: WorkstationDb, attempt: Attempt, reason: string, now: Date, permission?: Permission): Promise<void> {
  await appendAudit(
    db,
    {
      action: 'refuse',
      entity: attempt.entity,
      entityId: attempt.entityId,
      before: null,
      after: { ...(permission ? { permission, attempted: permissionRule(permission).label } : {}), reason, ...(attempt.details ?? {}) },
    },
    now,
  );
}

/** Inside the caller's transaction: the decision, with a refusal audited in that same transaction. */
export async function authorizeIn(db: WorkstationDb, permission: Permission, attempt: Attempt, now: Date): Promise<Decision> {
  const decision = await decide(db, permission);
  if (!decision.ok) await auditRefusal(db, attempt, decision.message, now, permission);
  return decision;
}

/**
 * Before a write: returns the actor, or audits the refusal in its own transaction and throws
 * PermissionDeniedError. Call it outside any other transaction (a refusal must commit on its own).
 */
export async function requirePermission(ctx: RepositoryContext, permission: Permission, attempt: Attempt): Promise<Actor> {
  const { db } = ctx;
  // An async callback (not one returning authorizeIn's promise directly): Dexie keeps the
  // transaction open only across awaits made inside its own callback.
  const decision = await db.transaction('rw', [db.settings, db.audit], async () => await authorizeIn(db, permission, attempt, ctx.now()));
  if (!decision.ok) throw new PermissionDeniedError(decision.message);
  return decision.actor;
}
