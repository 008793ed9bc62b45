import type { CaseFile } from '../../../core/cases/case-file';
import type { FundReceiptRow, RepaymentBatchRow } from '../../../db/records';
import type { CaseFiguresView } from '../../../db/repositories/repayment-figures';

/** What the case's repayment view reads once and hands to its tabs (its own file so the tabs need not import the view that holds them). */
export interface CaseRepaymentData {
  readonly caseFile: CaseFile;
  readonly figures: CaseFiguresView;
  readonly funds: readonly FundReceiptRow[];
  readonly batches: readonly RepaymentBatchRow[];
}
