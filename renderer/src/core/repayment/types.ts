// Shapes of a batch allocation (批次分配): the input the app and the CLI hand in, and the result the
// batch page, the refund notices and the bank list read. Money is integer fen throughout.

/** One eligible creditor's claim as the allocation sees it. */
export interface AllocationClaim {
  /** Creditor id; unique within the batch. Also the last tie-break (code-unit order). */
  readonly id: string;
  /** Net claim (核定清退基数) = principal − returns already received. */
  readonly netClaimFen: number;
  /** Paid by earlier batches (已清退), net of failed or returned payments. */
  readonly paidFen: number;
}

export interface AllocationInput {
  /** Batch amount (本批清退金额). */
  readonly amountFen: number;
  readonly claims: readonly AllocationClaim[];
  /** Small claims first (小额优先): remaining claims up to this are paid in full first. 0 or absent: off. */
  readonly smallClaimThresholdFen?: number | undefined;
  /** Minimum payment (最低支付额): shares below it carry over to a later batch. 0 or absent: off. */
  readonly minPaymentFen?: number | undefined;
}

export interface AllocationLine {
  readonly id: string;
  readonly amountFen: number;
}

/**
 * How a pool of money was shared. Every paid line belongs to exactly one pool; within a pool each
 * line's exact share is amountFen × line remaining / remainingFen, rounded by largest remainder.
 */
export interface AllocationPool {
  /**
   * smallClaims: small claims paid in full, or pro rata among themselves when the batch cannot pay
   * them all; proRata: the pro-rata share of everyone else; paidInFull: claims settled in full
   * because the pool covers them (the whole batch, or the largest claims under the minimum rule).
   */
  readonly kind: 'smallClaims' | 'proRata' | 'paidInFull';
  readonly amountFen: number;
  /** Sum of the remaining claims of the pool's members. */
  readonly remainingFen: number;
  readonly memberCount: number;
}

/** Bit flags per line, kept in a Uint8Array so a million-line batch carries no per-line objects. */
export const LINE_FLAG = {
  /** The line equals the creditor's whole remaining claim (capped / settled in full). */
  paidInFull: 1,
  /** Remaining claim ≤ the small-claim threshold. */
  smallClaim: 2,
  /** Exact share was below the minimum payment: 0 this batch, carried over. */
  belowMinimum: 4,
  /** Got one extra fen from largest-remainder rounding. */
  roundedUp: 8,
  /** Nothing left to pay (remaining claim 0). */
  nothingRemaining: 16,
  /** With nothingRemaining: there never was a claim (returns received ≥ principal, net claim 0). */
  noClaim: 64,
  /** Small claims first and the batch did not reach beyond the small claims: 0 this batch. */
  waitingForSmallClaims: 32,
} as const;

/** Per-line explanation data, indexed like the input claims. */
export interface AllocationLineData {
  /** Remaining claim (net − paid) per line. */
  readonly remainingFen: Float64Array;
  /** Index into `pools`, or −1 when the line is not paid this batch. */
  readonly poolIndex: Int32Array;
  /** LINE_FLAG bits. */
  readonly flags: Uint8Array;
}

export interface AllocationResult {
  /** One line per input claim, in input order. */
  readonly allocations: readonly AllocationLine[];
  readonly allocatedFen: number;
  /** Positive only when every eligible claim is settled in full, or under the minimum rule. */
  readonly unallocatedFen: number;
  /** Sum of all remaining claims before this batch. */
  readonly remainingTotalFen: number;
  readonly pools: readonly AllocationPool[];
  readonly lines: AllocationLineData;
}

/** A validation problem with the input; `field` names the JSON path, `message` says what to do. */
export interface AllocationInputError {
  readonly field: string;
  readonly message: string;
}

export type AllocationOutcome =
  | { readonly ok: true; readonly result: AllocationResult }
  | { readonly ok: false; readonly errors: readonly AllocationInputError[] };
