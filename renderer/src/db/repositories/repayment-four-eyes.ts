// The four-eyes checks of a repayment batch (审批、导出、支付登记), over data the repository has
// already loaded. Refusals are audited by the repository; the rules themselves are in core/users.
import { checkApprover, checkPaymentRecorder, describePendingChange, type FourEyesPolicy, type PendingChange, type Relaxation } from '../../core/users/four-eyes';
import type { Person } from '../../core/users/types';
import type { AllocationLineRecord, RelaxationRecord, RepaymentBatchRow } from '../records';
import { type Actor, actorPerson } from '../session';
import type { RepaymentCreditor } from './repayment-types';

/** Lines (with an amount) whose creditor changed account or net claim after verification. */
export function pendingChangeMessage(row: RepaymentBatchRow, lines: readonly AllocationLineRecord[], creditors: ReadonlyMap<string, RepaymentCreditor>, doing: string): string | null {
  const pending: { readonly name: string; readonly change: PendingChange }[] = [];
  for (const l of lines) {
    const c = l.amountFen > 0 ? creditors.get(l.cid) : undefined;
    const change = c?.review?.pendingChange;
    if (c && change) pending.push({ name: c.name, change });
  }
  if (pending.length === 0) return null;
  const named = pending.slice(0, 5).map((p) => `${p.name}（${describePendingChange(p.change)}）`);
  const more = pending.length > 5 ? ` 等 ${pending.length} 人` : '';
  return `第 ${row.number} 批不能${doing}：${named.join('、')}${more}，须由修改人以外的人在集资参与人名单中重新核实后才能继续。`;
}

export function approverVerdict(row: RepaymentBatchRow, actor: Actor, policy: FourEyesPolicy) {
  const person = personOf(actor);
  if (!person) return { ok: true as const, relaxed: null };
  return checkApprover(row.number, row.computedBy ?? [], person, policy);
}

export function recorderVerdict(row: RepaymentBatchRow, actor: Actor, policy: FourEyesPolicy) {
  const person = personOf(actor);
  if (!person) return { ok: true as const, relaxed: null };
  return checkPaymentRecorder(row.number, row.approver ?? null, person, policy);
}

/** Four-eyes rules apply between signed-in users only (before users existed nobody can be told apart). */
export function personOf(actor: Actor): Person | null {
  return actor.kind === 'user' ? { id: actor.id, name: actor.name } : null;
}

export function withRelaxation(row: RepaymentBatchRow, relaxed: Relaxation | null, actor: Actor, at: string): Pick<RepaymentBatchRow, 'relaxations'> | Record<string, never> {
  const by = personOf(actor);
  if (!relaxed || !by) return {};
  const record: RelaxationRecord = { relaxation: relaxed, by, at };
  return { relaxations: [...(row.relaxations ?? []), record] };
}

/** computedBy after this actor computed (or recomputed) the batch. */
export function addComputer(row: Pick<RepaymentBatchRow, 'computedBy'> | null, actor: Actor): readonly Person[] {
  const list = row?.computedBy ?? [];
  const me = actorPerson(actor);
  if (!me || list.some((p) => p.id === me.id)) return list;
  return [...list, me];
}
