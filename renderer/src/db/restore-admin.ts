// A restore asks for a 管理员 of the restored data (恢复须由备份数据中的管理员确认): the staged copy
// of the backup is opened and the name and passphrase checked against its own users, so a backup
// cannot be restored by someone who is not an administrator of what it holds.
// A backup without users leaves any session row it holds to resume(), which ends it at the next start.
import { verifyPassphrase } from '../core/users/passphrase';
import { normalizeUserName } from '../core/users/validate-user';
import { WorkstationDb } from './database';
import { SESSION_ROW, type StoredSession } from './session';

export type RestoredAdminCheck = { readonly ok: true; readonly usersInBackup: boolean } | { readonly ok: false; readonly message: string };

export async function verifyRestoredAdmin(stagingName: string, name: string, passphrase: string): Promise<RestoredAdminCheck> {
  const staged = new WorkstationDb(stagingName);
  try {
    await staged.open();
    const users = await staged.users.toArray();
    // A backup from before users existed has none: the restored data asks for its first 管理员.
    if (users.length === 0) return { ok: true, usersInBackup: false };
    const wanted = normalizeUserName(name);
    const admin = users.find((u) => u.name === wanted && u.active && u.roles.includes('admin'));
    if (!admin) return { ok: false, message: `备份中的管理员：备份数据里没有名为“${wanted}”的在用管理员，请填写备份数据中管理员的姓名和密码。` };
    if (!(await verifyPassphrase(passphrase, admin.secret))) return { ok: false, message: `备份中的管理员：“${wanted}”的密码不正确（按备份时的密码）。` };
    // The restore's own audit entry (written when the copy completes) names this 管理员, not whoever
    // happened to be signed in when the backup was taken. Its token is nobody's: after the reload the
    // session does not continue, and the restored data asks for a sign-in.
    const session: StoredSession = { userId: admin.id, name: admin.name, roles: admin.roles, token: `restore-${globalThis.crypto.randomUUID()}`, signedInAt: new Date().toISOString() };
    await staged.settings.put({ id: SESSION_ROW, value: session });
    return { ok: true, usersInBackup: true };
  } finally {
    staged.close();
  }
}
