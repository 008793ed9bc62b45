import { Dexie } from 'dexie';
import { verifyAuditChain } from '../../core/audit/verify-chain';
import { type BackupInspection, type BackupSealKey, inspectBackup, readBackupRows } from '../../core/backup';
import { DATABASE_NAME, WorkstationDb } from '../database';
import { recordRestoreInAudit } from './restore-audit';
import type { RestoreJournal } from './restore-journal';

export type { PreRestoreBackupInfo, ReplacedState, RestoreJournal } from './restore-journal';
export { restoreJournalFor } from './restore-journal';

import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../schema';
import { readSafetyValue, SAFETY_DATABASE_NAME, STAGING_DATABASE_NAME, writeSafetyValue } from './safety-store';
import { BACKUP_PAGE_ROWS, pagedRows } from './table-source';

// Restore = verify, stage, journal, copy (see README.md). IndexedDB cannot hold one transaction
// across the whole file (it commits as soon as we await the next chunk), so the rows go into a
// staging database first; only when the backup's final checks have passed is a journal entry
// written, and the case database is then replaced from the staging copy. A crash during the copy
// leaves the journal, and the next start copies again; a crash before it leaves the case database
// untouched. The case database keeps its name, so nothing else (the import worker) has to follow.

export interface RestoreNames {
  readonly main: string;
  readonly staging: string;
  readonly safety: string;
}

export const DEFAULT_RESTORE_NAMES: RestoreNames = {
  main: DATABASE_NAME,
  staging: STAGING_DATABASE_NAME,
  safety: SAFETY_DATABASE_NAME,
};

const JOURNAL_KEY = 'restore-journal';
const LAST_RESTORE_KEY = 'last-restore';

export interface RestoreSource {
  readonly fileName: string;
  chunks(): AsyncIterable<Uint8Array>;
}

/** The backup holds something this app cannot put anywhere; refused before anything is written. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

/** Tables of the schema at `version` (what a backup taken at that version may hold). */
export function tablesAtSchemaVersion(version: number): Set<string> {
  const tables = new Set<string>();
  for (const m of MIGRATIONS.slice(0, version)) {
    for (const [name, spec] of Object.entries(m.stores)) {
      if (spec === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return tables;
}

/**
 * Pass one: reads and verifies the whole file (hash, authentication, every row decoded, audit chain)
 * and checks its tables fit this app. Throws core/backup's BackupError (Chinese message) or
 * RestoreRefusedError; writes nothing.
 */
export async function inspectForRestore(source: RestoreSource, passphrase?: string, sealKey?: BackupSealKey | null): Promise<BackupInspection> {
  const inspection = await inspectBackup(source.chunks(), {
    ...(passphrase ? { passphrase } : {}),
    ...(sealKey ? { sealKey } : {}),
    maxSchemaVersion: CURRENT_SCHEMA_VERSION,
    verifyAuditChain,
  });
  const { schemaVersion, tables } = inspection.header;
  if (schemaVersion < 1) throw new RestoreRefusedError(`备份的数据库版本号（${schemaVersion}）无效，不能恢复。请改用其他备份。`);
  const known = tablesAtSchemaVersion(schemaVersion);
  const unknown = tables.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(`备份中含有本程序不认识的数据表：${unknown.join('、')}。请改用其他备份，或先升级处非工作台。`);
  }
  return inspection;
}

/**
 * Pass two: writes every row into a fresh staging database shaped like the backup's schema, then
 * upgrades it to the current schema. On any failure the staging database is deleted and the error
 * rethrown; the case database has not been touched.
 */
export async function stageBackup(
  source: RestoreSource,
  inspection: BackupInspection,
  names: RestoreNames = DEFAULT_RESTORE_NAMES,
  onProgress?: (rowsWritten: number, rowsTotal: number) => void,
): Promise<void> {
  const total = Object.values(inspection.rowCounts).reduce((a, b) => a + b, 0);
  await Dexie.delete(names.staging);
  const version = inspection.header.schemaVersion;
  let staging = new WorkstationDb(names.staging, MIGRATIONS.slice(0, version));
  try {
    await staging.open();
    let written = 0;
    for await (const batch of readBackupRows(source.chunks(), inspection)) {
      await staging.table(batch.table).bulkAdd(batch.rows as unknown[]);
      written += batch.rows.length;
      onProgress?.(written, total);
    }
    staging.close();
    // Opening with every migration upgrades an older backup to the current shape.
    staging = new WorkstationDb(names.staging);
    await staging.open();
    if (version === CURRENT_SCHEMA_VERSION) {
      for (const [table, expected] of Object.entries(inspection.rowCounts)) {
        const actual = await staging.table(table).count();
        if (actual !== expected) throw new Error(`恢复暂存库中表 ${table} 有 ${actual} 行，备份中有 ${expected} 行；已放弃恢复，数据未改动。`);
      }
    }
    staging.close();
  } catch (error) {
    staging.close();
    await Dexie.delete(names.staging).catch(() => undefined);
    throw error;
  }
}

/**
 * Makes the staged backup the case database. `current` (the app's open connection) is closed first;
 * the page must reload afterwards. The journal makes this step restartable (finishPendingRestore).
 */
export async function commitStagedRestore(
  current: Dexie | null,
  journal: RestoreJournal,
  names: RestoreNames = DEFAULT_RESTORE_NAMES,
): Promise<void> {
  await writeSafetyValue(JOURNAL_KEY, journal, names.safety);
  current?.close();
  await copyStagingIntoMain(journal, names);
}

/** At start, before the case database is opened: completes a restore a crash interrupted. */
export async function finishPendingRestore(names: RestoreNames = DEFAULT_RESTORE_NAMES): Promise<RestoreJournal | null> {
  const journal = await readSafetyValue<RestoreJournal>(JOURNAL_KEY, names.safety);
  if (!journal) return null;
  await copyStagingIntoMain(journal, names);
  return journal;
}

export interface LastRestore extends RestoreJournal {
  readonly completedAt: string;
  /** Sequence number of the audit entry that records the restore. */
  readonly auditSeq?: number;
  /** False until the app has told the user the restore is done (after the reload). */
  readonly announced?: boolean;
}

export function readLastRestore(names: RestoreNames = DEFAULT_RESTORE_NAMES): Promise<LastRestore | undefined> {
  return readSafetyValue<LastRestore>(LAST_RESTORE_KEY, names.safety);
}

/** The restore finished in an earlier page load and has not been reported yet; null otherwise. */
export async function unannouncedRestore(names: RestoreNames = DEFAULT_RESTORE_NAMES): Promise<LastRestore | null> {
  const last = await readLastRestore(names);
  return last && last.announced === false ? last : null;
}

export async function markRestoreAnnounced(names: RestoreNames = DEFAULT_RESTORE_NAMES): Promise<void> {
  const last = await readLastRestore(names);
  if (last) await writeSafetyValue(LAST_RESTORE_KEY, { ...last, announced: true }, names.safety);
}

async function copyStagingIntoMain(journal: RestoreJournal, names: RestoreNames): Promise<void> {
  // Deleting (not clearing) also handles a case database whose schema is newer than this app.
  await Dexie.delete(names.main);
  const main = new WorkstationDb(names.main);
  const staging = new WorkstationDb(names.staging);
  let auditSeq: number;
  try {
    await main.open();
    await staging.open();
    for (const table of staging.tables) {
      let page: unknown[] = [];
      for await (const row of pagedRows(table)) {
        page.push(row);
        if (page.length >= BACKUP_PAGE_ROWS) {
          await main.table(table.name).bulkAdd(page);
          page = [];
        }
      }
      if (page.length > 0) await main.table(table.name).bulkAdd(page);
    }
    // Part of the copy: a crash before the journal is cleared copies again from a deleted database,
    // so the restored chain gets exactly one entry for this restore.
    auditSeq = (await recordRestoreInAudit(main, journal, new Date())).seq;
  } finally {
    main.close();
    staging.close();
  }
  const done: LastRestore = { ...journal, completedAt: new Date().toISOString(), auditSeq, announced: false };
  await writeSafetyValue(LAST_RESTORE_KEY, done, names.safety);
  await writeSafetyValue(JOURNAL_KEY, undefined, names.safety);
  await Dexie.delete(names.staging);
}
