// The lists behind the repayment pages' tables, kept where the work runs (the repayment worker; the
// page itself only where no Worker exists): the lines and register of the batch page being looked
// at, and the per-creditor figures of the case being looked at. One of each is kept; a page asks
// with `fresh` when it loads or after it wrote, and lets them go when it closes. Also the reading
// of the bank result file the batch page last opened, until the user registers it.
import type { Repositories } from '../db/repositories';
import { type BankResultReading, type BankResultSummary, summarizeBankReading } from '../db/repositories/repayment-bank';
import type { BatchLinesView, BatchScreen, CreditorFiguresScreen, CreditorFiguresView } from '../db/repositories/repayment-pages';
import type { RepaymentProgress } from '../db/repositories/repayment-types';
import type { RecordResultsResult, TaskOf } from './repayment-protocol';

let batch: { readonly batchId: string; readonly view: BatchLinesView } | null = null;
let figures: { readonly caseId: string; readonly view: CreditorFiguresView } | null = null;
/** The bank result file last read, until it is registered or another is read. */
let bankReading: { readonly batchId: string; readonly fileName: string; readonly reading: BankResultReading } | null = null;

export async function batchScreen(repos: Repositories, task: TaskOf<'batchScreen'>): Promise<BatchScreen | null> {
  if (task.fresh || batch?.batchId !== task.batchId) {
    batch = null;
    const view = await repos.repayment.batchLinesView(task.batchId);
    if (!view) return null;
    batch = { batchId: task.batchId, view };
  }
  return batch.view.screen(task.query, task.nameCids);
}

export async function creditorFiguresScreen(repos: Repositories, task: TaskOf<'creditorFiguresScreen'>): Promise<CreditorFiguresScreen> {
  if (task.fresh || figures?.caseId !== task.caseId) {
    figures = null;
    figures = { caseId: task.caseId, view: await repos.repayment.creditorFiguresView(task.caseId) };
  }
  return figures.view.screen(task.query);
}

export function releaseScreens(which: 'batch' | 'creditorFigures'): true {
  if (which === 'batch') {
    batch = null;
    bankReading = null;
  } else figures = null;
  return true;
}

/** Reads a bank result file against the batch's lines, keeps the reading and answers what the page shows of it. */
export async function readBankResult(repos: Repositories, task: TaskOf<'readBankResult'>, onProgress: RepaymentProgress): Promise<BankResultSummary> {
  bankReading = null;
  const reading = await repos.repayment.readBankResult(task.batchId, task.bytes, task.fileName, onProgress);
  bankReading = { batchId: task.batchId, fileName: task.fileName, reading };
  return summarizeBankReading(reading);
}

/** Registers the kept reading of that file (the repository checks roles, four eyes and every line again). */
export async function applyBankResult(repos: Repositories, task: TaskOf<'applyBankResult'>): Promise<RecordResultsResult> {
  const kept = bankReading;
  if (kept?.batchId !== task.batchId || kept.fileName !== task.fileName) return { ok: false, message: `回单“${task.fileName}”的读取结果已失效，请重新导入该文件。` };
  const result = await repos.repayment.recordPaymentResults(task.batchId, kept.reading.matched, { fileName: kept.fileName, rejected: kept.reading.rejected });
  if (result.ok) bankReading = null;
  return result;
}
