import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateIds } from '../../../../renderer/src/core/repayment/duplicate-ids';
import { selectTop } from '../../../../renderer/src/core/repayment/select-top';

describe('selectTop', () => {
  it('puts exactly the k first items (by the order) in front, for any input and k', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 300 }), fc.nat(), (values, kRaw) => {
        const k = values.length === 0 ? 0 : kRaw % (values.length + 1);
        const items = Uint32Array.from(values.keys());
        selectTop(items, k, (a, b) => (values[a] as number) > (values[b] as number));
        const front = [...items.subarray(0, k)].map((i) => values[i] as number).sort((a, b) => b - a);
        expect(front).toEqual([...values].sort((a, b) => b - a).slice(0, k));
      }),
    );
  });
});

describe('findDuplicateIds', () => {
  it('finds every later occurrence and points at the first', () => {
    expect(findDuplicateIds(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual([
      { index: 2, firstIndex: 0 },
      { index: 4, firstIndex: 1 },
      { index: 5, firstIndex: 0 },
    ]);
    expect(findDuplicateIds(['喆', '喆 ', 'ｚ', 'z'])).toEqual([]);
    expect(findDuplicateIds(['x', 'x', 'x'], 1)).toHaveLength(1);
  });

  it('finds planted duplicates among 50,000 ids, in input order, and honours the limit', () => {
    const ids: (string | undefined)[] = Array.from({ length: 50_000 }, (_, i) => `370102${String(i).padStart(8, '0')}`);
    ids[40_000] = ids[7];
    ids[45_000] = ids[30_000];
    ids[49_999] = ids[7];
    ids[100] = undefined;
    expect(findDuplicateIds(ids)).toEqual([
      { index: 40_000, firstIndex: 7 },
      { index: 45_000, firstIndex: 30_000 },
      { index: 49_999, firstIndex: 7 },
    ]);
    expect(findDuplicateIds(ids, 2)).toHaveLength(2);
  });

  it('agrees with a Set on random ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), (ids) => {
        const seen = new Set<string>();
        const expected: number[] = [];
        ids.forEach((id, i) => {
          if (seen.has(id)) expected.push(i);
          seen.add(id);
        });
        expect(findDuplicateIds(ids).map((d) => d.index)).toEqual(expected);
      }),
    );
  });
});
