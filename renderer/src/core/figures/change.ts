// Year-on-year change of a figure, on integers (BigInt where fen times 1000 could pass 2^53).
// Decided once (issue 13): percentages to one decimal, half away from zero, as the report writes
// 65.6%; a rate's change is the difference in percentage points (个百分点), not a percent of a
// percent; when last year's figure is 0 (or a rate had nothing to divide) there is no change to
// state and the dashboard shows "—", never ∞ or NaN.
import type { FigureResult, FigureUnit } from './types';

export interface FigureChange {
  /** 'percent': relative change; 'points': difference of two rates in percentage points. */
  readonly kind: 'percent' | 'points';
  /** Tenths (−656 = −65.6%, or −65.6 points); null when there is nothing to compare with. */
  readonly tenths: number | null;
  readonly direction: 'up' | 'down' | 'same' | null;
}

/** n / d rounded half away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('roundDiv needs a positive divisor');
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

/** A rate in tenths of a percent, or null when the denominator is 0. */
export function rateTenths(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Number(roundDiv(BigInt(numerator) * 1000n, BigInt(denominator)));
}

function direction(tenths: number | null): FigureChange['direction'] {
  if (tenths === null) return null;
  return tenths > 0 ? 'up' : tenths < 0 ? 'down' : 'same';
}

export function figureChange(unit: FigureUnit, current: FigureResult, previous: FigureResult): FigureChange {
  if (unit === 'rate') {
    const c = current.ratio;
    const p = previous.ratio;
    if (current.value === null || previous.value === null || !c || !p || c.denominator === 0 || p.denominator === 0) {
      return { kind: 'points', tenths: null, direction: null };
    }
    // Exact difference of the two fractions, then rounded once.
    const num = BigInt(c.numerator) * BigInt(p.denominator) - BigInt(p.numerator) * BigInt(c.denominator);
    const tenths = Number(roundDiv(num * 1000n, BigInt(c.denominator) * BigInt(p.denominator)));
    return { kind: 'points', tenths, direction: direction(tenths) };
  }
  if (current.value === null || previous.value === null || previous.value === 0) return { kind: 'percent', tenths: null, direction: null };
  const tenths = Number(roundDiv(BigInt(current.value - previous.value) * 1000n, BigInt(previous.value)));
  return { kind: 'percent', tenths, direction: direction(tenths) };
}

/** "65.6" from −656 (sign dropped: the direction is said in words). */
export function tenthsText(tenths: number): string {
  const a = Math.abs(tenths);
  return `${Math.floor(a / 10)}.${a % 10}`;
}

/** As the dashboard writes a change: 下降65.6% / 上升60.0% / 持平 / 上升2.3个百分点 / —. */
export function describeChange(c: FigureChange): string {
  if (c.tenths === null) return '—';
  if (c.tenths === 0) return '持平';
  const verb = c.tenths > 0 ? '上升' : '下降';
  return c.kind === 'points' ? `${verb}${tenthsText(c.tenths)}个百分点` : `${verb}${tenthsText(c.tenths)}%`;
}
