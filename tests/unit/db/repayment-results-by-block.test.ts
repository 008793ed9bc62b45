// Payment results, 标记已支付 and a batch's lines read in steps of LINE_BLOCKS_PER_READ blocks
// (issue 17: never all a million lines at once): on a batch of 45 blocks (45,000 lines, three steps)
// they give exactly what applying the results one after another on all lines at once gives (the
// method before), including which refusal is named when several results are wrong, and a refusal
// found in a late step leaves every block as it was.
import { describe, expect, it } from 'vitest';
import { recordPaymentResult } from '../../../renderer/src/core/repayment/batch-lifecycle';
import type { AllocationLineRecord, PaymentResultRow, RepaymentBatchRow } from '../../../renderer/src/db/records';
import { LINE_BLOCKS_PER_READ } from '../../../renderer/src/db/repositories/allocation-block-reads';
import { committedAndPaid, packBlocks, toCoreBatch } from '../../../renderer/src/db/repositories/repayment-lines';
import { batchDraft, createCase, importCreditors } from './repayment-test-data';
import { makeTestRepos } from './test-db';

const LINES = 45_000;
type Result = { readonly cid: string; readonly result: 'paid' | 'failed' | 'returned'; readonly note: string };

/** An approved batch whose stored lines are replaced by 45,000 (every fifth with no amount). */
async function bigApprovedBatch() {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...(await t.repos.settings.get()), operatorName: '林淼' });
  const caseId = await createCase(t.repos);
  await importCreditors(t.repos, caseId, [{ name: '王喆', netClaimFen: 500_000 }]);
  await t.repos.repayment.addFund(caseId, { source: 'illegalGains', amountText: '1,000', date: '2026-10-01', note: '' });
  const r = await t.repos.repayment.createBatch(caseId, batchDraft('1,000'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(await t.repos.repayment.approve(r.id, '张主任')).toEqual({ ok: true });
  const lines: AllocationLineRecord[] = Array.from({ length: LINES }, (_, i) => ({
    cid: `c${i}`,
    amountFen: i % 5 === 4 ? 0 : 1_000 + (i % 313),
    status: 'pending',
    remainingFen: 900_000,
    pool: i % 5 === 4 ? -1 : 0,
    flags: 0,
    ref: i % 5 === 4 ? '' : `QT-${i}`,
  }));
  await t.db.allocationBlocks.where('batchId').equals(r.id).delete();
  await t.db.allocationBlocks.bulkAdd(packBlocks(r.id, lines));
  const row = (await t.repos.repayment.getBatch(r.id)) as RepaymentBatchRow;
  await t.db.repaymentBatches.put({ ...row, ...committedAndPaid(lines) });
  return { ...t, batchId: r.id, lines };
}

/** The method before: every line held, the results applied one after another in the file's order. */
function allAtOnce(row: RepaymentBatchRow, all: readonly AllocationLineRecord[], results: readonly Result[]) {
  const edited = [...all];
  const where = new Map(edited.map((l, i) => [l.cid, i]));
  const counts = { paid: 0, failed: 0, returned: 0, unchanged: 0 };
  const applied: PaymentResultRow['results'][number][] = [];
  for (const r of results) {
    const at = where.get(r.cid);
    const line = at === undefined ? undefined : edited[at];
    if (at === undefined || !line || line.amountFen <= 0) return { ok: false as const, message: `第 ${row.number} 批中没有该参与人的清退款项（${r.cid}），请核对。` };
    const t = recordPaymentResult(toCoreBatch(row, [line]), line.cid, r.result, r.note || undefined);
    if (!t.ok) return { ok: false as const, message: `${line.ref}：${t.error}` };
    if (line.status === r.result) {
      counts.unchanged++;
      continue;
    }
    counts[r.result]++;
    edited[at] = r.note ? { ...line, status: r.result, note: r.note } : { ...line, status: r.result };
    applied.push({ cid: line.cid, ref: line.ref, result: r.result, note: r.note });
  }
  return { ok: true as const, counts, applied, edited, totals: committedAndPaid(edited) };
}

describe('payment results and 标记已支付, block by block', () => {
  it('a batch of 45 blocks is read in three steps, lines in order', async () => {
    const t = await bigApprovedBatch();
    expect(Math.ceil(LINES / 1000 / LINE_BLOCKS_PER_READ)).toBe(3);
    expect(await t.repos.repayment.batchLines(t.batchId)).toEqual(t.lines);
  });

  it('a bank file over every step (repeats, paid then returned, unchanged): the same counts, entries, lines and totals', async () => {
    const t = await bigApprovedBatch();
    const row = (await t.repos.repayment.getBatch(t.batchId)) as RepaymentBatchRow;
    const paying = t.lines.filter((l) => l.amountFen > 0);
    // Backwards over the batch (the file's order is not the batch's), a few failed with the bank's note.
    const results: Result[] = paying
      .filter((_, i) => i % 3 !== 1)
      .reverse()
      .map((l, i) => (i % 97 === 0 ? { cid: l.cid, result: 'failed', note: '账户已销户' } : { cid: l.cid, result: 'paid', note: '' }));
    // A line of the last step paid earlier in the file, then returned; one of the first step paid twice.
    const late = results[3] as Result;
    const early = results.at(-1) as Result;
    expect([late.result, early.result]).toEqual(['paid', 'paid']);
    results.push({ cid: late.cid, result: 'returned', note: '收款人退回' }, { cid: early.cid, result: 'paid', note: '' });
    const expected = allAtOnce(row, t.lines, results);
    if (!expected.ok) throw new Error(expected.message);
    expect(expected.counts.returned).toBe(1);

    const answer = await t.repos.repayment.recordPaymentResults(t.batchId, results, { fileName: '回单.xlsx', rejected: [] });
    expect(answer).toEqual({ ok: true, counts: expected.counts });
    expect(await t.repos.repayment.batchLines(t.batchId)).toEqual(expected.edited);
    const after = (await t.repos.repayment.getBatch(t.batchId)) as RepaymentBatchRow;
    expect({ committedFen: after.committedFen, paidFen: after.paidFen }).toEqual(expected.totals);
    const [record] = await t.repos.repayment.paymentResults(t.batchId);
    expect(record?.results).toEqual(expected.applied);
    expect(record?.counts).toEqual(expected.counts);
  });

  it('several wrong results: the first in the file is named, whichever step it is in, and no block changes', async () => {
    const t = await bigApprovedBatch();
    const row = (await t.repos.repayment.getBatch(t.batchId)) as RepaymentBatchRow;
    const lastLine = t.lines.at(-2) as AllocationLineRecord; // the last step
    const noAmount = t.lines[4] as AllocationLineRecord; // the first step, a line without an amount
    const files: Result[][] = [
      // returned before paid (refused) in the last step, then an unknown creditor
      [{ cid: 'c0', result: 'paid', note: '' }, { cid: lastLine.cid, result: 'returned', note: '' }, { cid: 'nobody', result: 'paid', note: '' }],
      // an unknown creditor first, then a refused transition
      [{ cid: 'c1', result: 'paid', note: '' }, { cid: 'nobody', result: 'paid', note: '' }, { cid: lastLine.cid, result: 'returned', note: '' }],
      // a line without an amount after a refusal in a later step
      [{ cid: lastLine.cid, result: 'failed', note: '' }, { cid: lastLine.cid, result: 'paid', note: '' }, { cid: noAmount.cid, result: 'paid', note: '' }],
    ];
    const blocksBefore = await t.db.allocationBlocks.where('batchId').equals(t.batchId).toArray();
    for (const results of files) {
      const expected = allAtOnce(row, t.lines, results);
      expect(expected.ok).toBe(false);
      const answer = await t.repos.repayment.recordPaymentResults(t.batchId, results, { fileName: null, rejected: [] });
      expect(answer).toEqual(expected.ok ? null : { ok: false, message: expected.message });
    }
    expect(await t.db.allocationBlocks.where('batchId').equals(t.batchId).toArray()).toEqual(blocksBefore);
    expect(await t.repos.repayment.paymentResults(t.batchId)).toEqual([]);
    expect((await t.repos.repayment.getBatch(t.batchId))?.paidFen).toBe(0);
  });

  it('标记已支付 counts the lines without a result over every step', async () => {
    const t = await bigApprovedBatch();
    const paying = t.lines.filter((l) => l.amountFen > 0);
    const allButTwo = paying.slice(0, -2).map((l) => ({ cid: l.cid, result: 'paid' as const, note: '' }));
    expect((await t.repos.repayment.recordPaymentResults(t.batchId, allButTwo, { fileName: null, rejected: [] })).ok).toBe(true);
    const refused = await t.repos.repayment.markPaid(t.batchId);
    expect(refused).toEqual({ ok: false, message: `批次 ${t.batchId} 还有 2 笔未登记银行支付结果，请先导入银行回单` });
    const lastTwo = paying.slice(-2).map((l) => ({ cid: l.cid, result: 'failed' as const, note: '账号错误' }));
    expect((await t.repos.repayment.recordPaymentResults(t.batchId, lastTwo, { fileName: null, rejected: [] })).ok).toBe(true);
    expect(await t.repos.repayment.markPaid(t.batchId)).toEqual({ ok: true });
    expect((await t.repos.repayment.getBatch(t.batchId))?.status).toBe('paid');
  });
});
