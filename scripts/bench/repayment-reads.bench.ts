// How a repayment screen's reads should be cut (issue 17): the repayment worker reads a million
// creditors' blocks (the register) and a batch's 1,049 blocks of lines for every screen it opens.
// This bench times those reads in a worker of the app's page, in Chromium, with 1, 20 and 50 blocks
// per request (one get per block, as Dexie's bulkGet issues them), with key-range getAll of 20 and
// 50 blocks, and with one getAll of everything; per variant: wall time in the worker, the CPU of
// all of this bench's Chromium processes (the worker, the page, the browser's IndexedDB), and the
// page's longest frame gap meanwhile. Rounds alternate the variants so load changes hit them alike.
// REPAYMENT_READS_ROWS sets the size (default 1,048,576), REPAYMENT_READS_ROUNDS the rounds (3).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { BenchResult } from './bench-result';
import { benchTmp, repoRoot } from './creditor-inputs';
import { benchPage, buildRenderer, chromiumCpuTicks, cpuSecondsBetween, launch, servePreview, setUpCase, stopServer } from './creditors-app/harness';
import { seedRegister } from './repayment-app.bench';

const ROWS = Number(process.env.REPAYMENT_READS_ROWS ?? 1_048_576);
const ROUNDS = Number(process.env.REPAYMENT_READS_ROUNDS ?? 3);
const DIST = process.env.CREDITORS_BENCH_DIST ?? join(benchTmp, 'creditors-app-dist');
const PORT = Number(process.env.REPAYMENT_BENCH_PORT ?? 4196) + 2;
const BATCH = 'reads-bench-batch';
const step = (what: string) => process.stderr.write(`repayment-reads: ${what}\n`);

type Variant = { readonly kind: 'all' } | { readonly kind: 'get'; readonly per: number } | { readonly kind: 'range'; readonly per: number };
const VARIANTS: readonly Variant[] = [
  { kind: 'all' },
  { kind: 'get', per: 1 },
  { kind: 'get', per: 20 },
  { kind: 'get', per: 50 },
  { kind: 'range', per: 20 },
  { kind: 'range', per: 50 },
];
const nameOf = (v: Variant) => (v.kind === 'all' ? 'one getAll' : v.kind === 'get' ? `${v.per} get${v.per > 1 ? 's' : ''} per request` : `getAll of ${v.per} by key range`);

/** The worker's code: writes a batch's line blocks, or reads a store's blocks one way and answers ms and count. */
const workerMain = async (job: { readonly op: 'seedLines' | 'read'; readonly caseId: string; readonly batchId: string; readonly rows: number; readonly store?: 'creditorBlocks' | 'allocationBlocks'; readonly variant?: Variant }) => {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('chufei-workstation');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const done = (r: IDBRequest) => new Promise<unknown>((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  try {
    if (job.op === 'seedLines') {
      const blocks = Math.ceil(job.rows / 1000);
      for (let first = 0; first < blocks; first += 64) {
        const tx = db.transaction(['allocationBlocks'], 'readwrite');
        for (let seq = first; seq < Math.min(blocks, first + 64); seq++) {
          const lines = [];
          for (let i = seq * 1000; i < Math.min(job.rows, (seq + 1) * 1000); i++) {
            lines.push({ cid: String(i + 1), amountFen: 10_000 + (i % 977), status: 'pending', remainingFen: 5_000_000 + i, pool: 0, flags: 0, ref: `QT-B1-${String(i + 1).padStart(7, '0')}` });
          }
          tx.objectStore('allocationBlocks').put({ id: `${job.batchId}#${String(seq).padStart(6, '0')}`, batchId: job.batchId, seq, lines });
        }
        await new Promise<void>((ok, fail) => {
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      return { ms: 0, count: 0 };
    }
    const storeName = job.store as string;
    const v = job.variant as Variant;
    const start = performance.now();
    const tx = db.transaction([storeName], 'readonly');
    const store = tx.objectStore(storeName);
    const own = storeName === 'creditorBlocks' ? IDBKeyRange.bound([job.caseId, 1], [job.caseId, 1]) : IDBKeyRange.only(job.batchId);
    const index = store.index(storeName === 'creditorBlocks' ? '[caseId+generation]' : 'batchId');
    let count = 0;
    const take = (values: unknown[]) => {
      for (const b of values) count += ((b as { creditors?: unknown[]; lines?: unknown[] }).creditors ?? (b as { lines: unknown[] }).lines).length;
    };
    if (v.kind === 'all') take((await done(index.getAll(own))) as unknown[]);
    else if (v.kind === 'get') {
      const keys = (await done(index.getAllKeys(own))) as IDBValidKey[];
      for (let at = 0; at < keys.length; at += v.per) take(await Promise.all(keys.slice(at, at + v.per).map((k) => done(store.get(k)))));
    } else {
      const prefix = storeName === 'creditorBlocks' ? `${job.caseId}#1#` : `${job.batchId}#`;
      let lower: string = prefix;
      let open = false;
      for (;;) {
        const values = (await done(store.getAll(IDBKeyRange.bound(lower, `${prefix}\uffff`, open, false), v.per))) as { id: string }[];
        if (values.length === 0) break;
        take(values);
        lower = (values.at(-1) as { id: string }).id;
        open = true;
      }
    }
    return { ms: performance.now() - start, count };
  } finally {
    db.close();
  }
};

async function inWorker(page: Page, job: Parameters<typeof workerMain>[0]): Promise<{ ms: number; count: number; gap: number }> {
  return page.evaluate(
    ({ source, job }) =>
      new Promise<{ ms: number; count: number; gap: number }>((ok, fail) => {
        const code = `self.__name = (f) => f; self.onmessage = async (e) => { try { self.postMessage(await (${source})(e.data)); } catch (err) { self.postMessage({ error: String(err) }); } };`;
        const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
        const worker = new Worker(url);
        // The page's longest frame gap while the worker reads (what the 20-block pieces were for).
        let last = performance.now();
        let gap = 0;
        let watching = true;
        const tick = (now: number) => {
          gap = Math.max(gap, now - last);
          last = now;
          if (watching) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        worker.onmessage = (e: MessageEvent<{ ms: number; count: number } | { error: string }>) => {
          watching = false;
          worker.terminate();
          URL.revokeObjectURL(url);
          if ('error' in e.data) fail(new Error(e.data.error));
          else ok({ ...e.data, gap });
        };
        worker.postMessage(job);
      }),
    { source: workerMain.toString(), job },
  );
}

export async function run(): Promise<BenchResult[]> {
  buildRenderer(repoRoot, DIST);
  const server = await servePreview(repoRoot, DIST, PORT);
  const browser = await launch();
  try {
    const { page } = await benchPage(browser, 900_000);
    await page.addInitScript('globalThis.__name = (f) => f');
    const caseId = await setUpCase(page, `http://127.0.0.1:${PORT}/`, '清退读取基准〔2026〕1号');
    step(`seeding ${ROWS} creditors and a batch of as many lines`);
    await seedRegister(page, caseId, ROWS);
    await inWorker(page, { op: 'seedLines', caseId, batchId: BATCH, rows: ROWS });
    const figures = new Map<string, { ms: number[]; cpu: number[]; gap: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const store of ['creditorBlocks', 'allocationBlocks'] as const) {
        for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
          const before = chromiumCpuTicks();
          const r = await inWorker(page, { op: 'read', caseId, batchId: BATCH, rows: ROWS, store, variant });
          const cpu = cpuSecondsBetween(before, chromiumCpuTicks());
          if (r.count !== ROWS) throw new Error(`${store} ${nameOf(variant)} read ${r.count} rows, not ${ROWS}`);
          const key = `${store === 'creditorBlocks' ? 'register' : 'batch lines'}: ${nameOf(variant)}`;
          const f = figures.get(key) ?? { ms: [], cpu: [], gap: [] };
          f.ms.push(r.ms);
          f.cpu.push(cpu);
          f.gap.push(r.gap);
          figures.set(key, f);
          step(`round ${round + 1} ${key}: ${r.ms.toFixed(0)} ms wall, ${cpu.toFixed(2)} s CPU, page gap ${r.gap.toFixed(0)} ms`);
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return [...figures].map(([name, f]) => ({
      name: `${ROWS.toLocaleString('en-US')} rows read in a worker, ${name} (median of ${ROUNDS})`,
      figure: `${median(f.ms).toFixed(0)} ms wall, ${median(f.cpu).toFixed(2)} s CPU (all Chromium processes), page's longest frame gap ${median(f.gap).toFixed(0)} ms`,
      target: 'figure only',
      verdict: 'figure only',
    }));
  } finally {
    await browser.close();
    stopServer(server);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  void run().then((results) => {
    for (const r of results) process.stdout.write(`${r.name}: ${r.figure}\n`);
  });
}
