// Types of the stored creditor register, shared by records.ts, the repository and the UI.
import type { Creditor, CreditorStatus, Exclusion } from '../../core/creditors';
import type { CreditorReview } from '../../core/creditors/review';

/**
 * A creditor as stored: the core Creditor plus `cid`, stable within the case and never reused.
 * Repayment allocations reference creditors by cid, so correcting an ID number keeps the history.
 */
export type StoredCreditor = Creditor & {
  readonly cid: string;
  /** Who verified it and any change since then waiting for another person (absent: nothing to say). */
  readonly review?: CreditorReview;
};

export interface CreditorTotals {
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
}

/** The case's register pointer as other features see it. */
export interface CreditorRegisterSummary {
  readonly caseId: string;
  readonly generation: number;
  readonly count: number;
  readonly totals: CreditorTotals;
  readonly updatedAt: string;
}

/** Creditors per stored block: large enough that 1M creditors are ~1,000 records. */
export const CREDITOR_BLOCK_SIZE = 1000;

/** Labels of the verification status and exclusion, for the UI and exports. */
export const STATUS_VALUES: readonly CreditorStatus[] = ['待核实', '已核实', '存疑'];

export const EXCLUSION_LABELS: Readonly<Record<Exclude<Exclusion, null>, string>> = {
  employee: '员工',
  agent: '业务员',
  defendant: '涉案人员',
  unregistered: '未登记',
};
