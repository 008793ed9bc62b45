import { Dexie } from 'dexie';
import type { BackupBridge } from '../../platform/bridge';
import { DATABASE_NAME } from '../database';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { backupDatabase } from './auto-backup';
import { DEFAULT_RESTORE_NAMES, finishPendingRestore, type RestoreJournal, type RestoreNames } from './restore-backup';
import { readSafetyValue, writeSafetyValue } from './safety-store';

const APP_VERSION_KEY = 'app-version';

export type DatabaseProbe = { readonly exists: false } | { readonly exists: true; readonly schemaVersion: number };

/** The stored schema version, read without declaring any schema (so no upgrade can start). */
export async function probeDatabase(name: string = DATABASE_NAME): Promise<DatabaseProbe> {
  if (!(await Dexie.exists(name))) return { exists: false };
  const db = new Dexie(name);
  try {
    await db.open();
    return { exists: true, schemaVersion: db.verno };
  } finally {
    db.close();
  }
}

export interface PreparedDatabase {
  /** A restore a crash interrupted, completed now. */
  readonly completedRestore: RestoreJournal | null;
  readonly probe: DatabaseProbe;
  /** The stored schema is newer than this app: it must not be opened (no wipe; offer a restore). */
  readonly schemaNewer: boolean;
  /** The backup taken before a schema migration or app upgrade, if one was due. */
  readonly protectiveBackup:
    | { readonly reason: 'pre-migration' | 'pre-upgrade'; readonly status: 'written'; readonly fileName: string }
    | { readonly reason: 'pre-migration' | 'pre-upgrade'; readonly status: 'failed'; readonly message: string }
    | { readonly reason: 'pre-migration' | 'pre-upgrade'; readonly status: 'not-available' }
    | null;
  readonly previousAppVersion: string | null;
}

/**
 * Runs before the case database is opened with the app's schema: completes an interrupted
 * restore; refuses a newer schema; and, when the schema will be migrated or the app version
 * changed, writes an automatic backup through the OLD schema first (a dynamic Dexie that declares
 * nothing, so opening it cannot upgrade anything).
 */
export async function prepareDatabase(
  backups: BackupBridge,
  appVersion: string,
  names: RestoreNames = DEFAULT_RESTORE_NAMES,
): Promise<PreparedDatabase> {
  const completedRestore = await finishPendingRestore(names);
  const probe = await probeDatabase(names.main);
  const previousAppVersion = (await readSafetyValue<string>(APP_VERSION_KEY, names.safety)) ?? null;
  const base = { completedRestore, probe, previousAppVersion };
  if (probe.exists && probe.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return { ...base, schemaNewer: true, protectiveBackup: null };
  }
  const reason =
    probe.exists && probe.schemaVersion < CURRENT_SCHEMA_VERSION
      ? 'pre-migration'
      : probe.exists && previousAppVersion !== null && previousAppVersion !== appVersion
        ? 'pre-upgrade'
        : null;
  if (reason === null) return { ...base, schemaNewer: false, protectiveBackup: null };
  if (!backups.automaticBackups) return { ...base, schemaNewer: false, protectiveBackup: { reason, status: 'not-available' } };
  const old = new Dexie(names.main);
  try {
    await old.open();
    const written = await backupDatabase(old, backups, { reason, appVersion: previousAppVersion ?? appVersion });
    return {
      ...base,
      schemaNewer: false,
      protectiveBackup: written ? { reason, status: 'written', fileName: written.fileName } : { reason, status: 'not-available' },
    };
  } catch (error) {
    return { ...base, schemaNewer: false, protectiveBackup: { reason, status: 'failed', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    old.close();
  }
}

/** After the database opened with the current schema: remember which app version ran it. */
export function recordAppVersion(appVersion: string, names: RestoreNames = DEFAULT_RESTORE_NAMES): Promise<void> {
  return writeSafetyValue(APP_VERSION_KEY, appVersion, names.safety);
}

/**
 * prepareDatabase under the same Web Lock openDatabase takes (released again when done), so two
 * tabs never prepare at once. Null when another window has the database: openDatabase then says so.
 */
export async function prepareDatabaseExclusively(backups: BackupBridge, appVersion: string): Promise<PreparedDatabase | null> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return prepareDatabase(backups, appVersion);
  return locks.request(`${DATABASE_NAME}:writer`, { ifAvailable: true }, (lock) => (lock ? prepareDatabase(backups, appVersion) : null));
}
