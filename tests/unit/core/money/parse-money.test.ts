import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseMoneyToFen } from '../../../../renderer/src/core/money';

function fenOf(text: string | number, unit?: 'yuan' | 'wan'): number | string {
  const r = parseMoneyToFen(text, unit);
  return r.ok ? r.fen : r.code;
}

describe('parseMoneyToFen: what people type into registers', () => {
  it.each([
    ['100000', 10_000_000],
    ['50000.00', 5_000_000],
    ['1,234.50', 123_450],
    ['50,000.00', 5_000_000],
    ['5万', 5_000_000],
    ['1.5万元', 1_500_000],
    ['1.234567万', 1_234_567],
    ['2亿', 20_000_000_000],
    ['1.38亿元', 13_800_000_000],
    ['￥3,000', 300_000],
    ['¥1,000', 100_000],
    ['￥1,000', 100_000],
    ['人民币 3000 元', 300_000],
    ['3000元整', 300_000],
    ['２００００', 2_000_000],
    ['１，２３４．５', 123_450],
    [' 1 200.50 ', 120_050],
    ['0', 0],
    ['0.05', 5],
    ['.5', 50],
    ['12.', 1_200],
    ['-0', 0],
    ["'1000", 100_000],
    ['+12', 1_200],
  ])('%s → %s fen', (text, fen) => {
    expect(fenOf(text)).toBe(fen);
  });

  it('reads bare numbers in the column unit, and an explicit unit in the text wins', () => {
    expect(fenOf('5', 'wan')).toBe(5_000_000);
    expect(fenOf('0.5', 'wan')).toBe(500_000);
    expect(fenOf('5万', 'wan')).toBe(5_000_000);
    expect(fenOf('300元', 'wan')).toBe(30_000);
    expect(fenOf(2.5, 'wan')).toBe(2_500_000);
  });

  it.each([
    ['', 'AMOUNT_MISSING'],
    ['   ', 'AMOUNT_MISSING'],
    ['-', 'AMOUNT_MISSING'],
    ['¥', 'AMOUNT_MISSING'],
    ['元', 'AMOUNT_MISSING'],
    ['1000.005', 'AMOUNT_PRECISION'],
    ['0.001', 'AMOUNT_PRECISION'],
    ['1.2345678万', 'AMOUNT_PRECISION'],
    ['1.00000000001亿', 'AMOUNT_PRECISION'],
    ['1万2千', 'AMOUNT_INVALID'],
    ['壹万元', 'AMOUNT_INVALID'],
    ['-100', 'AMOUNT_NEGATIVE'],
    ['－100', 'AMOUNT_NEGATIVE'],
    ['￥-5', 'AMOUNT_NEGATIVE'],
    ['(100.00)', 'AMOUNT_NEGATIVE'],
    ['abc', 'AMOUNT_INVALID'],
    ['1,23', 'AMOUNT_INVALID'],
    ['1.2.3', 'AMOUNT_INVALID'],
    ['5万元整整', 'AMOUNT_INVALID'],
    ['3.71002E+17', 'AMOUNT_INVALID'],
    ['.', 'AMOUNT_INVALID'],
    ['90071992547409.92', 'AMOUNT_TOO_LARGE'],
    ['100000000000000000000', 'AMOUNT_TOO_LARGE'],
  ])('%s → %s', (text, code) => {
    expect(fenOf(text)).toBe(code);
  });

  it('accepts the largest safe amount and no more', () => {
    expect(fenOf('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('explains every failure in Chinese with the value and what to do', () => {
    const r = parseMoneyToFen('1000.005');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('1000.005');
      expect(r.message).toContain('精确到分');
    }
    const neg = parseMoneyToFen('-100');
    if (!neg.ok) expect(neg.message).toContain('负数');
  });
});

describe('parseMoneyToFen: numbers from spreadsheet cells', () => {
  it('avoids float artefacts by reading the shortest decimal string', () => {
    expect(fenOf(1000.1)).toBe(100_010);
    // Formula results carry binary artefacts beyond Excel's 15 significant digits; Excel shows 0.3.
    expect(fenOf(0.1 + 0.2)).toBe(30);
    expect(fenOf(1234.5600000000002)).toBe(123_456);
    expect(fenOf(0.1 * 3 * 1000)).toBe(30_000);
    expect(fenOf(1000.0049999999999)).toBe('AMOUNT_PRECISION');
    expect(fenOf(1000.0050000000001)).toBe('AMOUNT_PRECISION');
    // Above 1e12 yuan 15 digits could hide a real fen: read exactly.
    expect(fenOf(12345678901234.56)).toBe(1_234_567_890_123_456);
    expect(fenOf(19.99)).toBe(1_999);
    expect(fenOf(1.15)).toBe(115);
    expect(fenOf(100000)).toBe(10_000_000);
    expect(fenOf(1000.005)).toBe('AMOUNT_PRECISION');
    expect(fenOf(-100)).toBe('AMOUNT_NEGATIVE');
    expect(fenOf(-0)).toBe(0);
    expect(fenOf(Number.NaN)).toBe('AMOUNT_INVALID');
    expect(fenOf(Number.POSITIVE_INFINITY)).toBe('AMOUNT_INVALID');
    expect(fenOf(1e21)).toBe('AMOUNT_TOO_LARGE');
    expect(fenOf(1e-7)).toBe('AMOUNT_PRECISION');
  });

  it('treats null and undefined as missing', () => {
    expect(fenOf(null as unknown as string)).toBe('AMOUNT_MISSING');
  });
});

describe('format ↔ parse round trips (property)', () => {
  const fen = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

  it('formatFen → parseMoneyToFen gives the same fen', () => {
    fc.assert(fc.property(fen, (f) => fenOf(formatFen(f)) === f));
  });

  it('fenToYuanString → parseMoneyToFen gives the same fen', () => {
    fc.assert(fc.property(fen, (f) => fenOf(fenToYuanString(f)) === f));
  });

  it('a yuan number with at most two decimals read from a cell gives the exact fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (f) => fenOf(Number(fenToYuanString(f))) === f),
    );
  });

  it('with the full-width forms and currency sign', () => {
    const toFullWidth = (s: string): string =>
      s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(fc.property(fen, (f) => fenOf(`￥${toFullWidth(formatFen(f))}元`) === f));
  });
});

// The usual cell ("44100.00", 44100) takes a short route; it must answer exactly as the general one.
describe('the same amount gives the same answer however it arrives (property)', () => {
  const yuanText = (f: number) => fenToYuanString(f);
  const wanText = (f: number) => `${Math.floor(f / 1_000_000)}.${String(f % 1_000_000).padStart(6, '0')}`;

  it('yuan: bare text, spaced text, and the number read from a cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (f) => {
        const text = yuanText(f);
        expect(fenOf(text)).toBe(f);
        expect(fenOf(` ${text} `)).toBe(f);
        expect(fenOf(Number(text))).toBe(f);
      }),
    );
  });

  it('万元: bare text, text with 万, and the number read from a cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (f) => {
        const text = wanText(f);
        expect(fenOf(text, 'wan')).toBe(f);
        expect(fenOf(`${text}万`)).toBe(f);
        expect(fenOf(Number(text), 'wan')).toBe(f);
      }),
    );
  });

  it('finer than a fen, negative or Excel float noise is refused or cleaned alike on both routes', () => {
    expect(fenOf('1000.005')).toBe('AMOUNT_PRECISION');
    expect(fenOf(1000.005)).toBe('AMOUNT_PRECISION');
    expect(fenOf('0.0000005', 'wan')).toBe('AMOUNT_PRECISION');
    expect(fenOf(-0)).toBe(0);
    expect(fenOf(-12.5)).toBe('AMOUNT_NEGATIVE');
    expect(fenOf('-12.50')).toBe('AMOUNT_NEGATIVE');
    expect(fenOf(1234.5600000000002)).toBe(123_456);
    expect(fenOf('123456789012345678')).toBe('AMOUNT_TOO_LARGE');
  });
});
