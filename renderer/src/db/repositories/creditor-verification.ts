// Verification decisions (核实：已核实、存疑、排除) for one creditor or many at once, by a 审核 user.
// All or nothing: if any of the chosen creditors may not be verified by this user (a change of
// theirs waits for someone else), nothing changes and the refusal names them. One audit entry per
// action. Bulk verification over a selection or filter builds on this method.
import type { CreditorStatus, Exclusion } from '../../core/creditors';
import { reviewDecision } from '../../core/creditors/review';
import { DEFAULT_POLICY, RELAXATION_LABELS } from '../../core/users/four-eyes';
import { auditRefusal, authorizeIn } from '../access';
import { appendAudit } from '../audit-writer';
import type { CreditorBlockRow, CreditorRegisterRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { actorPerson, readAccess } from '../session';
import { registerTotals } from './creditor-merge';
import type { StoredCreditor } from './creditor-types';

/**
 * What to set; a field left undefined keeps each creditor's own value (a bulk exclusion keeps
 * everyone's status). `note`: why they are 存疑 — required when setting 存疑.
 */
export interface VerificationDecision {
  readonly status?: CreditorStatus;
  readonly exclusion?: Exclusion;
  readonly note?: string;
}

/** The reason of a 存疑 decision, at most this long (it is shown in the table's tooltip and exports). */
export const STATUS_NOTE_MAX = 200;

/** A decision's own fault (no reason for 存疑, nothing to set), in Chinese naming the field; null when fine. */
export function decisionProblem(decision: VerificationDecision): string | null {
  if (decision.status === undefined && decision.exclusion === undefined) return '请选择要设置的核实状态或排除情形。';
  const note = decision.note?.trim() ?? '';
  if (decision.status === '存疑' && note === '') return '存疑原因：请写明存疑的原因（例如“合同原件金额与名单不符”），以便他人复核。';
  if (note.length > STATUS_NOTE_MAX) return `存疑原因：最多 ${STATUS_NOTE_MAX} 个字，现有 ${note.length} 个字，请精简。`;
  return null;
}

export type VerificationResult = { readonly ok: true; readonly changed: number } | { readonly ok: false; readonly message: string };

export async function setVerification(ctx: RepositoryContext, caseId: string, cids: readonly string[], decision: VerificationDecision): Promise<VerificationResult> {
  if (cids.length === 0) return { ok: false, message: '请先选择要核实的集资参与人。' };
  const problem = decisionProblem(decision);
  if (problem) return { ok: false, message: problem };
  const note = decision.note?.trim() ?? '';
  const { db } = ctx;
  const registers = db.table<CreditorRegisterRow, string>('creditorRegisters');
  const now = ctx.now();
  const at = now.toISOString();
  const wanted = new Set(cids);
  const entityId = cids.length === 1 ? `${caseId}/${cids[0]}` : caseId;
  return db.transaction('rw', [db.creditorBlocks, registers, db.audit, db.settings], async () => {
    const what = { ...(decision.status ? { status: decision.status } : {}), ...(decision.exclusion !== undefined ? { exclusion: decision.exclusion } : {}), ...(note ? { statusNote: note } : {}) };
    const attempt = { entity: 'creditors', entityId, details: { ...what, count: cids.length } };
    const allowed = await authorizeIn(db, 'creditors.verify', attempt, now);
    if (!allowed.ok) return { ok: false as const, message: allowed.message };
    const actor = actorPerson(allowed.actor);
    const policy = (await readAccess(db))?.policy ?? DEFAULT_POLICY;
    const pointer = await registers.get(caseId);
    if (!pointer) return { ok: false as const, message: '本案还没有集资参与人名单。' };
    const blocks = await db.creditorBlocks.where('[caseId+generation]').equals([caseId, pointer.generation]).toArray();
    const refused: string[] = [];
    const before: StoredCreditor[] = [];
    const after: StoredCreditor[] = [];
    let relaxed = 0;
    const changedBlocks: CreditorBlockRow[] = [];
    for (const block of blocks) {
      let creditors: StoredCreditor[] | null = null;
      block.creditors.forEach((c, i) => {
        if (!wanted.has(c.cid)) return;
        wanted.delete(c.cid);
        const wantedDecision = { status: decision.status ?? c.status, exclusion: decision.exclusion === undefined ? c.exclusion : decision.exclusion };
        const outcome = actor ? reviewDecision(c, wantedDecision, actor, policy, at) : { ok: true as const, creditor: { ...c, ...wantedDecision }, relaxed: null };
        if (!outcome.ok) {
          refused.push(outcome.message);
          return;
        }
        if (outcome.relaxed) relaxed++;
        const next: StoredCreditor = withStatusNote({ ...outcome.creditor, cid: c.cid }, decision.status === '存疑' ? note : decision.status === undefined ? c.statusNote : undefined);
        before.push(c);
        after.push(next);
        creditors ??= block.creditors.slice();
        creditors[i] = next;
      });
      if (creditors) changedBlocks.push({ ...block, creditors });
    }
    if (wanted.size > 0) return { ok: false as const, message: `有 ${wanted.size} 名参与人已不在本案名单中（可能已被新的导入替换），请刷新名单后重试。` };
    if (refused.length > 0) {
      const message = `${refused.slice(0, 5).join('；')}${refused.length > 5 ? `；等 ${refused.length} 人` : ''}。本次核实未作任何改动。`;
      await auditRefusal(db, attempt, message, now, 'creditors.verify');
      return { ok: false as const, message };
    }
    await db.creditorBlocks.bulkPut(changedBlocks);
    const all = blocks.flatMap((b) => changedBlocks.find((c) => c.id === b.id)?.creditors ?? b.creditors);
    await registers.put({ ...pointer, totals: registerTotals(all), updatedAt: at });
    const change =
      after.length === 1
        ? { before: before[0] ?? null, after: after[0] ?? null }
        : { before: { count: before.length, statuses: countBy(before) }, after: { ...what, count: after.length, cids: cidRanges(after) } };
    const relaxedNote = relaxed > 0 ? { relaxed: RELAXATION_LABELS.selfReverification, relaxedCount: relaxed } : {};
    await appendAudit(db, { action: 'update', entity: 'creditors', entityId, before: change.before, after: after.length === 1 ? change.after : { ...(change.after as object), ...relaxedNote } }, now);
    return { ok: true as const, changed: after.length };
  });
}

/** The 存疑 reason goes with the status: set with 存疑, gone when the status changes. */
function withStatusNote(c: StoredCreditor, note: string | undefined): StoredCreditor {
  if (c.status === '存疑' && note) return { ...c, statusNote: note };
  if (c.statusNote === undefined) return c;
  const { statusNote: _gone, ...rest } = c;
  return rest;
}

/**
 * The cids of a bulk action as runs ("1-5000, 5002"): a filter of 100,000 creditors is mostly
 * consecutive, and one audit entry stays small while naming every creditor it changed.
 */
export function cidRanges(creditors: readonly StoredCreditor[]): string {
  const numbers = creditors.map((c) => Number(c.cid)).sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < numbers.length) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] as number) + 1) j++;
    parts.push(j === i ? String(numbers[i]) : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

function countBy(creditors: readonly StoredCreditor[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of creditors) out[c.status] = (out[c.status] ?? 0) + 1;
  return out;
}
