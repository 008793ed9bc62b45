import type { AuditEntry } from '../core/audit/audit-entry';
import type { AnchorVerdict } from '../core/audit/chain-anchor';
import { compareState, describeMismatch, type RecordMismatch, type RecordState, recordState } from '../core/audit/record-state';
import { type AuditChainVerdict, verifyAuditChain } from '../core/audit/verify-chain';
import { formatFen } from '../core/money/format-money';
import type { AuditAnchorKeeper } from './audit-anchor';
import { STATE_SOURCES } from './audit-state';
import type { WorkstationDb } from './database';
import { recordNames } from './repositories/audit-names';

// Verifying the audit log (审计日志核对) is three checks: the chain itself (no entry changed, removed
// or inserted), the chain against its anchor outside the database (no newest entries deleted, no
// log cleared or started again), and the records against the states their last entries recorded
// (no edit made outside the app). Creditor registers (up to a million people) are checked in a
// bounded way: the register row against its recorded state, then its creditors summed block by
// block (one block in memory at a time) against the register's count and totals.

export interface RegisterMismatch {
  readonly caseId: string;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly chain: AuditChainVerdict;
  /** Null when no anchor is kept (tests without a platform). */
  readonly anchor: AnchorVerdict | null;
  readonly records: readonly RecordMismatch[];
  readonly registers: readonly RegisterMismatch[];
  /** Records compared with their last recorded state. */
  readonly checkedRecords: number;
  readonly checkedCreditors: number;
  /** Every problem found, in Chinese, worst first. */
  readonly problems: readonly string[];
}

interface LastState {
  readonly entity: string;
  readonly id: string;
  readonly entry: AuditEntry;
  readonly state: RecordState | null;
}

export async function verifyAudit(db: WorkstationDb, keeper: AuditAnchorKeeper | null): Promise<AuditVerification> {
  const entries = await db.audit.orderBy('seq').toArray();
  const chain = verifyAuditChain(entries);
  const anchor = keeper ? await keeper.check() : null;

  const last = new Map<string, LastState>();
  for (const entry of entries) {
    if (entry.state === undefined) continue;
    const source = STATE_SOURCES[entry.entity];
    if (!source) continue;
    const id = source.recordId(entry.entityId);
    last.set(`${entry.entity}:${id}`, { entity: entry.entity, id, entry, state: entry.state });
  }
  const names = await recordNames(db, [...last.values()].map((l) => l.entry));
  const nameOf = (l: LastState) => names.get(`${l.entity === 'creditors' ? 'cases' : l.entity}:${l.id}`) ?? l.id;

  const records: RecordMismatch[] = [];
  for (const l of last.values()) {
    const source = STATE_SOURCES[l.entity];
    if (!source) continue;
    const current = await source.read(db, l.id);
    const difference = compareState(l.state, recordState(current));
    if (difference) records.push({ entity: l.entity, entityId: l.id, name: nameOf(l), seq: l.entry.seq, difference });
  }

  const { registers, creditors } = await checkRegisters(db, names);

  const problems: string[] = [];
  if (!chain.ok) problems.push(chain.message);
  if (anchor && 'message' in anchor) problems.push(anchor.message);
  for (const r of records) problems.push(describeMismatch(r));
  for (const r of registers) problems.push(r.message);
  return {
    ok: problems.length === 0,
    chain,
    anchor,
    records,
    registers,
    checkedRecords: last.size,
    checkedCreditors: creditors,
    problems,
  };
}

async function checkRegisters(db: WorkstationDb, names: Map<string, string>): Promise<{ registers: RegisterMismatch[]; creditors: number }> {
  const registers: RegisterMismatch[] = [];
  let creditors = 0;
  for (const register of await db.creditorRegisters.toArray()) {
    let count = 0;
    let principalFen = 0;
    let returnedFen = 0;
    let netClaimFen = 0;
    await db.creditorBlocks
      .where('[caseId+generation]')
      .equals([register.caseId, register.generation])
      .each((block) => {
        for (const c of block.creditors) {
          count++;
          principalFen += c.principalFen;
          returnedFen += c.returnedFen;
          netClaimFen += c.netClaimFen;
        }
      });
    creditors += count;
    const name = names.get(`cases:${register.caseId}`) ?? (await db.cases.get(register.caseId))?.caseNumber ?? register.caseId;
    const what = `集资参与人名单 ${name}`;
    if (count !== register.count) {
      registers.push({ caseId: register.caseId, message: `${what} 的 人数 与名单记录不符：记录为 ${register.count} 人，实有 ${count} 人（在本应用之外被增删）。` });
    }
    const t = register.totals;
    const wrong = [
      principalFen !== t.principalFen ? `投资本金（记录 ${formatFen(t.principalFen)} 元，实为 ${formatFen(principalFen)} 元）` : '',
      returnedFen !== t.returnedFen ? `已获收益（记录 ${formatFen(t.returnedFen)} 元，实为 ${formatFen(returnedFen)} 元）` : '',
      netClaimFen !== t.netClaimFen ? `核定清退基数（记录 ${formatFen(t.netClaimFen)} 元，实为 ${formatFen(netClaimFen)} 元）` : '',
    ].filter(Boolean);
    if (wrong.length > 0) registers.push({ caseId: register.caseId, message: `${what} 的金额合计与名单记录不符：${wrong.join('；')}。有人的金额在本应用之外被改动。` });
  }
  return { registers, creditors };
}
