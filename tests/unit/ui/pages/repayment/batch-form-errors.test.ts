import { describe, expect, it } from 'vitest';
import { validateBatchDraft } from '../../../../../renderer/src/db/repositories/repayment-batch-draft';
import { placeBatchErrors } from '../../../../../renderer/src/ui/pages/repayment/batch-form-errors';

// The batch form shows each message under the field it names; a message about the batch as a whole
// (the repository files those under `amount`) goes above the fields, never under 本批清退金额.
const draft = { amountText: '1,000', date: '2026-12-01', smallClaimsFirst: false, thresholdText: '', minPaymentText: '' };

describe('where the batch form shows a message', () => {
  it('puts every message of the form check under the field it names', () => {
    const checked = validateBatchDraft({ ...draft, amountText: '两千', date: '2026-13-01', smallClaimsFirst: true, thresholdText: '-5', minPaymentText: 'abc' }, 100_000);
    if (checked.ok) throw new Error('expected errors');
    const placed = placeBatchErrors(checked.errors, { threshold: true });
    expect(placed.general).toEqual([]);
    expect(placed.fields.amount).toMatch(/^本批清退金额/);
    expect(placed.fields.date).toMatch(/^批次日期/);
    expect(placed.fields.threshold).toMatch(/^小额优先标准/);
    expect(placed.fields.minPayment).toMatch(/^最低支付额/);
  });

  it('puts a message about the whole batch above the fields, not under the amount', () => {
    const noneVerified = '本案没有可参与清退的集资参与人（须为“已核实”且未被排除），请先在集资参与人名单中核实。';
    const placed = placeBatchErrors({ amount: noneVerified }, { threshold: false });
    expect(placed).toEqual({ fields: {}, general: [noneVerified] });
  });

  it('moves an allocation message naming the small-claims rule or the minimum payment to that field', () => {
    const placed = placeBatchErrors({ amount: '最低支付额 minPaymentFen 超出可处理的范围；不使用此规则请留空或填 0' }, { threshold: true });
    expect(placed.fields).toEqual({ minPayment: '最低支付额 minPaymentFen 超出可处理的范围；不使用此规则请留空或填 0' });
    // The small-claims standard unticked since: its message is shown above, not lost.
    const hidden = placeBatchErrors({ threshold: '小额优先标准：请填写金额' }, { threshold: false });
    expect(hidden).toEqual({ fields: {}, general: ['小额优先标准：请填写金额'] });
  });

  it('an amount over the funds available stays under the amount', () => {
    const checked = validateBatchDraft({ ...draft, amountText: '5,000' }, 100_000);
    if (checked.ok) throw new Error('expected errors');
    expect(placeBatchErrors(checked.errors, { threshold: false }).fields.amount).toBe('本批清退金额 5,000.00 元超过可用资金 1,000.00 元，请减少金额或先登记追缴资金。');
  });
});
