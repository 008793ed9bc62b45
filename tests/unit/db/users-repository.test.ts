import { describe, expect, it } from 'vitest';
import { isPermissionDenied } from '../../../renderer/src/db/access';
import { addUser, firstAdmin, makeUserRepos, PASSPHRASE, refusals, signInAs } from './users-test-data';

describe('first start and signing in', () => {
  it('creates the first 管理员 once, signs them in, and attributes the audit entries to them', async () => {
    const { repos } = makeUserRepos();
    expect(await repos.users.hasUsers()).toBe(false);
    const bad = await repos.users.createFirstAdmin({ name: ' ', roles: [], passphrase: '短', confirm: '短' }, 't');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toMatchObject({ name: expect.stringMatching(/^姓名：/), passphrase: expect.stringMatching(/^密码：至少需要 8 个字符/) });
    expect(await repos.users.hasUsers()).toBe(false);

    const id = await firstAdmin(repos, ['clerk']);
    const [user] = await repos.users.list();
    expect(user).toMatchObject({ id, name: '林淼', roles: ['clerk', 'admin'], active: true });
    expect(JSON.stringify(await repos.users.list())).not.toContain('hash');
    expect((await repos.users.currentSession())?.name).toBe('林淼');
    const second = await repos.users.createFirstAdmin({ name: '别人', roles: ['admin'], passphrase: PASSPHRASE, confirm: PASSPHRASE }, 't2');
    expect(second.ok).toBe(false);

    const entries = await repos.audit.page(0, 10);
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'sign-in']);
    expect(entries.every((e) => e.operator === '林淼' && e.userId === id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(PASSPHRASE);
  });

  it('throttles wrong passphrases per user, keeps the wait in the database, and audits each one', async () => {
    const { repos, clock } = makeUserRepos();
    await firstAdmin(repos);
    const clerk = await addUser(repos, '张经办', ['clerk']);
    for (let i = 1; i <= 3; i++) {
      const r = await repos.users.signIn(clerk, `错误密码${i}`, 't');
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain(`已连续错误 ${i} 次`);
    }
    // The third wrong passphrase makes the next attempt wait, even with the right passphrase.
    const waiting = await repos.users.signIn(clerk, PASSPHRASE, 't');
    expect(waiting).toMatchObject({ ok: false, waitMs: 5_000 });
    expect(await repos.users.waitBeforeAttempt(clerk)).toBe(5_000);
    clock.now = new Date(clock.now.getTime() + 5_000);
    const ok = await repos.users.signIn(clerk, PASSPHRASE, 't');
    expect(ok).toMatchObject({ ok: true, mustChangePassphrase: true });
    expect((await repos.users.list()).find((u) => u.id === clerk)?.failedAttempts).toBe(0);
    const refused = await refusals(repos);
    expect(refused).toHaveLength(3);
    expect(refused.every((e) => (e.after as { what: string }).what === 'sign-in')).toBe(true);
    const signIn = (await repos.audit.page(0, 1))[0];
    expect(signIn).toMatchObject({ action: 'sign-in', operator: '张经办', userId: clerk, after: { switchedFrom: '林淼' } });
  });

  it('continues a session after a reload of the same window only, and ends it otherwise', async () => {
    const { repos } = makeUserRepos();
    const id = await firstAdmin(repos);
    expect(await repos.users.resume('token-admin')).toMatchObject({ userId: id });
    expect(await repos.users.resume('another-window')).toBeNull();
    expect(await repos.users.currentSession()).toBeNull();
    // Nobody is signed in now: writes are refused and the refusal is audited without a user.
    const refusal = await repos.cases.changeStage('x', '侦查', '2026-11-01', '').catch((e: unknown) => e);
    expect(isPermissionDenied(refusal)).toBe(true);
    expect((refusal as Error).message).toBe('尚未登录：请先登录再操作。');
    expect((await refusals(repos))[0]).toMatchObject({ operator: '', userId: null });
  });

  it('changes one\'s own passphrase only with the current one', async () => {
    const { repos } = makeUserRepos();
    const id = await firstAdmin(repos);
    expect(await repos.users.changeOwnPassphrase('不对的密码123', '新的密码12345', '新的密码12345')).toMatchObject({ ok: false, message: expect.stringMatching(/^当前密码/) });
    expect(await repos.users.changeOwnPassphrase(PASSPHRASE, '新的密码12345', '新的密码1234')).toMatchObject({ ok: false, message: expect.stringMatching(/^确认密码/) });
    expect(await repos.users.changeOwnPassphrase(PASSPHRASE, '新的密码12345', '新的密码12345')).toEqual({ ok: true });
    expect((await repos.users.signIn(id, PASSPHRASE, 't')).ok).toBe(false);
    expect((await repos.users.signIn(id, '新的密码12345', 't')).ok).toBe(true);
  });
});

describe('managing users', () => {
  it('lets only a 管理员 add users, change roles and reset passphrases; each refusal is audited', async () => {
    const { repos } = makeUserRepos();
    await firstAdmin(repos, ['admin']);
    const clerk = await addUser(repos, '张经办', ['clerk']);
    expect((await repos.users.add({ name: '张经办', roles: ['clerk'], passphrase: PASSPHRASE, confirm: PASSPHRASE })).ok).toBe(false);
    await signInAs(repos, clerk);
    const added = await repos.users.add({ name: '冒名', roles: ['approver'], passphrase: PASSPHRASE, confirm: PASSPHRASE }).catch((e: unknown) => e);
    expect(isPermissionDenied(added)).toBe(true);
    expect((added as Error).message).toContain('不能管理用户和角色');
    expect(await repos.users.setRoles(clerk, ['clerk', 'approver'])).toMatchObject({ ok: false, message: expect.stringContaining('“管理员”') });
    expect(await repos.users.resetPassphrase(clerk, '另一个密码1234', '另一个密码1234')).toMatchObject({ ok: false });
    expect((await repos.users.list()).find((u) => u.id === clerk)?.roles).toEqual(['clerk']);
    expect(await refusals(repos)).toHaveLength(3);
  });

  it('protects the last 管理员 from being demoted or deactivated', async () => {
    const { repos } = makeUserRepos();
    const admin = await firstAdmin(repos, ['admin', 'clerk']);
    const other = await addUser(repos, '王审批', ['approver']);
    expect(await repos.users.setRoles(admin, ['clerk'])).toMatchObject({ ok: false, message: expect.stringContaining('最后一位管理员') });
    expect(await repos.users.setActive(admin, false)).toMatchObject({ ok: false });
    expect(await repos.users.setRoles(other, ['approver', 'admin'])).toEqual({ ok: true });
    // Now there are two: the first may give up the role (the session follows at once).
    expect(await repos.users.setRoles(admin, ['clerk'])).toEqual({ ok: true });
    expect((await repos.users.currentSession())?.roles).toEqual(['clerk']);
    expect((await repos.users.list()).find((u) => u.id === admin)?.roles).toEqual(['clerk']);
  });

  it('resets a forgotten passphrase without showing any; the user must choose a new one', async () => {
    const { repos } = makeUserRepos();
    await firstAdmin(repos);
    const clerk = await addUser(repos, '张经办', ['clerk']);
    expect(await repos.users.resetPassphrase(clerk, '临时密码abcd', '临时密码abcd')).toEqual({ ok: true });
    const r = await repos.users.signIn(clerk, '临时密码abcd', 't');
    expect(r).toMatchObject({ ok: true, mustChangePassphrase: true });
    const audit = JSON.stringify(await repos.audit.page(0, 100));
    expect(audit).not.toContain('临时密码abcd');
    expect(audit).not.toContain('"secret"');
  });

  it('deactivates users instead of deleting them; a deactivated user cannot sign in', async () => {
    const { repos } = makeUserRepos();
    await firstAdmin(repos);
    const clerk = await addUser(repos, '张经办', ['clerk']);
    expect(await repos.users.setActive(clerk, false)).toEqual({ ok: true });
    expect((await repos.users.signIn(clerk, PASSPHRASE, 't')).ok).toBe(false);
    expect((await repos.users.list()).map((u) => u.name)).toContain('张经办');
  });
});
