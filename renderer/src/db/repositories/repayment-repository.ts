// The only writer of repayment plans (清退方案): recovered funds, batches with their packed lines,
// approval, bank results. Every write is audited in its own transaction. Heavy work (loading the
// register, allocating) happens before a transaction opens; inside it, a snapshot of the case's
// batches is re-read and compared, so a batch computed on a basis that has since changed is refused.
import { checkLimit } from '../../core/common/text-limits';
import { fenToYuanString, formatFen } from '../../core/money';
import { allocateBatch } from '../../core/repayment/allocate-batch';
import { approveBatch, markBatchPaidCounted, recordPaymentResult } from '../../core/repayment/batch-lifecycle';
import type { IneligibleReason } from '../../core/repayment/eligibility';
import { splitEligible } from '../../core/repayment/eligibility';
import { allocationClaimsFor } from '../../core/repayment/figures';
import { DEFAULT_POLICY, RELAXATION_LABELS, type Relaxation } from '../../core/users/four-eyes';
import { type Attempt, auditRefusal, authorizeIn, requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { AllocationBlockRow, AllocationLineRecord, FundReceiptRow, PaymentResultRow, RepaymentBatchRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { type Actor, actorName, currentActor, currentActorName, readAccess } from '../session';
import { forEachLineBlocks, readBatchLines } from './allocation-block-reads';
import type { BankResultMatch, BankResultReading } from './repayment-bank';
import { buildDisbursementXlsx, type DisbursementFile, readBankResultFile } from './repayment-bank';
import { validateBatchDraft } from './repayment-batch-draft';
import type { CaseFiguresView, CreditorFiguresRow, LoadedBatch, RefundNoticeLine } from './repayment-figures';
import { activeFunds, caseFiguresOf, creditorFiguresOf, forRepayment, refundNoticeLinesOf } from './repayment-figures';
import { addComputer, approverVerdict, pendingChangeMessage, personOf, recorderVerdict, withRelaxation } from './repayment-four-eyes';
import { validateFundDraft } from './repayment-fund-draft';
import { linesFromResult, packBlocks, sameAllocation, toCoreBatch } from './repayment-lines';
import { BatchLinesView, CreditorFiguresView } from './repayment-pages';
import type { ActionResult, BatchDraft, BatchField, CreditorSource, FundDraft, FundField, RepaymentCreditor, RepaymentProgress, SaveResult } from './repayment-types';

const CHANGED = '其他批次或追缴资金刚刚发生变化，请刷新后重新操作。';

export type RefundNoticeData =
  | { readonly ok: true; readonly caseId: string; readonly batchNumber: number; readonly batchDate: string; readonly lines: readonly RefundNoticeLine[] }
  | { readonly ok: false; readonly message: string };

export class RepaymentRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly creditors: CreditorSource,
  ) {}

  // ---- reading ----

  async listFunds(caseId: string): Promise<FundReceiptRow[]> {
    const rows = await this.ctx.db.fundReceipts.where('caseId').equals(caseId).toArray();
    return rows.sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  }

  async listBatches(caseId: string): Promise<RepaymentBatchRow[]> {
    const rows = await this.ctx.db.repaymentBatches.where('caseId').equals(caseId).toArray();
    return rows.sort((a, b) => a.number - b.number);
  }

  getBatch(batchId: string): Promise<RepaymentBatchRow | undefined> {
    return this.ctx.db.repaymentBatches.get(batchId);
  }

  /** Every line of a batch in allocation order (one per eligible creditor, 0 when not paid), read in bounded steps. */
  batchLines(batchId: string): Promise<AllocationLineRecord[]> {
    return readBatchLines(this.ctx.db, batchId);
  }

  async paymentResults(batchId: string): Promise<PaymentResultRow[]> {
    const rows = await this.ctx.db.paymentResults.where('batchId').equals(batchId).toArray();
    return rows.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  loadCreditors(caseId: string): Promise<readonly RepaymentCreditor[]> {
    return this.creditors.loadCase(caseId);
  }

  /** Who takes part in a new batch, and who does not with the reason. */
  async eligibility(caseId: string): Promise<{ eligible: RepaymentCreditor[]; excluded: { creditor: RepaymentCreditor; reason: IneligibleReason }[] }> {
    const creditors = await this.creditors.loadCase(caseId);
    const byCid = new Map(creditors.map((c) => [c.cid, c]));
    const split = splitEligible(creditors.map(forRepayment));
    return {
      eligible: split.eligible.map((c) => byCid.get(c.id) as RepaymentCreditor),
      excluded: split.excluded.map((e) => ({ creditor: byCid.get(e.creditor.id) as RepaymentCreditor, reason: e.reason })),
    };
  }

  /** Recovered (not voided) − committed by approved batches. */
  async fundsAvailable(caseId: string): Promise<{ recoveredFen: number; allocatedFen: number; fundsAvailableFen: number }> {
    const [funds, batches] = await Promise.all([this.listFunds(caseId), this.listBatches(caseId)]);
    return fundsOf(funds, batches);
  }

  /** Case figures for the repayment page, the case page and the dashboard. */
  async caseFigures(caseId: string): Promise<CaseFiguresView> {
    const [creditors, batches, funds] = await Promise.all([this.creditors.loadCase(caseId), this.loadBatches(caseId), this.listFunds(caseId)]);
    return caseFiguresOf(creditors, batches, funds);
  }

  /** Figures of every case with a repayment plan (dashboard: refunds, persons, rates across cases). */
  async allCaseFigures(): Promise<{ readonly caseId: string; readonly figures: CaseFiguresView }[]> {
    const plans = await this.ctx.db.repaymentPlans.toArray();
    const out: { caseId: string; figures: CaseFiguresView }[] = [];
    for (const plan of plans) out.push({ caseId: plan.caseId, figures: await this.caseFigures(plan.caseId) });
    return out;
  }

  /** Per creditor: cumulative paid, remaining and refund rate (in register order). */
  async creditorFigures(caseId: string): Promise<CreditorFiguresRow[]> {
    const [creditors, batches] = await Promise.all([this.creditors.loadCase(caseId), this.loadBatches(caseId)]);
    return creditorFiguresOf(creditors, batches);
  }

  /** A batch's lines named from the current register, for answering the batch page screen by screen; null when the batch is gone. */
  async batchLinesView(batchId: string): Promise<BatchLinesView | null> {
    const row = await this.getBatch(batchId);
    if (!row) return null;
    const [lines, creditors] = await Promise.all([this.batchLines(batchId), this.creditors.loadCase(row.caseId)]);
    return new BatchLinesView(lines, creditors);
  }

  /** The per-creditor figures of a case, for answering the figures tab screen by screen. */
  async creditorFiguresView(caseId: string): Promise<CreditorFiguresView> {
    return new CreditorFiguresView(await this.creditorFigures(caseId));
  }

  /** What the 清退告知书 of an approved batch prints per creditor: this batch, cumulative, remaining. */
  async refundNoticeData(batchId: string): Promise<RefundNoticeData> {
    const row = await this.getBatch(batchId);
    if (!row) return { ok: false, message: '该清退批次不存在，请返回批次列表。' };
    if (row.status === 'draft') return { ok: false, message: `第 ${row.number} 批尚未审批，审批后才能出具清退告知书。` };
    const [creditors, batches] = await Promise.all([this.creditors.loadCase(row.caseId), this.loadBatches(row.caseId)]);
    const target = batches.find((b) => b.row.id === batchId) as LoadedBatch;
    return { ok: true, caseId: row.caseId, batchNumber: row.number, batchDate: row.date, lines: refundNoticeLinesOf(target, creditors, batches) };
  }

  // ---- recovered funds ----

  async addFund(caseId: string, draft: FundDraft): Promise<SaveResult<FundField>> {
    await requirePermission(this.ctx, 'repayment.funds', { entity: 'fundReceipts', entityId: caseId });
    const checked = validateFundDraft(draft, this.ctx.now());
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    const id = this.ctx.newId();
    return db.transaction('rw', [db.cases, db.repaymentPlans, db.fundReceipts, db.audit, db.settings], async () => {
      if (!(await db.cases.get(caseId))) return { ok: false as const, errors: { source: '该案件已不存在，请返回案件列表。' } };
      const planId = await this.ensurePlan(caseId, now);
      const row: FundReceiptRow = { id, caseId, planId, ...checked.value, recordedAt: now, recordedBy: await this.operatorName(), voided: null };
      await db.fundReceipts.add(row);
      await appendAudit(db, { action: 'create', entity: 'fundReceipts', entityId: id, before: null, after: row }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  /** A wrong entry is voided (kept, struck through), never deleted; refused when batches already use the money. */
  async voidFund(fundId: string, reason: string): Promise<ActionResult> {
    await requirePermission(this.ctx, 'repayment.void', { entity: 'fundReceipts', entityId: fundId });
    if (reason.trim() === '') return { ok: false, message: '作废原因：请填写作废原因。' };
    const reasonLong = checkLimit('作废原因', reason.trim(), 'note');
    if (reasonLong) return { ok: false, message: reasonLong };
    const { db } = this.ctx;
    return db.transaction('rw', [db.fundReceipts, db.repaymentBatches, db.audit, db.settings], async () => {
      const row = await db.fundReceipts.get(fundId);
      if (!row || row.voided) return { ok: false as const, message: '该笔追缴资金不存在或已作废。' };
      const funds = await db.fundReceipts.where('caseId').equals(row.caseId).toArray();
      const batches = await db.repaymentBatches.where('caseId').equals(row.caseId).toArray();
      const { fundsAvailableFen } = fundsOf(funds, batches);
      if (fundsAvailableFen < row.amountFen) {
        return { ok: false as const, message: `作废后可用资金将为负数（已审批批次占用了这笔钱），不能作废；请先核对批次。` };
      }
      const after: FundReceiptRow = { ...row, voided: { at: this.ctx.now().toISOString(), by: await this.operatorName(), reason: reason.trim() } };
      await db.fundReceipts.put(after);
      await appendAudit(db, { action: 'void', entity: 'fundReceipts', entityId: fundId, before: row, after }, this.ctx.now());
      return { ok: true as const };
    });
  }

  // ---- batches ----

  /** Computes a new draft batch on the current register and earlier approved batches, and stores it. */
  async createBatch(caseId: string, draft: BatchDraft, onProgress?: RepaymentProgress): Promise<SaveResult<BatchField>> {
    const actor = await requirePermission(this.ctx, 'repayment.compute', { entity: 'repaymentBatches', entityId: 'new', details: { caseId } });
    onProgress?.('read');
    const basis = await this.basis(caseId);
    const id = this.ctx.newId();
    const number = basis.batches.reduce((n, b) => Math.max(n, b.row.number), 0) + 1;
    onProgress?.('allocate');
    const computed = this.compute(basis, draft, id, number);
    if (!computed.ok) return computed;
    onProgress?.('write');
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    return db.transaction('rw', [db.repaymentPlans, db.repaymentBatches, db.allocationBlocks, db.fundReceipts, db.audit, db.settings], async () => {
      if ((await this.snapshot(caseId)) !== basis.snapshot) return { ok: false as const, errors: { amount: CHANGED } };
      const planId = await this.ensurePlan(caseId, now);
      const row: RepaymentBatchRow = {
        ...computed.fields,
        id,
        caseId,
        planId,
        number,
        status: 'draft',
        committedFen: 0,
        paidFen: 0,
        computedAt: now,
        createdAt: now,
        createdBy: await this.operatorName(),
        approvedBy: null,
        approvedAt: null,
        paidAt: null,
        computedBy: addComputer(null, actor),
      };
      await db.repaymentBatches.add(row);
      await db.allocationBlocks.bulkAdd(packBlocks(id, computed.lines));
      await appendAudit(db, { action: 'create', entity: 'repaymentBatches', entityId: id, before: null, after: row }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  /** Recomputes a draft with new settings (or on a changed register); approved batches are frozen. */
  async recomputeBatch(batchId: string, draft: BatchDraft, onProgress?: RepaymentProgress): Promise<SaveResult<BatchField>> {
    const actor = await requirePermission(this.ctx, 'repayment.compute', { entity: 'repaymentBatches', entityId: batchId });
    const existing = await this.getBatch(batchId);
    if (!existing) return { ok: false, errors: { amount: '该清退批次不存在，请返回批次列表。' } };
    if (existing.status !== 'draft') return { ok: false, errors: { amount: `第 ${existing.number} 批已审批，不能再修改；如需调整请新建批次。` } };
    onProgress?.('read');
    const basis = await this.basis(existing.caseId);
    onProgress?.('allocate');
    const computed = this.compute(basis, draft, batchId, existing.number);
    if (!computed.ok) return computed;
    onProgress?.('write');
    const { db } = this.ctx;
    return db.transaction('rw', [db.repaymentBatches, db.allocationBlocks, db.fundReceipts, db.audit, db.settings], async () => {
      const before = await db.repaymentBatches.get(batchId);
      if (before?.status !== 'draft' || (await this.snapshot(existing.caseId)) !== basis.snapshot) {
        return { ok: false as const, errors: { amount: CHANGED } };
      }
      const row: RepaymentBatchRow = { ...before, ...computed.fields, computedAt: this.ctx.now().toISOString(), computedBy: addComputer(before, actor) };
      await db.allocationBlocks.where('batchId').equals(batchId).delete();
      await db.allocationBlocks.bulkAdd(packBlocks(batchId, computed.lines));
      await db.repaymentBatches.put(row);
      await appendAudit(db, { action: 'update', entity: 'repaymentBatches', entityId: batchId, before, after: row }, this.ctx.now());
      return { ok: true as const, id: batchId };
    });
  }

  async deleteDraft(batchId: string): Promise<ActionResult> {
    await requirePermission(this.ctx, 'repayment.compute', { entity: 'repaymentBatches', entityId: batchId });
    const { db } = this.ctx;
    return db.transaction('rw', [db.repaymentBatches, db.allocationBlocks, db.audit, db.settings], async () => {
      const row = await db.repaymentBatches.get(batchId);
      if (!row) return { ok: false as const, message: '该清退批次不存在。' };
      if (row.status !== 'draft') return { ok: false as const, message: `第 ${row.number} 批已审批，不能删除。` };
      await db.allocationBlocks.where('batchId').equals(batchId).delete();
      await db.repaymentBatches.delete(batchId);
      await appendAudit(db, { action: 'delete', entity: 'repaymentBatches', entityId: batchId, before: row, after: null }, this.ctx.now());
      return { ok: true as const };
    });
  }

  /**
   * draft → approved (frozen), by a signed-in 审批 user who did not compute the batch (unless the
   * office is small and chose otherwise). Refused, and the refusal audited, while any line's creditor
   * has a change waiting for someone else's verification. Also refused when the draft no longer
   * matches what the current register and batches give (recompute first), or when it allocates more
   * than the funds available. `legacyApprover`: before users exist (a database from before schema 3
   * not yet given a 管理员, the CLI, old tests) the approver's name is typed, as it always was; once
   * users exist it is ignored and the signed-in user approves.
   */
  async approve(batchId: string, legacyApprover?: string, onProgress?: RepaymentProgress): Promise<ActionResult> {
    const row = await this.getBatch(batchId);
    if (!row) return { ok: false, message: '该清退批次不存在，请返回批次列表。' };
    if (row.status !== 'draft') return { ok: false, message: `第 ${row.number} 批已审批，不能重复审批。` };
    const attempt: Attempt = { entity: 'repaymentBatches', entityId: batchId, details: { what: 'approve', number: row.number } };
    const { db } = this.ctx;
    const allowed = await db.transaction('rw', [db.settings, db.audit], async () => await this.approvalRules(row, attempt));
    if (!allowed.ok) return allowed;
    onProgress?.('read');
    const basis = await this.basis(row.caseId);
    const stored = basis.batches.find((b) => b.row.id === batchId)?.lines ?? [];
    onProgress?.('check');
    const pending = pendingChangeMessage(row, stored, new Map(basis.creditors.map((c) => [c.cid, c])), '审批');
    if (pending) return this.refuse(attempt, pending);
    const fresh = this.compute(basis, draftOf(row), batchId, row.number, true);
    if (!fresh.ok || !sameAllocation(fresh.lines, stored)) {
      return { ok: false, message: `第 ${row.number} 批的计算依据已变化（参与人名单、核实状态或其他批次），请先点“重新计算”核对结果后再审批。` };
    }
    const at = this.ctx.now().toISOString();
    const funds = fundsOf(basis.funds, basis.batches.map((b) => b.row)).fundsAvailableFen;
    const approverName = allowed.actor.kind === 'legacy' ? (legacyApprover ?? allowed.actor.name) : actorName(allowed.actor);
    const transition = approveBatch(toCoreBatch(row, stored), approverName, at, funds);
    if (!transition.ok) return { ok: false, message: transition.error };
    onProgress?.('write');
    return db.transaction('rw', [db.repaymentBatches, db.fundReceipts, db.audit, db.settings], async () => {
      const before = await db.repaymentBatches.get(batchId);
      if (before?.status !== 'draft' || (await this.snapshot(row.caseId)) !== basis.snapshot) return { ok: false as const, message: CHANGED };
      // Again inside the write: the session or the policy may have changed while the basis was checked.
      const check = await this.approvalRules(before, attempt);
      if (!check.ok) return check;
      const after: RepaymentBatchRow = {
        ...before,
        status: 'approved',
        approvedBy: approverName.trim(),
        approver: personOf(check.actor),
        approvedAt: at,
        committedFen: before.allocatedFen,
        ...withRelaxation(before, check.relaxed, check.actor, at),
      };
      await db.repaymentBatches.put(after);
      const relaxed = check.relaxed ? { relaxed: RELAXATION_LABELS[check.relaxed] } : {};
      await appendAudit(
        db,
        { action: 'approve', entity: 'repaymentBatches', entityId: batchId, before: { status: before.status }, after: { status: 'approved', approvedBy: after.approvedBy, approvedAt: at, number: row.number, amountFen: row.amountFen, allocatedFen: row.allocatedFen, payLineCount: row.payLineCount, ...relaxed } },
        this.ctx.now(),
      );
      return { ok: true as const };
    });
  }

  /**
   * Registers bank results (from a file, or by hand with fileName null). All or nothing: a line that
   * cannot take its result (e.g. failed → paid) refuses the whole registration with the line named.
   */
  async recordPaymentResults(
    batchId: string,
    results: readonly Pick<BankResultMatch, 'cid' | 'result' | 'note'>[],
    source: { readonly fileName: string | null; readonly rejected: readonly string[] },
  ): Promise<ActionResult & { readonly counts?: PaymentResultRow['counts'] }> {
    if (results.length === 0) return { ok: false, message: '没有可登记的支付结果。' };
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    try {
      return await db.transaction('rw', [db.repaymentBatches, db.allocationBlocks, db.paymentResults, db.audit, db.settings], async () => {
        const row = await db.repaymentBatches.get(batchId);
        if (!row) return { ok: false as const, message: '该清退批次不存在。' };
        const check = await this.paymentRules(row, { entity: 'repaymentBatches', entityId: batchId, details: { what: 'payment-results', number: row.number, fileName: source.fileName } });
        if (!check.ok) return check;
        // Throws ResultsRefused (undoing the blocks already written) when any line refuses its result.
        const { counts, applied, totals } = await applyResultsByBlock(db, row, results);
        await db.repaymentBatches.put({ ...row, ...totals, ...withRelaxation(row, check.relaxed, check.actor, now) });
        const record: PaymentResultRow = {
          id: this.ctx.newId(),
          batchId,
          caseId: row.caseId,
          recordedAt: now,
          recordedBy: actorName(check.actor),
          fileName: source.fileName,
          counts,
          results: applied,
          rejected: source.rejected,
          recorder: personOf(check.actor),
          relaxed: check.relaxed,
        };
        await db.paymentResults.add(record);
        await appendAudit(
          db,
          { action: source.fileName ? 'import' : 'update', entity: 'paymentResults', entityId: record.id, before: { batchId, committedFen: row.committedFen, paidFen: row.paidFen }, after: { batchId, fileName: source.fileName, counts, failedOrReturned: applied.filter((a) => a.result !== 'paid'), rejectedRows: source.rejected.length, ...totals, ...(check.relaxed ? { relaxed: RELAXATION_LABELS[check.relaxed] } : {}) } },
          this.ctx.now(),
        );
        return { ok: true as const, counts };
      });
    } catch (error) {
      if (error instanceof ResultsRefused) return { ok: false, message: error.message };
      throw error;
    }
  }

  /** approved → paid once every line has a bank result. */
  async markPaid(batchId: string): Promise<ActionResult> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.repaymentBatches, db.allocationBlocks, db.audit, db.settings], async () => {
      const row = await db.repaymentBatches.get(batchId);
      if (!row) return { ok: false as const, message: '该清退批次不存在。' };
      const check = await this.paymentRules(row, { entity: 'repaymentBatches', entityId: batchId, details: { what: 'mark-paid', number: row.number } });
      if (!check.ok) return check;
      // Lines still without a bank result, counted block by block (never a million lines at once).
      let pending = 0;
      await forEachLineBlocks(db, batchId, (blocks) => {
        for (const block of blocks) for (const l of block.lines) if (l.amountFen > 0 && l.status === 'pending') pending++;
      });
      const at = this.ctx.now().toISOString();
      const t = markBatchPaidCounted(toCoreBatch(row, []), pending, at);
      if (!t.ok) return { ok: false as const, message: t.error };
      await db.repaymentBatches.put({ ...row, status: 'paid', paidAt: at, ...withRelaxation(row, check.relaxed, check.actor, at) });
      await appendAudit(db, { action: 'update', entity: 'repaymentBatches', entityId: batchId, before: { status: row.status }, after: { status: 'paid', paidAt: at } }, this.ctx.now());
      return { ok: true as const };
    });
  }

  // ---- bank files ----

  /** The bank disbursement list of an approved batch (pending lines), not yet audited: call recordExport once saved. */
  async disbursementFile(batchId: string, onProgress?: RepaymentProgress): Promise<({ ok: true; suggestedName: string } & DisbursementFile) | { ok: false; message: string }> {
    const row = await this.getBatch(batchId);
    if (!row) return { ok: false, message: '该清退批次不存在。' };
    if (row.status === 'draft') return { ok: false, message: `第 ${row.number} 批尚未审批，审批后才能导出银行代发清单。` };
    const attempt: Attempt = { entity: 'repaymentBatches', entityId: batchId, details: { what: 'bank-disbursement', number: row.number } };
    const actor = await requirePermission(this.ctx, 'repayment.bankFile', attempt);
    onProgress?.('read');
    const [lines, creditors] = await Promise.all([this.batchLines(batchId), this.creditors.loadCase(row.caseId)]);
    const byCid = new Map(creditors.map((c) => [c.cid, c]));
    const pending = pendingChangeMessage(row, lines.filter((l) => l.status === 'pending'), byCid, '导出银行代发清单');
    if (pending) return this.refuse(attempt, pending);
    onProgress?.('build');
    const file = buildDisbursementXlsx({
      title: `第 ${row.number} 批（${row.date}）`,
      lines,
      creditors: byCid,
      exportedBy: actorName(actor),
      exportedAt: this.ctx.now(),
      approvedBy: row.approvedBy,
      relaxations: (row.relaxations ?? []).map((r) => `${RELAXATION_LABELS[r.relaxation]}：${r.by.name}`),
    });
    if (file.rowCount === 0) return { ok: false, message: `第 ${row.number} 批没有待支付的款项，无需导出。` };
    return { ok: true, suggestedName: `清退代发清单-第${row.number}批-${row.date}.xlsx`, ...file };
  }

  /** The export holds names and full account numbers: it leaves an audit trace. */
  async recordExport(batchId: string, fileName: string, rowCount: number, totalFen: number, hash?: string): Promise<void> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    await db.transaction('rw', [db.repaymentBatches, db.audit, db.settings], async () => {
      const row = await db.repaymentBatches.get(batchId);
      const by = personOf(await currentActor(db));
      if (row && by) await db.repaymentBatches.put({ ...row, bankExports: [...(row.bankExports ?? []), { by, at: now.toISOString(), fileName }] });
      await appendAudit(db, { action: 'export', entity: 'repaymentBatches', entityId: batchId, before: null, after: { kind: 'bank-disbursement', fileName, rowCount, totalFen, ...(hash ? { fileHash: hash } : {}) } }, now);
    });
  }

  async readBankResult(batchId: string, bytes: Uint8Array, fileName: string, onProgress?: RepaymentProgress): Promise<BankResultReading> {
    const row = await this.getBatch(batchId);
    if (!row) return { matched: [], rejected: ['该清退批次不存在。'], dataRows: 0 };
    if (row.status === 'draft') return { matched: [], rejected: [`第 ${row.number} 批尚未审批，不能导入银行回单。`], dataRows: 0 };
    onProgress?.('read');
    const [lines, creditors] = await Promise.all([this.batchLines(batchId), this.creditors.loadCase(row.caseId)]);
    onProgress?.('match');
    const refuse = (line: AllocationLineRecord, result: 'paid' | 'failed' | 'returned') => {
      const t = recordPaymentResult(toCoreBatch(row, [line]), line.cid, result);
      return t.ok ? null : t.error.replace(`集资参与人 ${line.cid} 在批次 ${row.id} 的`, '该笔款项');
    };
    return readBankResultFile({ bytes, fileName, lines, creditors: new Map(creditors.map((c) => [c.cid, c])), batchNumber: row.number, refuse });
  }

  /** Showing a creditor's full ID number or account is deliberate and leaves a trace. */
  async recordReveal(caseId: string, cid: string, field: 'idNumber' | 'bankAccount'): Promise<void> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'creditors', entityId: `${caseId}/${cid}`, details: { caseId, cid, field, via: 'repayment' } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'reveal', entity: 'creditors', entityId: `${caseId}/${cid}`, before: null, after: { caseId, cid, field, via: 'repayment' } }, this.ctx.now()),
    );
  }

  // ---- internals ----

  private async loadBatches(caseId: string): Promise<LoadedBatch[]> {
    const rows = await this.listBatches(caseId);
    return Promise.all(rows.map(async (row) => ({ row, lines: await this.batchLines(row.id) })));
  }

  private async basis(caseId: string) {
    const [creditors, batches, funds] = await Promise.all([this.creditors.loadCase(caseId), this.loadBatches(caseId), this.listFunds(caseId)]);
    return { creditors, batches, funds, snapshot: snapshotOf(batches.map((b) => b.row), funds) };
  }

  private compute(basis: Awaited<ReturnType<RepaymentRepository['basis']>>, draft: BatchDraft, batchId: string, number: number, ignoreFunds = false) {
    const others = basis.batches.filter((b) => b.row.id !== batchId);
    const funds = fundsOf(basis.funds, others.map((b) => b.row)).fundsAvailableFen;
    const checked = validateBatchDraft(draft, ignoreFunds ? Number.MAX_SAFE_INTEGER : funds);
    if (!checked.ok) return checked;
    const { amountFen, date, rule } = checked.value;
    const claims = allocationClaimsFor(basis.creditors.map(forRepayment), others.filter((b) => b.row.status !== 'draft').map((b) => toCoreBatch(b.row, b.lines)));
    if (claims.length === 0) {
      return { ok: false as const, errors: { amount: '本案没有可参与清退的集资参与人（须为“已核实”且未被排除），请先在集资参与人名单中核实。' } };
    }
    const overpaid = overpaidMessage(claims, basis.creditors);
    if (overpaid) return { ok: false as const, errors: { amount: overpaid } };
    const outcome = allocateBatch({ amountFen, claims, smallClaimThresholdFen: rule.smallClaimThresholdFen, minPaymentFen: rule.minPaymentFen });
    if (!outcome.ok) return { ok: false as const, errors: { amount: outcome.errors.map((e) => e.message).join('；') } };
    const { result } = outcome;
    const lines = linesFromResult(result, batchId, number);
    const fields = {
      date,
      amountFen,
      rule,
      allocatedFen: result.allocatedFen,
      unallocatedFen: result.unallocatedFen,
      remainingTotalFen: result.remainingTotalFen,
      pools: result.pools,
      eligibleCount: claims.length,
      excludedCount: basis.creditors.length - claims.length,
      payLineCount: lines.filter((l) => l.amountFen > 0).length,
      blockCount: Math.ceil(lines.length / 1000),
    };
    return { ok: true as const, lines, fields };
  }

  /** Batch states and fund receipts as a string, re-read inside a transaction to detect changes. */
  private async snapshot(caseId: string): Promise<string> {
    const { db } = this.ctx;
    const [batches, funds] = await Promise.all([db.repaymentBatches.where('caseId').equals(caseId).toArray(), db.fundReceipts.where('caseId').equals(caseId).toArray()]);
    return snapshotOf(batches, funds);
  }

  private async ensurePlan(caseId: string, now: string): Promise<string> {
    const { db } = this.ctx;
    const plan = await db.repaymentPlans.where('caseId').equals(caseId).first();
    if (plan) return plan.id;
    const id = this.ctx.newId();
    await db.repaymentPlans.add({ id, caseId, createdAt: now });
    return id;
  }

  private operatorName(): Promise<string> {
    return currentActorName(this.ctx.db);
  }

  /** Inside a transaction with settings and audit: role and four eyes for approving; refusals audited there. */
  private approvalRules(row: RepaymentBatchRow, attempt: Attempt) {
    return this.fourEyes(row, attempt, 'repayment.approve', approverVerdict);
  }

  /** Inside a transaction with settings and audit: role and four eyes for payment results. */
  private paymentRules(row: RepaymentBatchRow, attempt: Attempt) {
    return this.fourEyes(row, attempt, 'repayment.results', recorderVerdict);
  }

  private async fourEyes(
    row: RepaymentBatchRow,
    attempt: Attempt,
    permission: 'repayment.approve' | 'repayment.results',
    rule: typeof approverVerdict,
  ): Promise<{ ok: true; actor: Actor; relaxed: Relaxation | null } | { ok: false; message: string }> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    const decision = await authorizeIn(db, permission, attempt, now);
    if (!decision.ok) return { ok: false, message: decision.message };
    const verdict = rule(row, decision.actor, (await readAccess(db))?.policy ?? DEFAULT_POLICY);
    if (!verdict.ok) {
      await auditRefusal(db, attempt, verdict.message, now, permission);
      return { ok: false, message: verdict.message };
    }
    return { ok: true, actor: decision.actor, relaxed: verdict.relaxed };
  }

  /** A refusal found outside a transaction: audited in its own, then returned. */
  private async refuse(attempt: Attempt, message: string): Promise<{ ok: false; message: string }> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => await auditRefusal(db, attempt, message, this.ctx.now()));
    return { ok: false, message };
  }
}

/** Creditors already paid more than their (since corrected) net claim: named, so staff can check them. */
function overpaidMessage(claims: readonly { id: string; netClaimFen: number; paidFen: number }[], creditors: readonly RepaymentCreditor[]): string | null {
  const over = claims.filter((c) => c.paidFen > c.netClaimFen);
  if (over.length === 0) return null;
  const byCid = new Map(creditors.map((c) => [c.cid, c]));
  const names = over.slice(0, 5).map((c) => `${byCid.get(c.id)?.name ?? c.id}（已清退 ${formatFen(c.paidFen)} 元，核定清退基数 ${formatFen(c.netClaimFen)} 元）`);
  return `${names.join('、')}${over.length > 5 ? ` 等 ${over.length} 人` : ''}已清退金额超过核定清退基数，请先在集资参与人名单中核对其核定金额，再计算本批。`;
}

function fundsOf(funds: readonly FundReceiptRow[], batches: readonly RepaymentBatchRow[]) {
  const recoveredFen = activeFunds(funds).reduce((s, f) => s + f.amountFen, 0);
  const allocatedFen = batches.filter((b) => b.status !== 'draft').reduce((s, b) => s + b.committedFen, 0);
  return { recoveredFen, allocatedFen, fundsAvailableFen: recoveredFen - allocatedFen };
}

function snapshotOf(batches: readonly RepaymentBatchRow[], funds: readonly FundReceiptRow[]): string {
  const b = batches.map((r) => `${r.id}:${r.status}:${r.committedFen}:${r.computedAt}`).sort();
  const f = funds.map((r) => `${r.id}:${r.voided ? 'v' : ''}`).sort();
  return `${b.join(',')}|${f.join(',')}`;
}

function draftOf(row: RepaymentBatchRow): BatchDraft {
  const yuan = (fen: number) => (fen === 0 ? '' : fenToYuanString(fen));
  return {
    amountText: fenToYuanString(row.amountFen),
    date: row.date,
    smallClaimsFirst: row.rule.smallClaimThresholdFen > 0,
    thresholdText: yuan(row.rule.smallClaimThresholdFen),
    minPaymentText: yuan(row.rule.minPaymentFen),
  };
}

/** A line refused its result: thrown inside the write so the blocks already written are undone. */
class ResultsRefused extends Error {}

/**
 * Applies bank results to a batch's lines, reading and writing its blocks `LINE_BLOCKS_PER_READ` at
 * a time (inside the caller's transaction): never all a million lines at once. Exactly what
 * applying them one after another in the file's order gives: each creditor's results in that order,
 * the counts, the applied entries in file order and the batch's totals; when some result cannot be
 * applied, the refusal of the earliest such result in the file is thrown (ResultsRefused) after the
 * whole batch was read, so the caller's transaction aborts and nothing is kept.
 */
async function applyResultsByBlock(
  db: RepositoryContext['db'],
  row: RepaymentBatchRow,
  results: readonly Pick<BankResultMatch, 'cid' | 'result' | 'note'>[],
): Promise<{ counts: PaymentResultRow['counts']; applied: PaymentResultRow['results'][number][]; totals: { committedFen: number; paidFen: number } }> {
  const wanted = new Map<string, number[]>();
  results.forEach((r, i) => {
    const list = wanted.get(r.cid);
    if (list) list.push(i);
    else wanted.set(r.cid, [i]);
  });
  const unseen = new Set(wanted.keys());
  let refusal: { at: number; message: string } | null = null;
  const refuse = (at: number, message: string) => {
    if (refusal === null || at < refusal.at) refusal = { at, message };
  };
  const notInBatch = (cid: string) => `第 ${row.number} 批中没有该参与人的清退款项（${cid}），请核对。`;
  const counts = { paid: 0, failed: 0, returned: 0, unchanged: 0 };
  const applied: { at: number; entry: PaymentResultRow['results'][number] }[] = [];
  let committedFen = 0;
  let paidFen = 0;
  await forEachLineBlocks(db, row.id, async (blocks) => {
    const changed: AllocationBlockRow[] = [];
    for (const block of blocks) {
      let lines: AllocationLineRecord[] | null = null;
      block.lines.forEach((original, li) => {
        let line = original;
        const indices = wanted.get(line.cid);
        if (indices) {
          unseen.delete(line.cid);
          if (line.amountFen <= 0) refuse(indices[0] as number, notInBatch(line.cid));
          else {
            for (const i of indices) {
              const r = results[i] as (typeof results)[number];
              const t = recordPaymentResult(toCoreBatch(row, [line]), line.cid, r.result, r.note || undefined);
              if (!t.ok) {
                refuse(i, `${line.ref}：${t.error}`);
                break;
              }
              if (line.status === r.result) {
                counts.unchanged++;
                continue;
              }
              counts[r.result]++;
              line = r.note ? { ...line, status: r.result, note: r.note } : { ...line, status: r.result };
              applied.push({ at: i, entry: { cid: line.cid, ref: line.ref, result: r.result, note: r.note } });
            }
            if (line !== original) {
              lines ??= [...block.lines];
              lines[li] = line;
            }
          }
        }
        if (line.status === 'pending' || line.status === 'paid') committedFen += line.amountFen;
        if (line.status === 'paid') paidFen += line.amountFen;
      });
      if (lines) changed.push({ ...block, lines });
    }
    // Once a refusal is known the write will be undone: nothing more to write.
    if (refusal === null && changed.length > 0) await db.allocationBlocks.bulkPut(changed);
  });
  for (const cid of unseen) refuse((wanted.get(cid) as number[])[0] as number, notInBatch(cid));
  const refused = refusal as { at: number; message: string } | null;
  if (refused) throw new ResultsRefused(refused.message);
  return { counts, applied: applied.sort((a, b) => a.at - b.at).map((a) => a.entry), totals: { committedFen, paidFen } };
}
