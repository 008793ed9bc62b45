// Reading a batch's lines (blocks of 1,000, ids `<batchId>#<seq, 6 digits>` so the keys sort in
// line order) in bounded steps: never one reply of a million lines, and never more than one step of
// blocks held at a time by a caller that visits them (the payment results, 标记已支付).
import type { WorkstationDb } from '../database';
import type { AllocationBlockRow, AllocationLineRecord } from '../records';

/** Blocks of 1,000 lines per request. */
export const LINE_BLOCKS_PER_READ = 20;

/**
 * Visits a batch's blocks in seq order, `LINE_BLOCKS_PER_READ` per request: one getAll over the
 * next stretch of primary keys (a sequential read of the store) rather than a get per block, which
 * issued 20 requests per step and made the browser look each key up on its own (see the Benchmarks
 * row of scripts/bench/repayment-reads.bench.ts). Call inside a transaction that holds
 * allocationBlocks so every step sees the same batch.
 */
export async function forEachLineBlocks(db: WorkstationDb, batchId: string, visit: (blocks: readonly AllocationBlockRow[]) => void | Promise<void>): Promise<void> {
  const upper = `${batchId}#\uffff`;
  let lower = `${batchId}#`;
  for (;;) {
    const blocks = await db.allocationBlocks.where(':id').between(lower, upper, false, false).limit(LINE_BLOCKS_PER_READ).toArray();
    if (blocks.length === 0) return;
    await visit(blocks);
    if (blocks.length < LINE_BLOCKS_PER_READ) return;
    lower = (blocks[blocks.length - 1] as AllocationBlockRow).id;
  }
}

/** Every line of a batch in allocation order, read in bounded steps in one transaction. */
export function readBatchLines(db: WorkstationDb, batchId: string): Promise<AllocationLineRecord[]> {
  return db.transaction('r', [db.allocationBlocks], async () => {
    const lines: AllocationLineRecord[] = [];
    await forEachLineBlocks(db, batchId, (blocks) => {
      for (const block of blocks) for (const line of block.lines) lines.push(line);
    });
    return lines;
  });
}
