// Messages between the repayment pages (and the dashboard) and repayment.worker.ts. The heavy
// repayment work of a case (a batch computed on a million creditors, its approval, the bank
// disbursement file, the bank's result file and the results registered, the refund figures and the
// figures' refund-facts cache) runs there, on the worker's own Dexie connection to the same
// database, so the window keeps answering while it runs (issue 17).
import type { PaymentResultRow } from '../db/records';
import type { BankResultMatch, BankResultSummary, DisbursementFile } from '../db/repositories/repayment-bank';
import type { CaseFiguresView, CreditorFiguresRow } from '../db/repositories/repayment-figures';
import type { BatchScreen, CreditorFiguresScreen, FiguresQuery, LinesQuery } from '../db/repositories/repayment-pages';
import type { RefundNoticeData } from '../db/repositories/repayment-repository';
import type { ActionResult, BatchDraft, BatchField, RepaymentPhase, SaveResult } from '../db/repositories/repayment-types';

export type RepaymentTask =
  | { readonly kind: 'createBatch'; readonly caseId: string; readonly draft: BatchDraft }
  | { readonly kind: 'recomputeBatch'; readonly batchId: string; readonly draft: BatchDraft }
  | { readonly kind: 'disbursementFile'; readonly batchId: string }
  /** The draft checked again on the current register and batches, then approved (four eyes, audited). */
  | { readonly kind: 'approve'; readonly batchId: string }
  /**
   * A bank result file read against the batch's lines (`bytes` transferred, not copied): the worker
   * keeps the reading and answers its summary; `applyBankResult` registers the kept reading.
   */
  | { readonly kind: 'readBankResult'; readonly batchId: string; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'applyBankResult'; readonly batchId: string; readonly fileName: string }
  /** Results registered by hand (one line: paid, or failed/returned with the reason). */
  | { readonly kind: 'recordPaymentResults'; readonly batchId: string; readonly results: readonly Pick<BankResultMatch, 'cid' | 'result' | 'note'>[] }
  | { readonly kind: 'markPaid'; readonly batchId: string }
  | { readonly kind: 'caseFigures'; readonly caseId: string }
  | { readonly kind: 'creditorFigures'; readonly caseId: string }
  | { readonly kind: 'refundNoticeData'; readonly batchId: string }
  | { readonly kind: 'refreshRefundFacts'; readonly caseIds: readonly string[] }
  /**
   * One screen of a batch's lines (and the batch page's notes): the worker keeps the lines and the
   * register of the batch last asked about and reads them again when `fresh` (the page reloads after
   * anything it wrote). `nameCids`: creditors whose names the page needs (payment results).
   */
  | { readonly kind: 'batchScreen'; readonly batchId: string; readonly fresh: boolean; readonly query: LinesQuery; readonly nameCids: readonly string[] }
  /** One screen of the per-creditor figures, kept like the batch lines. */
  | { readonly kind: 'creditorFiguresScreen'; readonly caseId: string; readonly fresh: boolean; readonly query: FiguresQuery }
  /** The page showing them closed: the kept lines, register and figures are let go. */
  | { readonly kind: 'releaseScreens'; readonly which: 'batch' | 'creditorFigures' };

/**
 * The bank list as a Blob made where it was built (the worker): a Blob crosses to the page as a
 * handle to the browser's blob store, and the page hands it to the Bridge without ever holding or
 * copying the file's bytes (tens of MB at a million lines; copying them into a Blob on the page was
 * a 90–150 ms task there, issue 17).
 */
export type DisbursementFileResult =
  | ({ readonly ok: true; readonly suggestedName: string } & DisbursementFile)
  | { readonly ok: false; readonly message: string };

export type RecordResultsResult = ActionResult & { readonly counts?: PaymentResultRow['counts'] };

/** What each task answers: exactly what the repository method of the same name returns. */
export interface RepaymentTaskResults {
  readonly createBatch: SaveResult<BatchField>;
  readonly recomputeBatch: SaveResult<BatchField>;
  readonly disbursementFile: DisbursementFileResult;
  readonly approve: ActionResult;
  readonly readBankResult: BankResultSummary;
  readonly applyBankResult: RecordResultsResult;
  readonly recordPaymentResults: RecordResultsResult;
  readonly markPaid: ActionResult;
  readonly caseFigures: CaseFiguresView;
  readonly creditorFigures: CreditorFiguresRow[];
  readonly refundNoticeData: RefundNoticeData;
  readonly refreshRefundFacts: number;
  /** null: the batch no longer exists. */
  readonly batchScreen: BatchScreen | null;
  readonly creditorFiguresScreen: CreditorFiguresScreen;
  readonly releaseScreens: true;
}

export type RepaymentTaskKind = RepaymentTask['kind'];
export type TaskOf<K extends RepaymentTaskKind> = Extract<RepaymentTask, { readonly kind: K }>;

/**
 * Progress: a batch reports its phases (read → allocate → write; the bank file read → build; an
 * approval read → check → write; a bank result file read → match) with
 * `done`/`total` the phase's place among them; the refund-facts rebuild reports cases done.
 */
export interface RepaymentProgressReport {
  readonly phase: RepaymentPhase | 'cases';
  readonly done: number;
  readonly total: number;
}

export type ToRepaymentWorker = { readonly id: number; readonly task: RepaymentTask };

export type FromRepaymentWorker =
  | ({ readonly type: 'progress'; readonly id: number } & RepaymentProgressReport)
  | { readonly type: 'done'; readonly id: number; readonly kind: RepaymentTaskKind; readonly result: RepaymentTaskResults[RepaymentTaskKind] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string; readonly permissionDenied: boolean };

/** The phases of each task in order, so a page can show "第 2 步，共 3 步". */
export const PHASES: Readonly<Record<'batch' | 'bank' | 'approve' | 'bankResult', readonly RepaymentPhase[]>> = {
  batch: ['read', 'allocate', 'write'],
  bank: ['read', 'build'],
  approve: ['read', 'check', 'write'],
  bankResult: ['read', 'match'],
};
