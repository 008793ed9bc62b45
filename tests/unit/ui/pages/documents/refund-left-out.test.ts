// The refund-notice dialog's "who gets no notice" line, counted as the register is read in steps.
import { describe, expect, it } from 'vitest';
import type { RepaymentCreditor } from '../../../../../renderer/src/db/repositories/repayment-types';
import { LeftOutTally } from '../../../../../renderer/src/ui/pages/documents/refund-records';

const person = (cid: number, patch: Partial<RepaymentCreditor> = {}): RepaymentCreditor => ({
  cid: String(cid),
  name: `参与人${cid}`,
  idNumber: '',
  netClaimFen: 100_000,
  status: '已核实',
  exclusion: null,
  ...patch,
});

describe('LeftOutTally', () => {
  it('names each reason in the order it first appears, with the first ten names and the count', () => {
    const register = [
      person(1),
      person(2, { exclusion: 'agent', name: '董昇' }),
      person(3, { status: '待核实' }),
      ...Array.from({ length: 12 }, (_, i) => person(10 + i, { exclusion: 'employee' })),
      person(30, { netClaimFen: 0 }),
      person(31),
    ];
    const tally = new LeftOutTally(new Set(['1']));
    // Handed over in steps, as the register is read: the same line as in one go.
    tally.add(register.slice(0, 5));
    tally.add(register.slice(5));
    const employees = Array.from({ length: 10 }, (_, i) => `参与人${10 + i}`).join('、');
    expect(tally.summary()).toBe(
      `16 名集资参与人未出具告知书：业务员，不参加清退 1 名（董昇）；核实状态为“待核实”，不参加清退 1 名（参与人3）；员工，不参加清退 12 名（${employees}等）；核定清退基数为零，没有可清退的金额 1 名（参与人30）；本批次没有清退金额（已清退完毕，或者支付失败、退回待下批重发） 1 名（参与人31）。`,
    );
  });

  it('says nothing when every creditor has a notice', () => {
    const tally = new LeftOutTally(new Set(['1', '2']));
    tally.add([person(1), person(2)]);
    expect(tally.summary()).toBe('');
  });
});
