import { describe, expect, it } from 'vitest';
import { creditorMatches, registerPageSlices, registerQuery, searchRegisterCreditors } from '../../../../renderer/src/core/exchange';
import { registerCreditors } from './exchange-fixture';

// A received register is read a page at a time from its stored rows of 1,000 creditors.

describe('registerPageSlices', () => {
  it('a page inside one row reads that row; a page across rows reads both; the last page stops at the count', () => {
    expect(registerPageSlices(0, 50, 2_345)).toEqual([{ seq: 0, from: 0, to: 50 }]);
    expect(registerPageSlices(980, 50, 2_345)).toEqual([
      { seq: 0, from: 980, to: 1_000 },
      { seq: 1, from: 0, to: 30 },
    ]);
    expect(registerPageSlices(2_300, 50, 2_345)).toEqual([{ seq: 2, from: 300, to: 345 }]);
    expect(registerPageSlices(2_400, 50, 2_345)).toEqual([]);
    expect(registerPageSlices(999_950, 50, 1_000_000)).toEqual([{ seq: 999, from: 950, to: 1_000 }]);
  });
});

describe('search', () => {
  const text = registerCreditors(6, (i) => (i === 4 ? { name: '欧阳"娜娜', idNumber: '37100219800101777X' } : {}));

  it('matches name, ID number (x as X), phone or the number in the register', () => {
    const [c] = registerCreditors(1);
    if (!c) throw new Error('creditor');
    expect(registerQuery(' 1000 x ')).toBe('1000X');
    expect(creditorMatches(c, '秀')).toBe(true);
    expect(creditorMatches(c, '1000')).toBe(true);
    expect(creditorMatches(c, '5555')).toBe(false);
    expect(creditorMatches(c, '13806311')).toBe(true);
    expect(creditorMatches(c, '1')).toBe(true);
    expect(creditorMatches(c, '张')).toBe(false);
  });

  it('numbers hits by their place in the register, resumes where the limit stopped, and finds a name with a quote', () => {
    const all = searchRegisterCreditors(text, '李建国', 1_000, 0, 10);
    expect(all).toEqual({ hits: [expect.objectContaining({ n: 1_002 }), expect.objectContaining({ n: 1_004 }), expect.objectContaining({ n: 1_006 })], resumeAt: null });
    const first = searchRegisterCreditors(text, '李建国', 1_000, 0, 2);
    expect(first.hits.map((h) => h.n)).toEqual([1_002, 1_004]);
    expect(first.resumeAt).toBe(4);
    expect(searchRegisterCreditors(text, '李建国', 1_000, 4, 2).hits.map((h) => h.n)).toEqual([1_006]);
    expect(searchRegisterCreditors(text, registerQuery('阳"娜'), 0, 0, 10).hits.map((h) => h.creditor.idNumber)).toEqual(['37100219800101777X']);
    expect(searchRegisterCreditors(text, '', 0, 2, 3).hits.map((h) => h.n)).toEqual([3, 4, 5]);
  });
});
