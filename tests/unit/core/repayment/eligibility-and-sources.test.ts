import { describe, expect, it } from 'vitest';
import type { CreditorForRepayment } from '../../../../renderer/src/core/repayment/eligibility';
import { ineligibleReason, splitEligible } from '../../../../renderer/src/core/repayment/eligibility';
import {
  RECOVERED_FUND_SOURCE_LABEL,
  RECOVERED_FUND_SOURCES,
  recoveredBySource,
  validateRecoveredFund,
} from '../../../../renderer/src/core/repayment/recovered-funds';

const creditor = (id: string, status: CreditorForRepayment['status'], exclusion: CreditorForRepayment['exclusion'] = null) => ({
  id,
  netClaimFen: 10_000,
  status,
  exclusion,
});

describe('eligibility for refunds', () => {
  it('keeps only verified, non-excluded creditors and gives each excluded one a reason', () => {
    const split = splitEligible([
      creditor('ok', '已核实'),
      creditor('emp', '已核实', 'employee'),
      creditor('agent', '已核实', 'agent'),
      creditor('def', '待核实', 'defendant'),
      creditor('unreg', '已核实', 'unregistered'),
      creditor('pending', '待核实'),
      creditor('doubt', '存疑'),
    ]);
    expect(split.eligible.map((c) => c.id)).toEqual(['ok']);
    expect(split.eligibleNetClaimFen).toBe(10_000);
    expect(Object.fromEntries(split.excluded.map((e) => [e.creditor.id, e.reason]))).toEqual({
      emp: '员工',
      agent: '业务员',
      def: '涉案人员',
      unreg: '未登记',
      pending: '待核实',
      doubt: '存疑',
    });
  });

  it('lets an exclusion outrank the verification status', () => {
    expect(ineligibleReason(creditor('x', '待核实', 'employee'))).toBe('员工');
    expect(ineligibleReason(creditor('y', '已核实'))).toBeNull();
  });
});

describe('recovered funds by source (art. 26)', () => {
  it('lists the five categories with their Chinese labels', () => {
    expect(RECOVERED_FUND_SOURCES.map((s) => RECOVERED_FUND_SOURCE_LABEL[s])).toEqual([
      '处置涉案资产',
      '追缴违法所得',
      '追回的佣金、提成、广告费等',
      '集资人主动退赔',
      '其他',
    ]);
  });

  it('totals per source in fen', () => {
    const { bySource, totalFen } = recoveredBySource([
      { id: '1', source: 'seizedAssetDisposal', amountFen: 100, date: '2021-03-01', note: '' },
      { id: '2', source: 'seizedAssetDisposal', amountFen: 50, date: '2021-04-01', note: '' },
      { id: '3', source: 'voluntaryRefund', amountFen: 7, date: '2021-05-01', note: '' },
    ]);
    expect(bySource).toEqual({ seizedAssetDisposal: 150, illegalGains: 0, commissionsAndFees: 0, voluntaryRefund: 7, other: 0 });
    expect(totalFen).toBe(157);
  });

  it('rejects an unknown source, a non-positive or fractional amount and a bad date, naming each field', () => {
    const errors = validateRecoveredFund({ source: 'bank', amountFen: 10.5, date: '2021/3/1' });
    expect(errors.map((e) => e.field)).toEqual(['source', 'amountFen', 'date']);
    expect(errors[0]?.message).toContain('处置涉案资产');
    expect(validateRecoveredFund({ source: 'other', amountFen: 0, date: '2021-03-01' }).map((e) => e.field)).toEqual(['amountFen']);
    expect(validateRecoveredFund({ source: 'illegalGains', amountFen: 1, date: '2021-03-01' })).toEqual([]);
  });
});
