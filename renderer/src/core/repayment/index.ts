export { allocateBatch, allocateValidated } from './allocate-batch';
export type {
  BatchLine,
  BatchRule,
  BatchStatus,
  BatchTransition,
  PaymentResultRow,
  PaymentStatus,
  RepaymentBatch,
} from './batch-lifecycle';
export {
  applyPaymentResults,
  approveBatch,
  createDraftBatch,
  lineCommitsFunds,
  markBatchPaid,
  PAYMENT_LABEL,
  recomputeDraft,
  recordPaymentResult,
} from './batch-lifecycle';
export type { CreditorExclusion, CreditorForRepayment, EligibilitySplit, IneligibleReason, VerificationStatus } from './eligibility';
export { EXCLUSION_REASON, ineligibleReason, splitEligible } from './eligibility';
export type { AllocationLineExplanation } from './explain-line';
export { explainAllocationLine } from './explain-line';
export type { CaseRepaymentFigures, CreditorRepaymentFigures, CreditorTotals } from './figures';
export { allocationClaimsFor, caseRepaymentFigures, creditorFigures, creditorTotals } from './figures';
export { formatExactQuotient, formatRatePercent, rateBasisPoints } from './rate';
export type { RecoveredFund, RecoveredFundSource } from './recovered-funds';
export {
  isRecoveredFundSource,
  RECOVERED_FUND_SOURCE_LABEL,
  RECOVERED_FUND_SOURCES,
  recoveredBySource,
  validateRecoveredFund,
} from './recovered-funds';
export type {
  AllocationClaim,
  AllocationInput,
  AllocationInputError,
  AllocationLine,
  AllocationLineData,
  AllocationOutcome,
  AllocationPool,
  AllocationResult,
} from './types';
export { LINE_FLAG } from './types';
export { validateAllocationInput } from './validate-allocation-input';
