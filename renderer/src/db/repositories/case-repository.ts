import type { CaseDraft, CaseField } from '../../core/cases/case-draft';
import type { CaseFile, CaseParty, CaseStage, StageChange } from '../../core/cases/case-file';
import { applyStageChange, checkStageChange } from '../../core/cases/stage-change';
import { type ValidCaseValues, validateCaseDraft } from '../../core/cases/validate-case';
import type { FieldErrors } from '../../core/common/field-errors';
import { localIsoDate } from '../../core/common/iso-date';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';
import { currentActorName } from '../session';

export interface CaseWithParties {
  readonly caseFile: CaseFile;
  readonly parties: readonly CaseParty[];
}

export type CaseSaveResult =
  | { readonly ok: true; readonly caseId: string }
  | { readonly ok: false; readonly errors: FieldErrors<CaseField> };

export type StageChangeResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: 'stage' | 'date' | 'note'; readonly message: string };

/** The only writer of cases and their parties; each write is audited in the same transaction. */
export class CaseRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  /** Every case with its parties' names and numbers (统一社会信用代码, ID), for the list's search. */
  async listWithPartyNames(): Promise<{ caseFile: CaseFile; partyNames: string[]; partyIds: string[] }[]> {
    const { db } = this.ctx;
    const [cases, parties] = await Promise.all([db.cases.toArray(), db.parties.toArray()]);
    const names = new Map<string, string[]>();
    const ids = new Map<string, string[]>();
    for (const p of parties) {
      names.set(p.caseId, [...(names.get(p.caseId) ?? []), p.name]);
      if (p.idNumber) ids.set(p.caseId, [...(ids.get(p.caseId) ?? []), p.idNumber]);
    }
    return cases.map((caseFile) => ({ caseFile, partyNames: names.get(caseFile.id) ?? [], partyIds: ids.get(caseFile.id) ?? [] }));
  }

  async get(id: string): Promise<CaseWithParties | undefined> {
    const { db } = this.ctx;
    const caseFile = await db.cases.get(id);
    if (!caseFile) return undefined;
    const parties = await db.parties.where('caseId').equals(id).toArray();
    return { caseFile, parties: orderParties(parties) };
  }

  async create(draft: CaseDraft, districts: readonly string[]): Promise<CaseSaveResult> {
    await requirePermission(this.ctx, 'cases.write', { entity: 'cases', entityId: 'new', details: { caseNumber: draft.caseNumber } });
    const now = this.ctx.now();
    const checked = validateCaseDraft(draft, { districts, today: localIsoDate(now) });
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    return db.transaction('rw', [db.cases, db.parties, db.audit, db.settings], async () => await addCaseIn(this.ctx, checked.value, now));
  }

  /** Edits the case's fields and parties; the stage moves only through changeStage. */
  async update(id: string, draft: CaseDraft, districts: readonly string[]): Promise<CaseSaveResult> {
    await requirePermission(this.ctx, 'cases.write', { entity: 'cases', entityId: id });
    const now = this.ctx.now();
    const checked = validateCaseDraft(draft, { districts, today: localIsoDate(now) });
    if (!checked.ok) return checked;
    const v = checked.value;
    const { db } = this.ctx;
    return db.transaction('rw', [db.cases, db.parties, db.audit, db.settings], async () => {
      const before = await this.get(id);
      if (!before) return { ok: false as const, errors: { caseNumber: '该案件已不存在（可能已被恢复的备份替换），请返回案件列表。' } };
      const clash = await numberTaken(this.ctx, v.caseNumber, id);
      if (clash) return clash;
      const caseFile: CaseFile = { ...before.caseFile, ...caseFields(v), updatedAt: now.toISOString() };
      const parties = v.parties.map((p, i) => toParty(p, id, this.ctx.newId, i));
      await db.cases.put(caseFile);
      await db.parties.where('caseId').equals(id).delete();
      await db.parties.bulkAdd(parties);
      await appendAudit(db, { action: 'update', entity: 'cases', entityId: id, before, after: { caseFile, parties } }, now);
      return { ok: true as const, caseId: id };
    });
  }

  async changeStage(id: string, stage: CaseStage, date: string, note: string): Promise<StageChangeResult> {
    await requirePermission(this.ctx, 'cases.write', { entity: 'cases', entityId: id, details: { stage } });
    const now = this.ctx.now();
    const { db } = this.ctx;
    // parties too: the audit entry records the case's state, parties included.
    return db.transaction('rw', [db.cases, db.parties, db.audit, db.settings], async () => {
      const caseFile = await db.cases.get(id);
      if (!caseFile) return { ok: false as const, field: 'stage' as const, message: '该案件已不存在，请返回案件列表。' };
      const check = checkStageChange(caseFile, stage, date, localIsoDate(now), note);
      if (!check.ok) return check;
      const operator = await this.operatorName();
      const change: StageChange = {
        stage,
        date,
        note: note.trim(),
        operator,
        recordedAt: now.toISOString(),
      };
      const after = applyStageChange(caseFile, change);
      await db.cases.put(after);
      await appendAudit(
        db,
        { action: 'stage-change', entity: 'cases', entityId: id, before: { stage: caseFile.stage }, after: change },
        now,
      );
      return { ok: true as const };
    });
  }

  /** Showing a person's full ID number is a deliberate act and leaves a trace. */
  async recordReveal(caseId: string, party: CaseParty): Promise<void> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'parties', entityId: party.id, details: { caseId, field: 'idNumber', name: party.name } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(
        db,
        { action: 'reveal', entity: 'parties', entityId: party.id, before: null, after: { caseId, field: 'idNumber', name: party.name } },
        this.ctx.now(),
      ),
    );
  }

  private operatorName(): Promise<string> {
    return currentActorName(this.ctx.db);
  }

}

/**
 * Stores a checked new case with its parties, audited, inside the caller's transaction (which holds
 * cases, parties, audit and settings): CaseRepository.create, and the screening ledger's 移送公安 that
 * creates the case and its disposition together.
 */
export async function addCaseIn(ctx: RepositoryContext, v: ValidCaseValues, now: Date): Promise<CaseSaveResult> {
  const { db } = ctx;
  const clash = await numberTaken(ctx, v.caseNumber, null);
  if (clash) return clash;
  const id = ctx.newId();
  const operator = await currentActorName(db);
  const firstStage: StageChange = { stage: v.stage, date: v.stageDate, note: '', operator, recordedAt: now.toISOString() };
  const caseFile: CaseFile = {
    ...caseFields(v),
    id,
    stage: v.stage,
    stageHistory: [firstStage],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const parties = v.parties.map((p, i) => toParty(p, id, ctx.newId, i));
  await db.cases.add(caseFile);
  await db.parties.bulkAdd(parties);
  await appendAudit(db, { action: 'create', entity: 'cases', entityId: id, before: null, after: { caseFile, parties } }, now);
  return { ok: true, caseId: id };
}

async function numberTaken(ctx: RepositoryContext, caseNumber: string, ownId: string | null): Promise<CaseSaveResult | null> {
  const other = await ctx.db.cases.where('caseNumber').equals(caseNumber).first();
  if (!other || other.id === ownId) return null;
  return { ok: false, errors: { caseNumber: `案件编号“${caseNumber}”已被“${other.title}”使用，请核对编号。` } };
}

function caseFields(v: ValidCaseValues) {
  return {
    caseNumber: v.caseNumber,
    title: v.title,
    charge: v.charge,
    sector: v.sector,
    district: v.district,
    leadUnit: v.leadUnit,
    officers: v.officers,
    amountInvolvedFen: v.amountInvolvedFen,
    peopleInvolved: v.peopleInvolved,
    lossesRecoveredFen: v.lossesRecoveredFen,
    filedDate: v.filedDate,
  };
}

function toParty(p: ValidCaseValues['parties'][number], caseId: string, newId: () => string, order: number): CaseParty {
  return { id: p.id ?? newId(), caseId, kind: p.kind, name: p.name, role: p.role, idNumber: p.idNumber, note: p.note, order };
}

function orderParties(parties: readonly CaseParty[]): CaseParty[] {
  return [...parties].sort((a, b) => a.order - b.order);
}
