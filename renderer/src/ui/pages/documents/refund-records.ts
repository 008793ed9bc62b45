// 清退告知书 data for every creditor of a repayment batch, from the repayment feature's figures
// (repos.repayment.refundNoticeData) and the creditor register's bank details. ID numbers and
// accounts are masked on the notice; the engine's checks (sum and at-most rules) run on every record.
import type { DocumentData } from '../../../core/documents';
import { maskAccount, maskIdNumber } from '../../../core/identity/mask';
import type { RefundNoticeLine } from '../../../db/repositories/repayment-figures';

export interface BatchNoticeInput {
  readonly caseTitle: string;
  readonly batchNumber: number;
  readonly paymentDate: string;
  readonly issueDate: string;
  readonly contactPerson: string;
  readonly contactPhone: string;
  readonly officeName: string;
}

export interface BankDetails {
  readonly bankName?: string | undefined;
  readonly bankAccount?: string | undefined;
}

export function refundNoticeRecords(
  lines: readonly RefundNoticeLine[],
  bank: ReadonlyMap<string, BankDetails>,
  input: BatchNoticeInput,
): { records: DocumentData[]; names: string[] } {
  const records = lines.map((l): DocumentData => {
    const b = bank.get(l.cid);
    const creditor: Record<string, string> = { name: l.name };
    if (l.idNumber) creditor.idMasked = maskIdNumber(l.idNumber);
    const record: Record<string, DocumentData[string]> = {
      creditor: creditor as { name: string },
      caseTitle: input.caseTitle,
      batchName: `第${input.batchNumber}批`,
      netClaim: l.cumulativeFen + l.remainingFen,
      thisBatch: l.batchFen,
      cumulativePaid: l.cumulativeFen,
      remaining: l.remainingFen,
      paymentDate: input.paymentDate,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      officeName: input.officeName,
      issueDate: input.issueDate,
    };
    if (b?.bankName) record.bankName = b.bankName;
    if (b?.bankAccount) record.accountMasked = maskAccount(b.bankAccount);
    return record;
  });
  return { records, names: lines.map((l) => l.name) };
}
