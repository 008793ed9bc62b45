// 清退告知书 data for every creditor of a repayment batch, from the repayment feature's figures
// (repos.repayment.refundNoticeData) and the creditor register (bank details, ID type). ID numbers
// and accounts are masked on the notice; the engine's checks (sum and at-most rules) run on every
// record. Creditors of the register without a notice are listed with the reason.
import type { DocumentData, DocumentTemplate } from '../../../core/documents';
import { maskAccount, maskIdNumber } from '../../../core/identity/mask';
import { ineligibleReason } from '../../../core/repayment';
import type { RefundNoticeLine } from '../../../db/repositories/repayment-figures';
import type { RepaymentCreditor } from '../../../db/repositories/repayment-types';

export interface BatchNoticeInput {
  readonly caseTitle: string;
  readonly batchNumber: number;
  readonly paymentDate: string;
  readonly issueDate: string;
  readonly contactPerson: string;
  readonly contactPhone: string;
  readonly officeName: string;
  /** "20.00%": the batch's ratio (allocated / remaining claims of the eligible). */
  readonly ratio: string;
  readonly objectionPlace: string;
}

export interface CreditorDetails {
  readonly bankName?: string | undefined;
  readonly bankAccount?: string | undefined;
  readonly idType?: string | undefined;
}

/** A template field's own default (the objection period, the checked citation). */
function defaultOf(template: DocumentTemplate | undefined, key: string): string | undefined {
  return template?.fields.find((f) => f.key === key)?.default;
}

export function refundNoticeRecords(
  lines: readonly RefundNoticeLine[],
  details: ReadonlyMap<string, CreditorDetails>,
  input: BatchNoticeInput,
  template?: DocumentTemplate,
): { records: DocumentData[]; names: string[] } {
  const records = lines.map((l): DocumentData => {
    const b = details.get(l.cid);
    const creditor: Record<string, string> = { name: l.name };
    if (b?.idType) creditor.idType = b.idType;
    if (l.idNumber) creditor.idMasked = maskIdNumber(l.idNumber);
    const record: Record<string, DocumentData[string]> = {
      creditor: creditor as { name: string },
      caseTitle: input.caseTitle,
      batchName: `第${input.batchNumber}批`,
      ratio: input.ratio,
      netClaim: l.cumulativeFen + l.remainingFen,
      thisBatch: l.batchFen,
      cumulativePaid: l.cumulativeFen,
      remaining: l.remainingFen,
      paymentDate: input.paymentDate,
      objectionPlace: input.objectionPlace,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      officeName: input.officeName,
      issueDate: input.issueDate,
    };
    for (const key of ['objectionDays', 'fundsBasis']) {
      const v = defaultOf(template, key);
      if (v) record[key] = v;
    }
    if (b?.bankName) record.bankName = b.bankName;
    if (b?.bankAccount) record.accountMasked = maskAccount(b.bankAccount);
    return record;
  });
  return { records, names: lines.map((l) => l.name) };
}

export interface LeftOut {
  readonly name: string;
  readonly reason: string;
}

/** Every creditor of the register who gets no notice in this batch, and why. */
export function creditorsLeftOut(creditors: readonly RepaymentCreditor[], lines: readonly RefundNoticeLine[]): LeftOut[] {
  const noticed = new Set(lines.map((l) => l.cid));
  return creditors
    .filter((c) => !noticed.has(c.cid))
    .map((c) => {
      const reason = ineligibleReason({ id: c.cid, netClaimFen: c.netClaimFen, status: c.status, exclusion: c.exclusion });
      if (reason) return { name: c.name, reason: reason === '待核实' || reason === '存疑' ? `核实状态为“${reason}”，不参加清退` : `${reason}，不参加清退` };
      if (c.netClaimFen <= 0) return { name: c.name, reason: '核定清退基数为零，没有可清退的金额' };
      return { name: c.name, reason: '本批次没有清退金额（已清退完毕，或者支付失败、退回待下批重发）' };
    });
}

/** "3 名集资参与人未出具告知书：员工，不参加清退 2 名（张三、李四）；…" */
export function leftOutSummary(left: readonly LeftOut[]): string {
  if (left.length === 0) return '';
  const byReason = new Map<string, string[]>();
  for (const l of left) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.name]);
  const parts = [...byReason].map(([reason, names]) => `${reason} ${names.length} 名（${names.slice(0, 10).join('、')}${names.length > 10 ? '等' : ''}）`);
  return `${left.length} 名集资参与人未出具告知书：${parts.join('；')}。`;
}
