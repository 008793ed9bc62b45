// Small builders for FigureResult, so every area writes rates and "cannot compute" the same way.
import { rateTenths } from './change';
import type { FigureRecordRef, FigureResult } from './types';

export type RecordsOf = readonly FigureRecordRef[] | { readonly count: number; readonly build: () => readonly FigureRecordRef[] };

/** `items.map(toRef)`, built only when someone reads the records. */
export function lazyRecords<T>(items: readonly T[], toRef: (item: T) => FigureRecordRef): RecordsOf {
  return { count: items.length, build: () => items.map(toRef) };
}

/** A result whose `records` is computed on first read and then kept. */
export function withRecords(base: Omit<FigureResult, 'records' | 'recordCount'>, records: RecordsOf): FigureResult {
  if (Array.isArray(records)) return { ...base, records: records as readonly FigureRecordRef[], recordCount: records.length };
  const lazy = records as Exclude<RecordsOf, readonly FigureRecordRef[]>;
  let built: readonly FigureRecordRef[] | null = null;
  return {
    ...base,
    recordCount: lazy.count,
    get records() {
      built ??= lazy.build();
      return built;
    },
  };
}

export function countResult(value: number, records: RecordsOf): FigureResult {
  return withRecords({ value }, records);
}

/**
 * A rate in tenths of a percent, rounded half away from zero; `truncate` for refund rates, which the
 * case page truncates so that 100% means paid in full. No denominator: null with `emptyReason`.
 */
export function rateResult(
  numerator: number,
  denominator: number,
  records: RecordsOf,
  emptyReason: string,
  options: { readonly truncate?: boolean } = {},
): FigureResult {
  if (denominator === 0) return withRecords({ value: null, ratio: { numerator, denominator }, unavailable: emptyReason }, records);
  const value = options.truncate ? Number((BigInt(numerator) * 1000n) / BigInt(denominator)) : rateTenths(numerator, denominator);
  return withRecords({ value, ratio: { numerator, denominator } }, records);
}

export function unavailableResult(reason: string): FigureResult {
  return { value: null, unavailable: reason, records: [], recordCount: 0 };
}

/** '2020-01-01' ≤ date ≤ '2020-12-31' on ISO strings (valid dates compare as text). */
export function within(date: string | null | undefined, from: string, to: string): boolean {
  return date !== null && date !== undefined && date >= from && date <= to;
}
