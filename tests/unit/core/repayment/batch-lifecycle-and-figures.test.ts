import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import type { RepaymentBatch } from '../../../../renderer/src/core/repayment/batch-lifecycle';
import {
  applyPaymentResults,
  approveBatch,
  createDraftBatch,
  markBatchPaid,
  recomputeDraft,
  recordPaymentResult,
} from '../../../../renderer/src/core/repayment/batch-lifecycle';
import type { CreditorForRepayment } from '../../../../renderer/src/core/repayment/eligibility';
import {
  allocationClaimsFor,
  caseRepaymentFigures,
  creditorFigures,
  creditorTotals,
} from '../../../../renderer/src/core/repayment/figures';
import type { RecoveredFund } from '../../../../renderer/src/core/repayment/recovered-funds';

const rule = { smallClaimThresholdFen: 0, minPaymentFen: 0 };
const creditors: CreditorForRepayment[] = [
  { id: 'A', netClaimFen: 300_000, status: '已核实', exclusion: null },
  { id: 'B', netClaimFen: 100_000, status: '已核实', exclusion: null },
  { id: 'E', netClaimFen: 50_000, status: '已核实', exclusion: 'employee' },
];
const funds: RecoveredFund[] = [
  { id: 'f1', source: 'seizedAssetDisposal', amountFen: 150_000, date: '2021-06-01', note: '房产拍卖' },
  { id: 'f2', source: 'voluntaryRefund', amountFen: 50_000, date: '2021-07-01', note: '' },
];

function unwrap(t: ReturnType<typeof approveBatch>): RepaymentBatch {
  if (!t.ok) throw new Error(t.error);
  return t.batch;
}

function draft(id: string, amountFen: number, batches: readonly RepaymentBatch[]): RepaymentBatch {
  const outcome = allocateBatch({ amountFen, claims: allocationClaimsFor(creditors, batches) });
  if (!outcome.ok) throw new Error('rejected');
  const { allocations, unallocatedFen } = outcome.result;
  return createDraftBatch({ id, date: '2021-08-01', amountFen, rule, allocations, unallocatedFen });
}

describe('batch lifecycle', () => {
  it('goes draft → approved (approver and time kept) → paid, and freezes after approval', () => {
    // Eligible A 300,000 + B 100,000 (E excluded as 员工): 100,000 → A 75,000, B 25,000.
    const d = draft('P1', 100_000, []);
    expect(d.lines).toEqual([
      { creditorId: 'A', amountFen: 75_000, payment: 'pending' },
      { creditorId: 'B', amountFen: 25_000, payment: 'pending' },
    ]);
    const a = unwrap(approveBatch(d, '李主任', '2021-08-02T09:00:00+08:00', 200_000));
    expect(a).toMatchObject({ status: 'approved', approvedBy: '李主任', approvedAt: '2021-08-02T09:00:00+08:00' });
    const frozen = recomputeDraft(a, { amountFen: 1, rule, allocations: [], unallocatedFen: 1 });
    expect(frozen.ok).toBe(false);
    if (!frozen.ok) expect(frozen.error).toContain('新建批次');
    expect(markBatchPaid(a, 'x').ok).toBe(false);
    const paid1 = unwrap(recordPaymentResult(a, 'A', 'paid'));
    const both = unwrap(recordPaymentResult(paid1, 'B', 'failed', '账户已销户'));
    expect(both.lines[1]).toMatchObject({ payment: 'failed', paymentNote: '账户已销户' });
    expect(unwrap(markBatchPaid(both, '2021-08-05'))).toMatchObject({ status: 'paid', paidAt: '2021-08-05' });
  });

  it('refuses approval without approver, beyond funds available, or twice', () => {
    const d = draft('P1', 100_000, []);
    expect(approveBatch(d, '  ', 't', 200_000)).toMatchObject({ ok: false });
    // The batch amount (100,000), not only what it allocates, must fit in the funds available.
    const over = approveBatch(d, '李主任', 't', 99_999);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error).toContain('金额 100000 分，超过可用资金 99999 分');
    const a = unwrap(approveBatch(d, '李主任', 't', 100_000));
    expect(approveBatch(a, '李主任', 't', 100_000).ok).toBe(false);
  });

  it('allows pending → paid/failed and paid → returned only; reports unknown creditors', () => {
    const a = unwrap(approveBatch(draft('P1', 100_000, []), '李主任', 't', 200_000));
    expect(recordPaymentResult(draft('P0', 1, []), 'A', 'paid').ok).toBe(false);
    const failed = unwrap(recordPaymentResult(a, 'A', 'failed'));
    const again = recordPaymentResult(failed, 'A', 'paid');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toContain('后续批次');
    const returned = unwrap(recordPaymentResult(unwrap(recordPaymentResult(a, 'B', 'paid')), 'B', 'returned'));
    expect(returned.lines[1]?.payment).toBe('returned');
    const unknown = recordPaymentResult(a, 'Z', 'paid');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain('Z');
  });
});

describe('applyPaymentResults (bank result file)', () => {
  it('applies the good rows and reports each bad row by number', () => {
    const a = unwrap(approveBatch(draft('P1', 100_000, []), '李主任', 't', 200_000));
    const { batch, errors } = applyPaymentResults(a, [
      { creditorId: 'A', result: 'paid' },
      { creditorId: 'Z', result: 'paid' },
      { creditorId: 'B', result: 'failed', note: '户名不符' },
      { creditorId: 'B', result: 'paid' },
    ]);
    expect(batch.lines.map((l) => l.payment)).toEqual(['paid', 'failed']);
    expect(batch.lines[1]?.paymentNote).toBe('户名不符');
    expect(errors.map((e) => e.row)).toEqual([2, 4]);
    expect(errors[0]?.message).toContain('第 2 行');
    expect(errors[0]?.message).toContain('Z');
    expect(applyPaymentResults(draft('P0', 1, []), []).errors[0]?.message).toContain('尚未审批');
  });
});

describe('repayment figures', () => {
  it('puts failed payments back into the remaining claim, the funds available and the next batch', () => {
    const b1 = unwrap(markBatchPaid(unwrap(recordPaymentResult(unwrap(recordPaymentResult(unwrap(approveBatch(draft('P1', 100_000, []), '李主任', 't', 200_000)), 'A', 'paid')), 'B', 'failed')), 'd'));
    // A paid 75,000; B's 25,000 failed → B still owed 100,000, and the 25,000 is available again.
    const totals = creditorTotals([b1]);
    expect(totals.get('A')).toEqual({ paidFen: 75_000, committedFen: 75_000 });
    expect(totals.get('B')).toBeUndefined();
    expect(creditorFigures({ id: 'A', netClaimFen: 300_000 }, totals)).toEqual({
      creditorId: 'A',
      netClaimFen: 300_000,
      paidFen: 75_000,
      remainingFen: 225_000,
      refundRateBasisPoints: 2_500,
      refundRate: '25.00%',
    });
    const figures = caseRepaymentFigures({ creditors, batches: [b1], recoveredFunds: funds });
    // Recovered 200,000; allocated 75,000 → available 125,000; rate 75,000 / 400,000 = 18.75%.
    expect(figures).toMatchObject({
      recoveredFen: 200_000,
      allocatedFen: 75_000,
      fundsAvailableFen: 125_000,
      paidFen: 75_000,
      eligibleNetClaimFen: 400_000,
      outstandingFen: 325_000,
      refundRateBasisPoints: 1_875,
      refundRate: '18.75%',
      personsRefunded: 1,
      eligibleCount: 2,
      excludedCount: 1,
    });
    // Next batch: remaining A 225,000, B 100,000 (R = 325,000); 125,000 →
    // A 125,000 × 225,000 / 325,000 = 86,538.46 → 86,538; B 38,461.54 → 38,461 + 1 fen (larger remainder .54).
    const d2 = draft('P2', 125_000, [b1]);
    expect(d2.lines.map((l) => [l.creditorId, l.amountFen])).toEqual([
      ['A', 86_538],
      ['B', 38_462],
    ]);
  });

  it('counts pending lines of an approved batch as allocated but not yet paid', () => {
    const a = unwrap(approveBatch(draft('P1', 100_000, []), '李主任', 't', 200_000));
    const figures = caseRepaymentFigures({ creditors, batches: [a, draft('P2', 50_000, [a])], recoveredFunds: funds });
    expect(figures).toMatchObject({ allocatedFen: 100_000, fundsAvailableFen: 100_000, paidFen: 0, refundRate: '0.00%' });
    expect(allocationClaimsFor(creditors, [a])).toEqual([
      { id: 'A', netClaimFen: 300_000, paidFen: 75_000 },
      { id: 'B', netClaimFen: 100_000, paidFen: 25_000 },
    ]);
  });
});
