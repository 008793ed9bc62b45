// Four eyes on money (四眼原则): the rules that keep one person from doing every step of a payment
// alone. Pure; the repositories call them inside their write transactions and audit every refusal.
import type { Person } from './types';

/**
 * What the office chose in settings. A small office (one or two people) may relax named rules; any
 * office may let the approver record payment results. Every record made under a relaxation says so.
 */
export interface FourEyesPolicy {
  readonly smallOffice: boolean;
  /** Small office only: the person who computed a batch may approve it. */
  readonly selfApproval: boolean;
  /** Small office only: who changed a verified creditor's account or net claim may verify it again. */
  readonly selfReverification: boolean;
  /** Any office: the approver of a batch may also record its payment results. */
  readonly approverRecordsPayments: boolean;
}

export const DEFAULT_POLICY: FourEyesPolicy = { smallOffice: false, selfApproval: false, selfReverification: false, approverRecordsPayments: false };

export type Relaxation = 'selfApproval' | 'selfReverification' | 'approverRecordsPayments';

export const RELAXATION_LABELS: Readonly<Record<Relaxation, string>> = {
  selfApproval: '计算人本人审批（小型办公室）',
  selfReverification: '修改人本人重新核实（小型办公室）',
  approverRecordsPayments: '审批人本人登记支付结果（单位设置）',
};

export function relaxationInForce(policy: FourEyesPolicy, relaxation: Relaxation): boolean {
  if (relaxation === 'approverRecordsPayments') return policy.approverRecordsPayments;
  return policy.smallOffice && policy[relaxation];
}

/** The outcome of a four-eyes check: refused with the reason, or allowed (perhaps under a relaxation). */
export type FourEyesVerdict = { readonly ok: true; readonly relaxed: Relaxation | null } | { readonly ok: false; readonly message: string };

const allowed: FourEyesVerdict = { ok: true, relaxed: null };

/** A batch is approved by someone who did not compute it (or recompute it). */
export function checkApprover(batchNumber: number, computedBy: readonly Person[], approver: Person, policy: FourEyesPolicy): FourEyesVerdict {
  if (!computedBy.some((p) => p.id === approver.id)) return allowed;
  if (relaxationInForce(policy, 'selfApproval')) return { ok: true, relaxed: 'selfApproval' };
  return {
    ok: false,
    message: `第 ${batchNumber} 批由你（${approver.name}）计算，须由另一位具有“审批”角色的用户审批：钱款发放须两人经手。`,
  };
}

/** Payment results are recorded by someone other than the batch's approver. */
export function checkPaymentRecorder(batchNumber: number, approver: Person | null, recorder: Person, policy: FourEyesPolicy): FourEyesVerdict {
  if (!approver || approver.id !== recorder.id) return allowed;
  if (relaxationInForce(policy, 'approverRecordsPayments')) return { ok: true, relaxed: 'approverRecordsPayments' };
  return {
    ok: false,
    message: `第 ${batchNumber} 批由你（${recorder.name}）审批，支付结果须由审批人以外的人登记；单位如接受由一人完成，可由管理员在“用户与权限”中设置。`,
  };
}

/** A change to a verified creditor's bank account or net claim waits for someone else's verification. */
export interface PendingChange {
  /** Everyone who changed these fields since the last verification: none of them may verify. */
  readonly changedBy: readonly Person[];
  readonly at: string;
  readonly fields: readonly ('bankAccount' | 'netClaim')[];
}

export const CHANGED_FIELD_LABELS: Readonly<Record<PendingChange['fields'][number], string>> = {
  bankAccount: '银行账号',
  netClaim: '核定清退基数',
};

export function describePendingChange(p: PendingChange): string {
  return `${p.fields.map((f) => CHANGED_FIELD_LABELS[f]).join('和')}已由${p.changedBy.map((x) => x.name).join('、')}在核实后修改`;
}

export function checkVerifier(creditorName: string, pending: PendingChange | undefined, verifier: Person, policy: FourEyesPolicy): FourEyesVerdict {
  if (!pending?.changedBy.some((p) => p.id === verifier.id)) return allowed;
  if (relaxationInForce(policy, 'selfReverification')) return { ok: true, relaxed: 'selfReverification' };
  return {
    ok: false,
    message: `${creditorName}：${describePendingChange(pending)}，须由修改人以外的人重新核实。`,
  };
}
