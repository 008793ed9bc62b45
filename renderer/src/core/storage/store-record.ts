// The record that tells the app the store held data (存储记录): its contents when last seen and the
// last backup's time and contents. It is kept where a wipe of the browser's database does not reach
// (a file in userData in Electron, localStorage in browser mode), so a store found empty at start
// can be told apart from a new installation. Pure.
import { parseJsonObject } from '../common/json-object';

export interface StoreContents {
  readonly cases: number;
  readonly creditors: number;
  readonly petitions: number;
  readonly documents: number;
  readonly auditEntries: number;
}

export interface StoreBackupNote {
  readonly at: string;
  readonly fileName: string;
  /** In the automatic backups folder (Electron), else a file the user chose or downloaded. */
  readonly automatic: boolean;
  readonly contents: StoreContents;
}

export interface StoreRecord {
  readonly version: 1;
  readonly updatedAt: string;
  readonly contents: StoreContents;
  readonly lastBackup: StoreBackupNote | null;
}

export const EMPTY_CONTENTS: StoreContents = { cases: 0, creditors: 0, petitions: 0, documents: 0, auditEntries: 0 };

export function holdsData(contents: StoreContents): boolean {
  return contents.cases + contents.creditors + contents.petitions + contents.documents + contents.auditEntries > 0;
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function parseContents(v: unknown): StoreContents | null {
  if (typeof v !== 'object' || v === null) return null;
  const c = v as Record<string, unknown>;
  return count(c.cases) && count(c.creditors) && count(c.petitions) && count(c.documents) && count(c.auditEntries)
    ? { cases: c.cases, creditors: c.creditors, petitions: c.petitions, documents: c.documents, auditEntries: c.auditEntries }
    : null;
}

/** The record from its stored text; null when absent or unreadable (treated as no record). */
export function parseStoreRecord(text: string | null): StoreRecord | null {
  const r = parseJsonObject(text);
  if (!r) return null;
  const contents = parseContents(r.contents);
  if (r.version !== 1 || typeof r.updatedAt !== 'string' || !contents) return null;
  const b = r.lastBackup as Record<string, unknown> | null | undefined;
  const backupContents = b ? parseContents(b.contents) : null;
  const lastBackup =
    b && typeof b.at === 'string' && typeof b.fileName === 'string' && typeof b.automatic === 'boolean' && backupContents
      ? { at: b.at, fileName: b.fileName, automatic: b.automatic, contents: backupContents }
      : null;
  return { version: 1, updatedAt: r.updatedAt, contents, lastBackup };
}

export function withContents(record: StoreRecord | null, contents: StoreContents, now: Date): StoreRecord {
  return { version: 1, updatedAt: now.toISOString(), contents, lastBackup: record?.lastBackup ?? null };
}

/** A backup's contents are the store's as of now: the record before it has nothing more to add. */
export function withBackup(backup: StoreBackupNote, now: Date): StoreRecord {
  return { version: 1, updatedAt: now.toISOString(), contents: backup.contents, lastBackup: backup };
}

/** What the store looked like at start, before anything opened it with the app's schema. */
export interface StoreProbe {
  /** Null when the database does not exist at all. */
  readonly contents: StoreContents | null;
  /** Chromium's IDBVersionChangeEvent.dataLoss ('total' after it dropped a damaged store). */
  readonly dataLoss: string | null;
  readonly dataLossMessage: string | null;
}

export type StoreAssessment =
  | { readonly status: 'ok' }
  | {
      readonly status: 'lost';
      readonly cause: 'browser-dropped' | 'emptied';
      readonly record: StoreRecord | null;
      readonly browserMessage: string | null;
    };

/**
 * Lost when the browser says it dropped the store, or when the record says it held data and it is
 * now missing or empty, unless a restore completed after the record was written (restoring an
 * empty backup is deliberate).
 */
export function assessStore(probe: StoreProbe, record: StoreRecord | null, restoredAt: string | null): StoreAssessment {
  const nowEmpty = probe.contents === null || !holdsData(probe.contents);
  if (probe.dataLoss !== null && probe.dataLoss !== 'none' && nowEmpty) {
    return { status: 'lost', cause: 'browser-dropped', record, browserMessage: probe.dataLossMessage || null };
  }
  if (!record || !holdsData(record.contents) || !nowEmpty) return { status: 'ok' };
  if (restoredAt !== null && restoredAt > record.updatedAt) return { status: 'ok' };
  return { status: 'lost', cause: 'emptied', record, browserMessage: null };
}

/** "案件 3 件、集资参与人 300,000 人、信访 2 件、文书 5 份、审计记录 120 条" (zeros left out). */
export function describeContents(c: StoreContents): string {
  const n = (v: number) => v.toLocaleString('zh-CN');
  const parts = [
    c.cases > 0 ? `案件 ${n(c.cases)} 件` : '',
    c.creditors > 0 ? `集资参与人 ${n(c.creditors)} 人` : '',
    c.petitions > 0 ? `信访 ${n(c.petitions)} 件` : '',
    c.documents > 0 ? `文书 ${n(c.documents)} 份` : '',
    c.auditEntries > 0 ? `审计记录 ${n(c.auditEntries)} 条` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '无数据';
}
