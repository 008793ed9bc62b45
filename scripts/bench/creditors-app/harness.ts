// Plumbing for creditors-app.bench.ts: a build of the renderer served by `vite preview`, Debian's
// Chromium through playwright-core, a case set up through the UI, and memory sampling.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The renderer as it was at `commit` (git archive, this checkout's node_modules), built once into
 * outDir: "today's method" measured in the same run as the change, on the same loaded machine.
 */
export function buildReference(root: string, commit: string, outDir: string): void {
  if (existsSync(outDir)) return;
  const src = `${outDir}-src`;
  execFileSync('rm', ['-rf', src]);
  execFileSync('mkdir', ['-p', src]);
  execFileSync('sh', ['-c', `git -C "${root}" archive "${commit}" | tar -x -C "${src}"`]);
  symlinkSync(`${root}/node_modules`, `${src}/node_modules`);
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: src, stdio: 'inherit' });
}

export function buildRenderer(root: string, outDir: string): void {
  if (process.env.CREDITORS_BENCH_DIST && existsSync(process.env.CREDITORS_BENCH_DIST)) return;
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}

export async function servePreview(root: string, outDir: string, port: number): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--config', 'vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error(`vite preview did not start on port ${port}`);
}

/** Stops the preview server this bench started (its own process group only). */
export function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** An unknown switch Chromium ignores, so this bench finds its own browser among others' on the machine. */
const RUN_TAG = `--creditors-bench-run=${process.pid}`;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096', RUN_TAG] });
}

/**
 * A browser with a profile on disk, in a fresh temp dir removed by `close()`: the app runs in
 * Electron with its profile on disk, where IndexedDB lives in files. A context of `launch()` is off
 * the record, and Chromium then keeps IndexedDB in memory, in the browser process (~110 MB more at
 * a million creditors, issue 17), which the app does not hold.
 */
export async function launchOnDisk(options: BrowserContextOptions, keptDir?: string): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'creditors-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...options,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096', RUN_TAG],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      if (!keptDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const BENCH_USER = '基准测试';
const BENCH_PASSPHRASE = '基准测试的登录密码';

/** The first start creates the bench's user (every role); later starts sign it in. */
export async function signIn(page: Page): Promise<void> {
  const first = page.getByTestId('first-start');
  const form = page.getByTestId('sign-in');
  const shell = page.locator('.app-lock-root:not(.app-lock-hidden) .app-navbar');
  await first.or(form).or(shell).first().waitFor();
  if (await first.isVisible()) {
    await first.getByLabel('姓名').fill(BENCH_USER);
    await first.getByLabel('登录密码').fill(BENCH_PASSPHRASE);
    await first.getByLabel('确认密码').fill(BENCH_PASSPHRASE);
    await first.getByRole('button', { name: '创建管理员并登录' }).click();
  } else if (await form.isVisible()) {
    await form.getByLabel('密码').fill(BENCH_PASSPHRASE);
    await form.getByRole('button', { name: '登录' }).click();
  }
  await shell.waitFor();
}

/** Settings and one case through the UI; returns the case id. */
export async function setUpCase(page: Page, base: string, caseNumber: string): Promise<string> {
  await page.goto(`${base}#/settings/office`);
  await signIn(page);
  await page.getByLabel('发文机关（文书落款）').fill('威海市防范和处置非法集资工作领导小组办公室');
  await page.getByLabel('区县列表（每行一个）').fill('环翠区');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('operator-tag').filter({ hasText: BENCH_USER }).waitFor();
  // Leaving before the save lands meets the unsaved-changes guard (a loaded machine is slow to save).
  await page.locator('.bp6-toast').filter({ hasText: '已保存' }).first().waitFor();
  await page.goto(`${base}#/cases/new`);
  await page.getByLabel('案件编号').fill(caseNumber);
  await page.getByLabel('案件名称').fill(`${caseNumber} 基准测试案件`);
  await page.getByLabel('涉嫌罪名/类型').selectOption('非法吸收公众存款');
  await page.getByLabel('领域').selectOption('养老');
  await page.getByLabel('区县').selectOption('环翠区');
  await page.getByLabel('立案日期').fill('2020-06-01');
  await page.locator('#case-stage').selectOption('立案');
  await page.getByLabel('阶段日期').fill('2020-06-01');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('case-title').waitFor();
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  if (!id) throw new Error('case was not created');
  return id;
}

/** The pids of this bench's Chromium (the browser process and all its descendants), with their kind. */
function chromiumPids(): { pid: number; kind: string }[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch {
    return [];
  }
  const procs = out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]), args: m[4] ?? '' }));
  const mine = new Set(procs.filter((p) => p.args.includes(RUN_TAG)).map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => mine.has(p.pid)).map((p) => ({ pid: p.pid, kind: processKind(p.args) }));
}

/**
 * Memory of this bench's Chromium in MB: `rss`, the resident sets added up (pages shared between
 * its processes — the binary, the zygote's — counted once per process, as the issue measured), and
 * `pss`, each shared page divided among its sharers (what the processes really take together).
 */
export function chromiumMemoryMb(): { rss: number; pss: number; pssByKind: Record<string, number> } {
  let rss = 0;
  let pss = 0;
  const pssByKind: Record<string, number> = {};
  for (const { pid, kind } of chromiumPids()) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      const own = Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      pss += own;
      pssByKind[kind] = (pssByKind[kind] ?? 0) + own / 1024;
    } catch {
      // the process ended between ps and the read
    }
  }
  return { rss: rss / 1024, pss: pss / 1024, pssByKind };
}

/** A Chromium process's kind from its switches: browser, renderer, gpu-process, network, storage… */
function processKind(args: string): string {
  const sub = /--utility-sub-type=(\w+)/.exec(args)?.[1];
  return sub ?? /--type=([\w-]+)/.exec(args)?.[1] ?? 'browser';
}

/**
 * CPU seconds (user + system) used so far by this bench's Chromium processes, per pid: the
 * difference of two readings is the CPU a step took on all its threads (page, workers, browser).
 */
export function chromiumCpuTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const { pid } of chromiumPids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11] ?? 0) + Number(fields[12] ?? 0));
    } catch {
      // the process ended between ps and the read
    }
  }
  return ticks;
}

/** CPU seconds between two chromiumCpuTicks() readings (processes started between count from zero). */
export function cpuSecondsBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100;
}

export interface MemoryPeaks {
  readonly heapMb: number;
  readonly rssMb: number;
  readonly pssMb: number;
  /** Chromium's memory when sampling began (the app open, idle). */
  readonly startRssMb: number;
  readonly startPssMb: number;
}

/** Samples the page's JS heap (main thread, via CDP) and Chromium's RSS and PSS until stopped; keeps the peaks. */
export async function sampleMemory(page: Page): Promise<{ stop: () => Promise<MemoryPeaks> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = chromiumMemoryMb();
  let heap = 0;
  let rss = 0;
  let pss = 0;
  let running = true;
  // CREDITORS_BENCH_TRACE=1 prints each second's sample (to see which phase sets the peak).
  const trace = process.env.CREDITORS_BENCH_TRACE === '1';
  const t0 = Date.now();
  let lastTrace = 0;
  const loop = (async () => {
    while (running) {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      const now = chromiumMemoryMb();
      rss = Math.max(rss, now.rss);
      pss = Math.max(pss, now.pss);
      if (trace && Date.now() - lastTrace >= 1000) {
        lastTrace = Date.now();
        const h = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
        // Committed by the heap (garbage not yet collected, pages kept after a collection).
        const committed = (metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0) / 1e6;
        const kinds = Object.entries(now.pssByKind)
          .sort((a, b) => b[1] - a[1])
          .map(([kind, mb]) => `${kind} ${mb.toFixed(0)}`)
          .join(', ');
        process.stderr.write(`[memory] +${((lastTrace - t0) / 1000).toFixed(0)} s PSS ${now.pss.toFixed(0)} MB (${kinds}), page heap ${h.toFixed(0)} MB (committed ${committed.toFixed(0)} MB)\n`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { heapMb: heap / 1e6, rssMb: rss, pssMb: pss, startRssMb: start.rss, startPssMb: start.pss };
    },
  };
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}

/** The office PC's window and locale, as every bench's page sees the app. */
export const BENCH_CONTEXT = { viewport: { width: 1366, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

/** A fresh context and page with the office's window and locale, each wait allowed `timeoutMs`. */
export async function benchPage(browser: Browser, timeoutMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(BENCH_CONTEXT);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  return { context, page };
}
