import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import type { RepositoryContext } from '../../../renderer/src/db/repository-context';

let counter = 0;

/** A fresh database per test with a fixed clock and readable ids, so results can be compared exactly. */
export function makeTestRepos(now = new Date('2026-11-26T09:00:00+08:00')) {
  counter++;
  const db = new WorkstationDb(`test-${counter}-${Math.random().toString(36).slice(2)}`);
  let id = 0;
  const ctx: RepositoryContext = { db, now: () => now, newId: () => `id-${++id}` };
  return { db, ctx, repos: createRepositories(db, ctx) };
}
