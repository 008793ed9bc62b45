// Reading a batch's lines (blocks of 1,000, ids `<batchId>#<seq, 6 digits>` so the keys sort in
// line order) in bounded steps: never one reply of a million lines, and never more than one step of
// blocks held at a time by a caller that visits them (the payment results, 标记已支付).
import type { WorkstationDb } from '../database';
import type { AllocationBlockRow, AllocationLineRecord } from '../records';

/** Blocks of 1,000 lines per request. */
export const LINE_BLOCKS_PER_READ = 20;

/**
 * Visits a batch's blocks in seq order, `LINE_BLOCKS_PER_READ` per request (a get per block, as
 * Dexie's bulkGet issues them). Measured at 1,048,576 lines in a worker of the app's page
 * (scripts/bench/repayment-reads.bench.ts, CPU of all Chromium processes, median of 3): 5.8 s for 20
 * gets per request against 6.8 s for one getAll of the whole batch, 6.3 s for getAll over key ranges
 * of 20 blocks and 6.2 s for 50 gets. Call inside a transaction that holds allocationBlocks so every
 * step sees the same batch.
 */
export async function forEachLineBlocks(db: WorkstationDb, batchId: string, visit: (blocks: readonly AllocationBlockRow[]) => void | Promise<void>): Promise<void> {
  const keys = await db.allocationBlocks.where('[batchId+seq]').between([batchId, -Infinity], [batchId, Infinity]).primaryKeys();
  for (let at = 0; at < keys.length; at += LINE_BLOCKS_PER_READ) {
    const blocks = await db.allocationBlocks.bulkGet(keys.slice(at, at + LINE_BLOCKS_PER_READ));
    await visit(blocks.filter((b): b is AllocationBlockRow => b !== undefined));
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
