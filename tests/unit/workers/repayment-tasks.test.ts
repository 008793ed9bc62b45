// The repayment worker's protocol (workers/repayment-tasks.ts, what repayment.worker.ts runs on its
// own connection) and that its results equal the main thread's: the same database built twice, one
// driven through the repositories directly, the other through worker messages on a second
// connection, every stored row and every answer compared exactly.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { WorkstationDb } from '../../../renderer/src/db/database';
import { createRepositories } from '../../../renderer/src/db/repositories';
import { summarizeBankReading } from '../../../renderer/src/db/repositories/repayment-bank';
import type { FromRepaymentWorker, RepaymentTaskResults, TaskOf, ToRepaymentWorker } from '../../../renderer/src/workers/repayment-protocol';
import { handleRepaymentMessage } from '../../../renderer/src/workers/repayment-tasks';
import { batchDraft, createCase, importCreditors, type TestCreditor } from '../db/repayment-test-data';
import { makeTestRepos } from '../db/test-db';
import { makeUserRepos, office, signInAs } from '../db/users-test-data';

const NAMES = ['王喆', '李堃', '赵赟', '钱昇', '孙珺', '周淼', '吴昊', '郑翀'];

/** 300 creditors, claims from 1.23 元 to ~9,000 元, some unverified or excluded. */
const REGISTER: TestCreditor[] = Array.from({ length: 300 }, (_, i) => ({
  name: `${NAMES[i % NAMES.length]}${i}`,
  netClaimFen: 123 + ((i * 7919) % 900_000),
  ...(i % 17 === 0 ? { status: '待核实' as const } : {}),
  ...(i % 23 === 0 ? { exclusion: 'employee' as const } : {}),
}));

async function office300() {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...(await t.repos.settings.get()), operatorName: '林淼' });
  const caseId = await createCase(t.repos);
  await importCreditors(t.repos, caseId, REGISTER);
  const fund = await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '500,000', date: '2026-11-01', note: '' });
  if (!fund.ok) throw new Error(JSON.stringify(fund.errors));
  return { ...t, caseId };
}

type Office = Awaited<ReturnType<typeof office300>>;

/** The worker: a second connection to the same database, the same clock and ids (as the app's worker shares the session row). */
function workerOf(t: Pick<Office, 'ctx'>) {
  const repos = createRepositories(new WorkstationDb(t.ctx.db.name), { ...t.ctx, db: new WorkstationDb(t.ctx.db.name) });
  let next = 1;
  return async <K extends ToRepaymentWorker['task']['kind']>(task: TaskOf<K>) => {
    const messages: FromRepaymentWorker[] = [];
    const id = next++;
    await handleRepaymentMessage(repos, { id, task }, (m) => messages.push(m));
    const last = messages.at(-1);
    if (!last || last.type === 'progress') throw new Error('no answer');
    expect(messages.every((m) => m.id === id)).toBe(true);
    return { messages, last, result: (last.type === 'done' ? last.result : null) as RepaymentTaskResults[K] | null };
  };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function stored(t: Office) {
  const { db } = t;
  return {
    batches: await db.repaymentBatches.toArray(),
    blocks: await db.allocationBlocks.toArray(),
    audit: (await t.repos.audit.page(0, 1000)).map((a) => ({ ...a, hash: undefined, prevHash: undefined })),
  };
}

describe('repayment worker: protocol', () => {
  it('reports the phases of a batch in order, then answers with the repository’s result', async () => {
    const t = await office300();
    const run = workerOf(t);
    const { messages, last } = await run({ kind: 'createBatch', caseId: t.caseId, draft: batchDraft('123,456.78') });
    expect(messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && [m.phase, m.done, m.total])).toEqual([
      ['read', 0, 3],
      ['allocate', 1, 3],
      ['write', 2, 3],
    ]);
    expect(last).toMatchObject({ type: 'done', kind: 'createBatch', result: { ok: true } });
  });

  it('answers bad input with the field errors, stores nothing', async () => {
    const t = await office300();
    const run = workerOf(t);
    const { last } = await run({ kind: 'createBatch', caseId: t.caseId, draft: batchDraft('9,999,999') });
    expect(last).toMatchObject({ type: 'done', result: { ok: false, errors: { amount: expect.stringMatching(/可用资金/) } } });
    expect(await t.db.repaymentBatches.count()).toBe(0);
  });

  it('a refused role comes back as failed, marked a permission refusal, with the Chinese reason, and the refusal is audited', async () => {
    const u = makeUserRepos();
    const users = await office(u.repos);
    await signInAs(u.repos, users.clerk);
    const caseId = await createCase(u.repos);
    await importCreditors(u.repos, caseId, REGISTER.slice(0, 20));
    await signInAs(u.repos, users.reviewer);
    const run = workerOf(u);
    const { last } = await run({ kind: 'createBatch', caseId, draft: batchDraft('100') });
    expect(last).toMatchObject({ type: 'failed', permissionDenied: true, message: expect.stringMatching(/你的角色（审核）不能/) });
    expect((await u.repos.audit.page(0, 1000)).some((a) => a.action === 'refuse')).toBe(true);
  });

  it('a failure that is no refusal is failed, not a permission refusal', async () => {
    const t = await office300();
    const run = workerOf(t);
    t.db.close();
    const worker = await run({ kind: 'caseFigures', caseId: t.caseId });
    expect(worker.last.type).toBe('done');
    const broken = createRepositories(t.db, t.ctx);
    const messages: FromRepaymentWorker[] = [];
    await handleRepaymentMessage(broken, { id: 7, task: { kind: 'caseFigures', caseId: t.caseId } }, (m) => messages.push(m));
    expect(messages).toEqual([{ type: 'failed', id: 7, message: expect.any(String), permissionDenied: false }]);
  });
});

describe('repayment worker: results equal the main thread’s', () => {
  it('batches, recompute, approval, bank file, figures, notice data and refund facts, exactly', async () => {
    const main = await office300();
    const side = await office300();
    const run = workerOf(side);
    const draft1 = batchDraft('200,000', { smallClaimsFirst: true, thresholdText: '1,000', minPaymentText: '100' });

    const a1 = await main.repos.repayment.createBatch(main.caseId, draft1);
    const b1 = (await run({ kind: 'createBatch', caseId: side.caseId, draft: draft1 })).result;
    expect(b1).toEqual(a1);
    if (!a1.ok) throw new Error('batch');

    const draft2 = batchDraft('150,000.33', { minPaymentText: '2,000' });
    expect((await run({ kind: 'recomputeBatch', batchId: a1.id, draft: draft2 })).result).toEqual(await main.repos.repayment.recomputeBatch(a1.id, draft2));
    expect(await stored(side)).toEqual(await stored(main));

    for (const t of [main, side]) expect(await t.repos.repayment.approve(a1.id, '张主任')).toEqual({ ok: true });
    const draft3 = batchDraft('99,999.99');
    expect((await run({ kind: 'createBatch', caseId: side.caseId, draft: draft3 })).result).toEqual(await main.repos.repayment.createBatch(main.caseId, draft3));
    expect(await stored(side)).toEqual(await stored(main));

    const fileA = await main.repos.repayment.disbursementFile(a1.id);
    const fileB = (await run({ kind: 'disbursementFile', batchId: a1.id })).result;
    if (!fileA.ok || !fileB?.ok) throw new Error('bank file');
    const { file, ...restB } = fileB;
    // The files' times may differ (the two stores' clocks): the same rows, not the same bytes.
    expect({ ...restB, file: null, hash: null }).toEqual({ ...fileA, file: null, hash: null });
    const sheet = (bytes: Uint8Array) => XLSX.utils.sheet_to_json(XLSX.read(bytes, { type: 'array' }).Sheets.代发清单 as XLSX.WorkSheet, { header: 1 });
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sheet(await bytesOf(file))).toEqual(sheet(await bytesOf(fileA.file)));
    expect(fileA.rowCount).toBeGreaterThan(50);

    expect((await run({ kind: 'caseFigures', caseId: side.caseId })).result).toEqual(await main.repos.repayment.caseFigures(main.caseId));
    expect((await run({ kind: 'creditorFigures', caseId: side.caseId })).result).toEqual(await main.repos.repayment.creditorFigures(main.caseId));
    expect((await run({ kind: 'refundNoticeData', batchId: a1.id })).result).toEqual(await main.repos.repayment.refundNoticeData(a1.id));

    const staleA = await main.repos.figures.staleRefundFacts();
    expect(staleA).toEqual([main.caseId]);
    expect(await side.repos.figures.staleRefundFacts()).toEqual(staleA);
    const rebuilt = await run({ kind: 'refreshRefundFacts', caseIds: staleA });
    expect(rebuilt.result).toBe(await main.repos.figures.refreshRefundFacts(staleA));
    expect(rebuilt.messages.filter((m) => m.type === 'progress')).toEqual([{ type: 'progress', id: expect.any(Number), phase: 'cases', done: 1, total: 1 }]);
    expect(await side.db.figureFacts.toArray()).toEqual(await main.db.figureFacts.toArray());
    expect(await side.repos.figures.staleRefundFacts()).toEqual([]);
  });
});

describe('repayment worker: one screen at a time', () => {
  it('a screen of the batch lines far down the list names the right creditors with their amounts, as the whole list does', async () => {
    const t = await office300();
    const run = workerOf(t);
    const made = await t.repos.repayment.createBatch(t.caseId, batchDraft('200,000', { minPaymentText: '100' }));
    if (!made.ok) throw new Error('batch');
    const lines = await t.repos.repayment.batchLines(made.id);
    const byCid = new Map((await t.repos.creditors.loadCase(t.caseId)).map((c) => [c.cid, c]));
    const ask = async (offset: number) => (await run({ kind: 'batchScreen', batchId: made.id, fresh: offset === 200, query: { search: '', onlyPaid: false, offset, limit: 20 }, nameCids: [] })).result;
    const screen = await ask(200);
    if (!screen) throw new Error('screen');
    expect(lines.length).toBeGreaterThan(220);
    expect(screen.lineCount).toBe(lines.length);
    expect(screen.matched).toBe(lines.length);
    expect(screen.offset).toBe(200);
    expect(screen.rows.map((r) => [r.seq, r.line, r.name, r.idNumber])).toEqual(
      lines.slice(200, 220).map((l, k) => [201 + k, l, byCid.get(l.cid)?.name, byCid.get(l.cid)?.idNumber]),
    );
    // Past the end (the list became shorter): the last screen.
    const last = await ask(100_000);
    const lastStart = Math.floor((lines.length - 1) / 20) * 20;
    expect(last?.offset).toBe(lastStart);
    expect(last?.rows.map((r) => r.seq)).toEqual(lines.slice(lastStart).map((_, k) => lastStart + k + 1));
    // The excluded list and counts are the register's, whatever the screen.
    expect(screen.excludedCount).toBe(REGISTER.filter((_, i) => i % 17 === 0 || i % 23 === 0).length);
    expect(screen.excluded.every((e) => byCid.has(e.cid))).toBe(true);
  });

  it('search and the only-paid switch run in the worker, over every line', async () => {
    const t = await office300();
    const run = workerOf(t);
    const made = await t.repos.repayment.createBatch(t.caseId, batchDraft('20,000', { minPaymentText: '2,000' }));
    if (!made.ok) throw new Error('batch');
    const lines = await t.repos.repayment.batchLines(made.id);
    const ask = async (search: string, onlyPaid: boolean, offset = 0) =>
      (await run({ kind: 'batchScreen', batchId: made.id, fresh: onlyPaid, query: { search, onlyPaid, offset, limit: 50 }, nameCids: ['1', 'nobody'] })).result;
    const paid = await ask('', true);
    expect(paid?.matched).toBe(lines.filter((l) => l.amountFen > 0).length);
    expect(paid?.matched).toBeLessThan(lines.length);
    expect(paid?.rows.every((r) => r.line.amountFen > 0)).toBe(true);
    const found = await ask('孙珺2', false);
    expect(found?.rows.map((r) => r.name)).toEqual(lines.map((l) => REGISTER[Number(l.cid) - 1]?.name).filter((n) => n?.includes('孙珺2')));
    expect(found?.rows.length).toBeGreaterThan(1);
    expect(found?.names).toEqual({ '1': REGISTER[0]?.name });
    expect((await ask('没有这个人', false))?.rows).toEqual([]);
  });

  it('fresh reads the lines again after a write; a batch that is gone answers null', async () => {
    const t = await office300();
    const run = workerOf(t);
    const made = await t.repos.repayment.createBatch(t.caseId, batchDraft('200,000'));
    if (!made.ok) throw new Error('batch');
    const q = { search: '', onlyPaid: false, offset: 0, limit: 5 };
    const before = (await run({ kind: 'batchScreen', batchId: made.id, fresh: true, query: q, nameCids: [] })).result;
    expect(await t.repos.repayment.approve(made.id, '张主任')).toEqual({ ok: true });
    const cid = before?.rows[0]?.line.cid as string;
    expect((await t.repos.repayment.recordPaymentResults(made.id, [{ cid, result: 'failed', note: '账户冻结' }], { fileName: null, rejected: [] })).ok).toBe(true);
    const kept = (await run({ kind: 'batchScreen', batchId: made.id, fresh: false, query: q, nameCids: [] })).result;
    expect(kept?.rows[0]?.line.status).toBe('pending');
    const again = (await run({ kind: 'batchScreen', batchId: made.id, fresh: true, query: q, nameCids: [] })).result;
    expect(again?.rows[0]?.line).toMatchObject({ status: 'failed', note: '账户冻结' });
    expect((await run({ kind: 'batchScreen', batchId: 'no-such-batch', fresh: true, query: q, nameCids: [] })).result).toBeNull();
  });

  it('the per-creditor figures come a screen at a time, equal to the whole list, searched in the worker', async () => {
    const t = await office300();
    const run = workerOf(t);
    const made = await t.repos.repayment.createBatch(t.caseId, batchDraft('200,000'));
    if (!made.ok) throw new Error('batch');
    const all = await t.repos.repayment.creditorFigures(t.caseId);
    const screen = (await run({ kind: 'creditorFiguresScreen', caseId: t.caseId, fresh: true, query: { search: '', offset: 150, limit: 50 } })).result;
    expect(screen).toEqual({ total: 300, matched: 300, offset: 150, rows: all.slice(150, 200) });
    const found = (await run({ kind: 'creditorFiguresScreen', caseId: t.caseId, fresh: false, query: { search: '周淼', offset: 0, limit: 50 } })).result;
    expect(found?.rows).toEqual(all.filter((r) => r.name.includes('周淼')).slice(0, 50));
    expect(found?.matched).toBe(all.filter((r) => r.name.includes('周淼')).length);
    expect((await run({ kind: 'releaseScreens', which: 'creditorFigures' })).result).toBe(true);
  });
});

/** An office with users (four eyes): 张经办 imports 300 creditors, records funds and computes a batch. */
async function usersOffice() {
  const u = makeUserRepos();
  const users = await office(u.repos);
  await signInAs(u.repos, users.clerk);
  const caseId = await createCase(u.repos);
  await importCreditors(u.repos, caseId, REGISTER);
  const fund = await u.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: '500,000', date: '2026-11-01', note: '' });
  if (!fund.ok) throw new Error(JSON.stringify(fund.errors));
  const made = await u.repos.repayment.createBatch(caseId, batchDraft('200,000', { smallClaimsFirst: true, thresholdText: '1,000', minPaymentText: '100' }));
  if (!made.ok) throw new Error('batch');
  return { ...u, users, caseId, batchId: made.id };
}

async function storedWithResults(t: Pick<Office, 'db' | 'repos'>) {
  return { ...(await stored(t as Office)), results: await t.db.paymentResults.toArray() };
}

/** The bank's result file for a disbursement list: every row 成功 but every 7th 失败, then a row of another batch and a repeated row. */
function bankReply(disbursement: Uint8Array): Uint8Array {
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(disbursement, { type: 'array' }).Sheets.代发清单 as XLSX.WorkSheet, { header: 1 }).slice(1);
  const reply: (string | number)[][] = [['业务参考号', '户名', '账号', '金额（元）', '处理状态', '失败原因']];
  rows.forEach((r, i) => {
    reply.push([r[5] as string, r[1] as string, r[2] as string, r[4] as string, i % 7 === 3 ? '失败' : '成功', i % 7 === 3 ? '账户已销户' : '']);
  });
  reply.push(['QT9-NOSUCH-000001', '某某', '6222', '1.00', '成功', '']);
  const first = rows[0] as string[];
  reply.push([first[5] as string, first[1] as string, first[2] as string, first[4] as string, '成功', '']);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(reply), '代发结果');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('repayment worker: approval and the bank files equal the main thread’s', () => {
  it('the computer’s approval is refused and audited alike; the second user’s approval stores the same batch and audit entries, with its phases', async () => {
    const main = await usersOffice();
    const side = await usersOffice();
    const run = workerOf(side);
    const refusedA = await main.repos.repayment.approve(main.batchId);
    const refusedB = await run({ kind: 'approve', batchId: side.batchId });
    expect(refusedA).toMatchObject({ ok: false, message: expect.stringMatching(/审批/) });
    expect(refusedB.result).toEqual(refusedA);
    for (const t of [main, side]) await signInAs(t.repos, t.users.approver);
    const a = await main.repos.repayment.approve(main.batchId);
    const b = await run({ kind: 'approve', batchId: side.batchId });
    expect(a).toEqual({ ok: true });
    expect(b.result).toEqual(a);
    expect(b.messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.phase)).toEqual(['read', 'check', 'write']);
    expect((await side.repos.repayment.getBatch(side.batchId))?.status).toBe('approved');
    expect(await storedWithResults(side)).toEqual(await storedWithResults(main));
  });

  it('bank list bytes, bank result reading, its registration, a result by hand and 标记已支付: the same bytes, statuses, records and audit entries', async () => {
    const main = await usersOffice();
    const side = await usersOffice();
    const run = workerOf(side);
    for (const t of [main, side]) {
      await signInAs(t.repos, t.users.approver);
      expect(await t.repos.repayment.approve(t.batchId)).toEqual({ ok: true });
      await signInAs(t.repos, t.users.clerk);
    }
    const fileA = await main.repos.repayment.disbursementFile(main.batchId);
    const fileB = await run({ kind: 'disbursementFile', batchId: side.batchId });
    if (!fileA.ok || !fileB.result?.ok) throw new Error('bank file');
    // The worker answers a Blob (the page hands it to the Bridge without copying it): the same bytes.
    const bytesA = await bytesOf(fileA.file);
    expect(await bytesOf(fileB.result.file)).toEqual(bytesA);
    expect(fileB.messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.phase)).toEqual(['read', 'build']);
    for (const t of [main, side]) await t.repos.repayment.recordExport(t.batchId, fileA.suggestedName, fileA.rowCount, fileA.totalFen);

    const reply = bankReply(bytesA);
    const readingA = await main.repos.repayment.readBankResult(main.batchId, reply, '代发结果.xlsx');
    const readB = await run({ kind: 'readBankResult', batchId: side.batchId, fileName: '代发结果.xlsx', bytes: reply.slice() });
    expect(readB.result).toEqual(summarizeBankReading(readingA));
    expect(readB.result).toMatchObject({ matched: fileA.rowCount, dataRows: fileA.rowCount + 2, rejectedCount: 2 });
    expect(readB.result?.counts.failed).toBeGreaterThan(3);
    expect(readB.result?.rejected.join('\n')).toMatch(/第 \d+ 行：本批次（第 1 批）没有业务参考号“QT9-NOSUCH-000001”[\s\S]*同一笔清退/);
    expect(readB.messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.phase)).toEqual(['read', 'match']);

    // Another file name than the one read: nothing registered.
    expect((await run({ kind: 'applyBankResult', batchId: side.batchId, fileName: '别的文件.xlsx' })).result).toEqual({ ok: false, message: expect.stringMatching(/别的文件\.xlsx.*已失效，请重新导入/) });
    expect(await side.db.paymentResults.count()).toBe(0);
    const appliedA = await main.repos.repayment.recordPaymentResults(main.batchId, readingA.matched, { fileName: '代发结果.xlsx', rejected: readingA.rejected });
    const appliedB = await run({ kind: 'applyBankResult', batchId: side.batchId, fileName: '代发结果.xlsx' });
    expect(appliedA.ok).toBe(true);
    expect(appliedB.result).toEqual(appliedA);
    expect(await storedWithResults(side)).toEqual(await storedWithResults(main));
    // Registered once: the kept reading is gone.
    expect((await run({ kind: 'applyBankResult', batchId: side.batchId, fileName: '代发结果.xlsx' })).result).toMatchObject({ ok: false });

    const cid = readingA.matched.find((m) => m.result === 'paid')?.cid as string;
    const byHand = [{ cid, result: 'returned' as const, note: '收款账户已冻结' }];
    expect((await run({ kind: 'recordPaymentResults', batchId: side.batchId, results: byHand })).result).toEqual(await main.repos.repayment.recordPaymentResults(main.batchId, byHand, { fileName: null, rejected: [] }));
    const paidA = await main.repos.repayment.markPaid(main.batchId);
    expect(paidA).toEqual({ ok: true });
    expect((await run({ kind: 'markPaid', batchId: side.batchId })).result).toEqual(paidA);
    expect(await storedWithResults(side)).toEqual(await storedWithResults(main));
  });

  it('the page is shown at most 200 refused rows and told how many more there are', () => {
    const rejected = Array.from({ length: 250 }, (_, i) => `第 ${i + 2} 行：状态“？”无法识别，应为“成功”“失败”或“退回”。`);
    const summary = summarizeBankReading({ matched: [{ row: 300, cid: '1', ref: 'r', result: 'failed', note: '' }], rejected, dataRows: 251 });
    expect(summary).toEqual({ dataRows: 251, matched: 1, counts: { paid: 0, failed: 1, returned: 0 }, rejected: rejected.slice(0, 200), rejectedCount: 250 });
  });
});
