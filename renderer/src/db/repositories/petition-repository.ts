// The only writer of petitions (信访件) and their mediation sessions. Every step is checked by the
// pure core (core/petitions) against the office's clock settings and today's date, attributed to
// the operator from settings, and audited in the same transaction.

import type { IsoDate } from '../../core/calendar/iso-date';
import { localIsoDate } from '../../core/common/iso-date';
import { CLOCK_RUNNING_STATUSES } from '../../core/petitions/deadlines';
import { type AgreementResult, addMediationSession, buildMediationAgreement } from '../../core/petitions/mediation';
import {
  EMPTY_OVERDUE_NOTICE_RECORD,
  OVERDUE_NOTICE_SECTION,
  type OverdueNoticeRecord,
} from '../../core/petitions/notification';
import { formatPetitionNumber, petitionNumberYear } from '../../core/petitions/petition-number';
import {
  calendarOf,
  normalizePetitionSettingsSection,
  PETITION_SETTINGS_SECTION,
  type PetitionSettingsSection,
  type SectionIssue,
  validatePetitionSettingsSection,
} from '../../core/petitions/settings-section';
import type { MediationSession, Petition } from '../../core/petitions/types';
import { type FieldError, type PetitionFormInput, registerPetition, validatePetitionForm } from '../../core/petitions/validation';
import { applyPetitionEvent, type PetitionEvent } from '../../core/petitions/workflow';
import { DEFAULT_PETITION_PREFIX } from '../../core/settings/app-settings';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { WorkstationDb } from '../database';
import type { MediationSessionRow, PetitionRow, StoredPetition } from '../records';
import type { RepositoryContext } from '../repository-context';
import { currentActorName } from '../session';
import { SettingsRepository } from './settings-repository';

/** A workflow step as the UI sends it: the repository fills in who did it (the operator). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PetitionEventInput = OmitEach<PetitionEvent, 'by'>;

export type MediationSessionInput = Omit<MediationSession, 'id'>;

export type RegisterResult =
  | { readonly ok: true; readonly petitionId: string; readonly registerNo: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

export type NumberPeek =
  | { readonly ok: true; readonly number: string; readonly counterId: string; readonly sequence: number }
  | { readonly ok: false; readonly message: string };

export type StepResult = { readonly ok: true; readonly petition: Petition } | { readonly ok: false; readonly error: string };

export type SessionResult =
  | { readonly ok: true; readonly sessionId: string; readonly petition: Petition }
  | { readonly ok: false; readonly errors: readonly string[] };

export type SettingsSaveResult = { readonly ok: true } | { readonly ok: false; readonly issues: readonly SectionIssue[] };

export const OPERATOR_MISSING = '经办人未设置：每一步都要记下是谁办的，请先在「设置 → 单位与经办人」中填写经办人姓名';

export class PetitionRepository {
  private readonly settingsRepo: SettingsRepository;

  constructor(private readonly ctx: RepositoryContext) {
    this.settingsRepo = new SettingsRepository(ctx);
  }

  /** Every petition with its mediation sessions, newest received first. */
  async list(): Promise<Petition[]> {
    const { db } = this.ctx;
    const [rows, sessions] = await Promise.all([db.petitions.toArray(), db.mediationSessions.toArray()]);
    const byPetition = new Map<string, MediationSession[]>();
    for (const s of sessions) byPetition.set(s.petitionId, [...(byPetition.get(s.petitionId) ?? []), s.body]);
    return rows
      .map((r) => assemble(r.body, byPetition.get(r.id) ?? []))
      .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id.localeCompare(a.id));
  }

  /**
   * Petitions with a deadline clock running (登记, 受理 … 未化解), through the status index: the
   * deadline panel on the home screen reads these, not ten years of closed petitions.
   */
  async listRunning(): Promise<Petition[]> {
    const { db } = this.ctx;
    return db.transaction('r', [db.petitions, db.mediationSessions], async () => {
      const rows = await db.petitions.where('status').anyOf([...CLOCK_RUNNING_STATUSES]).toArray();
      const sessions = rows.length === 0 ? [] : await db.mediationSessions.where('petitionId').anyOf(rows.map((r) => r.id)).toArray();
      const byPetition = new Map<string, MediationSession[]>();
      for (const s of sessions) byPetition.set(s.petitionId, [...(byPetition.get(s.petitionId) ?? []), s.body]);
      return rows
        .map((r) => assemble(r.body, byPetition.get(r.id) ?? []))
        .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id.localeCompare(a.id));
    });
  }

  async get(id: string): Promise<Petition | undefined> {
    return loadPetition(this.ctx.db, id);
  }

  /** The clock rules and holiday table, defaults where never saved. */
  async getSettings(): Promise<PetitionSettingsSection> {
    const row = await this.ctx.db.settings.get(PETITION_SETTINGS_SECTION);
    return normalizePetitionSettingsSection(row?.value as Partial<PetitionSettingsSection> | undefined);
  }

  /** Validates and saves the 时限设置; nothing is stored when any field is wrong. */
  async saveSettings(section: PetitionSettingsSection): Promise<SettingsSaveResult> {
    await requirePermission(this.ctx, 'settings.office', { entity: 'settings', entityId: PETITION_SETTINGS_SECTION });
    const issues = validatePetitionSettingsSection(section);
    if (issues.length > 0) return { ok: false, issues };
    await this.settingsRepo.saveSection(PETITION_SETTINGS_SECTION, section);
    return { ok: true };
  }

  /**
   * Registers a petition and gives it the next 信访件编号 of its year of receipt, in one
   * transaction with the counter: a number is given once, never reused, and a refused
   * registration takes none.
   */
  async register(input: PetitionFormInput): Promise<RegisterResult> {
    await requirePermission(this.ctx, 'petitions.write', { entity: 'petitions', entityId: 'new' });
    const today = localIsoDate(this.ctx.now());
    const checked = validatePetitionForm(input, today);
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const id = this.ctx.newId();
    return db.transaction('rw', [db.petitions, db.petitionCounters, db.mediationSessions, db.cases, db.audit, db.settings], async () => {
      const by = await this.operatorName();
      if (!by) return { ok: false as const, errors: [{ field: 'handler', message: OPERATOR_MISSING }] };
      if (checked.value.caseId !== null && !(await db.cases.get(checked.value.caseId))) {
        return { ok: false as const, errors: [{ field: 'caseId', message: '关联案件已不存在（可能已被恢复的备份替换），请重新选择' }] };
      }
      const next = await this.nextNumber(checked.value.receivedOn);
      if (!next.ok) return { ok: false as const, errors: [{ field: 'registerNo', message: next.message }] };
      const petition = registerPetition({ ...checked.value, registerNo: next.number }, id, by);
      await db.petitions.add(toRow(petition));
      await db.petitionCounters.put({ id: next.counterId, next: next.sequence + 1 });
      await appendAudit(db, { action: 'create', entity: 'petitions', entityId: id, before: null, after: storedOf(petition) }, this.ctx.now());
      return { ok: true as const, petitionId: id, registerNo: next.number };
    });
  }

  /** The number a petition received on `receivedOn` would get now (shown on the form; not reserved). */
  async peekNumber(receivedOn: string): Promise<NumberPeek> {
    const { db } = this.ctx;
    return db.transaction('r', [db.petitionCounters, db.settings], () => this.nextNumber(receivedOn));
  }

  /**
   * Gives a number to a petition registered before numbering existed (it has none): the next of
   * its year of receipt, audited like any change.
   */
  async assignNumber(petitionId: string): Promise<{ ok: true; registerNo: string } | { ok: false; message: string }> {
    const { db } = this.ctx;
    return db.transaction('rw', [db.petitions, db.petitionCounters, db.mediationSessions, db.audit, db.settings], async () => {
      const row = await db.petitions.get(petitionId);
      if (!row) return { ok: false as const, message: '该信访件已不存在，请返回信访台账' };
      if (row.body.registerNo) return { ok: false as const, message: `该信访件已有编号 ${row.body.registerNo}，编号不能更改` };
      const next = await this.nextNumber(row.body.receivedOn);
      if (!next.ok) return next;
      const body: StoredPetition = { ...row.body, registerNo: next.number };
      await db.petitions.put({ ...row, body });
      await db.petitionCounters.put({ id: next.counterId, next: next.sequence + 1 });
      await appendAudit(
        db,
        { action: 'update', entity: 'petitions', entityId: petitionId, before: { registerNo: null }, after: { registerNo: next.number } },
        this.ctx.now(),
      );
      return { ok: true as const, registerNo: next.number };
    });
  }

  /** Must run inside a transaction over petitionCounters and settings. */
  private async nextNumber(receivedOn: string): Promise<NumberPeek> {
    const { db } = this.ctx;
    const year = petitionNumberYear(receivedOn);
    const counterId = String(year);
    const sequence = (await db.petitionCounters.get(counterId))?.next ?? 1;
    const prefix = ((await db.settings.get('app'))?.value as { petitionPrefix?: string } | undefined)?.petitionPrefix ?? DEFAULT_PETITION_PREFIX;
    try {
      return { ok: true, number: formatPetitionNumber(prefix, year, sequence), counterId, sequence };
    } catch (e) {
      return { ok: false, message: `信访件编号无法生成：${(e as Error).message.replace(/^文号/, '')}（请在“设置 → 单位与经办人”中修改信访件编号前缀）` };
    }
  }

  /** One workflow step (受理, 不予受理, 调处, 结果, 办结, 回访, 转办, 延期), dated and attributed. */
  async applyEvent(id: string, input: PetitionEventInput): Promise<StepResult> {
    await requirePermission(this.ctx, 'petitions.write', { entity: 'petitions', entityId: id, details: { step: input.type } });
    const now = this.ctx.now();
    const { db } = this.ctx;
    return db.transaction('rw', [db.petitions, db.mediationSessions, db.audit, db.settings], async () => {
      const before = await loadPetition(db, id);
      if (!before) return { ok: false as const, error: '该信访件已不存在，请返回信访台账' };
      const by = await this.operatorName();
      if (!by) return { ok: false as const, error: OPERATOR_MISSING };
      const section = await this.getSettings();
      const event = { ...input, by } as PetitionEvent;
      const result = applyPetitionEvent(before, event, { settings: section.deadlines, calendar: calendarOf(section), today: localIsoDate(now) });
      if (!result.ok) return result;
      const after = result.petition;
      await db.petitions.put(toRow(after));
      await appendAudit(
        db,
        {
          action: input.type === 'extend' ? 'approve' : 'stage-change',
          entity: 'petitions',
          entityId: id,
          before: { status: before.status },
          // stage/date: the shared audit table summarises stage changes as "→ stage(date)".
          after: { stage: after.status, date: input.date, step: after.history[after.history.length - 1], ...changedFacts(before, after) },
        },
        now,
      );
      return { ok: true as const, petition: after };
    });
  }

  /** Records a mediation session (调解) of a petition in 调处中. */
  async addMediationSession(petitionId: string, input: MediationSessionInput): Promise<SessionResult> {
    await requirePermission(this.ctx, 'petitions.write', { entity: 'petitions', entityId: petitionId, details: { step: 'mediation' } });
    const now = this.ctx.now();
    const { db } = this.ctx;
    const sessionId = this.ctx.newId();
    return db.transaction('rw', [db.petitions, db.mediationSessions, db.audit, db.settings], async () => {
      const before = await loadPetition(db, petitionId);
      if (!before) return { ok: false as const, errors: ['该信访件已不存在，请返回信访台账'] };
      const by = await this.operatorName();
      if (!by) return { ok: false as const, errors: [OPERATOR_MISSING] };
      const session: MediationSession = { ...input, id: sessionId };
      const result = addMediationSession(before, session, by, localIsoDate(now));
      if (!result.ok) return result;
      const row: MediationSessionRow = { id: sessionId, petitionId, date: session.date, body: session };
      await db.mediationSessions.add(row);
      await db.petitions.put(toRow(result.petition));
      await appendAudit(db, { action: 'create', entity: 'mediationSessions', entityId: sessionId, before: null, after: row }, now);
      return { ok: true as const, sessionId, petition: result.petition };
    });
  }

  /**
   * The data of the 调解协议书 for one session, for the document engine: the office name from
   * settings as the mediation organization and the linked case's title filled in.
   */
  async mediationAgreement(petitionId: string, sessionId: string): Promise<AgreementResult> {
    const { db } = this.ctx;
    const p = await loadPetition(db, petitionId);
    if (!p) return { ok: false, errors: ['该信访件已不存在，请返回信访台账'] };
    const office = ((await db.settings.get('app'))?.value as { officeName?: string } | undefined)?.officeName ?? '';
    const caseTitle = p.caseId ? ((await db.cases.get(p.caseId))?.title ?? null) : null;
    return buildMediationAgreement(p, sessionId, office, caseTitle);
  }

  /** Showing a petitioner's ID number or phone in full leaves a trace. */
  async recordReveal(petitionId: string, petitionerName: string, field: 'idNumber' | 'phone'): Promise<void> {
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'petitions', entityId: petitionId, details: { field, name: petitionerName } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(
        db,
        { action: 'reveal', entity: 'petitions', entityId: petitionId, before: null, after: { field, name: petitionerName } },
        this.ctx.now(),
      ),
    );
  }

  /** The ledger left the app (names, demands): the file name and period are audited. */
  async recordLedgerExport(period: { from: IsoDate; to: IsoDate }, rowCount: number, fileName: string): Promise<void> {
    await requirePermission(this.ctx, 'personal.export', { entity: 'petitions', entityId: `ledger:${period.from}..${period.to}`, details: { fileName } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(
        db,
        { action: 'export', entity: 'petitions', entityId: `ledger:${period.from}..${period.to}`, before: null, after: { ...period, rowCount, fileName } },
        this.ctx.now(),
      ),
    );
  }

  async overdueNoticeRecord(): Promise<OverdueNoticeRecord> {
    return this.settingsRepo.getSection(OVERDUE_NOTICE_SECTION, EMPTY_OVERDUE_NOTICE_RECORD);
  }

  async saveOverdueNoticeRecord(record: OverdueNoticeRecord): Promise<void> {
    await this.settingsRepo.saveSection(OVERDUE_NOTICE_SECTION, record);
  }

  private async operatorName(): Promise<string> {
    return currentActorName(this.ctx.db);
  }
}

async function loadPetition(db: WorkstationDb, id: string): Promise<Petition | undefined> {
  const row = await db.petitions.get(id);
  if (!row) return undefined;
  const sessions = await db.mediationSessions.where('petitionId').equals(id).toArray();
  return assemble(row.body, sessions.map((s) => s.body));
}

function assemble(body: StoredPetition, sessions: readonly MediationSession[]): Petition {
  // Sessions in the order they were held; the history keeps the order they were recorded.
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date));
  return { ...body, mediationSessions: ordered };
}

function storedOf(p: Petition): StoredPetition {
  const { mediationSessions: _sessions, ...rest } = p;
  return rest;
}

function toRow(p: Petition): PetitionRow {
  return { id: p.id, caseId: p.caseId, receivedDate: p.receivedOn, status: p.status, level: p.level, body: storedOf(p) };
}

/** Fields a step set or changed, for the audit entry (the history itself is left out). */
function changedFacts(before: Petition, after: Petition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (k === 'history' || k === 'mediationSessions' || k === 'status') continue;
    if (JSON.stringify(v) !== JSON.stringify((before as unknown as Record<string, unknown>)[k])) out[k] = v;
  }
  return out;
}
