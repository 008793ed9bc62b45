// The page's own main-thread tasks from a Chromium trace (issue 17): on a loaded two-core machine a
// frame gap measures the machine as much as the page, and a Long Tasks API entry is wall time that
// includes any wait for a core. A trace event carries both: `dur` (wall) and `tdur` (the thread's
// CPU time), and the events nested in a task say what it was (a message deserialised, a React
// render, a garbage collection, an IndexedDB event, ...).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Enough to attribute a task, light enough to leave on while a million creditors are computed. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing'];
/** PAGE_TRACE_CATEGORIES adds categories (comma-separated) for a closer look at what holds a frame back. */
const EXTRA = (process.env.PAGE_TRACE_CATEGORIES ?? '').split(',').filter((c) => c !== '');

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: {
    readonly name?: string;
    readonly sort_index?: number;
    readonly elementCount?: number;
    readonly beginData?: { readonly dirtyObjects?: number; readonly totalObjects?: number };
    readonly data?: { readonly functionName?: string; readonly url?: string; readonly type?: string };
  };
}

export interface PageTask {
  /** Wall time of the task, ms. */
  readonly wall: number;
  /** CPU time of the page's thread in it, ms. */
  readonly cpu: number;
  /** What ran inside it, the largest first: "name 12.3 ms". */
  readonly inside: readonly string[];
}

export interface PageTasks {
  /** The longest tasks of the page's main thread by CPU time, longest first. */
  readonly longest: readonly PageTask[];
  /** The longest task by wall time (it may have waited for a core). */
  readonly longestWall: PageTask | null;
  /** CPU time of the page's main thread over the whole step, ms. */
  readonly cpuTotal: number;
  /** Every thread of the browser that ran during the window asked for (the longest frame gap), busiest first. */
  readonly window: readonly ThreadBusy[];
}

/** What one thread (of any Chromium process) did inside a window of time. */
export interface ThreadBusy {
  /** "Renderer/CrRendererMain", "Browser/Chrome_IOThread", "Renderer/DedicatedWorker thread", ... */
  readonly thread: string;
  /** Wall and CPU time of its top-level tasks inside the window, ms (clipped to it). */
  readonly wall: number;
  readonly cpu: number;
  /** Its longest tasks overlapping the window, with what ran in them. */
  readonly tasks: readonly string[];
}

/**
 * A span of the page's clock (performance.now(), ms) to look into: `markAt` is when the step's mark
 * was set on that clock, so the trace's microseconds and the page's milliseconds can be lined up.
 */
export interface PageWindow {
  readonly markAt: number;
  readonly from: number;
  readonly to: number;
}

export async function startPageTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: [...CATEGORIES, ...EXTRA], screenshots: false });
}

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

function label(e: TraceEvent): string {
  const d = e.args?.data;
  if (e.name === 'FunctionCall' && d) return `FunctionCall ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop() ?? ''}`.trim();
  if (e.name === 'EventDispatch' && d?.type) return `EventDispatch ${d.type}`;
  if (e.name === 'UpdateLayoutTree' && e.args?.elementCount !== undefined) return `UpdateLayoutTree (${e.args.elementCount} elements)`;
  if (e.name === 'Layout' && e.args?.beginData?.totalObjects !== undefined) return `Layout (${e.args.beginData.dirtyObjects ?? '?'}/${e.args.beginData.totalObjects} objects)`;
  return e.name;
}

/** The user-timing mark the page sets when a step starts: tasks before it (tracing starting up, the bench's own evaluate) are not the step's. */
export const STEP_MARK = 'bench-step-start';

/** The named events inside a task of one thread, each with its exclusive wall time, the largest first. */
function inside(events: readonly TraceEvent[], t: TraceEvent, count: number): string[] {
  const end = t.ts + (t.dur ?? 0);
  // Exclusive wall time of each named event inside the task, by a stack walk over the sorted events.
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const pop = () => {
    const s = stack.pop();
    if (!s) return;
    const own = (s.e.dur ?? 0) - s.child;
    const name = label(s.e);
    self.set(name, (self.get(name) ?? 0) + own);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += s.e.dur ?? 0;
  };
  for (const e of events) {
    if (e.ts < t.ts || e.ts >= end || e === t) continue;
    while (stack.length > 0 && e.ts >= (stack[stack.length - 1]?.end ?? 0)) pop();
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  while (stack.length > 0) pop();
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`);
}

/** Every thread's top-level tasks inside [from, to] (trace microseconds), busiest thread first. */
function threadsIn(events: readonly TraceEvent[], from: number, to: number): ThreadBusy[] {
  const processName = new Map<number, string>();
  const threadName = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M' || !e.args?.name) continue;
    if (e.name === 'process_name') processName.set(e.pid, e.args.name);
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    if (list.length === 0) byThread.set(key, list);
    list.push(e);
  }
  const out: ThreadBusy[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    const tasks = list.filter((e) => TOP_LEVEL.has(e.name) && e.ts < to && e.ts + (e.dur ?? 0) > from);
    if (tasks.length === 0) continue;
    let wall = 0;
    let cpu = 0;
    for (const t of tasks) {
      const dur = t.dur ?? 0;
      const clipped = Math.min(to, t.ts + dur) - Math.max(from, t.ts);
      wall += clipped;
      cpu += dur > 0 ? ((t.tdur ?? dur) * clipped) / dur : 0;
    }
    const pid = Number(key.split(':')[0]);
    const longest = [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 2);
    out.push({
      thread: `${processName.get(pid) ?? pid}/${threadName.get(key) ?? key}`,
      wall: wall / 1000,
      cpu: cpu / 1000,
      tasks: longest.map((t) => `${((t.dur ?? 0) / 1000).toFixed(0)} ms wall/${((t.tdur ?? t.dur ?? 0) / 1000).toFixed(0)} ms CPU at +${((t.ts - from) / 1000).toFixed(0)} ms [${inside(list, t, 3).join(', ')}]`),
    });
  }
  return out.sort((a, b) => b.wall - a.wall);
}

/**
 * Stops the trace and returns the page's main-thread tasks (the thread named CrRendererMain that ran
 * the most) after the step's mark; with `window`, also what every thread of the browser did then.
 */
export async function stopPageTrace(browser: Browser, top = 3, window?: PageWindow): Promise<PageTasks> {
  const buffer = await browser.stopTracing();
  // PAGE_TRACE_DUMP=<dir> keeps each step's trace (for chrome://tracing or Perfetto, or a script).
  const dump = process.env.PAGE_TRACE_DUMP;
  if (dump) {
    mkdirSync(dump, { recursive: true });
    writeFileSync(join(dump, `trace-${Date.now()}.json`), buffer);
  }
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  // The page's renderer is the CrRendererMain with the most task time (an extension or spare renderer idles).
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mainThreads.has(key)) continue;
    const list = byThread.get(key) ?? [];
    if (list.length === 0) byThread.set(key, list);
    list.push(e);
  }
  let chosen: TraceEvent[] = [];
  let chosenCpu = -1;
  for (const list of byThread.values()) {
    const cpu = list.filter((e) => TOP_LEVEL.has(e.name)).reduce((s, e) => s + (e.tdur ?? e.dur ?? 0), 0);
    if (cpu > chosenCpu) [chosen, chosenCpu] = [list, cpu];
  }
  chosen.sort((a, b) => a.ts - b.ts);
  const marks = events.filter((e) => e.name === STEP_MARK).map((e) => e.ts);
  const from = marks.length > 0 ? Math.max(...marks) : Number.NEGATIVE_INFINITY;
  const tasks = chosen.filter((e) => TOP_LEVEL.has(e.name) && e.ts >= from);
  const longest = [...tasks].sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0)).slice(0, top);
  const byWall = [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const attribute = (t: TraceEvent): PageTask => ({ wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000, inside: inside(chosen, t, 5) });
  const cpuTotal = tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
  const inWindow = window && Number.isFinite(from) ? threadsIn(events, from + (window.from - window.markAt) * 1000, from + (window.to - window.markAt) * 1000) : [];
  return { cpuTotal: cpuTotal / 1000, longest: longest.map(attribute), longestWall: byWall ? attribute(byWall) : null, window: inWindow };
}

export function describeTasks(tasks: PageTasks): string {
  const first = tasks.longest[0];
  if (!first) return 'no task on the page thread';
  const wall = tasks.longestWall;
  const wallText = wall && wall.wall > first.wall ? `; longest by wall ${wall.wall.toFixed(0)} ms (CPU ${wall.cpu.toFixed(0)} ms)` : '';
  return `page thread's longest task ${first.cpu.toFixed(0)} ms CPU / ${first.wall.toFixed(0)} ms wall [${first.inside.slice(0, 3).join(', ')}]${wallText}; page thread CPU over the step ${tasks.cpuTotal.toFixed(0)} ms`;
}
