// Users for repository tests: a 管理员 created through the first-start path, then colleagues with
// the roles a test needs, each signed in through the repository like the app does. Passphrases are
// hashed with few PBKDF2 iterations here (the app uses 600,000).
import type { Role } from '../../../renderer/src/core/users/roles';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import type { RepositoryContext } from '../../../renderer/src/db/repository-context';

type Repos = ReturnType<typeof createRepositories>;

export const PASSPHRASE = '测试用的密码2026';

let counter = 0;

/** A fresh database (with a clock the test can move) and its repositories, cheap passphrases. */
export function makeUserRepos(start = new Date('2026-11-26T09:00:00+08:00')) {
  counter++;
  const db = new WorkstationDb(`users-${counter}-${Math.random().toString(36).slice(2)}`);
  let id = 0;
  const clock = { now: start };
  const ctx: RepositoryContext = { db, now: () => clock.now, newId: () => `id-${++id}`, passphraseIterations: 1_000 };
  return { db, ctx, clock, repos: createRepositories(db, ctx) };
}

/** The first 管理员 (林淼, all four roles unless given), signed in. */
export async function firstAdmin(repos: Repos, roles: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'], name = '林淼'): Promise<string> {
  const r = await repos.users.createFirstAdmin({ name, roles, passphrase: PASSPHRASE, confirm: PASSPHRASE }, 'token-admin');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.id;
}

/** A colleague added by the signed-in 管理员; their must-change flag is cleared by a first sign-in and change. */
export async function addUser(repos: Repos, name: string, roles: readonly Role[]): Promise<string> {
  const r = await repos.users.add({ name, roles, passphrase: PASSPHRASE, confirm: PASSPHRASE });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.id;
}

export async function signInAs(repos: Repos, userId: string): Promise<void> {
  const r = await repos.users.signIn(userId, PASSPHRASE, `token-${userId}`);
  if (!r.ok) throw new Error(r.message);
}

/** An office of four: 林淼 (管理员), 张经办 (经办), 李审核 (审核), 王审批 (审批); returns their ids. */
export async function office(repos: Repos) {
  const admin = await firstAdmin(repos, ['admin']);
  const clerk = await addUser(repos, '张经办', ['clerk']);
  const reviewer = await addUser(repos, '李审核', ['reviewer']);
  const approver = await addUser(repos, '王审批', ['approver']);
  const clerk2 = await addUser(repos, '赵经办', ['clerk', 'reviewer']);
  return { admin, clerk, reviewer, approver, clerk2 };
}

export async function refusals(repos: Repos) {
  return (await repos.audit.page(0, 10_000)).filter((e) => e.action === 'refuse');
}
