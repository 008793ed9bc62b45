// The page's own main-thread tasks from a Chromium trace (issue 17): on a loaded two-core machine a
// frame gap measures the machine as much as the page, and a Long Tasks API entry is wall time that
// includes any wait for a core. A trace event carries both: `dur` (wall) and `tdur` (the thread's
// CPU time), and the events nested in a task say what it was (a message deserialised, a React
// render, a garbage collection, an IndexedDB event, ...).
import type { Browser, Page } from 'playwright-core';

/** Enough to attribute a task, light enough to leave on while a million creditors are computed. */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8', 'blink.user_timing'];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: {
    readonly name?: string;
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
}

export async function startPageTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
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

/** Stops the trace and returns the page's main-thread tasks (the thread named CrRendererMain that ran the most) after the step's mark. */
export async function stopPageTrace(browser: Browser, top = 3): Promise<PageTasks> {
  const buffer = await browser.stopTracing();
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
  const attribute = (t: TraceEvent): PageTask => {
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
      for (const e of chosen) {
        if (e.ts < t.ts || e.ts >= end || e === t) continue;
        while (stack.length > 0 && e.ts >= (stack[stack.length - 1]?.end ?? 0)) pop();
        stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
      }
      while (stack.length > 0) pop();
      const inside = [...self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms`);
      return { wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000, inside };
  };
  const cpuTotal = tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0);
  return { cpuTotal: cpuTotal / 1000, longest: longest.map(attribute), longestWall: byWall ? attribute(byWall) : null };
}

export function describeTasks(tasks: PageTasks): string {
  const first = tasks.longest[0];
  if (!first) return 'no task on the page thread';
  const wall = tasks.longestWall;
  const wallText = wall && wall.wall > first.wall ? `; longest by wall ${wall.wall.toFixed(0)} ms (CPU ${wall.cpu.toFixed(0)} ms)` : '';
  return `page thread's longest task ${first.cpu.toFixed(0)} ms CPU / ${first.wall.toFixed(0)} ms wall [${first.inside.slice(0, 3).join(', ')}]${wallText}; page thread CPU over the step ${tasks.cpuTotal.toFixed(0)} ms`;
}
