// Ratios without float drift: refund rates (清退率) and pro-rata ratios computed from integers.
// Truncated, never rounded up, so a rate shows 100% only when the claim is really paid in full.

/** ⌊numerator × 10000 / denominator⌋ in basis points (1 bp = 0.01%); 0 when the denominator is 0. */
export function rateBasisPoints(numeratorFen: number, denominatorFen: number): number {
  if (denominatorFen <= 0) return 0;
  return Number((BigInt(numeratorFen) * 10_000n) / BigInt(denominatorFen));
}

/**
 * "37.31%" from integers: numerator / denominator truncated to `decimals` places of a percent.
 * "—" when the denominator is 0 (nothing to measure against, e.g. no eligible claims yet).
 */
export function formatRatePercent(numeratorFen: number, denominatorFen: number, decimals = 2): string {
  if (denominatorFen <= 0) return '—';
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(numeratorFen) * 100n * scale) / BigInt(denominatorFen);
  const whole = scaled / scale;
  if (decimals === 0) return `${whole}%`;
  const frac = (scaled % scale).toString().padStart(decimals, '0');
  return `${whole}.${frac}%`;
}

/** a × b / c to `decimals` places (truncated), exact for any safe-integer inputs: "1234.5678". */
export function formatExactQuotient(a: number, b: number, c: number, decimals: number): string {
  if (c <= 0) return '—';
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(a) * BigInt(b) * scale) / BigInt(c);
  const whole = scaled / scale;
  if (decimals === 0) return whole.toString();
  return `${whole}.${(scaled % scale).toString().padStart(decimals, '0')}`;
}
