import type { Transaction } from 'dexie';
import type { Migration } from './migration';

// Named users with roles and passphrases (issue 18). Existing audit entries are left exactly as
// they are (their hashes cover them): their operator was typed in settings, and the audit screen
// marks every entry written before the first user as typed. The app lock's own passphrase goes:
// after this version the idle lock asks a user to sign in instead.
export const migration003UsersRoles: Migration = {
  version: 3,
  name: 'users-roles',
  stores: {
    users: 'id, &name',
  },
  upgrade: dropLockSecret,
};

async function dropLockSecret(tx: Transaction): Promise<void> {
  const settings = tx.table('settings');
  const lock = (await settings.get('app-lock')) as { id: string; value: { enabled?: boolean; idleMinutes?: number } } | undefined;
  if (!lock) return;
  await settings.put({ id: 'app-lock', value: { enabled: lock.value.enabled === true, idleMinutes: lock.value.idleMinutes ?? 10 } });
}
