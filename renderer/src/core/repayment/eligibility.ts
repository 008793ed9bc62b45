// Who takes part in a repayment batch (参与清退资格): verified and not excluded. Everyone left out
// carries the reason the batch page shows next to them.

/** Verification status of a creditor's claim (核实状态). */
export type VerificationStatus = '待核实' | '已核实' | '存疑';

/** Why a creditor is kept out of refunds: 员工, 业务员, 涉案人员, 未登记 (held for later batches). */
export type CreditorExclusion = 'employee' | 'agent' | 'defendant' | 'unregistered';

export interface CreditorForRepayment {
  readonly id: string;
  readonly netClaimFen: number;
  readonly status: VerificationStatus;
  readonly exclusion: CreditorExclusion | null;
}

/** Reason shown for a creditor left out of a batch. 存疑 (disputed) is kept apart from 待核实. */
export type IneligibleReason = '员工' | '业务员' | '涉案人员' | '未登记' | '待核实' | '存疑';

export const EXCLUSION_REASON: Readonly<Record<CreditorExclusion, IneligibleReason>> = {
  employee: '员工',
  agent: '业务员',
  defendant: '涉案人员',
  unregistered: '未登记',
};

export interface EligibilitySplit<C extends CreditorForRepayment> {
  readonly eligible: readonly C[];
  readonly excluded: readonly { readonly creditor: C; readonly reason: IneligibleReason }[];
  /** Σ net claims of the eligible: the denominator of the case refund rate. */
  readonly eligibleNetClaimFen: number;
}

/** The reason a creditor is not eligible, or null when eligible. An exclusion outranks the status. */
export function ineligibleReason(creditor: CreditorForRepayment): IneligibleReason | null {
  if (creditor.exclusion !== null) return EXCLUSION_REASON[creditor.exclusion];
  if (creditor.status === '已核实') return null;
  return creditor.status;
}

export function splitEligible<C extends CreditorForRepayment>(creditors: readonly C[]): EligibilitySplit<C> {
  const eligible: C[] = [];
  const excluded: { creditor: C; reason: IneligibleReason }[] = [];
  let eligibleNetClaimFen = 0;
  for (const creditor of creditors) {
    const reason = ineligibleReason(creditor);
    if (reason === null) {
      eligible.push(creditor);
      eligibleNetClaimFen += creditor.netClaimFen;
    } else {
      excluded.push({ creditor, reason });
    }
  }
  return { eligible, excluded, eligibleNetClaimFen };
}
