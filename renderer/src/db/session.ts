// Who is signed in, as every writer sees it. The session lives in the settings table (row
// 'session'), which every audited transaction already includes: the audit writer, the import
// worker (its own connection to the same database) and the repositories' checks all read the same
// row, without any new argument. The row 'access' appears with the first user and holds the office's
// four-eyes choices; a database without it has no users yet (legacy mode: the operator name typed
// in settings, no role checks — the app itself never works in that mode, it asks for a 管理员 first).
import { DEFAULT_POLICY, type FourEyesPolicy } from '../core/users/four-eyes';
import type { Role } from '../core/users/roles';
import type { Person, SessionUser } from '../core/users/types';
import type { WorkstationDb } from './database';

export const SESSION_ROW = 'session';
export const ACCESS_ROW = 'access';

export interface StoredSession extends SessionUser {
  /** Random per sign-in; the window keeps it in sessionStorage so a reload continues the session. */
  readonly token: string;
  readonly signedInAt: string;
}

export interface AccessSettings {
  /** True once the first 管理员 exists: from then on every action needs a signed-in user. */
  readonly enforced: true;
  readonly policy: FourEyesPolicy;
}

/** The person acting: a signed-in user, nobody (users exist, none signed in), or the legacy operator. */
export type Actor =
  | { readonly kind: 'user'; readonly id: string; readonly name: string; readonly roles: readonly Role[] }
  | { readonly kind: 'nobody' }
  | { readonly kind: 'legacy'; readonly name: string };

export async function readSession(db: WorkstationDb): Promise<StoredSession | null> {
  return ((await db.settings.get(SESSION_ROW))?.value as StoredSession | undefined) ?? null;
}

export async function readAccess(db: WorkstationDb): Promise<AccessSettings | null> {
  const value = (await db.settings.get(ACCESS_ROW))?.value as AccessSettings | undefined;
  return value ? { ...value, policy: { ...DEFAULT_POLICY, ...value.policy } } : null;
}

/**
 * Reads only the settings table (one bulkGet), so it works inside any audited transaction. Kept
 * flat on purpose: callers nest it several async functions deep inside Dexie transactions, and each
 * extra level of awaits between two requests risks the transaction committing early.
 */
export async function currentActor(db: WorkstationDb): Promise<Actor> {
  const [session, access, app] = await db.settings.bulkGet([SESSION_ROW, ACCESS_ROW, 'app']);
  const user = session?.value as StoredSession | undefined;
  if (user) return { kind: 'user', id: user.userId, name: user.name, roles: user.roles };
  if (access) return { kind: 'nobody' };
  const legacy = app?.value as { operatorName?: string } | undefined;
  return { kind: 'legacy', name: (legacy?.operatorName ?? '').trim() };
}

/** The name written into records (经办人, 登记人 …): the signed-in user, or the typed legacy name. */
export function actorName(actor: Actor): string {
  return actor.kind === 'nobody' ? '' : actor.name;
}

/** The actor as a person on a record; the legacy operator has no id and is told apart by name only. */
export function actorPerson(actor: Actor): Person | null {
  if (actor.kind === 'user') return { id: actor.id, name: actor.name };
  if (actor.kind === 'legacy') return { id: `typed:${actor.name}`, name: actor.name };
  return null;
}

export async function currentActorName(db: WorkstationDb): Promise<string> {
  return actorName(await currentActor(db));
}
