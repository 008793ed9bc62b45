// Pages that need a creditor or two of a million-creditor register (issue 17): the petition form's
// creditor picker, from the case chosen to the first search answered, then one more search, with
// the longest frame gap, the page's longest task (Long Tasks API), Chromium's CPU seconds and the
// page's own JS heap and the renderer's memory (page and the picker's worker: PSS) once it answers.
// This build and the reference (PAGES_BENCH_REF, default 8f6f3ae: the picker loaded the whole
// register onto the page; e6ac7b1: the worker built every register column) in the same run,
// reference first.
// The register is written straight into IndexedDB (repayment-app.bench.ts's seedRegister).
// Figures only, no asserts. PAGES_BENCH_ROWS sets the size (default 1,048,576); run it with
// `npm run bench -- pages-1m`.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchResult } from './bench-result';
import { verdictAtMost } from './bench-result';
import { benchTmp, repoRoot } from './creditor-inputs';
import { BENCH_CONTEXT, buildReference, buildRenderer, chromiumCpuTicks, chromiumMemoryMb, cpuSecondsBetween, launch, servePreview, setUpCase, stopServer } from './creditors-app/harness';
import { seedRegister } from './repayment-app.bench';

const ROWS = Number(process.env.PAGES_BENCH_ROWS ?? 1_048_576);
const DIST = process.env.CREDITORS_BENCH_DIST ?? join(benchTmp, 'pages-app-dist');
const PORT = Number(process.env.PAGES_BENCH_PORT ?? 4296);
const REF_COMMIT = process.env.PAGES_BENCH_REF ?? '8f6f3ae';
const TIMEOUT = Number(process.env.PAGES_BENCH_TIMEOUT ?? 900_000);
const step = (what: string) => process.stderr.write(`pages-1m: ${what}\n`);

export interface Watched {
  readonly ms: number;
  readonly maxGap: number;
  readonly longestTask: number;
  readonly cpu: number;
  readonly load: readonly [number, number];
}

/** Starts recording the page's frame gaps and long tasks. */
export async function startWatch(page: Page): Promise<{ cpu: Map<number, number>; load: number; at: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __pages: { last: number; maxGap: number; longestTask: number; stop: boolean } };
    w.__pages = { last: performance.now(), maxGap: 0, longestTask: 0, stop: false };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!w.__pages.stop) w.__pages.longestTask = Math.max(w.__pages.longestTask, e.duration);
    }).observe({ type: 'longtask' });
    const tick = (now: number) => {
      const s = w.__pages;
      if (s.stop) return;
      s.maxGap = Math.max(s.maxGap, now - s.last);
      s.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return { cpu: chromiumCpuTicks(), load: loadavg()[0] ?? 0, at: Date.now() };
}

export async function stopWatch(page: Page, started: { cpu: Map<number, number>; load: number; at: number }): Promise<Watched> {
  const ms = Date.now() - started.at;
  const cpu = cpuSecondsBetween(started.cpu, chromiumCpuTicks());
  const { maxGap, longestTask } = await page.evaluate(() => {
    const s = (window as unknown as { __pages: { maxGap: number; longestTask: number; stop: boolean } }).__pages;
    s.stop = true;
    return { maxGap: s.maxGap, longestTask: s.longestTask };
  });
  return { ms, maxGap, longestTask, cpu, load: [started.load, loadavg()[0] ?? 0] };
}

interface Run {
  readonly firstAnswer: Watched;
  readonly nextSearch: Watched;
  /** The page's own JS heap (main thread) once the picker answers, MB. */
  readonly pageHeapMb: number;
  /** The renderer processes' PSS (the page and the picker's worker) once the picker answers, MB. */
  readonly rendererMb: number;
}

async function runOne(base: string, label: string, browser: Awaited<ReturnType<typeof launch>>): Promise<Run> {
  const context = await browser.newContext(BENCH_CONTEXT);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.addInitScript('globalThis.__name = (f) => f');
  try {
    const caseId = await setUpCase(page, base, `信访基准〔2026〕${label}号`);
    step(`${label}: seeding ${ROWS} creditors`);
    await seedRegister(page, caseId, ROWS);
    await page.goto(`${base}#/petitions/new`);
    await page.getByLabel('收到日期').fill('2026-11-20');
    const matches = page.getByTestId('creditor-matches');
    step(`${label}: case chosen, first search`);
    let started = await startWatch(page);
    await page.getByLabel('关联案件').selectOption({ index: 1 });
    await page.getByLabel('从案件集资参与人中查找').fill('参与人77777');
    await matches.getByText('参与人77777', { exact: true }).waitFor();
    const firstAnswer = await stopWatch(page, started);
    const pageHeapMb = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6);
    const rendererMb = chromiumMemoryMb().pssByKind.renderer ?? 0;
    step(`${label}: next search`);
    started = await startWatch(page);
    await page.getByLabel('从案件集资参与人中查找').fill('参与人12345');
    await matches.getByText('参与人12345', { exact: true }).waitFor();
    const nextSearch = await stopWatch(page, started);
    return { firstAnswer, nextSearch, pageHeapMb, rendererMb };
  } finally {
    await context.close();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const figureOf = (w: Watched) =>
  `${s(w.ms)} wall, ${w.cpu.toFixed(1)} s Chromium CPU, longest frame gap ${w.maxGap.toFixed(0)} ms, longest page task ${w.longestTask.toFixed(0)} ms (load ${w.load[0].toFixed(1)}→${w.load[1].toFixed(1)})`;

export async function run(): Promise<BenchResult[]> {
  buildRenderer(repoRoot, DIST);
  const server = await servePreview(repoRoot, DIST, PORT);
  let refServer: Awaited<ReturnType<typeof servePreview>> | null = null;
  if (REF_COMMIT !== '0') {
    const refDist = join(benchTmp, `pages-app-ref-${REF_COMMIT}`);
    buildReference(repoRoot, REF_COMMIT, refDist);
    refServer = await servePreview(repoRoot, refDist, PORT + 1);
  }
  const browser = await launch();
  try {
    const ref = refServer ? await runOne(`http://127.0.0.1:${PORT + 1}/`, '参考', browser) : null;
    const mine = await runOne(`http://127.0.0.1:${PORT}/`, '1', browser);
    const n = ROWS.toLocaleString('en-US');
    const refOf = (pick: (r: Run) => Watched) => (ref ? `; reference ${REF_COMMIT}${REF_COMMIT === '8f6f3ae' ? ' (register loaded on the page)' : ''}: ${figureOf(pick(ref))}` : '');
    return [
      {
        name: `petition form, ${n} creditors: case chosen → first search answered (register read in the picker's worker)`,
        figure: `${figureOf(mine.firstAnswer)}; page heap ${mine.pageHeapMb.toFixed(0)} MB, renderer PSS ${mine.rendererMb.toFixed(0)} MB${refOf((r) => r.firstAnswer)}${ref ? `, page heap ${ref.pageHeapMb.toFixed(0)} MB, renderer PSS ${ref.rendererMb.toFixed(0)} MB; first answer ${(mine.firstAnswer.ms / ref.firstAnswer.ms).toFixed(2)}× wall, ${(mine.firstAnswer.cpu / ref.firstAnswer.cpu).toFixed(2)}× CPU` : ''}`,
        target: '≤ 100 ms gap',
        verdict: verdictAtMost(mine.firstAnswer.maxGap, 100, ' ms'),
      },
      {
        name: '… then another name typed → answered',
        figure: `${figureOf(mine.nextSearch)}${refOf((r) => r.nextSearch)}`,
        target: '≤ 100 ms gap',
        verdict: verdictAtMost(mine.nextSearch.maxGap, 100, ' ms'),
      },
    ];
  } finally {
    await browser.close();
    stopServer(server);
    if (refServer) stopServer(refServer);
  }
}

