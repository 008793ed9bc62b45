// The work repayment.worker.ts does, apart from the worker itself so it runs (and is tested) on any
// set of repositories: each task calls the repository method of the same name, so the worker's
// results are the main thread's results by construction; the tests compare them all the same.
import { isPermissionDenied } from '../db/access';
import type { Repositories } from '../db/repositories';
import type { RepaymentPhase } from '../db/repositories/repayment-types';
import {
  type FromRepaymentWorker,
  PHASES,
  type RepaymentProgressReport,
  type RepaymentTask,
  type RepaymentTaskKind,
  type RepaymentTaskResults,
  type TaskOf,
  type ToRepaymentWorker,
} from './repayment-protocol';
import { applyBankResult, batchScreen, creditorFiguresScreen, readBankResult, releaseScreens } from './repayment-screens';

type Progress = (report: RepaymentProgressReport) => void;

const phaseReporter = (phases: readonly RepaymentPhase[], progress: Progress) => (phase: RepaymentPhase) =>
  progress({ phase, done: phases.indexOf(phase), total: phases.length });

export async function runRepaymentTask<K extends RepaymentTaskKind>(repos: Repositories, task: TaskOf<K>, progress: Progress = () => {}): Promise<RepaymentTaskResults[K]> {
  const t = task as RepaymentTask;
  const batch = phaseReporter(PHASES.batch, progress);
  let result: RepaymentTaskResults[RepaymentTaskKind];
  switch (t.kind) {
    case 'createBatch':
      result = await repos.repayment.createBatch(t.caseId, t.draft, batch);
      break;
    case 'recomputeBatch':
      result = await repos.repayment.recomputeBatch(t.batchId, t.draft, batch);
      break;
    case 'disbursementFile':
      result = await repos.repayment.disbursementFile(t.batchId, phaseReporter(PHASES.bank, progress));
      break;
    case 'approve':
      result = await repos.repayment.approve(t.batchId, undefined, phaseReporter(PHASES.approve, progress));
      break;
    case 'readBankResult':
      result = await readBankResult(repos, t, phaseReporter(PHASES.bankResult, progress));
      break;
    case 'applyBankResult':
      result = await applyBankResult(repos, t);
      break;
    case 'recordPaymentResults':
      result = await repos.repayment.recordPaymentResults(t.batchId, t.results, { fileName: null, rejected: [] });
      break;
    case 'markPaid':
      result = await repos.repayment.markPaid(t.batchId);
      break;
    case 'caseFigures':
      result = await repos.repayment.caseFigures(t.caseId);
      break;
    case 'creditorFigures':
      result = await repos.repayment.creditorFigures(t.caseId);
      break;
    case 'refundNoticeData':
      result = await repos.repayment.refundNoticeData(t.batchId);
      break;
    case 'refreshRefundFacts':
      result = await repos.figures.refreshRefundFacts(t.caseIds, (done, total) => progress({ phase: 'cases', done, total }));
      break;
    case 'batchScreen':
      result = await batchScreen(repos, t);
      break;
    case 'creditorFiguresScreen':
      result = await creditorFiguresScreen(repos, t);
      break;
    case 'releaseScreens':
      result = releaseScreens(t.which);
      break;
  }
  return result as RepaymentTaskResults[K];
}

/** Bytes cross without a copy (the bank file of a million lines is tens of MB; so is the bank's result file). */
export function transferOf(result: unknown): Transferable[] {
  if (typeof result === 'object' && result !== null && 'bytes' in result && result.bytes instanceof Uint8Array) return [result.bytes.buffer as ArrayBuffer];
  return [];
}

/** One request: progress messages while it runs, then 'done' with the result or 'failed' with the message. */
export async function handleRepaymentMessage(repos: Repositories, message: ToRepaymentWorker, post: (m: FromRepaymentWorker, transfer: Transferable[]) => void): Promise<void> {
  const { id, task } = message;
  try {
    const result = await runRepaymentTask(repos, task, (p) => post({ type: 'progress', id, ...p }, []));
    post({ type: 'done', id, kind: task.kind, result }, transferOf(result));
  } catch (error) {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error), permissionDenied: isPermissionDenied(error) }, []);
  }
}
