// Repayment figures (清退数据) for the case page, the dashboard and the refund notices, computed
// from stored records only, in integer fen.
//
// Definitions:
// - paid (已清退): lines of approved/paid batches the bank reported as paid (not failed/returned).
// - committed: paid + still pending lines of approved batches; the next batch allocates on
//   net claim − committed so money already on its way is not allocated twice.
// - allocated (已分配): Σ committed over all batches; funds available = recovered − allocated, so a
//   failed or returned payment frees its money again.
// - refund rate (清退率) = paid to eligible creditors / eligible net claims, truncated (rate.ts).
// - outstanding (未清退) = eligible net claims − paid to eligible creditors.

import type { RepaymentBatch } from './batch-lifecycle';
import { lineCommitsFunds } from './batch-lifecycle';
import type { CreditorForRepayment } from './eligibility';
import { splitEligible } from './eligibility';
import { formatRatePercent, rateBasisPoints } from './rate';
import type { RecoveredFund } from './recovered-funds';
import { recoveredBySource } from './recovered-funds';
import type { AllocationClaim } from './types';

export interface CreditorTotals {
  readonly paidFen: number;
  readonly committedFen: number;
}

/** Per creditor id: Σ paid and Σ committed over every batch. */
export function creditorTotals(batches: readonly RepaymentBatch[]): Map<string, CreditorTotals> {
  const totals = new Map<string, { paidFen: number; committedFen: number }>();
  for (const batch of batches) {
    for (const line of batch.lines) {
      if (!lineCommitsFunds(batch, line)) continue;
      const t = totals.get(line.creditorId) ?? { paidFen: 0, committedFen: 0 };
      t.committedFen += line.amountFen;
      if (line.payment === 'paid') t.paidFen += line.amountFen;
      totals.set(line.creditorId, t);
    }
  }
  return totals;
}

export interface CreditorRepaymentFigures {
  readonly creditorId: string;
  readonly netClaimFen: number;
  /** Cumulative paid (累计已清退). */
  readonly paidFen: number;
  /** Net claim − paid (剩余未清退). */
  readonly remainingFen: number;
  readonly refundRateBasisPoints: number;
  /** e.g. "37.31%". */
  readonly refundRate: string;
}

export function creditorFigures(
  creditor: { readonly id: string; readonly netClaimFen: number },
  totals: ReadonlyMap<string, CreditorTotals>,
): CreditorRepaymentFigures {
  const paidFen = totals.get(creditor.id)?.paidFen ?? 0;
  return {
    creditorId: creditor.id,
    netClaimFen: creditor.netClaimFen,
    paidFen,
    remainingFen: creditor.netClaimFen - paidFen,
    refundRateBasisPoints: rateBasisPoints(paidFen, creditor.netClaimFen),
    refundRate: formatRatePercent(paidFen, creditor.netClaimFen),
  };
}

/** The claims a new batch allocates over: eligible creditors, paid = committed so far. */
export function allocationClaimsFor(
  creditors: readonly CreditorForRepayment[],
  batches: readonly RepaymentBatch[],
): AllocationClaim[] {
  const totals = creditorTotals(batches);
  return splitEligible(creditors).eligible.map((c) => ({
    id: c.id,
    netClaimFen: c.netClaimFen,
    paidFen: totals.get(c.id)?.committedFen ?? 0,
  }));
}

export interface CaseRepaymentFigures {
  readonly recoveredFen: number;
  readonly allocatedFen: number;
  readonly fundsAvailableFen: number;
  /** Paid to anyone, eligible or not (money that left the account). */
  readonly paidFen: number;
  readonly eligibleNetClaimFen: number;
  readonly paidToEligibleFen: number;
  readonly outstandingFen: number;
  readonly refundRateBasisPoints: number;
  readonly refundRate: string;
  /** Creditors who have received at least one paid line (清退人数). */
  readonly personsRefunded: number;
  readonly eligibleCount: number;
  readonly excludedCount: number;
}

export function caseRepaymentFigures(args: {
  readonly creditors: readonly CreditorForRepayment[];
  readonly batches: readonly RepaymentBatch[];
  readonly recoveredFunds: readonly RecoveredFund[];
}): CaseRepaymentFigures {
  const totals = creditorTotals(args.batches);
  const split = splitEligible(args.creditors);
  let allocatedFen = 0;
  let paidFen = 0;
  let personsRefunded = 0;
  for (const t of totals.values()) {
    allocatedFen += t.committedFen;
    paidFen += t.paidFen;
    if (t.paidFen > 0) personsRefunded++;
  }
  let paidToEligibleFen = 0;
  for (const c of split.eligible) paidToEligibleFen += totals.get(c.id)?.paidFen ?? 0;
  const recoveredFen = recoveredBySource(args.recoveredFunds).totalFen;
  return {
    recoveredFen,
    allocatedFen,
    fundsAvailableFen: recoveredFen - allocatedFen,
    paidFen,
    eligibleNetClaimFen: split.eligibleNetClaimFen,
    paidToEligibleFen,
    outstandingFen: split.eligibleNetClaimFen - paidToEligibleFen,
    refundRateBasisPoints: rateBasisPoints(paidToEligibleFen, split.eligibleNetClaimFen),
    refundRate: formatRatePercent(paidToEligibleFen, split.eligibleNetClaimFen),
    personsRefunded,
    eligibleCount: split.eligible.length,
    excludedCount: split.excluded.length,
  };
}
