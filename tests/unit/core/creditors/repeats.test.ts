import { describe, expect, it } from 'vitest';
import { repeatedContractMessage, splitRepeatedContracts } from '../../../../renderer/src/core/creditors/repeats';

const k = (principalFen: number, returnedFen = 0, note = '', sourceRow = 1) => ({ principalFen, returnedFen, note, sourceRow });

describe('repeated contracts of a re-imported register', () => {
  it('a contract with the same amounts and no contrary note is a repeat; other amounts are fresh', () => {
    const split = splitRepeatedContracts([k(100_000, 5_000, '', 4)], [k(100_000, 5_000, '', 9), k(100_000, 0, '', 10)]);
    expect(split.repeated.map((r) => [r.contract.sourceRow, r.matches.sourceRow])).toEqual([[9, 4]]);
    expect(split.fresh.map((c) => c.sourceRow)).toEqual([10]);
  });

  it('each register contract answers for one file contract: two equal contracts stay two, a third is fresh', () => {
    const split = splitRepeatedContracts([k(50_000, 0, '', 4), k(50_000, 0, '', 5)], [k(50_000, 0, '', 7), k(50_000, 0, '', 8), k(50_000, 0, '', 9)]);
    expect(split.repeated).toHaveLength(2);
    expect(split.fresh.map((c) => c.sourceRow)).toEqual([9]);
  });

  it('different contract numbers in the notes are different contracts; an empty note does not contradict', () => {
    expect(splitRepeatedContracts([k(10, 0, 'HT-001')], [k(10, 0, 'HT-002')]).fresh).toHaveLength(1);
    expect(splitRepeatedContracts([k(10, 0, 'HT-001')], [k(10, 0, '')]).repeated).toHaveLength(1);
    // The exactly matching note wins its partner, so the empty-note contract is the fresh one.
    const split = splitRepeatedContracts([k(10, 0, 'HT-001', 3)], [k(10, 0, '', 6), k(10, 0, 'HT-001', 7)]);
    expect(split.repeated.map((r) => r.contract.sourceRow)).toEqual([7]);
    expect(split.fresh.map((c) => c.sourceRow)).toEqual([6]);
  });

  it('the message names the row, the person, the register row and what to do', () => {
    expect(repeatedContractMessage(9, '张伟', k(1, 0, '', 4), false)).toMatch(/^第 9 行：“张伟”.*原导入第 4 行.*本次跳过.*勾选“仍然添加重复合同”/);
    expect(repeatedContractMessage(9, '张伟', k(1, 0, 'HT-1', 4), true)).toMatch(/备注.*再次计入/);
  });
});
