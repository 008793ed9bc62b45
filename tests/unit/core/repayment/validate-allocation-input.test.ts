import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../../../../renderer/src/core/repayment/allocate-batch';
import { validateAllocationInput } from '../../../../renderer/src/core/repayment/validate-allocation-input';

const ok = { id: 'A', netClaimFen: 1_000, paidFen: 0 };

function fields(input: unknown): string[] {
  return validateAllocationInput(input).map((e) => e.field);
}

describe('validateAllocationInput', () => {
  it('accepts a well-formed plan', () => {
    expect(validateAllocationInput({ amountFen: 10, claims: [ok], smallClaimThresholdFen: 0, minPaymentFen: 5 })).toEqual([]);
  });

  it('rejects a negative or fractional batch amount with a Chinese message naming the field', () => {
    const [neg] = validateAllocationInput({ amountFen: -1, claims: [ok] });
    expect(neg?.field).toBe('amountFen');
    expect(neg?.message).toContain('不能为负数');
    const [frac] = validateAllocationInput({ amountFen: 10.5, claims: [ok] });
    expect(frac?.message).toContain('整数分');
    expect(fields({ amountFen: '100', claims: [ok] })).toEqual(['amountFen']);
    expect(fields({ amountFen: 2 ** 60, claims: [ok] })).toEqual(['amountFen']);
  });

  it('names the row and the field of a bad claim', () => {
    const errors = validateAllocationInput({
      amountFen: 10,
      claims: [ok, { id: 'B', netClaimFen: 100.5, paidFen: 0 }, { id: 'C', netClaimFen: 100, paidFen: -3 }, { id: '  ', netClaimFen: 1, paidFen: 0 }],
    });
    expect(errors.map((e) => e.field)).toEqual(['claims[1].netClaimFen', 'claims[2].paidFen', 'claims[3].id']);
    expect(errors[0]?.message).toContain('第 2 条（B）');
    expect(errors[2]?.message).toContain('缺少集资参与人编号');
  });

  it('rejects paid above the net claim and says what to check', () => {
    const [e] = validateAllocationInput({ amountFen: 10, claims: [{ id: '张三', netClaimFen: 100, paidFen: 101 }] });
    expect(e?.field).toBe('claims[0].paidFen');
    expect(e?.message).toContain('已清退金额 101 分大于核定清退基数 100 分');
  });

  it('reports a duplicate id at the later row and points at the first', () => {
    const errors = validateAllocationInput({ amountFen: 10, claims: [ok, { id: 'B', netClaimFen: 1, paidFen: 0 }, { ...ok }] });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('claims[2].id');
    expect(errors[0]?.message).toContain('与第 1 条重复');
  });

  it('keeps row numbers right for a duplicate after a row without an id', () => {
    const errors = validateAllocationInput({ amountFen: 10, claims: [{ id: '', netClaimFen: 1, paidFen: 0 }, ok, { ...ok }, { id: ' A', netClaimFen: 1, paidFen: 0 }] });
    expect(errors.map((e) => e.field)).toEqual(['claims[0].id', 'claims[2].id']);
    expect(errors[1]?.message).toContain('第 3 条（A）的编号与第 2 条重复');
  });

  it('rejects non-objects, a missing claims array and bad optional rules', () => {
    expect(fields(null)).toEqual(['（根）']);
    expect(fields({ amountFen: 1 })).toEqual(['claims']);
    expect(fields({ amountFen: 1, claims: [42] })).toEqual(['claims[0]']);
    expect(fields({ amountFen: 1, claims: [], smallClaimThresholdFen: -5, minPaymentFen: 0.5 })).toEqual([
      'smallClaimThresholdFen',
      'minPaymentFen',
    ]);
  });

  it('refuses totals beyond exact arithmetic and stops listing after 50 problems', () => {
    const huge = Array.from({ length: 3 }, (_, i) => ({ id: `h${i}`, netClaimFen: 2 ** 52, paidFen: 0 }));
    expect(fields({ amountFen: 1, claims: huge })).toEqual(['claims']);
    const bad = Array.from({ length: 500 }, (_, i) => ({ id: `b${i}`, netClaimFen: -1, paidFen: 0 }));
    expect(validateAllocationInput({ amountFen: 1, claims: bad })).toHaveLength(50);
  });

  it('allocateBatch returns the errors instead of throwing', () => {
    const outcome = allocateBatch({ amountFen: -5, claims: [ok, ok] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.field)).toEqual(['amountFen', 'claims[1].id']);
  });
});
