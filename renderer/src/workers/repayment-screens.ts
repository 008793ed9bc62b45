// The lists behind the repayment pages' tables, kept where the work runs (the repayment worker; the
// page itself only where no Worker exists): the lines and register of the batch page being looked
// at, and the per-creditor figures of the case being looked at. One of each is kept; a page asks
// with `fresh` when it loads or after it wrote, and lets them go when it closes.
import type { Repositories } from '../db/repositories';
import type { BatchLinesView, BatchScreen, CreditorFiguresScreen, CreditorFiguresView } from '../db/repositories/repayment-pages';
import type { TaskOf } from './repayment-protocol';

let batch: { readonly batchId: string; readonly view: BatchLinesView } | null = null;
let figures: { readonly caseId: string; readonly view: CreditorFiguresView } | null = null;

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
  if (which === 'batch') batch = null;
  else figures = null;
  return true;
}
