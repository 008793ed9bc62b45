import { describe, expect, it } from 'vitest';
import { fenToCapitals, fenToYuanString, formatFen } from '../../../../renderer/src/core/money';

describe('formatFen and fenToYuanString', () => {
  it.each([
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [50, '0.50', '0.50'],
    [1_000, '10.00', '10.00'],
    [123_450, '1,234.50', '1234.50'],
    [100_000_000, '1,000,000.00', '1000000.00'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91', '90071992547409.91'],
    [-123_450, '-1,234.50', '-1234.50'],
  ])('%i fen → %s / %s', (fen, formatted, plain) => {
    expect(formatFen(fen)).toBe(formatted);
    expect(fenToYuanString(fen)).toBe(plain);
  });

  it('refuses a fraction of a fen instead of rounding it', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => fenToYuanString(Number.NaN)).toThrow(/整数分/);
  });
});

describe('fenToCapitals (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [1_000, '壹拾元整'],
    [1_005, '壹拾元零伍分'],
    [2_030, '贰拾元叁角整'],
    [10_010, '壹佰元壹角整'],
    [10_100, '壹佰零壹元整'],
    [100_101, '壹仟零壹元零壹分'],
    [101_000, '壹仟零壹拾元整'],
    [123_450, '壹仟贰佰叁拾肆元伍角整'],
    [123_456, '壹仟贰佰叁拾肆元伍角陆分'],
    [10_000_000, '壹拾万元整'],
    [10_500_000, '壹拾万伍仟元整'],
    [100_000_005, '壹佰万元零伍分'],
    [10_000_000_000, '壹亿元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [1_000_000_000_000, '壹佰亿元整'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, capitals) => {
    expect(fenToCapitals(fen)).toBe(capitals);
  });

  it('writes 整 after 元 and 角, never after 分', () => {
    for (let fen = 0; fen < 5_000; fen += 7) {
      const text = fenToCapitals(fen);
      if (fen % 10 !== 0) expect(text.endsWith('分')).toBe(true);
      else expect(text.endsWith('整')).toBe(true);
    }
  });

  it('refuses negative or fractional fen', () => {
    expect(() => fenToCapitals(-1)).toThrow(RangeError);
    expect(() => fenToCapitals(0.5)).toThrow(RangeError);
  });
});
