// A case's refunds reduced to what the 统计 figures need per batch, so the dashboard never has to
// read a whole creditor register or every allocation line to show them (ten years of an office can
// hold millions of both). Built from the same records and definitions as the case page
// (figures.ts): paid = lines of approved or paid batches the bank reported as paid; eligible =
// verified and not excluded, as the creditor is now.

import type { RepaymentBatch } from './batch-lifecycle';
import { lineCommitsFunds } from './batch-lifecycle';
import type { CreditorForRepayment } from './eligibility';
import { ineligibleReason } from './eligibility';

export interface RefundBatchFacts {
  readonly batchId: string;
  /** 第 N 批. */
  readonly number: number;
  /** The batch date: a refund counts in the period that holds it. */
  readonly date: string;
  /** Σ paid lines (money that left the custody account), to anyone. */
  readonly paidFen: number;
  /** Σ paid lines of creditors eligible now: the numerator of the refund rate. */
  readonly paidToEligibleFen: number;
  /** Creditors with a paid line in this batch. */
  readonly paidPersons: number;
  /**
   * Bit i set when the i-th creditor of the register (register order when the facts were built)
   * was paid in this batch: persons refunded over several batches are counted once.
   */
  readonly paidBits: Uint8Array;
}

export interface RefundCaseFacts {
  readonly caseId: string;
  /** Σ net claims of the creditors eligible now: the denominator of the case's refund rate. */
  readonly eligibleNetClaimFen: number;
  readonly eligibleCount: number;
  /** Approved and paid batches (drafts pay nothing), by number. */
  readonly batches: readonly RefundBatchFacts[];
}

export type NumberedBatch = RepaymentBatch & { readonly number: number };

export function refundCaseFacts(
  caseId: string,
  creditors: readonly CreditorForRepayment[],
  batches: readonly NumberedBatch[],
): RefundCaseFacts {
  const index = new Map<string, number>();
  const eligible: boolean[] = new Array(creditors.length);
  let eligibleNetClaimFen = 0;
  let eligibleCount = 0;
  creditors.forEach((c, i) => {
    index.set(c.id, i);
    const ok = ineligibleReason(c) === null;
    eligible[i] = ok;
    if (ok) {
      eligibleNetClaimFen += c.netClaimFen;
      eligibleCount++;
    }
  });
  const out: RefundBatchFacts[] = [];
  for (const batch of [...batches].sort((a, b) => a.number - b.number)) {
    if (batch.status === 'draft') continue;
    const bits = new Uint8Array(Math.ceil(creditors.length / 8));
    let paidFen = 0;
    let paidToEligibleFen = 0;
    let paidPersons = 0;
    for (const line of batch.lines) {
      if (line.payment !== 'paid' || !lineCommitsFunds(batch, line)) continue;
      paidFen += line.amountFen;
      const i = index.get(line.creditorId);
      // A line whose creditor left the register still paid money out; it has no bit to set.
      if (i === undefined) {
        paidPersons++;
        continue;
      }
      const mask = 1 << (i & 7);
      if (((bits[i >> 3] as number) & mask) === 0) paidPersons++;
      bits[i >> 3] = (bits[i >> 3] as number) | mask;
      if (eligible[i]) paidToEligibleFen += line.amountFen;
    }
    out.push({ batchId: batch.id, number: batch.number, date: batch.date, paidFen, paidToEligibleFen, paidPersons, paidBits: bits });
  }
  return { caseId, eligibleNetClaimFen, eligibleCount, batches: out };
}

/** Creditors paid in at least one of the given batches of one case (each counted once). */
export function distinctPersonsPaid(batches: readonly RefundBatchFacts[]): number {
  if (batches.length === 0) return 0;
  if (batches.length === 1) return (batches[0] as RefundBatchFacts).paidPersons;
  // Lines of creditors no longer in the register have no bit: counted per batch as paidPersons has them.
  let unindexed = 0;
  let width = 0;
  for (const b of batches) {
    width = Math.max(width, b.paidBits.length);
    unindexed += b.paidPersons - popcount(b.paidBits);
  }
  const union = new Uint8Array(width);
  for (const b of batches) for (let i = 0; i < b.paidBits.length; i++) union[i] = (union[i] as number) | (b.paidBits[i] as number);
  return popcount(union) + unindexed;
}

function popcount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    let v = bytes[i] as number;
    while (v) {
      v &= v - 1;
      n++;
    }
  }
  return n;
}
