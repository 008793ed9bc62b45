// Small builders for FigureResult, so every area writes rates and "cannot compute" the same way.
import { rateTenths } from './change';
import type { FigureRecordRef, FigureResult } from './types';

export function countResult(value: number, records: readonly FigureRecordRef[]): FigureResult {
  return { value, records };
}

/**
 * A rate in tenths of a percent, rounded half away from zero; `truncate` for refund rates, which the
 * case page truncates so that 100% means paid in full. No denominator: null with `emptyReason`.
 */
export function rateResult(
  numerator: number,
  denominator: number,
  records: readonly FigureRecordRef[],
  emptyReason: string,
  options: { readonly truncate?: boolean } = {},
): FigureResult {
  if (denominator === 0) return { value: null, ratio: { numerator, denominator }, unavailable: emptyReason, records };
  const value = options.truncate ? Number((BigInt(numerator) * 1000n) / BigInt(denominator)) : rateTenths(numerator, denominator);
  return { value, ratio: { numerator, denominator }, records };
}

export function unavailableResult(reason: string): FigureResult {
  return { value: null, unavailable: reason, records: [] };
}

/** '2020-01-01' ≤ date ≤ '2020-12-31' on ISO strings (valid dates compare as text). */
export function within(date: string | null | undefined, from: string, to: string): boolean {
  return date !== null && date !== undefined && date >= from && date <= to;
}
