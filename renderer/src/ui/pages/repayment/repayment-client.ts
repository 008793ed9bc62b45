// The page side of workers/repayment.worker.ts: one worker for the session; requests answered in
// order. Where no Worker exists (unit tests of the pages under jsdom) the same task runs on the
// given repositories, so results are identical either way.
import { PermissionDeniedError } from '../../../db/access';
import type { Repositories } from '../../../db/repositories';
import type { FromRepaymentWorker, RepaymentProgressReport, RepaymentTaskKind, RepaymentTaskResults, TaskOf, ToRepaymentWorker } from '../../../workers/repayment-protocol';
import { runRepaymentTask, transferOf } from '../../../workers/repayment-tasks';

interface Pending {
  readonly resolve: (result: RepaymentTaskResults[RepaymentTaskKind]) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress: ((p: RepaymentProgressReport) => void) | undefined;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../../../workers/repayment.worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<FromRepaymentWorker>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress?.(m);
      return;
    }
    pending.delete(m.id);
    if (m.type === 'failed') p.reject(m.permissionDenied ? new PermissionDeniedError(m.message) : new Error(m.message));
    else p.resolve(m.result);
  });
  w.addEventListener('error', (event) => {
    for (const p of pending.values()) p.reject(new Error(`清退计算程序出错：${event.message || '未知错误'}。请重试。`));
    pending.clear();
    w.terminate();
    if (worker === w) worker = null;
  });
  worker = w;
  return w;
}

/** Runs a repayment task off the UI thread; `onProgress` hears its phases (or cases done). */
export function runInWorker<K extends RepaymentTaskKind>(repos: Repositories, task: TaskOf<K>, onProgress?: (p: RepaymentProgressReport) => void): Promise<RepaymentTaskResults[K]> {
  if (typeof Worker === 'undefined') return runRepaymentTask(repos, task, onProgress);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
    const message: ToRepaymentWorker = { id, task };
    // A bank result file's bytes go to the worker without a copy (the page does not use them again).
    ensureWorker().postMessage(message, transferOf(task));
  });
}
