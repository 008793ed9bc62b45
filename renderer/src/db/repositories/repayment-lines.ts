// Batch lines as stored (packed blocks) and as the core lifecycle and explanation functions read them.
import type { RepaymentBatch } from '../../core/repayment/batch-lifecycle';
import type { AllocationLineExplanation } from '../../core/repayment/explain-line';
import { explainAllocationLine } from '../../core/repayment/explain-line';
import type { AllocationResult } from '../../core/repayment/types';
import type { AllocationBlockRow, AllocationLineRecord, RepaymentBatchRow } from '../records';

/** Lines per allocationBlocks row. */
export const ALLOCATION_BLOCK_SIZE = 1000;

/**
 * Bank reference of a line (业务参考号): batch number, a token from the batch id (so a file from
 * another case's batch with the same number does not match), and the line's position.
 */
export function bankReference(batchId: string, batchNumber: number, position: number): string {
  return `QT${batchNumber}-${batchToken(batchId)}-${String(position).padStart(6, '0')}`;
}

/** Six hex digits of FNV-1a over the batch id. */
function batchToken(batchId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < batchId.length; i++) {
    h ^= batchId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 8).toString(16).toUpperCase().padStart(6, '0');
}

/** One line per allocated claim (input order), with its explanation data and bank reference. */
export function linesFromResult(result: AllocationResult, batchId: string, batchNumber: number): AllocationLineRecord[] {
  const lines: AllocationLineRecord[] = new Array(result.allocations.length);
  let position = 0;
  result.allocations.forEach((a, i) => {
    const amountFen = a.amountFen;
    lines[i] = {
      cid: a.id,
      amountFen,
      status: 'pending',
      remainingFen: result.lines.remainingFen[i] ?? 0,
      pool: result.lines.poolIndex[i] ?? -1,
      flags: result.lines.flags[i] ?? 0,
      ref: amountFen > 0 ? bankReference(batchId, batchNumber, ++position) : '',
    };
  });
  return lines;
}

export function packBlocks(batchId: string, lines: readonly AllocationLineRecord[]): AllocationBlockRow[] {
  const blocks: AllocationBlockRow[] = [];
  for (let start = 0, seq = 0; start < lines.length; start += ALLOCATION_BLOCK_SIZE, seq++) {
    blocks.push({ id: blockId(batchId, seq), batchId, seq, lines: lines.slice(start, start + ALLOCATION_BLOCK_SIZE) });
  }
  return blocks;
}

export function blockId(batchId: string, seq: number): string {
  return `${batchId}#${String(seq).padStart(6, '0')}`;
}

/** The core lifecycle's view of a stored batch (only lines with an amount, as the core keeps them). */
export function toCoreBatch(row: RepaymentBatchRow, lines: readonly AllocationLineRecord[]): RepaymentBatch {
  return {
    id: row.id,
    date: row.date,
    amountFen: row.amountFen,
    rule: row.rule,
    status: row.status,
    lines: lines
      .filter((l) => l.amountFen > 0)
      .map((l) => (l.note === undefined ? { creditorId: l.cid, amountFen: l.amountFen, payment: l.status } : { creditorId: l.cid, amountFen: l.amountFen, payment: l.status, paymentNote: l.note })),
    unallocatedFen: row.unallocatedFen,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    paidAt: row.paidAt,
  };
}

/** Ratio and formula of one stored line, from the batch's pools and the line's own data. */
export function explainStoredLine(row: RepaymentBatchRow, line: AllocationLineRecord): AllocationLineExplanation {
  const single: AllocationResult = {
    allocations: [{ id: line.cid, amountFen: line.amountFen }],
    allocatedFen: row.allocatedFen,
    unallocatedFen: row.unallocatedFen,
    remainingTotalFen: row.remainingTotalFen,
    pools: row.pools,
    lines: { remainingFen: Float64Array.of(line.remainingFen), poolIndex: Int32Array.of(line.pool), flags: Uint8Array.of(line.flags) },
  };
  return explainAllocationLine(single, 0);
}

/** Σ of lines that still take money: pending or paid (a failed or returned line frees its amount). */
export function committedAndPaid(lines: readonly AllocationLineRecord[]): { committedFen: number; paidFen: number } {
  let committedFen = 0;
  let paidFen = 0;
  for (const l of lines) {
    if (l.status === 'pending' || l.status === 'paid') committedFen += l.amountFen;
    if (l.status === 'paid') paidFen += l.amountFen;
  }
  return { committedFen, paidFen };
}

/** Same allocation? Used to refuse approving a draft whose basis changed since it was computed. */
export function sameAllocation(a: readonly AllocationLineRecord[], b: readonly AllocationLineRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as AllocationLineRecord;
    const y = b[i] as AllocationLineRecord;
    if (x.cid !== y.cid || x.amountFen !== y.amountFen || x.remainingFen !== y.remainingFen) return false;
  }
  return true;
}
