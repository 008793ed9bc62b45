// Shapes the repayment repository shares with the repayment pages.
import type { FieldErrors } from '../../core/common/field-errors';
import type { CreditorReview } from '../../core/creditors/review';
import type { CreditorExclusion, VerificationStatus } from '../../core/repayment/eligibility';
import type { RecoveredFundSource } from '../../core/repayment/recovered-funds';

/** What repayment reads of a creditor; StoredCreditor of the creditor register has these fields. */
export interface RepaymentCreditor {
  readonly cid: string;
  readonly name: string;
  readonly idNumber: string;
  readonly bankName?: string | undefined;
  readonly bankAccount?: string | undefined;
  readonly netClaimFen: number;
  readonly status: VerificationStatus;
  readonly exclusion: CreditorExclusion | null;
  /** Who verified the creditor; a change after verification waiting for someone else's check. */
  readonly review?: CreditorReview | undefined;
}

/** Where the creditors of a case come from: the creditor repository (repos.creditors). */
export interface CreditorSource {
  loadCase(caseId: string): Promise<readonly RepaymentCreditor[]>;
}

/** The recovered-funds form as typed (amount as text in 元). */
export interface FundDraft {
  readonly source: RecoveredFundSource | '';
  readonly amountText: string;
  readonly date: string;
  readonly note: string;
}
export type FundField = 'source' | 'amount' | 'date' | 'note';

/** The batch form as typed. */
export interface BatchDraft {
  readonly amountText: string;
  readonly date: string;
  readonly smallClaimsFirst: boolean;
  readonly thresholdText: string;
  readonly minPaymentText: string;
}
export type BatchField = 'amount' | 'date' | 'threshold' | 'minPayment';

export type SaveResult<F extends string> =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly errors: FieldErrors<F> };

/**
 * Where a long repayment task is (a batch on a million creditors, the bank file, the figures):
 * reading the register and batches, allocating, writing the lines, building the file, checking a
 * draft again before approval, matching a bank result file to the lines.
 */
export type RepaymentPhase = 'read' | 'allocate' | 'write' | 'build' | 'check' | 'match';
export type RepaymentProgress = (phase: RepaymentPhase) => void;

export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export type { FieldErrors };
