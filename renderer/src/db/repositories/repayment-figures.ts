// Figures over loaded repayment data (no database access here): case figures, per-creditor figures
// and the refund notice lines, all through the core definitions in core/repayment/figures.ts.
import type { IneligibleReason } from '../../core/repayment/eligibility';
import { ineligibleReason } from '../../core/repayment/eligibility';
import type { CaseRepaymentFigures } from '../../core/repayment/figures';
import { caseRepaymentFigures, creditorFigures, creditorTotals } from '../../core/repayment/figures';
import type { RecoveredFund, RecoveredFundSource } from '../../core/repayment/recovered-funds';
import { recoveredBySource } from '../../core/repayment/recovered-funds';
import type { Relaxation } from '../../core/users/four-eyes';
import type { AllocationLineRecord, FundReceiptRow, RepaymentBatchRow } from '../records';
import { toCoreBatch } from './repayment-lines';
import type { RepaymentCreditor } from './repayment-types';

export interface LoadedBatch {
  readonly row: RepaymentBatchRow;
  readonly lines: readonly AllocationLineRecord[];
}

export function forRepayment(c: RepaymentCreditor) {
  return { id: c.cid, netClaimFen: c.netClaimFen, status: c.status, exclusion: c.exclusion };
}

export function activeFunds(funds: readonly FundReceiptRow[]): RecoveredFund[] {
  return funds.filter((f) => f.voided === null).map((f) => ({ id: f.id, source: f.source, amountFen: f.amountFen, date: f.date, note: f.note }));
}

export interface CaseFiguresView extends CaseRepaymentFigures {
  readonly recoveredBySource: Readonly<Record<RecoveredFundSource, number>>;
  readonly batchCount: number;
  readonly approvedBatchCount: number;
  /** Σ failed or returned payments (支付失败/退回): owed again and reissued by a later batch. */
  readonly failedOrReturnedFen: number;
  readonly failedOrReturnedCount: number;
  /** Batches with a step done under a relaxed four-eyes rule: the figures say so where they show. */
  readonly relaxedBatches: readonly { readonly number: number; readonly relaxations: readonly Relaxation[] }[];
}

export function caseFiguresOf(creditors: readonly RepaymentCreditor[], batches: readonly LoadedBatch[], funds: readonly FundReceiptRow[]): CaseFiguresView {
  const active = activeFunds(funds);
  const figures = caseRepaymentFigures({
    creditors: creditors.map(forRepayment),
    batches: batches.map((b) => toCoreBatch(b.row, b.lines)),
    recoveredFunds: active,
  });
  return {
    ...figures,
    recoveredBySource: recoveredBySource(active).bySource,
    batchCount: batches.length,
    approvedBatchCount: batches.filter((b) => b.row.status !== 'draft').length,
    ...failedOrReturned(batches),
    relaxedBatches: batches
      .filter((b) => (b.row.relaxations ?? []).length > 0)
      .map((b) => ({ number: b.row.number, relaxations: [...new Set((b.row.relaxations ?? []).map((r) => r.relaxation))] })),
  };
}

function failedOrReturned(batches: readonly LoadedBatch[]): { failedOrReturnedFen: number; failedOrReturnedCount: number } {
  let failedOrReturnedFen = 0;
  let failedOrReturnedCount = 0;
  for (const b of batches) {
    for (const l of b.lines) {
      if (l.status !== 'failed' && l.status !== 'returned') continue;
      failedOrReturnedFen += l.amountFen;
      failedOrReturnedCount++;
    }
  }
  return { failedOrReturnedFen, failedOrReturnedCount };
}

export interface CreditorFiguresRow {
  readonly cid: string;
  readonly name: string;
  readonly idNumber: string;
  readonly netClaimFen: number;
  /** Cumulative paid (累计已清退). */
  readonly paidFen: number;
  readonly remainingFen: number;
  readonly refundRate: string;
  readonly refundRateBasisPoints: number;
  /** Why the creditor takes no part in batches, or null. */
  readonly ineligible: IneligibleReason | null;
}

export function creditorFiguresOf(creditors: readonly RepaymentCreditor[], batches: readonly LoadedBatch[]): CreditorFiguresRow[] {
  const totals = creditorTotals(batches.map((b) => toCoreBatch(b.row, b.lines)));
  return creditors.map((c) => {
    const f = creditorFigures({ id: c.cid, netClaimFen: c.netClaimFen }, totals);
    return {
      cid: c.cid,
      name: c.name,
      idNumber: c.idNumber,
      netClaimFen: c.netClaimFen,
      paidFen: f.paidFen,
      remainingFen: f.remainingFen,
      refundRate: f.refundRate,
      refundRateBasisPoints: f.refundRateBasisPoints,
      ineligible: ineligibleReason(forRepayment(c)),
    };
  });
}

/** Per creditor paid in one batch, for the 清退告知书: this batch, cumulative, remaining. */
export interface RefundNoticeLine {
  readonly cid: string;
  readonly name: string;
  readonly idNumber: string;
  readonly batchFen: number;
  /** Σ pending + paid over approved batches up to and including this one. */
  readonly cumulativeFen: number;
  /** Net claim − cumulative. */
  readonly remainingFen: number;
}

export function refundNoticeLinesOf(
  target: LoadedBatch,
  creditors: readonly RepaymentCreditor[],
  batches: readonly LoadedBatch[],
): RefundNoticeLine[] {
  const upTo = batches.filter((b) => b.row.status !== 'draft' && b.row.number <= target.row.number);
  const totals = creditorTotals(upTo.map((b) => toCoreBatch(b.row, b.lines)));
  const byCid = new Map(creditors.map((c) => [c.cid, c]));
  const out: RefundNoticeLine[] = [];
  for (const line of target.lines) {
    if (line.amountFen <= 0 || line.status === 'failed' || line.status === 'returned') continue;
    const c = byCid.get(line.cid);
    const cumulativeFen = totals.get(line.cid)?.committedFen ?? 0;
    const netClaimFen = c?.netClaimFen ?? 0;
    out.push({
      cid: line.cid,
      name: c?.name ?? '',
      idNumber: c?.idNumber ?? '',
      batchFen: line.amountFen,
      cumulativeFen,
      remainingFen: netClaimFen - cumulativeFen,
    });
  }
  return out;
}
