// Repayment batch lifecycle (清退批次) as a pure state machine:
//   draft (recompute freely) → approved (frozen; approver and time recorded) → paid (every line has
//   a bank result). Payment results per line: pending → paid | failed; paid → returned (退回).
// A failed or returned line no longer counts as allocated or paid: its amount goes back into the
// creditor's remaining claim and into the funds available, to be reissued by a later batch.
// Every transition returns a new batch or a Chinese error; nothing mutates, nothing throws.
import { checkLimit } from '../common/text-limits';

export type BatchStatus = 'draft' | 'approved' | 'paid';
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'returned';

export interface BatchLine {
  readonly creditorId: string;
  readonly amountFen: number;
  readonly payment: PaymentStatus;
  /** Bank's reason for a failure or return, as imported. */
  readonly paymentNote?: string;
}

export interface BatchRule {
  readonly smallClaimThresholdFen: number;
  readonly minPaymentFen: number;
}

export interface RepaymentBatch {
  readonly id: string;
  /** ISO date of the batch. */
  readonly date: string;
  readonly amountFen: number;
  readonly rule: BatchRule;
  readonly status: BatchStatus;
  /** Lines with amountFen > 0 only. */
  readonly lines: readonly BatchLine[];
  readonly unallocatedFen: number;
  readonly approvedBy: string | null;
  /** ISO timestamp of approval. */
  readonly approvedAt: string | null;
  readonly paidAt: string | null;
}

export type BatchTransition = { readonly ok: true; readonly batch: RepaymentBatch } | { readonly ok: false; readonly error: string };

const STATUS_LABEL: Record<BatchStatus, string> = { draft: '草稿', approved: '已审批', paid: '已支付' };

function fail(error: string): BatchTransition {
  return { ok: false, error };
}

/** A new draft batch from an allocation (lines with 0 fen dropped). */
export function createDraftBatch(args: {
  id: string;
  date: string;
  amountFen: number;
  rule: BatchRule;
  allocations: readonly { readonly id: string; readonly amountFen: number }[];
  unallocatedFen: number;
}): RepaymentBatch {
  return {
    id: args.id,
    date: args.date,
    amountFen: args.amountFen,
    rule: args.rule,
    status: 'draft',
    lines: toLines(args.allocations),
    unallocatedFen: args.unallocatedFen,
    approvedBy: null,
    approvedAt: null,
    paidAt: null,
  };
}

function toLines(allocations: readonly { readonly id: string; readonly amountFen: number }[]): BatchLine[] {
  return allocations.filter((a) => a.amountFen > 0).map((a) => ({ creditorId: a.id, amountFen: a.amountFen, payment: 'pending' }));
}

/** Replaces a draft's allocation (amount, rule or claims changed). Approved batches are frozen. */
export function recomputeDraft(
  batch: RepaymentBatch,
  next: { amountFen: number; rule: BatchRule; allocations: readonly { readonly id: string; readonly amountFen: number }[]; unallocatedFen: number },
): BatchTransition {
  if (batch.status !== 'draft') {
    return fail(`批次 ${batch.id} 已${STATUS_LABEL[batch.status]}，不能再修改；如需调整请新建批次`);
  }
  return { ok: true, batch: { ...batch, amountFen: next.amountFen, rule: next.rule, lines: toLines(next.allocations), unallocatedFen: next.unallocatedFen } };
}

/**
 * draft → approved. `fundsAvailableFen` is recovered − allocated in other approved batches; the
 * batch amount may not exceed it (issue 4: amount not more than funds available).
 */
export function approveBatch(batch: RepaymentBatch, approver: string, at: string, fundsAvailableFen: number): BatchTransition {
  if (batch.status !== 'draft') return fail(`批次 ${batch.id} 状态为${STATUS_LABEL[batch.status]}，只有草稿可以审批`);
  if (approver.trim() === '') return fail('请填写审批人姓名后再审批');
  const approverLong = checkLimit('审批人', approver.trim(), 'personName');
  if (approverLong) return fail(approverLong);
  if (at.trim() === '') return fail('缺少审批时间');
  if (batch.lines.length === 0) return fail(`批次 ${batch.id} 没有任何清退金额，不能审批`);
  if (batch.amountFen > fundsAvailableFen) {
    return fail(`批次 ${batch.id} 金额 ${batch.amountFen} 分，超过可用资金 ${fundsAvailableFen} 分；请减少本批金额或先登记追缴资金`);
  }
  return { ok: true, batch: { ...batch, status: 'approved', approvedBy: approver.trim(), approvedAt: at } };
}

/** Records the bank's result for one line (by creditor id) of an approved or paid batch. */
export function recordPaymentResult(
  batch: RepaymentBatch,
  creditorId: string,
  result: Exclude<PaymentStatus, 'pending'>,
  note?: string,
): BatchTransition {
  if (batch.status === 'draft') return fail(`批次 ${batch.id} 尚未审批，不能登记支付结果`);
  const index = batch.lines.findIndex((l) => l.creditorId === creditorId);
  const line = batch.lines[index];
  if (!line) return fail(`批次 ${batch.id} 中没有集资参与人 ${creditorId} 的清退记录，请核对银行回单的编号或账号`);
  const noteLong = checkLimit('支付结果说明', note?.trim() ?? '', 'note');
  if (noteLong) return fail(noteLong);
  if (line.payment === result) return { ok: true, batch };
  const refused = refusedTransition(batch, line, result);
  if (refused) return fail(refused);
  const lines = batch.lines.slice();
  lines[index] = note === undefined ? { ...line, payment: result } : { ...line, payment: result, paymentNote: note };
  return { ok: true, batch: { ...batch, lines } };
}

const ALLOWED_PAYMENT: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['paid', 'failed'],
  paid: ['returned'],
  failed: [],
  returned: [],
};

/** Why a line may not move to `result`, or null when it may. */
function refusedTransition(batch: RepaymentBatch, line: BatchLine, result: PaymentStatus): string | null {
  if (ALLOWED_PAYMENT[line.payment].includes(result)) return null;
  return `集资参与人 ${line.creditorId} 在批次 ${batch.id} 的支付状态为“${PAYMENT_LABEL[line.payment]}”，不能改为“${PAYMENT_LABEL[result]}”；失败或退回的款项请在后续批次重新清退`;
}

export const PAYMENT_LABEL: Readonly<Record<PaymentStatus, string>> = {
  pending: '待支付',
  paid: '已支付',
  failed: '支付失败',
  returned: '已退回',
};

/** approved → paid, once every line has a bank result. */
export function markBatchPaid(batch: RepaymentBatch, at: string): BatchTransition {
  return markBatchPaidCounted(batch, batch.lines.filter((l) => l.payment === 'pending').length, at);
}

/**
 * markBatchPaid when the caller counted the lines still without a bank result itself (a million
 * lines read block by block, never all held at once); `batch.lines` is not looked at.
 */
export function markBatchPaidCounted(batch: RepaymentBatch, pending: number, at: string): BatchTransition {
  if (batch.status !== 'approved') return fail(`批次 ${batch.id} 状态为${STATUS_LABEL[batch.status]}，只有已审批的批次可以标记为已支付`);
  if (pending > 0) return fail(`批次 ${batch.id} 还有 ${pending} 笔未登记银行支付结果，请先导入银行回单`);
  return { ok: true, batch: { ...batch, status: 'paid', paidAt: at } };
}

/** Amount a line still commits: pending or paid lines of approved/paid batches. */
export function lineCommitsFunds(batch: RepaymentBatch, line: BatchLine): boolean {
  return batch.status !== 'draft' && (line.payment === 'pending' || line.payment === 'paid');
}

/** One row of a bank result file, already matched to a creditor (by reference or account). */
export interface PaymentResultRow {
  readonly creditorId: string;
  readonly result: Exclude<PaymentStatus, 'pending'>;
  readonly note?: string;
}

/**
 * Applies a whole bank result file. Rows that cannot be applied are reported (row number, reason)
 * and skipped; the others are applied, so one bad row does not block a thousand good ones.
 */
export function applyPaymentResults(
  batch: RepaymentBatch,
  rows: readonly PaymentResultRow[],
): { readonly batch: RepaymentBatch; readonly errors: readonly { readonly row: number; readonly message: string }[] } {
  const errors: { row: number; message: string }[] = [];
  if (batch.status === 'draft') {
    return { batch, errors: [{ row: 0, message: `批次 ${batch.id} 尚未审批，不能导入支付结果` }] };
  }
  // One index and one copy for the whole file: a bank file can carry every line of a large batch.
  const position = new Map<string, number>();
  batch.lines.forEach((l, i) => {
    position.set(l.creditorId, i);
  });
  const lines = batch.lines.slice();
  rows.forEach((row, index) => {
    const at = position.get(row.creditorId);
    const line = at === undefined ? undefined : lines[at];
    if (at === undefined || !line) {
      errors.push({ row: index + 1, message: `第 ${index + 1} 行：批次 ${batch.id} 中没有集资参与人 ${row.creditorId}，请核对银行回单的编号或账号` });
      return;
    }
    if (line.payment === row.result) return;
    const refused = refusedTransition(batch, line, row.result);
    if (refused) {
      errors.push({ row: index + 1, message: `第 ${index + 1} 行：${refused}` });
      return;
    }
    lines[at] = row.note === undefined ? { ...line, payment: row.result } : { ...line, payment: row.result, paymentNote: row.note };
  });
  return { batch: { ...batch, lines }, errors };
}
