import { describe, expect, it } from 'vitest';
import { detach } from '../../../../renderer/src/core/creditors/cell';

describe('detach: a creditor field copied out of the file text keeps its exact characters', () => {
  const parent = `王秀英,370703195002021694,6225880126734057839,山东省威海市环翠区海滨北路25号,He said "hi" \\ a\tb\nc,\uD83D\uDE00emoji,lone \uD800 x`;
  const fields = parent.split(',');
  it.each(fields.map((f) => [f]))('%j', (field) => {
    const copy = detach(field);
    expect(copy).toBe(field);
    expect(copy.length).toBe(field.length);
  });
  it('a cut of a long text is equal to the cut', () => {
    const long = `${'甲'.repeat(40)}12345678901234567890${'"\\'.repeat(10)}`;
    for (let at = 0; at < long.length - 13; at += 7) expect(detach(long.slice(at, at + 15))).toBe(long.slice(at, at + 15));
  });
});
