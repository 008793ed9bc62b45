// Where the 100k-row xlsx import's time goes, thread by thread (issue 17): one import through the
// wizard with a Chromium trace (toplevel, v8, user timing), then per thread of the page's renderer
// its CPU over the import, a strip of how busy it was every 250 ms, its heaviest events, and the
// performance marks the import worker and the piece workers set (import:*, piece:*).
//   CREDITORS_BENCH_DIST=<built dist> CREDITORS_BENCH_PORT=<port> npx tsx scripts/bench/creditors-app/xlsx-trace.ts
// XLSX_TRACE_DUMP=<file> keeps the raw trace (for Perfetto).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchTmp, ensureCreditorCsv, ensureCreditorXlsx, repoRoot } from '../creditor-inputs';
import type { TraceEvent as PageTraceEvent } from '../page-tasks';
import { benchPage, buildRenderer, launch, servePreview, setUpCase, stopServer } from './harness';

const DIST = process.env.CREDITORS_BENCH_DIST ?? join(benchTmp, 'creditors-app-dist');
const PORT = Number(process.env.CREDITORS_BENCH_PORT ?? 4186);
const BASE = `http://127.0.0.1:${PORT}/`;
const BUCKET_US = 250_000;

/** A trace event with its category (user-timing marks are found by it). */
type TraceEvent = PageTraceEvent & { readonly cat?: string };

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

function analyse(events: readonly TraceEvent[], from: number, to: number): string[] {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M' || !e.args?.name) continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
    if (e.name === 'process_name') processName.set(e.pid, e.args.name);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts + (e.dur ?? 0) < from || e.ts > to) continue;
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) {
      list = [];
      byThread.set(key, list);
    }
    list.push(e);
  }
  const lines: string[] = [];
  const buckets = Math.ceil((to - from) / BUCKET_US);
  const rows: Array<{ cpu: number; text: string[] }> = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    const tasks = list.filter((e) => TOP_LEVEL.has(e.name));
    if (tasks.length === 0) continue;
    const busy = new Array<number>(buckets).fill(0);
    let cpu = 0;
    for (const t of tasks) {
      const dur = t.dur ?? 0;
      const c = t.tdur ?? dur;
      cpu += c;
      // Spread the task's CPU over its wall span, bucket by bucket.
      for (let b = Math.max(0, Math.floor((t.ts - from) / BUCKET_US)); b < buckets && from + b * BUCKET_US < t.ts + dur; b++) {
        const lo = Math.max(t.ts, from + b * BUCKET_US);
        const hi = Math.min(t.ts + dur, from + (b + 1) * BUCKET_US);
        if (hi > lo && dur > 0) busy[b] = (busy[b] ?? 0) + (c * (hi - lo)) / dur;
      }
    }
    if (cpu < 50_000) continue;
    const strip = busy.map((us) => ' .:-=+*#%@'[Math.min(9, Math.round((us / BUCKET_US) * 9))]).join('');
    // Heaviest events inside its tasks by exclusive wall time.
    const self = new Map<string, number>();
    const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
    const pop = () => {
      const s = stack.pop();
      if (!s) return;
      const d = s.e.args?.data;
      const name = s.e.name === 'FunctionCall' && d ? `FunctionCall ${d.functionName || '?'} ${(d.url ?? '').split('/').pop()}` : s.e.name;
      self.set(name, (self.get(name) ?? 0) + (s.e.dur ?? 0) - s.child);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += s.e.dur ?? 0;
    };
    for (const e of list) {
      while (stack.length > 0 && e.ts >= (stack[stack.length - 1]?.end ?? 0)) pop();
      stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
    }
    while (stack.length > 0) pop();
    const heavy = [...self.entries()]
      .filter(([n]) => !TOP_LEVEL.has(n))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`)
      .join(', ');
    const pid = Number(key.split(':')[0]);
    rows.push({ cpu, text: [`${processName.get(pid) ?? pid}/${threadName.get(key) ?? key} [${key}]: CPU ${(cpu / 1e6).toFixed(2)} s`, `  |${strip}|`, `  ${heavy}`] });
  }
  rows.sort((a, b) => b.cpu - a.cpu);
  for (const r of rows) lines.push(...r.text);
  const marks = events
    .filter((e) => (e.cat ?? '').includes('blink.user_timing') && (e.name.startsWith('import:') || e.name.startsWith('piece:')) && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts);
  lines.push('marks (s from file chosen):');
  for (const m of marks) lines.push(`  ${((m.ts - from) / 1e6).toFixed(2)} ${m.name} [${m.pid}:${m.tid}]`);
  return lines;
}

async function main(): Promise<void> {
  const xlsxPath = ensureCreditorXlsx(ensureCreditorCsv(100_000, 'c100k.csv'), 'c100k.xlsx');
  buildRenderer(repoRoot, DIST);
  const server = await servePreview(repoRoot, DIST, PORT);
  const browser = await launch();
  try {
    const { context, page } = await benchPage(browser, 300_000);
    const caseId = await setUpCase(page, BASE, '基准〔2026〕追踪号');
    await page.goto(`${BASE}#/creditors/${encodeURIComponent(caseId)}`);
    await page.getByRole('button', { name: '导入名单' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择文件/ }).click();
    await browser.startTracing(page, { categories: ['toplevel', 'v8', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.gc'], screenshots: false });
    await page.evaluate(() => performance.mark('import:file-chosen'));
    await (await chooser).setFiles(xlsxPath);
    await page.getByTestId('detected-header').waitFor();
    await page.evaluate(() => performance.mark('import:header-shown'));
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByTestId('import-report').waitFor();
    await page.evaluate(() => performance.mark('import:report-shown'));
    await page.getByRole('button', { name: /导入 \d+ 行有效记录/ }).click();
    await page.locator('[data-testid="creditor-table"] tbody tr').first().waitFor();
    await page.evaluate(() => performance.mark('import:rows-shown'));
    const buffer = await browser.stopTracing();
    if (process.env.XLSX_TRACE_DUMP) writeFileSync(process.env.XLSX_TRACE_DUMP, buffer);
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    const at = (name: string) => events.find((e) => e.name === name)?.ts ?? Number.NaN;
    const from = at('import:file-chosen');
    const to = at('import:rows-shown');
    process.stdout.write(`${analyse(events, from, to).join('\n')}\n`);
    await context.close();
  } finally {
    await browser.close();
    stopServer(server);
  }
}

void main();
