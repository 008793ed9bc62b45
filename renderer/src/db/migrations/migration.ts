import type { Transaction } from 'dexie';

/**
 * One schema version. `stores` lists the indexes that change in this version (Dexie merges them
 * over the previous version's); `upgrade` rewrites rows that need a new shape. Every migration gets
 * a test that opens the previous version with old-shape rows, upgrades and compares.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}
