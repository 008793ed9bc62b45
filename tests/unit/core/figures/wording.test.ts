import { describe, expect, it } from 'vitest';
import type { FigureChange } from '../../../../renderer/src/core/figures/change';
import { amountZh, approxCountZh, approximate, atLeastPercentZh, changesZh, percentZh } from '../../../../renderer/src/core/figures/wording';

const pct = (tenths: number | null): FigureChange => ({ kind: 'percent', tenths, direction: tenths === null ? null : tenths > 0 ? 'up' : tenths < 0 ? 'down' : 'same' });

describe('amountZh writes amounts as the report does', () => {
  it('writes the report’s amounts', () => {
    expect(amountZh(13_800_000_000)).toBe('1.38亿元'); // 138,000,000 元
    expect(amountZh(2_036_800_000)).toBe('2036.8万元'); // 20,368,000 元
    expect(amountZh(22_000_000_000)).toBe('2.2亿元'); // trailing zero dropped
    expect(amountZh(13_000_000_000)).toBe('1.3亿元');
    expect(amountZh(250_000)).toBe('2500元');
  });
  it('rounds half up at the unit’s last decimal', () => {
    expect(amountZh(13_850_000_000)).toBe('1.39亿元'); // 1.385 → 1.39
    expect(amountZh(13_849_999_999)).toBe('1.38亿元');
    expect(amountZh(2_036_850_000)).toBe('2036.9万元');
    expect(amountZh(2_036_849_999)).toBe('2036.8万元');
    expect(amountZh(10_000_000)).toBe('10万元');
    expect(amountZh(12_345)).toBe('123元'); // 123.45 元 → whole yuan
    expect(amountZh(12_350)).toBe('124元');
  });
  it('moves to the next unit when rounding reaches it', () => {
    expect(amountZh(9_999_960_000)).toBe('1亿元'); // 9999.96万 would read 10000万
    expect(amountZh(999_960)).toBe('1万元'); // 9999.6 元 rounds to 10000 元
    expect(amountZh(999_940)).toBe('9999元');
    expect(amountZh(999_500_000)).toBe('999.5万元');
  });
  it('writes zero and negative differences, and refuses a non-integer amount', () => {
    expect(amountZh(0)).toBe('0元');
    expect(amountZh(-2_036_800_000)).toBe('负2036.8万元');
    expect(() => amountZh(1.5)).toThrow(/整数分/);
  });
});

describe('approximations with 余', () => {
  it('keeps two leading digits from 100 up and says 余 when something was dropped', () => {
    expect(approxCountZh(1612, '人')).toBe('1600余人');
    expect(approxCountZh(2318, '人')).toBe('2300余人');
    expect(approxCountZh(437, '家')).toBe('430余家');
    expect(approxCountZh(8012, '元')).toBe('8000余元');
  });
  it('uses tens below 100, and writes round values and small ones exactly', () => {
    expect(approxCountZh(23, '家')).toBe('20余家');
    expect(approxCountZh(1600, '人')).toBe('1600人');
    expect(approxCountZh(20, '家')).toBe('20家');
    expect(approxCountZh(8, '家')).toBe('8家');
    expect(approximate(0)).toEqual({ base: 0, more: false });
    expect(() => approximate(-1)).toThrow(/非负整数/);
  });
});

describe('percentages and changes', () => {
  it('writes one decimal and drops .0', () => {
    expect(percentZh(656)).toBe('65.6%');
    expect(percentZh(820)).toBe('82%');
    expect(percentZh(5)).toBe('0.5%');
    expect(atLeastPercentZh(717)).toBe('70%以上');
    expect(atLeastPercentZh(810)).toBe('80%以上');
  });
  it('writes the new-case sentence of the report', () => {
    expect(changesZh([pct(-656), pct(-681), pct(-820)])).toBe('同比分别减少65.6%、68.1%、82%');
  });
  it('joins two changes with 和 and takes the report’s verb', () => {
    expect(changesZh([pct(-150), pct(-840)], { down: '下降' })).toBe('同比分别下降15%和84%');
    expect(changesZh([pct(600)], { up: '上升' })).toBe('同比上升60%');
  });
  it('gives each change its own verb when they move differently, and never writes ∞ or NaN', () => {
    expect(changesZh([pct(-656), pct(50), pct(0)])).toBe('同比分别减少65.6%、增加5%、持平');
    expect(changesZh([pct(null)])).toBe('去年同期为0');
    expect(changesZh([pct(-656), pct(null)])).toBe('同比分别减少65.6%和无可比（去年同期为0）');
    expect(changesZh([pct(null), pct(null), pct(null)])).toBe('去年同期均为0');
    expect(changesZh([pct(0)])).toBe('同比持平');
    expect(changesZh([{ kind: 'points', tenths: 23, direction: 'up' }], { up: '提高' })).toBe('同比提高2.3个百分点');
  });
});
