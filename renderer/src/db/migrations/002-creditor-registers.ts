import type { Transaction } from 'dexie';
import type { Migration } from './migration';

// Creditor imports write a new generation of blocks and then flip one pointer row per case
// (creditorRegisters), so a killed import leaves the case as it was. Blocks written before this
// version (none were: the feature did not exist) become generation 0 under a pointer of their own.
export const migration002CreditorRegisters: Migration = {
  version: 2,
  name: 'creditor-registers',
  stores: {
    creditorBlocks: 'id, caseId, [caseId+generation]',
    creditorRegisters: 'caseId',
  },
  upgrade: upgradeBlocks,
};

interface OldBlock {
  id: string;
  caseId: string;
  seq: number;
  generation?: number;
  creditors: { cid?: string; principalFen?: number; returnedFen?: number; netClaimFen?: number }[];
}

async function upgradeBlocks(tx: Transaction): Promise<void> {
  const blocks = tx.table('creditorBlocks');
  const registers = new Map<string, { count: number; principalFen: number; returnedFen: number; netClaimFen: number }>();
  await blocks.toCollection().modify((b: OldBlock) => {
    b.generation = 0;
    const r = registers.get(b.caseId) ?? { count: 0, principalFen: 0, returnedFen: 0, netClaimFen: 0 };
    for (const c of b.creditors) {
      r.count++;
      c.cid ??= String(r.count);
      r.principalFen += c.principalFen ?? 0;
      r.returnedFen += c.returnedFen ?? 0;
      r.netClaimFen += c.netClaimFen ?? 0;
    }
    registers.set(b.caseId, r);
  });
  const now = new Date().toISOString();
  for (const [caseId, r] of registers) {
    await tx.table('creditorRegisters').put({
      caseId,
      generation: 0,
      count: r.count,
      totals: { principalFen: r.principalFen, returnedFen: r.returnedFen, netClaimFen: r.netClaimFen },
      nextCid: r.count + 1,
      updatedAt: now,
    });
  }
}
