// Signing in and out (登录), switching users and changing one's own passphrase. Wrong passphrases
// are counted on the user's row, so the wait before the next attempt survives a reload and one
// person's typos never lock out another. Every sign-in, sign-out and wrong passphrase is audited.
import { hashPassphrase, PBKDF2_ITERATIONS, passphraseProblem, retryDelayMs, verifyPassphrase } from '../../core/users/passphrase';
import type { User } from '../../core/users/types';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';
import { readSession, SESSION_ROW, type StoredSession } from '../session';
import type { SignInResult, UserActionResult } from './user-types';

export class UserSignIn {
  constructor(protected readonly ctx: RepositoryContext) {}

  currentSession(): Promise<StoredSession | null> {
    return readSession(this.ctx.db);
  }

  /**
   * At start: the session continues only if this window started it (a reload keeps the token in
   * sessionStorage; a new start does not have it) and the user is still active. Otherwise it ends.
   */
  async resume(token: string | null): Promise<StoredSession | null> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.users, db.settings], async () => {
      const session = await readSession(db);
      if (!session) return null;
      const user = await db.users.get(session.userId);
      if (token !== null && session.token === token && user?.active) return { ...session, roles: user.roles };
      await db.settings.delete(SESSION_ROW);
      return null;
    });
  }

  /** Milliseconds until this user may try again (0: now). */
  async waitBeforeAttempt(userId: string): Promise<number> {
    const user = await this.ctx.db.users.get(userId);
    return user ? remainingWait(user, this.ctx.now()) : 0;
  }

  /** Sign in (also: switch to another user, or come back after the idle lock). */
  async signIn(userId: string, passphrase: string, token: string): Promise<SignInResult> {
    const { db } = this.ctx;
    const user = await db.users.get(userId);
    if (!user?.active) return { ok: false, message: '该用户不存在或已停用：请选择其他用户，或请管理员处理。', waitMs: 0 };
    const wait = remainingWait(user, this.ctx.now());
    if (wait > 0) return { ok: false, message: `密码已连续输错 ${user.failedAttempts} 次，请等待 ${Math.ceil(wait / 1000)} 秒后再试。`, waitMs: wait };
    if (passphrase === '') return { ok: false, message: '密码：请输入登录密码。', waitMs: 0 };
    const ok = await verifyPassphrase(passphrase, user.secret);
    const now = this.ctx.now();
    return db.transaction('rw', [db.users, db.settings, db.audit], async () => {
      const fresh = await db.users.get(userId);
      if (!fresh?.active) return { ok: false as const, message: '该用户已停用。', waitMs: 0 };
      if (!ok) {
        const failed: User = { ...fresh, failedAttempts: fresh.failedAttempts + 1, lastFailedAt: now.toISOString() };
        await db.users.put(failed);
        await appendAudit(db, { action: 'refuse', entity: 'users', entityId: userId, before: null, after: { what: 'sign-in', name: fresh.name, reason: '密码错误', failedAttempts: failed.failedAttempts } }, now);
        const next = retryDelayMs(failed.failedAttempts);
        const waitText = next > 0 ? `请等待 ${Math.ceil(next / 1000)} 秒后再试。` : '';
        return { ok: false as const, message: `密码不正确（已连续错误 ${failed.failedAttempts} 次）。${waitText}忘记密码请联系管理员重置。`, waitMs: next };
      }
      const previous = await readSession(db);
      await db.users.put({ ...fresh, failedAttempts: 0, lastFailedAt: null, lastSignInAt: now.toISOString() });
      const session = await this.startSession(fresh, token, now);
      const switched = previous && previous.userId !== userId ? { switchedFrom: previous.name } : {};
      await appendAudit(db, { action: 'sign-in', entity: 'users', entityId: userId, before: null, after: { name: fresh.name, roles: fresh.roles, ...switched } }, now);
      return { ok: true as const, session, mustChangePassphrase: fresh.mustChangePassphrase };
    });
  }

  async signOut(): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => {
      const session = await readSession(db);
      if (!session) return;
      await appendAudit(db, { action: 'sign-out', entity: 'users', entityId: session.userId, before: null, after: { name: session.name } }, this.ctx.now());
      await db.settings.delete(SESSION_ROW);
    });
  }

  /** The signed-in user's own passphrase: the current one is asked again (someone may have left the desk). */
  async changeOwnPassphrase(current: string, next: string, confirm: string): Promise<UserActionResult> {
    const { db } = this.ctx;
    const session = await readSession(db);
    if (!session) return { ok: false, message: '尚未登录：请先登录。' };
    const user = await db.users.get(session.userId);
    if (!user) return { ok: false, message: '该用户已不存在。' };
    const wait = remainingWait(user, this.ctx.now());
    if (wait > 0) return { ok: false, message: `当前密码已连续输错 ${user.failedAttempts} 次，请等待 ${Math.ceil(wait / 1000)} 秒后再试。` };
    const problem = passphraseProblem(next, confirm);
    if (problem) return { ok: false, message: problem.message };
    if (!(await verifyPassphrase(current, user.secret))) {
      const now = this.ctx.now();
      await db.transaction('rw', [db.users, db.settings, db.audit], async () => {
        await db.users.put({ ...user, failedAttempts: user.failedAttempts + 1, lastFailedAt: now.toISOString() });
        await appendAudit(db, { action: 'refuse', entity: 'users', entityId: user.id, before: null, after: { what: 'change-passphrase', name: user.name, reason: '当前密码错误' } }, now);
      });
      return { ok: false, message: '当前密码：不正确，请重新输入。' };
    }
    if (next === current) return { ok: false, message: '新密码：不能与当前密码相同。' };
    const secret = await hashPassphrase(next, this.ctx.passphraseIterations ?? PBKDF2_ITERATIONS);
    const now = this.ctx.now();
    await db.transaction('rw', [db.users, db.settings, db.audit], async () => {
      const fresh = (await db.users.get(user.id)) ?? user;
      await db.users.put({ ...fresh, secret, mustChangePassphrase: false, failedAttempts: 0, lastFailedAt: null });
      await appendAudit(db, { action: 'update', entity: 'users', entityId: user.id, before: null, after: { what: 'change-passphrase', name: user.name } }, now);
    });
    return { ok: true };
  }

  /** Inside a transaction with users and settings. */
  protected async startSession(user: User, token: string, now: Date): Promise<StoredSession> {
    const session: StoredSession = { userId: user.id, name: user.name, roles: user.roles, token, signedInAt: now.toISOString() };
    await this.ctx.db.settings.put({ id: SESSION_ROW, value: session });
    return session;
  }
}

function remainingWait(user: User, now: Date): number {
  if (!user.lastFailedAt) return 0;
  return Math.max(0, Date.parse(user.lastFailedAt) + retryDelayMs(user.failedAttempts) - now.getTime());
}
