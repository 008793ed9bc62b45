import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseDocumentNumber } from '../../../../renderer/src/core/documents';

describe('文号', () => {
  it('writes prefix, year in 六角括号 and the sequence without leading zeros', () => {
    expect(formatDocumentNumber('威处非询', 2020, 12)).toBe('威处非询〔2020〕12号');
    expect(formatDocumentNumber(' 威处非询 ', 2021, 1)).toBe('威处非询〔2021〕1号');
  });

  it('refuses a missing prefix, a bad year or sequence, naming what to fix', () => {
    expect(() => formatDocumentNumber('', 2020, 1)).toThrow(/前缀为空/);
    expect(() => formatDocumentNumber('威处非询〔', 2020, 1)).toThrow(/不能以括号或数字结尾/);
    expect(() => formatDocumentNumber('威处非询', 20, 1)).toThrow(/年份/);
    expect(() => formatDocumentNumber('威处非询', 2020, 0)).toThrow(/序号/);
    expect(() => formatDocumentNumber('威处非询', 2020, 1.5)).toThrow(/序号/);
  });

  it('parses its own output and the look-alike brackets people type', () => {
    expect(parseDocumentNumber('威处非询〔2020〕12号')).toEqual({ prefix: '威处非询', year: 2020, sequence: 12 });
    expect(parseDocumentNumber('威处非询[2020]012号')).toEqual({ prefix: '威处非询', year: 2020, sequence: 12 });
    expect(parseDocumentNumber('威处非询（2020）3号')).toEqual({ prefix: '威处非询', year: 2020, sequence: 3 });
    for (let seq = 1; seq < 200; seq += 37) {
      const text = formatDocumentNumber('威调', 2021, seq);
      expect(parseDocumentNumber(text)).toEqual({ prefix: '威调', year: 2021, sequence: seq });
    }
  });

  it('returns null for text that is not a 文号', () => {
    expect(parseDocumentNumber('威处非询2020第12号')).toBeNull();
    expect(parseDocumentNumber('〔2020〕12号')).toBeNull();
    expect(parseDocumentNumber('威处非询〔2020〕0号')).toBeNull();
  });
});
