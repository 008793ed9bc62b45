// The only writer of the screening ledger (排查): firms, rounds, screening records and their scans,
// dispositions, the risk ledger, keyword checks and imports. Every write is checked by the pure core
// (core/screening), allowed by role (screening.write; the keyword list is office settings), and
// audited in the same transaction.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { CaseDraft } from '../../core/cases/case-draft';
import { validateCaseDraft } from '../../core/cases/validate-case';
import { localIsoDate } from '../../core/common/iso-date';
import {
  type Checked,
  checkFirmFile,
  createKeywordMatcher,
  DEFAULT_FINANCE_KEYWORDS,
  type Disposition,
  type DispositionInput,
  type DispositionKind,
  type DispositionValue,
  type FieldError,
  type Firm,
  type FirmImportResult,
  type FirmInput,
  type FirmValue,
  type KeywordCheckRecord,
  type KeywordMatcher,
  type LedgerIndex,
  type OverdueReview,
  overdueReviews,
  type RiskEntry,
  type RiskEntryInput,
  type RoundInput,
  type ScreeningRecord,
  type ScreeningRecordInput,
  type ScreeningRound,
  validateDisposition,
  validateFirm,
  validateKeywordList,
  validateRemoval,
  validateRiskEntry,
  validateRound,
  validateScreeningRecord,
} from '../../core/screening';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { DocumentRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import type { FirmImportRow, ScreeningScanRow } from '../screening-rows';
import { currentActorName } from '../session';
import { addCaseIn } from './case-repository';

export const KEYWORD_SETTINGS_SECTION = 'screening-keywords';

export interface KeywordSettings {
  readonly keywords: readonly string[];
}

export type SaveResult<T> = { readonly ok: true; readonly value: T; readonly warnings: readonly FieldError[] } | { readonly ok: false; readonly errors: readonly FieldError[] };

export interface ScanInput {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface ImportCommitResult {
  readonly newFirms: number;
  readonly updatedFirms: number;
  readonly importId: string;
}

/** Everything the screening pages show, read in one go. */
export interface ScreeningData {
  readonly firms: readonly Firm[];
  readonly rounds: readonly ScreeningRound[];
  readonly records: readonly ScreeningRecord[];
  readonly dispositions: readonly Disposition[];
  readonly risk: readonly RiskEntry[];
  readonly imports: readonly FirmImportRow[];
  readonly keywordChecks: readonly KeywordCheckRecord[];
}

/** Which document a disposition may rest on: the firm's own, issued and not voided, of the kind's type. */
function linkedDocumentProblem(doc: DocumentRow | undefined, firmId: string, kind: DispositionKind): string | null {
  if (!doc) return '关联文书已不存在，请重新选择';
  if (doc.body.firmId !== firmId) return '关联文书不是向该企业出具的，请从该企业的文书中选择';
  if (doc.status === '草稿' || doc.number === null) return '关联文书还是草稿：请先签发再关联';
  if (doc.status === '作废') return `关联文书 ${doc.number} 已作废，请关联有效的文书`;
  const wanted = kind === '整改' ? 'rectification' : kind === '约谈' ? 'inquiry' : null;
  if (wanted && doc.body.template.documentType !== wanted) return `${kind}应关联${wanted === 'rectification' ? '整改通知书' : '询问通知书'}，所选文书是${doc.body.template.name}`;
  return null;
}

/** A case field's message under the referral form's `case.<field>`. */
function caseErrors(errors: Readonly<Record<string, string | undefined>>): FieldError[] {
  return Object.entries(errors).flatMap(([field, message]) => (message ? [{ field: `case.${field}`, message }] : []));
}

const FIRM_GONE = '该企业已不在台账中（可能已被恢复的备份替换），请返回台账重新选择';

export class ScreeningRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private today(): string {
    return localIsoDate(this.ctx.now());
  }

  async load(): Promise<ScreeningData> {
    const { db } = this.ctx;
    const [firms, rounds, records, dispositions, risk, imports, keywordChecks] = await Promise.all([
      db.firms.toArray(),
      db.screeningRounds.toArray(),
      db.screeningRecords.toArray(),
      db.firmDispositions.toArray(),
      db.riskLedger.toArray(),
      db.firmImports.toArray(),
      db.keywordChecks.toArray(),
    ]);
    sortByName(firms);
    rounds.sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.createdAt.localeCompare(a.createdAt));
    dispositions.sort((a, b) => b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt));
    imports.sort((a, b) => b.at.localeCompare(a.at));
    keywordChecks.sort((a, b) => b.at.localeCompare(a.at));
    return { firms, rounds, records, dispositions, risk, imports, keywordChecks };
  }

  // ── keyword list (office settings) ────────────────────────────────────────────────────────────

  async getKeywords(): Promise<readonly string[]> {
    const row = await this.ctx.db.settings.get(KEYWORD_SETTINGS_SECTION);
    const value = row?.value as Partial<KeywordSettings> | undefined;
    return Array.isArray(value?.keywords) ? value.keywords : DEFAULT_FINANCE_KEYWORDS;
  }

  async matcher(): Promise<KeywordMatcher> {
    return createKeywordMatcher(await this.getKeywords());
  }

  async saveKeywords(keywords: readonly string[]): Promise<{ ok: true } | { ok: false; errors: readonly FieldError[] }> {
    await requirePermission(this.ctx, 'settings.office', { entity: 'settings', entityId: KEYWORD_SETTINGS_SECTION });
    const list = keywords.map((k) => k.trim());
    const issues = validateKeywordList(list);
    if (issues.length > 0) return { ok: false, errors: issues.map((i) => ({ field: `keywords[${i.index}]`, message: i.message })) };
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => {
      const before = (await db.settings.get(KEYWORD_SETTINGS_SECTION))?.value ?? null;
      const value: KeywordSettings = { keywords: list };
      await db.settings.put({ id: KEYWORD_SETTINGS_SECTION, value });
      await appendAudit(db, { action: 'settings', entity: 'settings', entityId: KEYWORD_SETTINGS_SECTION, before, after: value }, this.ctx.now());
    });
    return { ok: true };
  }

  // ── firms ─────────────────────────────────────────────────────────────────────────────────────

  /** Adds (id null) or changes a firm; a credit code already in the ledger under another firm is refused. */
  async saveFirm(id: string | null, input: FirmInput): Promise<SaveResult<Firm>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'firms', entityId: id ?? 'new' });
    const checked = validateFirm(input, await this.matcher(), this.today());
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    return db.transaction('rw', [db.firms, db.audit, db.settings], async () => {
      const before = id === null ? undefined : await db.firms.get(id);
      if (id !== null && !before) return { ok: false as const, errors: [{ field: 'name', message: FIRM_GONE }] };
      const v = checked.value;
      if (v.creditCode) {
        const same = (await db.firms.where('creditCode').equals(v.creditCode).toArray()).find((f) => f.id !== id);
        if (same) {
          return { ok: false as const, errors: [{ field: 'creditCode', message: `统一社会信用代码：${v.creditCode} 已在台账中登记为“${same.name}”，同一企业不能登记两次。请在台账中找到该企业修改。` }] };
        }
      }
      const firm: Firm = {
        ...v,
        id: id ?? this.ctx.newId(),
        evaluation: evaluationAfter(before?.evaluation ?? null, before?.keywordHits ?? [], v.keywordHits),
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      await db.firms.put(firm);
      await appendAudit(db, { action: before ? 'update' : 'create', entity: 'firms', entityId: firm.id, before: before ?? null, after: firm }, this.ctx.now());
      return { ok: true as const, value: firm, warnings: checked.warnings };
    });
  }

  /** Records the evaluation of a firm flagged by the keyword check (联合研判结果). */
  async evaluateFirm(firmId: string, result: string): Promise<SaveResult<Firm>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'firms', entityId: firmId, details: { step: 'evaluate' } });
    const text = result.trim();
    if (text === '') return { ok: false, errors: [{ field: 'evaluation', message: '研判结果：必须填写（如“经研判不涉及金融业务，准予登记”）。' }] };
    if (text.length > 1000) return { ok: false, errors: [{ field: 'evaluation', message: `研判结果：不能超过 1000 字（现有 ${text.length} 字），请精简。` }] };
    const { db } = this.ctx;
    return db.transaction('rw', [db.firms, db.audit, db.settings], async () => {
      const before = await db.firms.get(firmId);
      if (!before) return { ok: false as const, errors: [{ field: 'evaluation', message: FIRM_GONE }] };
      const by = await currentActorName(db);
      const firm: Firm = { ...before, evaluation: { state: '已评估', result: text, by, on: this.today() }, updatedAt: this.ctx.now().toISOString() };
      await db.firms.put(firm);
      await appendAudit(db, { action: 'update', entity: 'firms', entityId: firmId, before: { evaluation: before.evaluation }, after: { evaluation: firm.evaluation } }, this.ctx.now());
      return { ok: true as const, value: firm, warnings: [] };
    });
  }

  // ── import ────────────────────────────────────────────────────────────────────────────────────

  /** The import's verdict on every row, against the ledger as it is now; nothing is written. */
  async checkImport(bytes: Uint8Array, fileName: string, sheet?: string): Promise<FirmImportResult> {
    const [matcher, ledger] = await Promise.all([this.matcher(), this.ledgerIndex()]);
    return checkFirmFile(bytes, fileName, { ...(sheet === undefined ? {} : { sheet }), today: this.today(), matcher, ledger });
  }

  /**
   * What an import check needs from the store, as plain data a worker can receive: today's date, the
   * keyword list and the ledger's firms by credit code (and by name while they have none).
   */
  async importContext(): Promise<{
    today: string;
    keywords: readonly string[];
    byCode: [string, { id: string; name: string }][];
    pendingByName: [string, string][];
  }> {
    const [keywords, ledger] = await Promise.all([this.getKeywords(), this.ledgerIndex()]);
    return { today: this.today(), keywords, byCode: [...ledger.byCode], pendingByName: [...ledger.pendingByName] };
  }

  private async ledgerIndex(): Promise<LedgerIndex> {
    const firms = await this.ctx.db.firms.toArray();
    const byCode = new Map<string, { id: string; name: string }>();
    const pendingByName = new Map<string, string>();
    for (const f of firms) {
      if (f.creditCode) byCode.set(f.creditCode, { id: f.id, name: f.name });
      else pendingByName.set(f.name.replace(/[\s\u00a0\u3000]+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')'), f.id);
    }
    return { byCode, pendingByName };
  }

  /**
   * Writes the rows the check accepted, in one transaction: all of them or none. Rows with errors are
   * not written (the report lists them). A firm already in the ledger is updated, never duplicated;
   * if the ledger changed since the check (another import of the same firms), the firm is matched
   * again by credit code inside the transaction.
   */
  async commitImport(result: FirmImportResult, fileName: string): Promise<{ ok: true; value: ImportCommitResult } | { ok: false; message: string }> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'firmImports', entityId: 'new', details: { fileName } });
    if (result.fatal) return { ok: false, message: result.fatal.message };
    if (result.firms.length === 0) return { ok: false, message: '文件中没有可以导入的企业（每一行都有错误，或没有数据行）。请按报告修改后重新导入。' };
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    const now = nowDate.toISOString();
    return db.transaction('rw', [db.firms, db.firmImports, db.audit, db.settings], async () => {
      const by = await currentActorName(db);
      let created = 0;
      let updated = 0;
      for (const f of result.firms) {
        const existing = f.value.creditCode
          ? await db.firms.where('creditCode').equals(f.value.creditCode).first()
          : f.existingId
            ? await db.firms.get(f.existingId)
            : undefined;
        if (existing) {
          const merged: Firm = {
            ...existing,
            ...withoutBlanks(f.value, existing),
            evaluation: evaluationAfter(existing.evaluation, existing.keywordHits, f.value.keywordHits),
            updatedAt: now,
          };
          await db.firms.put(merged);
          updated++;
        } else {
          await db.firms.add({ ...f.value, id: this.ctx.newId(), evaluation: f.value.keywordHits.length > 0 ? { state: '待评估' } : null, createdAt: now, updatedAt: now });
          created++;
        }
      }
      const importId = this.ctx.newId();
      const log: FirmImportRow = {
        id: importId,
        at: now,
        by,
        fileName,
        sheetName: result.sheetName,
        newFirms: created,
        updatedFirms: updated,
        errorRows: result.errorRows,
        keywordHits: result.keywordHits,
      };
      await db.firmImports.add(log);
      await appendAudit(db, { action: 'import', entity: 'firmImports', entityId: importId, before: null, after: log }, nowDate);
      return { ok: true as const, value: { newFirms: created, updatedFirms: updated, importId } };
    });
  }

  // ── rounds and screening records ──────────────────────────────────────────────────────────────

  async createRound(input: RoundInput): Promise<SaveResult<ScreeningRound>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'screeningRounds', entityId: 'new' });
    const checked = validateRound(input);
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const round: ScreeningRound = { ...checked.value, id: this.ctx.newId(), createdAt: this.ctx.now().toISOString() };
    await db.transaction('rw', [db.screeningRounds, db.audit, db.settings], async () => {
      await db.screeningRounds.add(round);
      await appendAudit(db, { action: 'create', entity: 'screeningRounds', entityId: round.id, before: null, after: round }, this.ctx.now());
    });
    return { ok: true, value: round, warnings: [] };
  }

  async addRecord(roundId: string, firmId: string, input: ScreeningRecordInput, scan: ScanInput | null): Promise<SaveResult<ScreeningRecord>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'screeningRecords', entityId: 'new', details: { roundId, firmId } });
    const { db } = this.ctx;
    const round = await db.screeningRounds.get(roundId);
    if (!round) return { ok: false, errors: [{ field: 'roundId', message: '该排查轮次已不存在，请返回轮次列表重新选择' }] };
    const checked = validateScreeningRecord(input, round, this.today());
    if (!checked.ok) return checked;
    const scanError = checkScan(scan, input.commitmentSigned);
    if (scanError) return { ok: false, errors: [scanError] };
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.firms, db.screeningRecords, db.screeningScans, db.audit, db.settings], async () => {
      if (!(await db.firms.get(firmId))) return { ok: false as const, errors: [{ field: 'firmId', message: FIRM_GONE }] };
      const by = await currentActorName(db);
      const id = this.ctx.newId();
      let scanId: string | null = null;
      if (scan) {
        scanId = this.ctx.newId();
        const row: ScreeningScanRow = {
          id: scanId,
          recordId: id,
          fileName: scan.fileName,
          mimeType: scan.mimeType,
          bytes: scan.bytes,
          sha256: bytesToHex(sha256(scan.bytes)),
          addedAt: nowDate.toISOString(),
          addedBy: by,
        };
        await db.screeningScans.add(row);
        await appendAudit(db, { action: 'create', entity: 'screeningScans', entityId: scanId, before: null, after: { recordId: id, fileName: row.fileName, sha256: row.sha256, byteLength: row.bytes.byteLength } }, nowDate);
      }
      const record: ScreeningRecord = {
        ...checked.value,
        id,
        roundId,
        firmId,
        commitmentScanId: scanId,
        commitmentScanName: scan?.fileName ?? '',
        recordedBy: by,
        recordedAt: nowDate.toISOString(),
      };
      await db.screeningRecords.add(record);
      await appendAudit(db, { action: 'create', entity: 'screeningRecords', entityId: id, before: null, after: record }, nowDate);
      return { ok: true as const, value: record, warnings: checked.warnings };
    });
  }

  async getScan(scanId: string): Promise<ScreeningScanRow | undefined> {
    return this.ctx.db.screeningScans.get(scanId);
  }

  // ── dispositions and the risk ledger ─────────────────────────────────────────────────────────

  async addDisposition(firmId: string, input: DispositionInput): Promise<SaveResult<Disposition>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'firmDispositions', entityId: 'new', details: { firmId, kind: input.kind } });
    const checked = validateDisposition(input, this.today());
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    return db.transaction('rw', [db.firms, db.cases, db.documents, db.firmDispositions, db.audit, db.settings], async () => {
      if (checked.value.caseId !== null && !(await db.cases.get(checked.value.caseId))) {
        return { ok: false as const, errors: [{ field: 'caseId', message: '关联案件已不存在，请重新选择' }] };
      }
      return this.writeDisposition(firmId, checked.value);
    });
  }

  /**
   * 移送公安 with a new case made from the firm (案件 prefilled by caseDraftFromFirm, edited by the
   * user): the case, its parties and the disposition linking it are stored together or not at all.
   * Errors of the case's fields come back as `case.<field>`.
   */
  async referToPolice(firmId: string, input: DispositionInput, newCase: CaseDraft, districts: readonly string[]): Promise<SaveResult<Disposition>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'firmDispositions', entityId: 'new', details: { firmId, kind: '移送公安' } });
    await requirePermission(this.ctx, 'cases.write', { entity: 'cases', entityId: 'new', details: { caseNumber: newCase.caseNumber, firmId } });
    const now = this.ctx.now();
    const checked = validateDisposition({ ...input, kind: '移送公安', caseId: null }, this.today());
    const caseChecked = validateCaseDraft(newCase, { districts, today: this.today() });
    const errors: FieldError[] = [...(checked.ok ? [] : checked.errors), ...(caseChecked.ok ? [] : caseErrors(caseChecked.errors))];
    if (!checked.ok || !caseChecked.ok) return { ok: false, errors };
    const { db } = this.ctx;
    return db.transaction('rw', [db.firms, db.cases, db.parties, db.documents, db.firmDispositions, db.audit, db.settings], async () => {
      if (!(await db.firms.get(firmId))) return { ok: false as const, errors: [{ field: 'firmId', message: FIRM_GONE }] };
      const created = await addCaseIn(this.ctx, caseChecked.value, now);
      if (!created.ok) return { ok: false as const, errors: caseErrors(created.errors) };
      return this.writeDisposition(firmId, { ...checked.value, caseId: created.caseId });
    });
  }

  /** Inside addDisposition's transaction: the firm, the linked document, the row and its audit entry. */
  private async writeDisposition(firmId: string, value: DispositionValue): Promise<SaveResult<Disposition>> {
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    if (!(await db.firms.get(firmId))) return { ok: false, errors: [{ field: 'firmId', message: FIRM_GONE }] };
    let documentRef = value.documentRef;
    if (value.documentId) {
      const doc = await db.documents.get(value.documentId);
      const problem = linkedDocumentProblem(doc, firmId, value.kind);
      if (problem || !doc) return { ok: false, errors: [{ field: 'documentId', message: problem ?? '关联文书已不存在，请重新选择' }] };
      if (documentRef === '') documentRef = `${doc.body.template.name} ${doc.number ?? ''}`.trim();
    }
    const d: Disposition = { ...value, documentRef, id: this.ctx.newId(), firmId, recordedAt: nowDate.toISOString() };
    await db.firmDispositions.add(d);
    await appendAudit(db, { action: 'create', entity: 'firmDispositions', entityId: d.id, before: null, after: d }, nowDate);
    return { ok: true, value: d, warnings: [] };
  }

  /** The firms referred to the police in a case (移送公安 dispositions linking it), for the case's page. */
  async referralsOfCase(caseId: string): Promise<Array<{ readonly disposition: Disposition; readonly firmName: string }>> {
    const { db } = this.ctx;
    const rows = (await db.firmDispositions.toArray()).filter((d) => d.caseId === caseId);
    const firms = await db.firms.bulkGet(rows.map((d) => d.firmId));
    return rows.map((disposition, i) => ({ disposition, firmName: firms[i]?.name ?? '（已不在台账中）' })).sort((a, b) => b.disposition.date.localeCompare(a.disposition.date));
  }

  /** Puts a firm under watch; a firm already on the ledger is refused (change its review instead). */
  async addRiskEntry(firmId: string, input: RiskEntryInput): Promise<SaveResult<RiskEntry>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'riskLedger', entityId: 'new', details: { firmId } });
    const checked = validateRiskEntry(input, this.today());
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.firms, db.riskLedger, db.audit, db.settings], async () => {
      const firm = await db.firms.get(firmId);
      if (!firm) return { ok: false as const, errors: [{ field: 'firmId', message: FIRM_GONE }] };
      const open = (await db.riskLedger.where('firmId').equals(firmId).toArray()).find((e) => e.removed === null);
      if (open) return { ok: false as const, errors: [{ field: 'firmId', message: `${firm.name} 已在风险动态管理台账中（自 ${open.since} 起），请在台账中修改其复核日期。` }] };
      const entry: RiskEntry = { ...checked.value, id: this.ctx.newId(), firmId, removed: null };
      await db.riskLedger.add(entry);
      await appendAudit(db, { action: 'create', entity: 'riskLedger', entityId: entry.id, before: null, after: entry }, nowDate);
      return { ok: true as const, value: entry, warnings: [] };
    });
  }

  /** A review done: the next review date (and optionally who follows the firm). */
  async reviewRiskEntry(entryId: string, nextReview: string, follower: string): Promise<SaveResult<RiskEntry>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'riskLedger', entityId: entryId, details: { step: 'review' } });
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.riskLedger, db.audit, db.settings], async () => {
      const before = await db.riskLedger.get(entryId);
      if (!before || before.removed) return { ok: false as const, errors: [{ field: 'nextReview', message: '该企业已不在风险台账中' }] };
      const checked = validateRiskEntry({ reason: before.reason, since: before.since, follower: follower.trim() || before.follower, nextReview }, this.today());
      if (!checked.ok) return checked;
      if (checked.value.nextReview <= this.today()) return { ok: false as const, errors: [{ field: 'nextReview', message: `下次复核日期 ${checked.value.nextReview} 应晚于今天。` }] };
      const after: RiskEntry = { ...before, nextReview: checked.value.nextReview, follower: checked.value.follower };
      await db.riskLedger.put(after);
      await appendAudit(db, { action: 'update', entity: 'riskLedger', entityId: entryId, before: { nextReview: before.nextReview, follower: before.follower }, after: { nextReview: after.nextReview, follower: after.follower, reviewedOn: this.today() } }, nowDate);
      return { ok: true as const, value: after, warnings: [] };
    });
  }

  /** Takes a firm off the risk ledger: a reason is required. The entry stays, marked removed. */
  async removeRiskEntry(entryId: string, reason: string, on: string): Promise<SaveResult<RiskEntry>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'riskLedger', entityId: entryId, details: { step: 'remove' } });
    const checked = validateRemoval(reason, on, this.today());
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.riskLedger, db.audit, db.settings], async () => {
      const before = await db.riskLedger.get(entryId);
      if (!before) return { ok: false as const, errors: [{ field: 'reason', message: '该台账记录已不存在' }] };
      if (before.removed) return { ok: false as const, errors: [{ field: 'reason', message: `该企业已于 ${before.removed.on} 移出风险台账` }] };
      const by = await currentActorName(db);
      const after: RiskEntry = { ...before, removed: { ...checked.value, by } };
      await db.riskLedger.put(after);
      await appendAudit(db, { action: 'delete', entity: 'riskLedger', entityId: entryId, before, after }, nowDate);
      return { ok: true as const, value: after, warnings: [] };
    });
  }

  async overdueReviews(): Promise<OverdueReview[]> {
    return overdueReviews(await this.ctx.db.riskLedger.toArray(), this.today());
  }

  // ── the pasted-list keyword check ─────────────────────────────────────────────────────────────

  /** Checks names or scopes (one per line) and keeps the result, audited. */
  async checkKeywordList(lines: readonly string[]): Promise<Checked<KeywordCheckRecord>> {
    await requirePermission(this.ctx, 'screening.write', { entity: 'keywordChecks', entityId: 'new' });
    const texts = lines.map((l) => l.trim()).filter(Boolean);
    if (texts.length === 0) return { ok: false, errors: [{ field: 'lines', message: '待核查名单为空：请粘贴企业名称或经营范围，每行一条。' }] };
    if (texts.length > 100_000) return { ok: false, errors: [{ field: 'lines', message: `待核查名单有 ${texts.length} 行，超过 100000 行，请分批核查。` }] };
    const matcher = await this.matcher();
    const hits = texts.map((text) => ({ text, keywords: matcher.keywordsIn(text) })).filter((h) => h.keywords.length > 0);
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.keywordChecks, db.audit, db.settings], async () => {
      const record: KeywordCheckRecord = { id: this.ctx.newId(), at: nowDate.toISOString(), by: await currentActorName(db), lines: texts.length, hits };
      await db.keywordChecks.add(record);
      await appendAudit(db, { action: 'create', entity: 'keywordChecks', entityId: record.id, before: null, after: { lines: record.lines, hits: hits.length } }, nowDate);
      return { ok: true as const, value: record, warnings: [] };
    });
  }
}

const MAX_SCAN_BYTES = 20 * 1024 * 1024;

function checkScan(scan: ScanInput | null, signed: boolean): FieldError | null {
  if (!scan) return null;
  if (!signed) return { field: 'commitmentScan', message: '承诺书扫描件：未勾选“已签订承诺书”时不能附扫描件，请勾选或移除附件。' };
  if (scan.bytes.byteLength === 0) return { field: 'commitmentScan', message: `承诺书扫描件“${scan.fileName}”是空文件，请重新扫描。` };
  if (scan.bytes.byteLength > MAX_SCAN_BYTES) return { field: 'commitmentScan', message: `承诺书扫描件“${scan.fileName}”超过 20 MB，请降低扫描分辨率后重新选择。` };
  if (!/^(application\/pdf|image\/(png|jpeg))$/.test(scan.mimeType)) return { field: 'commitmentScan', message: `承诺书扫描件“${scan.fileName}”不是 PDF、PNG 或 JPEG 文件，请另存为这些格式之一。` };
  return null;
}

/** Names sort by Chinese collation up to this size; above it by code point (as the creditor register: a collator would take seconds). */
const COLLATED_SORT_LIMIT = 20_000;

function sortByName(firms: Firm[]): void {
  const collator = firms.length <= COLLATED_SORT_LIMIT ? new Intl.Collator('zh-CN') : null;
  firms.sort((a, b) => (collator ? collator.compare(a.name, b.name) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A firm newly hit by a keyword waits for evaluation; an evaluation stays while the hits do not grow. */
function evaluationAfter(before: Firm['evaluation'], hitsBefore: readonly string[], hitsAfter: readonly string[]): Firm['evaluation'] {
  if (hitsAfter.length === 0) return before?.state === '已评估' ? before : null;
  const grew = hitsAfter.some((k) => !hitsBefore.includes(k));
  if (before?.state === '已评估' && !grew) return before;
  return { state: '待评估' };
}

/** An import row's values over a ledger firm: blank cells in the file do not erase what the ledger holds. */
function withoutBlanks(v: FirmValue, existing: Firm): FirmValue {
  const pick = (x: string, y: string) => (x === '' ? y : x);
  return {
    ...v,
    creditCode: pick(v.creditCode, existing.creditCode),
    codeStatus: v.creditCode || existing.creditCode ? '正常' : '待补充',
    legalRep: pick(v.legalRep, existing.legalRep),
    address: pick(v.address, existing.address),
    district: pick(v.district, existing.district),
    sector: pick(v.sector, existing.sector),
    registeredOn: v.registeredOn === '' ? existing.registeredOn : v.registeredOn,
    businessScope: pick(v.businessScope, existing.businessScope),
    department: pick(v.department, existing.department),
    contacts: pick(v.contacts, existing.contacts),
    keywordHits: [...new Set([...existing.keywordHits, ...v.keywordHits])],
  };
}
