import { migration001Initial } from './migrations/001-initial';
import { migration002CreditorRegisters } from './migrations/002-creditor-registers';
import { migration003UsersRoles } from './migrations/003-users-roles';
import { migration004Screening } from './migrations/004-screening';
import { migration005CluesMonitoring } from './migrations/005-clues-monitoring';
import { migration006Exchange } from './migrations/006-exchange';
import { migration007FirstWeek } from './migrations/007-first-week';
import { migration008FigureFacts } from './migrations/008-figure-facts';
import { migration009ExchangeRecordBlocks } from './migrations/009-exchange-record-blocks';
import type { Migration } from './migrations/migration';

/** Every schema version, oldest first. Append only: a shipped version is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002CreditorRegisters,
  migration003UsersRoles,
  migration004Screening,
  migration005CluesMonitoring,
  migration006Exchange,
  migration007FirstWeek,
  migration008FigureFacts,
  migration009ExchangeRecordBlocks,
];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

/** Refuses a list that skips or repeats a version (a migration must never run out of order). */
export function assertMigrationsInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`schema migration #${i} declares version ${m.version}; expected ${i + 1}`);
    }
  });
}
