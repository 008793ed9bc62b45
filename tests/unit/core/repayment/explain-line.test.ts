import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import { explainAllocationLine } from '../../../../renderer/src/core/repayment/explain-line';
import type { AllocationInput, AllocationResult } from '../../../../renderer/src/core/repayment/types';

function allocate(input: AllocationInput): AllocationResult {
  const outcome = allocateBatch(input);
  if (!outcome.ok) throw new Error('rejected');
  return outcome.result;
}

describe('explainAllocationLine', () => {
  it('shows the ratio and the formula a creditor can check by hand', () => {
    // 1,000.00 × 3,000.00 ÷ 4,500.00 = 666.666666… yuan → 666.67 (got the odd fen).
    const r = allocate({
      amountFen: 100_000,
      claims: [
        { id: 'A', netClaimFen: 300_000, paidFen: 0 },
        { id: 'B', netClaimFen: 200_000, paidFen: 50_000 },
      ],
    });
    const a = explainAllocationLine(r, 0);
    expect(a.ratio).toBe('22.2222%');
    expect(a.formula).toBe('按比例清退：1,000.00 × 3,000.00 ÷ 4,500.00 = 666.666666 元 → 666.67 元（最大余额法进 1 分）');
    expect(a.roundedUp).toBe(true);
    const b = explainAllocationLine(r, 1);
    expect(b.remainingFen).toBe(150_000);
    expect(b.formula).toBe('按比例清退：1,000.00 × 1,500.00 ÷ 4,500.00 = 333.333333 元 → 333.33 元（取整到分）');
  });

  it('says why a line gets nothing', () => {
    const r = allocate({
      amountFen: 10_000,
      minPaymentFen: 1_000,
      claims: [
        { id: 'A', netClaimFen: 90_000, paidFen: 0 },
        { id: 'B', netClaimFen: 9_000, paidFen: 0 },
        { id: 'C', netClaimFen: 500, paidFen: 500 },
      ],
    });
    expect(explainAllocationLine(r, 1)).toMatchObject({ amountFen: 0, belowMinimum: true, pool: null, ratio: '—' });
    expect(explainAllocationLine(r, 1).formula).toContain('低于最低支付额');
    expect(explainAllocationLine(r, 2).formula).toBe('剩余债权为 0：此前批次已全部清退');
    expect(explainAllocationLine(r, 2).noClaim).toBe(false);
  });

  it('says a creditor whose returns covered the principal has no claim, not that it was refunded', () => {
    const r = allocate({ amountFen: 10_000, claims: [{ id: 'A', netClaimFen: 90_000, paidFen: 0 }, { id: 'B', netClaimFen: 0, paidFen: 0 }] });
    expect(explainAllocationLine(r, 1)).toMatchObject({ amountFen: 0, nothingRemaining: true, noClaim: true });
    expect(explainAllocationLine(r, 1).formula).toBe('无待清退债权：已收回款项不少于本金（核定清退基数为 0）');
    expect(explainAllocationLine(r, 1).formula).not.toContain('已全部清退');
  });

  it('marks small claims and full payments', () => {
    const r = allocate({
      amountFen: 1_500,
      smallClaimThresholdFen: 100,
      claims: [
        { id: 'S', netClaimFen: 80, paidFen: 0 },
        { id: 'L', netClaimFen: 5_000, paidFen: 0 },
      ],
    });
    const s = explainAllocationLine(r, 0);
    expect(s).toMatchObject({ smallClaim: true, paidInFull: true, amountFen: 80 });
    expect(s.formula).toBe('小额优先：剩余债权 0.80 元全额清偿');
    expect(explainAllocationLine(r, 1).amountFen).toBe(1_420);
    expect(() => explainAllocationLine(r, 2)).toThrow(RangeError);
  });
});
