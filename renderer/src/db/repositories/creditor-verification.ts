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

/**
 * The register the page holds (its LoadedRegister), handed with a decision so that the page can
 * update its columns in place instead of reading the register again (issue 17: reading 100k
 * creditors back cost as much as the verification itself). Only a hint: storage stays the truth.
 */
export interface VerificationBasis {
  readonly generation: number;
  /** The register pointer's updatedAt when the page read it. */
  readonly updatedAt?: string;
  /** The blocks (seqs) holding the chosen creditors: read first, the rest only if some are not there. */
  readonly seqs?: readonly number[];
}

/** What a verification stored, for the page that asked with a basis. */
export interface VerificationApplied {
  readonly generation: number;
  /** The page's register was the stored one right before this change: updating its rows in place is exact. */
  readonly current: boolean;
  /** The register pointer's new updatedAt. */
  readonly updatedAt: string;
  /** Each chosen creditor as now stored. */
  readonly creditors: readonly StoredCreditor[];
}

export type VerificationResult =
  | { readonly ok: true; readonly changed: number; readonly applied?: VerificationApplied }
  | { readonly ok: false; readonly message: string };

/**
 * One transaction: the role check, each chosen creditor's decision (four eyes), the blocks whose
 * creditors really change rewritten (a creditor already so verified stays as stored), the pointer's
 * updatedAt moved and one audit entry. The totals are kept: a decision changes no amount.
 */
export async function setVerification(
  ctx: RepositoryContext,
  caseId: string,
  cids: readonly string[],
  decision: VerificationDecision,
  basis?: VerificationBasis,
): Promise<VerificationResult> {
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
    const refused: string[] = [];
    const before: StoredCreditor[] = [];
    const after: StoredCreditor[] = [];
    let relaxed = 0;
    const changedBlocks: CreditorBlockRow[] = [];
    const decide = (blocks: readonly (CreditorBlockRow | undefined)[]) => {
      for (const block of blocks) {
        if (!block) continue;
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
          const decided: StoredCreditor = withStatusNote({ ...outcome.creditor, cid: c.cid }, decision.status === '存疑' ? note : decision.status === undefined ? c.statusNote : undefined);
          before.push(c);
          after.push(decided);
          // Already so: the stored record stays (its block need not be written for it).
          if (sameVerification(c, decided)) return;
          creditors ??= block.creditors.slice();
          creditors[i] = decided;
        });
        if (creditors) changedBlocks.push({ ...block, creditors });
      }
    };
    const { generation } = pointer;
    const hinted = basis?.generation === generation && basis.seqs ? [...new Set(basis.seqs)] : null;
    if (hinted) decide(await db.creditorBlocks.bulkGet(hinted.map((seq) => blockId(caseId, generation, seq))));
    if (!hinted || wanted.size > 0) {
      // Without a basis (or some chosen creditor not where the page saw it): every block of the register.
      const done = new Set(hinted ?? []);
      const keys = (await db.creditorBlocks.where('[caseId+generation]').equals([caseId, generation]).primaryKeys()) as string[];
      const rest = keys.filter((k) => !done.has(Number(k.slice(k.lastIndexOf('#') + 1))));
      decide(await db.creditorBlocks.bulkGet(rest));
    }
    if (wanted.size > 0) return { ok: false as const, message: `有 ${wanted.size} 名参与人已不在本案名单中（可能已被新的导入替换），请刷新名单后重试。` };
    if (refused.length > 0) {
      const message = `${refused.slice(0, 5).join('；')}${refused.length > 5 ? `；等 ${refused.length} 人` : ''}。本次核实未作任何改动。`;
      await auditRefusal(db, attempt, message, now, 'creditors.verify');
      return { ok: false as const, message };
    }
    if (changedBlocks.length > 0) await db.creditorBlocks.bulkPut(changedBlocks);
    await registers.put({ ...pointer, updatedAt: at });
    const change =
      after.length === 1
        ? { before: before[0] ?? null, after: after[0] ?? null }
        : { before: { count: before.length, statuses: countBy(before) }, after: { ...what, count: after.length, cids: cidRanges(after) } };
    const relaxedNote = relaxed > 0 ? { relaxed: RELAXATION_LABELS.selfReverification, relaxedCount: relaxed } : {};
    await appendAudit(db, { action: 'update', entity: 'creditors', entityId, before: change.before, after: after.length === 1 ? change.after : { ...(change.after as object), ...relaxedNote } }, now);
    const applied = basis ? { applied: { generation, current: basis.generation === generation && basis.updatedAt === pointer.updatedAt, updatedAt: at, creditors: after } } : {};
    return { ok: true as const, changed: after.length, ...applied };
  });
}

const blockId = (caseId: string, generation: number, seq: number) => `${caseId}#${generation}#${seq}`;

/** Whether a decision leaves a creditor's verification as stored (status, exclusion, 存疑 reason, review). */
function sameVerification(a: StoredCreditor, b: StoredCreditor): boolean {
  if (a.status !== b.status || a.exclusion !== b.exclusion || a.statusNote !== b.statusNote) return false;
  return a.review === b.review || JSON.stringify(a.review ?? null) === JSON.stringify(b.review ?? null);
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
