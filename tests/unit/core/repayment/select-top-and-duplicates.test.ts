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
