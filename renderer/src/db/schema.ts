import { migration001Initial } from './migrations/001-initial';
import { migration002CreditorRegisters } from './migrations/002-creditor-registers';
import type { Migration } from './migrations/migration';

/** Every schema version, oldest first. Append only: a shipped version is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002CreditorRegisters];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

/** Refuses a list that skips or repeats a version (a migration must never run out of order). */
export function assertMigrationsInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`schema migration #${i} declares version ${m.version}; expected ${i + 1}`);
    }
  });
}
