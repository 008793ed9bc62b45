import type { Dexie } from 'dexie';
import type { PreparedDatabase } from './prepare-database';

/**
 * The open case database and the app version, for the backup and restore screens: they need the
 * raw connection (every table, in pages), which the repositories deliberately do not expose. Set
 * once by main.tsx after the database opens.
 */
export interface SafetySession {
  readonly db: Dexie;
  readonly appVersion: string;
  readonly prepared: PreparedDatabase | null;
}

let session: SafetySession | null = null;

export function setSafetySession(value: SafetySession): void {
  session = value;
}

export function safetySession(): SafetySession {
  if (!session) throw new Error('数据库尚未打开 / safety session not set');
  return session;
}
