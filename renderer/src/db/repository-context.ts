import type { WorkstationDb } from './database';

/** What every repository needs; tests pass a fixed clock and predictable ids. */
export interface RepositoryContext {
  readonly db: WorkstationDb;
  readonly now: () => Date;
  readonly newId: () => string;
  /** PBKDF2 iterations for new passphrases; tests pass a small number (the default is 600,000). */
  readonly passphraseIterations?: number;
}

export function createRepositoryContext(db: WorkstationDb): RepositoryContext {
  return { db, now: () => new Date(), newId: () => globalThis.crypto.randomUUID() };
}
