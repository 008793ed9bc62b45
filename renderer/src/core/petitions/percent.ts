// Year-on-year changes and rates as the report writes them, computed on integers so a count never
// turns into 13.900000000000002.
// Rounding: half away from zero, to whole percent for changes (−14%) and to one decimal for rates
// (93.3%). The change is (this period − last period) / last period; undefined when last period is 0.

/** Integer division of num by den (> 0), rounded half away from zero. */
export function roundRatio(num: number, den: number): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`roundRatio needs safe integers and den > 0: ${num}/${den}`);
  }
  const q = Math.floor((2 * Math.abs(num) + den) / (2 * den));
  return num < 0 ? -q : q;
}

export interface YearOnYear {
  readonly current: number;
  readonly previous: number;
  /** Whole percent, e.g. −14; null when the previous period is 0. */
  readonly percent: number | null;
  /** Tenths of a percent, e.g. −139 for −13.9%; null when the previous period is 0. */
  readonly tenthsOfPercent: number | null;
}

export function yearOnYear(current: number, previous: number): YearOnYear {
  if (previous === 0) return { current, previous, percent: null, tenthsOfPercent: null };
  const diff = current - previous;
  return {
    current,
    previous,
    percent: roundRatio(diff * 100, previous),
    tenthsOfPercent: roundRatio(diff * 1000, previous),
  };
}

const MINUS = '\u2212';

/** '−14%', '+5%', '0%'; '—' when there is nothing to compare with. */
export function formatPercentChange(c: YearOnYear): string {
  if (c.percent === null) return '—';
  if (c.percent < 0) return `${MINUS}${-c.percent}%`;
  return c.percent > 0 ? `+${c.percent}%` : '0%';
}

/** As the report phrases it: 下降14% / 上升5% / 持平. */
export function describeChangeZh(c: YearOnYear): string {
  if (c.percent === null) return c.current === 0 ? '均为 0' : '去年同期为 0，无法计算增减幅度';
  if (c.percent < 0) return `下降${-c.percent}%`;
  return c.percent > 0 ? `上升${c.percent}%` : '持平';
}

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** Tenths of a percent (933 = 93.3%); null when nothing is counted. */
  readonly tenthsOfPercent: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    numerator,
    denominator,
    tenthsOfPercent: denominator === 0 ? null : roundRatio(numerator * 1000, denominator),
  };
}

/** '93.3%'; '—' for an empty rate. */
export function formatRate(r: Rate): string {
  if (r.tenthsOfPercent === null) return '—';
  return `${Math.floor(r.tenthsOfPercent / 10)}.${r.tenthsOfPercent % 10}%`;
}
