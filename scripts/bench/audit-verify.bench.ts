// Verifies the audit log of an office with 1,000,000 creditors in one register (1,000 blocks of
// 1,000, as the creditor store keeps them) and a few hundred audited records, in fake-indexeddb
// (Node has no IndexedDB; Chromium's is faster, so this is an upper bound). The creditors are not
// compared one by one with audit entries: the register row is compared with the state its last
// entry recorded, and its blocks are summed one at a time (cursor) against its count and totals.
// Prints the time and the heap growth while verifying: memory must not grow with the register.
import 'fake-indexeddb/auto';
import { keepAuditAnchor } from '../../renderer/src/db/audit-anchor';
import { appendAudit } from '../../renderer/src/db/audit-writer';
import { WorkstationDb } from '../../renderer/src/db/database';
import { createRepositories } from '../../renderer/src/db/repositories';
import type { StoreRecordPort } from '../../renderer/src/platform/bridge';
import type { BenchResult } from './bench-result';
import { verdictAtMost } from './bench-result';

const CREDITORS = 1_000_000;
const BLOCK = 1_000;
const CASES = 300;

function block(b: number) {
  const creditors = new Array<unknown>(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    const n = b * BLOCK + i;
    const principalFen = 100_000 + ((n * 7919) % 50_000_000);
    creditors[i] = { cid: String(n + 1), name: `参与人${n}`, idType: 'resident', idNumber: `110105198001${String(n).padStart(6, '0')}`, principalFen, returnedFen: 0, netClaimFen: principalFen, status: '已核实' };
  }
  return { id: `case-0#1#${b}`, caseId: 'case-0', generation: 1, seq: b, creditors };
}

export async function run(): Promise<BenchResult[]> {
  const db = new WorkstationDb(`bench-audit-${Date.now()}`);
  await db.open();
  let text: string | null = null;
  const port: StoreRecordPort = {
    where: 'bench',
    read: async () => text,
    write: async (t) => {
      text = t;
    },
  };
  const keeper = keepAuditAnchor(db, port);
  const repos = createRepositories(db, { db, now: () => new Date('2026-11-26T01:00:00Z'), newId: () => crypto.randomUUID() });

  const seedStart = performance.now();
  let principal = 0;
  for (let b = 0; b < CREDITORS / BLOCK; b++) {
    const row = block(b);
    for (const c of row.creditors as { principalFen: number }[]) principal += c.principalFen;
    await db.creditorBlocks.add(row as never);
  }
  const totals = { principalFen: principal, returnedFen: 0, netClaimFen: principal };
  for (let c = 0; c < CASES; c++) {
    const id = `case-${c}`;
    await db.transaction('rw', [db.cases, db.parties, db.creditorRegisters, db.audit, db.settings], async () => {
      const caseFile = { id, caseNumber: `威公经立〔2020〕${c + 1}号`, title: `案件${c}`, stage: '立案', stageHistory: [], createdAt: '', updatedAt: '' };
      await db.cases.add(caseFile as never);
      await appendAudit(db, { action: 'create', entity: 'cases', entityId: id, before: null, after: caseFile }, new Date());
      if (c === 0) {
        await db.creditorRegisters.add({ caseId: id, generation: 1, count: CREDITORS, totals, nextCid: CREDITORS + 1, updatedAt: '' });
        await appendAudit(db, { action: 'import', entity: 'creditors', entityId: id, before: null, after: { count: CREDITORS } }, new Date());
      }
    });
  }
  await keeper.settled();
  const seedS = (performance.now() - seedStart) / 1000;

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const start = performance.now();
  const v = await repos.audit.verify();
  const ms = performance.now() - start;
  clearInterval(sampler);
  if (!v.ok || v.checkedCreditors !== CREDITORS) throw new Error(`verify did not pass: ${v.problems.join(' ')}`);
  const growthMb = (peak - heapBefore) / 1024 / 1024;
  process.stdout.write(`seeded ${CREDITORS.toLocaleString()} creditors and ${CASES} cases in ${seedS.toFixed(1)} s\n`);
  db.close();
  return [
    {
      name: `verify audit log: chain + anchor + ${CASES} records + 1,000,000 creditors (fake-indexeddb)`,
      figure: `${(ms / 1000).toFixed(1)} s`,
      target: '≤ 60 s',
      verdict: verdictAtMost(ms / 1000, 60, ' s'),
    },
    {
      name: 'verify audit log: heap growth while verifying 1,000,000 creditors',
      figure: `${growthMb.toFixed(0)} MB`,
      target: '≤ 100 MB (one block at a time)',
      verdict: verdictAtMost(growthMb, 100, ' MB'),
    },
  ];
}
