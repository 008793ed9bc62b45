// The only writer of users (用户), the session row and the office's four-eyes choices. Passphrases
// are hashed before any transaction opens (WebCrypto must not be awaited inside one). A 管理员 can
// reset a passphrase but never see one; the last active 管理员 cannot be demoted or deactivated.

import type { FourEyesPolicy } from '../../core/users/four-eyes';
import { DEFAULT_POLICY } from '../../core/users/four-eyes';
import { DEFAULT_LOCK_SETTINGS, LOCK_SECTION_ID, type LockSettings } from '../../core/users/idle-lock';
import { hashPassphrase, PBKDF2_ITERATIONS, passphraseProblem } from '../../core/users/passphrase';
import type { Permission } from '../../core/users/permissions';
import type { Role } from '../../core/users/roles';
import type { User, UserSummary } from '../../core/users/types';
import { checkRoles, normalizeUserName, orderedRoles, type UserDraft, validateUserDraft } from '../../core/users/validate-user';
import { type Attempt, auditRefusal, authorizeIn, requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';
import { ACCESS_ROW, type AccessSettings, readAccess, readSession, SESSION_ROW, type StoredSession } from '../session';
import { UserSignIn } from './user-sign-in';
import type { UserActionResult, UserSaveResult } from './user-types';

export function summaryOf(user: User): UserSummary {
  const { secret: _secret, ...summary } = user;
  return summary;
}

export class UsersRepository extends UserSignIn {
  constructor(ctx: RepositoryContext) {
    super(ctx);
  }

  private get iterations(): number {
    return this.ctx.passphraseIterations ?? PBKDF2_ITERATIONS;
  }

  async list(): Promise<UserSummary[]> {
    const users = await this.ctx.db.users.toArray();
    return users.map(summaryOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name, 'zh-CN'));
  }

  async hasUsers(): Promise<boolean> {
    return (await this.ctx.db.users.count()) > 0;
  }

  /** The name to suggest for the first 管理员: the operator name typed in settings before users existed. */
  async legacyOperatorName(): Promise<string> {
    const row = await this.ctx.db.settings.get('app');
    return ((row?.value as { operatorName?: string } | undefined)?.operatorName ?? '').trim();
  }

  async policy(): Promise<FourEyesPolicy> {
    return (await readAccess(this.ctx.db))?.policy ?? DEFAULT_POLICY;
  }

  /** First start: the first user, always a 管理员 (plus any roles chosen), signed in at once. */
  async createFirstAdmin(draft: UserDraft, token: string): Promise<UserSaveResult> {
    const ready = await this.prepare({ ...draft, roles: [...draft.roles, 'admin'] }, []);
    if (!ready.ok) return ready;
    const { db } = this.ctx;
    return db.transaction('rw', [db.users, db.settings, db.audit], async () => {
      if ((await db.users.count()) > 0) return { ok: false as const, errors: { user: '本机已有用户：请用已有用户登录，或请管理员为你添加用户。' } };
      const user = { ...ready.user, lastSignInAt: ready.now.toISOString() };
      await db.users.add(user);
      const access: AccessSettings = { enforced: true, policy: DEFAULT_POLICY };
      await db.settings.put({ id: ACCESS_ROW, value: access });
      await this.startSession(user, token, ready.now);
      await appendAudit(db, { action: 'create', entity: 'users', entityId: user.id, before: null, after: { ...summaryOf(user), first: true } }, ready.now);
      await appendAudit(db, { action: 'sign-in', entity: 'users', entityId: user.id, before: null, after: { name: user.name, roles: user.roles } }, ready.now);
      return { ok: true as const, id: user.id };
    });
  }

  /** A 管理员 adds a user with an initial passphrase, which the user changes at first sign-in. */
  async add(draft: UserDraft): Promise<UserSaveResult> {
    await requirePermission(this.ctx, 'users.manage', { entity: 'users', entityId: 'new', details: { name: draft.name } });
    const ready = await this.prepare(draft, (await this.ctx.db.users.toArray()).map((u) => u.name));
    if (!ready.ok) return ready;
    const { db } = this.ctx;
    return db.transaction('rw', [db.users, db.settings, db.audit], async () => {
      const { name } = ready.user;
      if (await db.users.where('name').equals(name).first()) return { ok: false as const, errors: { name: `姓名：已有名为“${name}”的用户。` } };
      const user = { ...ready.user, createdBy: (await readSession(db))?.name ?? '', mustChangePassphrase: true };
      await db.users.add(user);
      await appendAudit(db, { action: 'create', entity: 'users', entityId: user.id, before: null, after: summaryOf(user) }, ready.now);
      return { ok: true as const, id: user.id };
    });
  }

  /** Checks a new user and hashes the passphrase (before any transaction: WebCrypto is awaited). */
  private async prepare(draft: UserDraft, takenNames: readonly string[]): Promise<{ ok: true; user: User; now: Date } | Extract<UserSaveResult, { ok: false }>> {
    const roles = orderedRoles(draft.roles);
    const errors = validateUserDraft({ ...draft, roles }, takenNames);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const secret = await hashPassphrase(draft.passphrase, this.iterations);
    const now = this.ctx.now();
    return { ok: true, user: newUser(this.ctx.newId(), normalizeUserName(draft.name), roles, secret, now, ''), now };
  }

  async setRoles(userId: string, roles: readonly Role[]): Promise<UserActionResult> {
    const problem = checkRoles(roles);
    if (problem) return { ok: false, message: problem };
    return this.changeUser(userId, (user, admins) => {
      const next = orderedRoles(roles);
      if (user.roles.includes('admin') && !next.includes('admin') && user.active && admins === 1) {
        return `${user.name}是最后一位管理员，不能取消其“管理员”角色：请先把另一位用户设为管理员。`;
      }
      return { ...user, roles: next };
    });
  }

  /** Users are deactivated, never deleted: their name stays on everything they did. */
  async setActive(userId: string, active: boolean): Promise<UserActionResult> {
    const me = await readSession(this.ctx.db);
    if (!active && me?.userId === userId) return { ok: false, message: '不能停用自己：请由另一位管理员操作。' };
    return this.changeUser(userId, (user, admins) => {
      if (!active && user.roles.includes('admin') && user.active && admins === 1) {
        return `${user.name}是最后一位管理员，不能停用：请先把另一位用户设为管理员。`;
      }
      return { ...user, active };
    });
  }

  /** A forgotten passphrase: the 管理员 sets a new one (never sees the old); the user must change it. */
  async resetPassphrase(userId: string, passphrase: string, confirm: string): Promise<UserActionResult> {
    const problem = passphraseProblem(passphrase, confirm);
    if (problem) return { ok: false, message: problem.message };
    const secret = await hashPassphrase(passphrase, this.iterations);
    return this.changeUser(userId, (user) => ({ ...user, secret, mustChangePassphrase: true, failedAttempts: 0, lastFailedAt: null }), 'reset-passphrase');
  }

  async savePolicy(policy: FourEyesPolicy): Promise<UserActionResult> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    const result = await db.transaction('rw', [db.settings, db.audit], async () => {
      const decision = await authorizeIn(db, 'users.manage', { entity: 'settings', entityId: ACCESS_ROW }, now);
      if (!decision.ok) return { ok: false as const, message: decision.message };
      const before = await readAccess(db);
      if (!before) return { ok: false as const, message: '本机还没有用户：请先创建管理员。' };
      // Relaxations only count for a declared small office; stored as chosen so the choice is visible.
      const after: AccessSettings = { ...before, policy: { ...policy } };
      await db.settings.put({ id: ACCESS_ROW, value: after });
      await appendAudit(db, { action: 'settings', entity: 'settings', entityId: ACCESS_ROW, before: before.policy, after: after.policy }, now);
      return { ok: true as const };
    });
    return result;
  }

  async idleLock(): Promise<LockSettings> {
    const row = await this.ctx.db.settings.get(LOCK_SECTION_ID);
    const value = row?.value as Partial<LockSettings> | undefined;
    return { enabled: value?.enabled === true, idleMinutes: value?.idleMinutes ?? DEFAULT_LOCK_SETTINGS.idleMinutes };
  }

  /** The idle lock protects everyone's work: a 管理员 sets it, audited. */
  async saveIdleLock(settings: LockSettings): Promise<UserActionResult> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction('rw', [db.settings, db.audit], async () => {
      const decision = await authorizeIn(db, 'users.manage', { entity: 'settings', entityId: LOCK_SECTION_ID }, now);
      if (!decision.ok) return { ok: false as const, message: decision.message };
      const before = (await db.settings.get(LOCK_SECTION_ID))?.value ?? null;
      const value: LockSettings = { enabled: settings.enabled, idleMinutes: settings.idleMinutes };
      await db.settings.put({ id: LOCK_SECTION_ID, value });
      await appendAudit(db, { action: 'settings', entity: 'settings', entityId: LOCK_SECTION_ID, before, after: value }, now);
      return { ok: true as const };
    });
  }

  /** Before an action another module carries out (exports built in a worker): refused and audited, or nothing. */
  async require(permission: Permission, attempt: Attempt): Promise<void> {
    await requirePermission(this.ctx, permission, attempt);
  }

  /**
   * An action checked here rather than in another repository (backup, restore): allowed attempts
   * are audited with `allowed`, refused ones as refusals; both commit at once.
   */
  async attempt(permission: Permission, attempt: Attempt, allowed: { readonly action: 'export' | 'restore'; readonly after: unknown }): Promise<UserActionResult> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction('rw', [db.settings, db.audit], async () => {
      const decision = await authorizeIn(db, permission, attempt, now);
      if (!decision.ok) return { ok: false as const, message: decision.message };
      await appendAudit(db, { action: allowed.action, entity: attempt.entity, entityId: attempt.entityId, before: null, after: allowed.after }, now);
      return { ok: true as const };
    });
  }

  /** A refusal met outside any repository rule (e.g. a restore's 管理员 check), audited on its own. */
  async recordRefusal(attempt: Attempt, reason: string): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => await auditRefusal(db, attempt, reason, this.ctx.now()));
  }

  private async changeUser(userId: string, change: (user: User, activeAdmins: number) => User | string, what = 'update'): Promise<UserActionResult> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction('rw', [db.users, db.settings, db.audit], async () => {
      const decision = await authorizeIn(db, 'users.manage', { entity: 'users', entityId: userId, details: { what } }, now);
      if (!decision.ok) return { ok: false as const, message: decision.message };
      const user = await db.users.get(userId);
      if (!user) return { ok: false as const, message: '该用户已不存在：请刷新后重试。' };
      const admins = (await db.users.toArray()).filter((u) => u.active && u.roles.includes('admin')).length;
      const next = change(user, admins);
      if (typeof next === 'string') {
        await appendAudit(db, { action: 'refuse', entity: 'users', entityId: userId, before: null, after: { reason: next, what } }, now);
        return { ok: false as const, message: next };
      }
      await db.users.put(next);
      const session = await readSession(db);
      if (session?.userId === userId) {
        if (next.active) await db.settings.put({ id: SESSION_ROW, value: { ...session, roles: next.roles } satisfies StoredSession });
        else await db.settings.delete(SESSION_ROW);
      }
      await appendAudit(db, { action: 'update', entity: 'users', entityId: userId, before: summaryOf(user), after: { ...summaryOf(next), ...(what === 'update' ? {} : { what }) } }, now);
      return { ok: true as const };
    });
  }
}

function newUser(id: string, name: string, roles: readonly Role[], secret: User['secret'], now: Date, createdBy: string): User {
  return {
    id,
    name,
    roles,
    active: true,
    secret,
    mustChangePassphrase: false,
    failedAttempts: 0,
    lastFailedAt: null,
    lastSignInAt: null,
    createdAt: now.toISOString(),
    createdBy,
  };
}
