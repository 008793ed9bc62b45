import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { plannedCreditors } from '../../../renderer/src/db/repositories/creditor-merge';
import { explainStoredLine } from '../../../renderer/src/db/repositories/repayment-lines';
import { batchDraft, createCase, importCreditors, type TestCreditor } from './repayment-test-data';
import { makeTestRepos } from './test-db';

// Net claims 6,000 / 3,000 / 1,000 元 verified, one employee and one unverified held out.
const REGISTER: TestCreditor[] = [
  { name: '王喆', netClaimFen: 600_000 },
  { name: '李堃', netClaimFen: 300_000 },
  { name: '赵赟', netClaimFen: 100_000 },
  { name: '钱昇', netClaimFen: 900_000, exclusion: 'employee' },
  { name: '孙珺', netClaimFen: 200_000, status: '待核实' },
];

async function setup(fundsText = '10,000') {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...(await t.repos.settings.get()), operatorName: '林淼' });
  const caseId = await createCase(t.repos);
  await importCreditors(t.repos, caseId, REGISTER);
  const fund = await t.repos.repayment.addFund(caseId, { source: 'seizedAssetDisposal', amountText: fundsText, date: '2026-11-01', note: '拍卖办公楼' });
  if (!fund.ok) throw new Error(JSON.stringify(fund.errors));
  return { ...t, caseId };
}

const auditCount = async (repos: ReturnType<typeof makeTestRepos>['repos']) => (await repos.audit.page(0, 1000)).length;

function xlsxBytes(rows: (string | number)[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '回单');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('recovered funds', () => {
  it('records funds by source in integer fen, audited, and shows funds available', async () => {
    const { repos, caseId } = await setup('1,000,000.50');
    const funds = await repos.repayment.listFunds(caseId);
    expect(funds).toHaveLength(1);
    expect(funds[0]).toMatchObject({ source: 'seizedAssetDisposal', amountFen: 100_000_050, date: '2026-11-01', note: '拍卖办公楼', recordedBy: '林淼', voided: null });
    expect(await repos.repayment.fundsAvailable(caseId)).toEqual({ recoveredFen: 100_000_050, allocatedFen: 0, fundsAvailableFen: 100_000_050 });
    const audit = await repos.audit.page(0, 100);
    expect(audit.some((a) => a.action === 'create' && a.entity === 'fundReceipts')).toBe(true);
  });

  it('refuses bad input naming each field, and stores nothing', async () => {
    const { repos, caseId } = await setup();
    const before = await auditCount(repos);
    const r = await repos.repayment.addFund(caseId, { source: '', amountText: '12.345', date: '2026-13-01', note: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.source).toMatch(/^资金来源/);
    expect(r.errors.amount).toMatch(/^追缴金额/);
    expect(r.errors.date).toMatch(/^到账日期/);
    const negative = await repos.repayment.addFund(caseId, { source: 'other', amountText: '-100', date: '2026-11-01', note: '' });
    expect(negative.ok).toBe(false);
    const future = await repos.repayment.addFund(caseId, { source: 'other', amountText: '100', date: '2027-01-01', note: '' });
    expect(!future.ok && future.errors.date).toMatch(/晚于今天/);
    const noCase = await repos.repayment.addFund('no-such-case', { source: 'other', amountText: '100', date: '2026-11-01', note: '' });
    expect(noCase.ok).toBe(false);
    expect(await repos.repayment.listFunds(caseId)).toHaveLength(1);
    expect(await auditCount(repos)).toBe(before);
  });

  it('voids an entry with a reason (kept, not counted); refuses when approved batches use the money', async () => {
    const { repos, caseId } = await setup('5,000');
    const extra = await repos.repayment.addFund(caseId, { source: 'voluntaryRefund', amountText: '2,000', date: '2026-11-02', note: '' });
    expect(extra.ok).toBe(true);
    if (!extra.ok) return;
    expect((await repos.repayment.voidFund(extra.id, ' ')).ok).toBe(false);
    expect(await repos.repayment.voidFund(extra.id, '重复登记')).toEqual({ ok: true });
    expect((await repos.repayment.fundsAvailable(caseId)).recoveredFen).toBe(500_000);
    expect((await repos.repayment.listFunds(caseId)).find((f) => f.id === extra.id)?.voided?.reason).toBe('重复登记');

    const batch = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
    expect(await repos.repayment.approve(batch.id, '林淼')).toEqual({ ok: true });
    const first = (await repos.repayment.listFunds(caseId))[0];
    const refused = await repos.repayment.voidFund(first?.id ?? '', '录错');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/不能作废/);
  });
});

describe('batches', () => {
  it('computes a pro-rata draft over eligible creditors only, exact to the fen, with formulas', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('5,000'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = await repos.repayment.getBatch(r.id);
    expect(row).toMatchObject({ number: 1, status: 'draft', amountFen: 500_000, allocatedFen: 500_000, unallocatedFen: 0, eligibleCount: 3, excludedCount: 2, payLineCount: 3, createdBy: '林淼' });
    const lines = await repos.repayment.batchLines(r.id);
    expect(lines.map((l) => [l.cid, l.amountFen, l.remainingFen, l.status])).toEqual([
      ['1', 300_000, 600_000, 'pending'],
      ['2', 150_000, 300_000, 'pending'],
      ['3', 50_000, 100_000, 'pending'],
    ]);
    expect(new Set(lines.map((l) => l.ref)).size).toBe(3);
    const explained = explainStoredLine(row as NonNullable<typeof row>, lines[0] as (typeof lines)[0]);
    expect(explained.ratio).toBe('50.0000%');
    expect(explained.formula).toContain('5,000.00 × 6,000.00 ÷ 10,000.00');
    const { excluded } = await repos.repayment.eligibility(caseId);
    expect(excluded.map((e) => [e.creditor.name, e.reason])).toEqual([
      ['钱昇', '员工'],
      ['孙珺', '待核实'],
    ]);
    const audit = await repos.audit.page(0, 100);
    expect(audit.some((a) => a.action === 'create' && a.entity === 'repaymentBatches' && a.entityId === r.id)).toBe(true);
  });

  it('recomputes a draft with small claims first (hand-computed, largest remainder)', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!r.ok) throw new Error('draft');
    const again = await repos.repayment.recomputeBatch(r.id, batchDraft('5000', { smallClaimsFirst: true, thresholdText: '1000' }));
    expect(again).toEqual({ ok: true, id: r.id });
    // 赵赟 1,000 元 in full; 4,000 元 shared 6:3 → 2,666.666… and 1,333.333… → the larger remainder gets the fen.
    expect((await repos.repayment.batchLines(r.id)).map((l) => l.amountFen)).toEqual([266_667, 133_333, 100_000]);
    expect((await repos.repayment.getBatch(r.id))?.rule).toEqual({ smallClaimThresholdFen: 100_000, minPaymentFen: 0 });
  });

  it('keeps the minimum payment: lines are 0 (explained, carried over) or at least the minimum', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('2000', { minPaymentText: '500' }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const row = await repos.repayment.getBatch(r.id);
    const lines = await repos.repayment.batchLines(r.id);
    // Pro rata 赵赟 would get 200 元 < 500: he waits; 2,000 元 go 6:3 to the others.
    expect(lines.map((l) => l.amountFen)).toEqual([133_333, 66_667, 0]);
    expect(row).toMatchObject({ allocatedFen: 200_000, unallocatedFen: 0, payLineCount: 2 });
    const zhao = explainStoredLine(row as NonNullable<typeof row>, lines[2] as (typeof lines)[2]);
    expect(zhao.formula).toMatch(/低于最低支付额/);
  });

  it('refuses a batch above funds available, bad fields and a case without eligible creditors; nothing stored', async () => {
    const { repos, caseId } = await setup('1,000');
    const before = await auditCount(repos);
    const over = await repos.repayment.createBatch(caseId, batchDraft('1000.01'));
    expect(!over.ok && over.errors.amount).toMatch(/超过可用资金 1,000\.00 元/);
    const bad = await repos.repayment.createBatch(caseId, batchDraft('abc', { date: '2026-02-30', smallClaimsFirst: true, thresholdText: '', minPaymentText: 'x' }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['amount', 'date', 'minPayment', 'threshold']);
    expect(bad.errors.threshold).toMatch(/^小额优先标准/);
    const empty = makeTestRepos();
    const otherCase = await createCase(empty.repos);
    await empty.repos.repayment.addFund(otherCase, { source: 'other', amountText: '100', date: '2026-11-01', note: '' });
    const none = await empty.repos.repayment.createBatch(otherCase, batchDraft('100'));
    expect(!none.ok && none.errors.amount).toMatch(/没有可参与清退的集资参与人/);
    expect(await repos.repayment.listBatches(caseId)).toEqual([]);
    expect(await auditCount(repos)).toBe(before);
  });

  it('approves a draft (frozen, approver and time audited) and refuses changes afterwards', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!r.ok) throw new Error('draft');
    expect((await repos.repayment.approve(r.id, '  ')).ok).toBe(false);
    expect(await repos.repayment.approve(r.id, '张主任')).toEqual({ ok: true });
    const row = await repos.repayment.getBatch(r.id);
    expect(row).toMatchObject({ status: 'approved', approvedBy: '张主任', approvedAt: '2026-11-26T01:00:00.000Z', committedFen: 500_000 });
    expect(await repos.repayment.fundsAvailable(caseId)).toEqual({ recoveredFen: 1_000_000, allocatedFen: 500_000, fundsAvailableFen: 500_000 });
    const audit = await repos.audit.page(0, 100);
    expect(audit.find((a) => a.action === 'approve')).toMatchObject({ entity: 'repaymentBatches', entityId: r.id, operator: '林淼' });
    const recompute = await repos.repayment.recomputeBatch(r.id, batchDraft('100'));
    expect(!recompute.ok && recompute.errors.amount).toMatch(/已审批，不能再修改/);
    expect((await repos.repayment.deleteDraft(r.id)).ok).toBe(false);
    expect((await repos.repayment.approve(r.id, '张主任')).ok).toBe(false);
    // The next batch allocates on what remains: 5,000 元 more settles everyone.
    const next = await repos.repayment.createBatch(caseId, batchDraft('5000.01'));
    expect(!next.ok && next.errors.amount).toMatch(/超过可用资金 5,000\.00 元/);
    const second = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!second.ok) throw new Error('second');
    expect((await repos.repayment.getBatch(second.id))?.number).toBe(2);
    expect((await repos.repayment.batchLines(second.id)).map((l) => [l.remainingFen, l.amountFen])).toEqual([
      [300_000, 300_000],
      [150_000, 150_000],
      [50_000, 50_000],
    ]);
  });

  it('refuses to approve a draft whose basis changed since it was computed', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!r.ok) throw new Error('draft');
    await importCreditors(repos, caseId, [{ name: '周镕', netClaimFen: 100_000 }], 50);
    const refused = await repos.repayment.approve(r.id, '张主任');
    expect(!refused.ok && refused.message).toMatch(/计算依据已变化/);
    expect((await repos.repayment.getBatch(r.id))?.status).toBe('draft');
    expect((await repos.repayment.recomputeBatch(r.id, batchDraft('5000'))).ok).toBe(true);
    expect((await repos.repayment.batchLines(r.id)).length).toBe(4);
    expect(await repos.repayment.approve(r.id, '张主任')).toEqual({ ok: true });
  });

  it('names a creditor whose corrected net claim is below what was already paid, instead of allocating', async () => {
    const { repos, caseId } = await setup();
    const r = await repos.repayment.createBatch(caseId, batchDraft('5000'));
    if (!r.ok) throw new Error('draft');
    await repos.repayment.approve(r.id, '张主任');
    // 王喆 got 3,000 元; his net claim is corrected to 2,000 元 by a re-import of the register.
    const [wang] = await repos.creditors.loadCase(caseId);
    if (!wang) throw new Error('register');
    const plan = await repos.creditors.planImport(caseId, []);
    const corrected = plan.creditors.slice(0, plan.creditors.length).map((c) => (c.cid === wang.cid ? { ...c, netClaimFen: 200_000, principalFen: 200_000, contracts: [{ principalFen: 200_000, returnedFen: 0, sourceRow: 2, note: '' }] } : c));
    const commit = await repos.creditors.commitImport({ ...plan, creditors: plannedCreditors(corrected) }, { fileName: 'fix.xlsx', fileHash: 'f'.repeat(64), sheetName: 'S', dataRows: 0, okRows: 0, warningRows: 0, errorRows: 0 });
    expect(commit.ok).toBe(true);
    const refused = await repos.repayment.createBatch(caseId, batchDraft('1000'));
    expect(!refused.ok && refused.errors.amount).toMatch(/^王喆（已清退 3,000\.00 元，核定清退基数 2,000\.00 元）已清退金额超过核定清退基数/);
  });

  it('packs a large batch 1,000 lines per record and still pays exactly its amount', async () => {
    const t = makeTestRepos();
    const caseId = await createCase(t.repos);
    await importCreditors(
      t.repos,
      caseId,
      Array.from({ length: 2_345 }, (_, i) => ({ name: `参与人${i}`, netClaimFen: 10_000 + ((i * 7919) % 50_000) })),
    );
    await t.repos.repayment.addFund(caseId, { source: 'illegalGains', amountText: '123,456.78', date: '2026-10-01', note: '' });
    const r = await t.repos.repayment.createBatch(caseId, batchDraft('123456.78'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await t.db.allocationBlocks.where('batchId').equals(r.id).count()).toBe(3);
    const lines = await t.repos.repayment.batchLines(r.id);
    expect(lines).toHaveLength(2_345);
    expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(12_345_678);
    expect(lines.every((l) => l.amountFen <= l.remainingFen)).toBe(true);
  });
});

describe('bank files and payment results', () => {
  async function approved() {
    const t = await setup();
    const r = await t.repos.repayment.createBatch(t.caseId, batchDraft('5000'));
    if (!r.ok) throw new Error('draft');
    await t.repos.repayment.approve(r.id, '张主任');
    return { ...t, batchId: r.id };
  }

  it('exports the disbursement list (name, account, bank, amount, reference) and audits the export', async () => {
    const { repos, caseId, batchId } = await approved();
    const file = await repos.repayment.disbursementFile(batchId);
    if (!file.ok) throw new Error(file.message);
    expect(file.suggestedName).toBe('清退代发清单-第1批-2026-11-20.xlsx');
    const book = XLSX.read(new Uint8Array(await file.file.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.代发清单 as XLSX.WorkSheet, { header: 1 });
    expect(rows[0]).toEqual(['序号', '户名', '账号', '开户行', '金额（元）', '业务参考号']);
    expect(rows[1]?.slice(0, 5)).toEqual(['1', '王喆', '6222020200112200001', '中国工商银行威海分行', '3000.00']);
    expect(rows).toHaveLength(4);
    await repos.repayment.recordExport(batchId, file.suggestedName, file.rowCount, file.totalFen);
    const audit = await repos.audit.page(0, 100);
    expect(audit.find((a) => a.action === 'export')).toMatchObject({ entity: 'repaymentBatches', entityId: batchId });
    const draftCase = await repos.repayment.createBatch(caseId, batchDraft('100'));
    if (!draftCase.ok) throw new Error('draft');
    const refused = await repos.repayment.disbursementFile(draftCase.id);
    expect(!refused.ok && refused.message).toMatch(/尚未审批/);
  });

  it('reads a bank result file by reference or account and names every refused row', async () => {
    const { repos, batchId } = await approved();
    const lines = await repos.repayment.batchLines(batchId);
    const [a, b, c] = lines;
    const reading = await repos.repayment.readBankResult(
      batchId,
      xlsxBytes([
        ['某银行代发结果'],
        ['业务参考号', '户名', '收款账号', '金额', '处理状态', '失败原因'],
        [a?.ref ?? '', '王喆', '6222020200112200001', '3000.00', '成功', ''],
        ['', '李堃', '6222020200112200002', 1500, '失败', '账户已销户'],
        ['QT9-000000-000001', '某人', '', '10', '成功', ''],
        [c?.ref ?? '', '赵赟', '', '500.00', '处理中', ''],
        [b?.ref ?? '', '李堃', '', '1500.00', '成功', ''],
        ['合计', '', '', '5000', '', ''],
      ]),
      '回单.xlsx',
    );
    expect(reading.matched.map((m) => [m.cid, m.result, m.note])).toEqual([
      ['1', 'paid', ''],
      ['2', 'failed', '账户已销户'],
    ]);
    expect(reading.rejected).toEqual([
      expect.stringMatching(/^第 5 行：本批次（第 1 批）没有业务参考号“QT9-000000-000001”/),
      expect.stringMatching(/^第 6 行：状态“处理中”无法识别/),
      expect.stringMatching(/^第 7 行：与第 4 行是同一笔清退/),
    ]);
    const wrongAmount = await repos.repayment.readBankResult(batchId, xlsxBytes([['业务参考号', '金额', '状态'], [a?.ref ?? '', '3000.01', '成功']]), 'x.xlsx');
    expect(wrongAmount.rejected[0]).toMatch(/^第 2 行：金额“3000.01”与本批应付 3,000.00 元不一致/);
    const noHeader = await repos.repayment.readBankResult(batchId, xlsxBytes([['a', 'b'], ['1', '2']]), 'y.xlsx');
    expect(noHeader.rejected[0]).toMatch(/没有找到表头/);
    const csv = new TextEncoder().encode(`参考号,状态,原因\n${c?.ref},失败,户名不符\n${a?.ref},退回,\n`);
    const fromCsv = await repos.repayment.readBankResult(batchId, csv, 'r.csv');
    expect(fromCsv.matched).toEqual([expect.objectContaining({ cid: '3', result: 'failed', note: '户名不符' })]);
    // A payment still pending cannot come back: only a paid one can be returned.
    expect(fromCsv.rejected).toEqual([expect.stringMatching(/^第 3 行：该笔款项支付状态为“待支付”，不能改为“已退回”/)]);
  });

  it('records results: a failed payment frees its money and goes into the next batch; audited; then paid', async () => {
    const { repos, caseId, batchId } = await approved();
    expect((await repos.repayment.markPaid(batchId)).ok).toBe(false);
    const recorded = await repos.repayment.recordPaymentResults(
      batchId,
      [
        { cid: '1', result: 'paid', note: '' },
        { cid: '2', result: 'failed', note: '账户已销户' },
      ],
      { fileName: '回单.xlsx', rejected: ['第 5 行：……'] },
    );
    expect(recorded).toEqual({ ok: true, counts: { paid: 1, failed: 1, returned: 0, unchanged: 0 } });
    expect(await repos.repayment.getBatch(batchId)).toMatchObject({ committedFen: 350_000, paidFen: 300_000 });
    expect((await repos.repayment.fundsAvailable(caseId)).fundsAvailableFen).toBe(650_000);
    const audit = await repos.audit.page(0, 100);
    const imported = audit.find((a) => a.action === 'import' && a.entity === 'paymentResults');
    expect(JSON.stringify(imported?.after)).toContain('账户已销户');

    // failed → paid is not allowed: the money goes out again in a later batch. Nothing is written.
    const wrong = await repos.repayment.recordPaymentResults(batchId, [{ cid: '3', result: 'paid', note: '' }, { cid: '2', result: 'paid', note: '' }], { fileName: null, rejected: [] });
    expect(!wrong.ok && wrong.message).toMatch(/不能改为“已支付”/);
    expect((await repos.repayment.batchLines(batchId)).find((l) => l.cid === '3')?.status).toBe('pending');

    const again = await repos.repayment.readBankResult(batchId, xlsxBytes([['业务参考号', '状态'], [(await repos.repayment.batchLines(batchId))[1]?.ref ?? '', '成功']]), 'again.xlsx');
    expect(again.matched).toEqual([]);
    expect(again.rejected[0]).toMatch(/^第 2 行：该笔款项支付状态为“支付失败”，不能改为“已支付”/);
    expect((await repos.repayment.recordPaymentResults(batchId, [{ cid: '3', result: 'paid', note: '' }], { fileName: null, rejected: [] })).ok).toBe(true);
    expect(await repos.repayment.markPaid(batchId)).toEqual({ ok: true });
    expect((await repos.repayment.getBatch(batchId))?.status).toBe('paid');

    const next = await repos.repayment.createBatch(caseId, batchDraft('6500'));
    if (!next.ok) throw new Error(JSON.stringify(next.errors));
    // 李堃's failed 1,500 元 is owed again: remaining 3,000 元, not 1,500.
    expect((await repos.repayment.batchLines(next.id)).map((l) => [l.cid, l.remainingFen, l.amountFen])).toEqual([
      ['1', 300_000, 300_000],
      ['2', 300_000, 300_000],
      ['3', 50_000, 50_000],
    ]);
  });

  it('gives case figures, per-creditor figures and refund notice data', async () => {
    const { repos, caseId, batchId } = await approved();
    await repos.repayment.recordPaymentResults(
      batchId,
      [
        { cid: '1', result: 'paid', note: '' },
        { cid: '2', result: 'paid', note: '' },
        { cid: '3', result: 'failed', note: '户名不符' },
      ],
      { fileName: null, rejected: [] },
    );
    const f = await repos.repayment.caseFigures(caseId);
    expect(f).toMatchObject({
      recoveredFen: 1_000_000,
      allocatedFen: 450_000,
      fundsAvailableFen: 550_000,
      paidFen: 450_000,
      eligibleNetClaimFen: 1_000_000,
      outstandingFen: 550_000,
      refundRate: '45.00%',
      personsRefunded: 2,
      eligibleCount: 3,
      excludedCount: 2,
      batchCount: 1,
      approvedBatchCount: 1,
      failedOrReturnedFen: 50_000,
      failedOrReturnedCount: 1,
    });
    expect((await repos.repayment.allCaseFigures()).map((c) => [c.caseId, c.figures.refundRate])).toEqual([[caseId, '45.00%']]);
    expect(f.recoveredBySource.seizedAssetDisposal).toBe(1_000_000);
    const per = await repos.repayment.creditorFigures(caseId);
    expect(per.map((p) => [p.name, p.paidFen, p.remainingFen, p.refundRate, p.ineligible])).toEqual([
      ['王喆', 300_000, 300_000, '50.00%', null],
      ['李堃', 150_000, 150_000, '50.00%', null],
      ['赵赟', 0, 100_000, '0.00%', null],
      ['钱昇', 0, 900_000, '0.00%', '员工'],
      ['孙珺', 0, 200_000, '0.00%', '待核实'],
    ]);
    const notice = await repos.repayment.refundNoticeData(batchId);
    if (!notice.ok) throw new Error(notice.message);
    expect(notice.lines).toEqual([
      { cid: '1', name: '王喆', idNumber: expect.stringMatching(/^110105/), batchFen: 300_000, cumulativeFen: 300_000, remainingFen: 300_000 },
      { cid: '2', name: '李堃', idNumber: expect.stringMatching(/^110105/), batchFen: 150_000, cumulativeFen: 150_000, remainingFen: 150_000 },
    ]);
    const draft = await repos.repayment.createBatch(caseId, batchDraft('100'));
    if (!draft.ok) throw new Error('draft');
    const refused = await repos.repayment.refundNoticeData(draft.id);
    expect(!refused.ok && refused.message).toMatch(/尚未审批/);
    expect((await repos.audit.verify()).ok).toBe(true);
  });
});
