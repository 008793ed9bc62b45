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

/** Why a creditor of the register gets no notice in this batch (one who has a line of it does). */
export function leftOutReason(c: RepaymentCreditor): string {
  const reason = ineligibleReason({ id: c.cid, netClaimFen: c.netClaimFen, status: c.status, exclusion: c.exclusion });
  if (reason) return reason === '待核实' || reason === '存疑' ? `核实状态为“${reason}”，不参加清退` : `${reason}，不参加清退`;
  if (c.netClaimFen <= 0) return '核定清退基数为零，没有可清退的金额';
  return '本批次没有清退金额（已清退完毕，或者支付失败、退回待下批重发）';
}

/** Names shown per reason in the summary; the rest are counted (“等”). */
const NAMES_SHOWN = 10;

/**
 * The creditors of the register without a notice, counted by reason in the order the reasons first
 * appear, as the register is read a few blocks at a time (issue 17): only the count and the first
 * names of each reason are kept, never the creditors.
 */
export class LeftOutTally {
  private readonly byReason = new Map<string, { count: number; names: string[] }>();
  private total = 0;

  constructor(private readonly noticed: ReadonlySet<string>) {}

  /** Takes the next creditors of the register, in register order. */
  add(creditors: readonly RepaymentCreditor[]): void {
    for (const c of creditors) {
      if (this.noticed.has(c.cid)) continue;
      const reason = leftOutReason(c);
      let entry = this.byReason.get(reason);
      if (!entry) {
        entry = { count: 0, names: [] };
        this.byReason.set(reason, entry);
      }
      entry.count++;
      if (entry.names.length < NAMES_SHOWN) entry.names.push(c.name);
      this.total++;
    }
  }

  /** "3 名集资参与人未出具告知书：员工，不参加清退 2 名（张三、李四）；…"; '' when everyone has one. */
  summary(): string {
    if (this.total === 0) return '';
    const parts = [...this.byReason].map(([reason, { count, names }]) => `${reason} ${count} 名（${names.join('、')}${count > NAMES_SHOWN ? '等' : ''}）`);
    return `${this.total} 名集资参与人未出具告知书：${parts.join('；')}。`;
  }
}
