// The only writer of advert monitoring (广告监测: adverts, imports, actions) and risk notices (风险提示).
// Imports are checked by core/clues (the creditor import's reader underneath) and stored in one
// transaction with their audit entry; a file imported before is recognised by its SHA-256.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  type Advert,
  type AdvertActionInput,
  type AdvertActionKind,
  type AdvertCheckResult,
  type AdvertInput,
  checkAdvertAction,
  checkAdvertFile,
  checkAdvertInput,
} from '../../core/clues/adverts';
import { buildLedgerLookup, type LedgerFirm, ledgerFirmFor } from '../../core/clues/ledger-link';
import { checkRiskNotice, type RiskNotice, type RiskNoticeInput } from '../../core/clues/risk-notices';
import type { Clue, FieldError } from '../../core/clues/types';
import { localIsoDate } from '../../core/common/iso-date';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { AdvertActionRow, AdvertImportRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { currentActorName } from '../session';
import { CLUE_OPERATOR_MISSING } from './clue-repository';

export interface AdvertImportCheck {
  readonly result: AdvertCheckResult;
  readonly sha256: string;
  /** The earlier import of this exact file, if any. */
  readonly sameFile: AdvertImportRow | null;
}

export interface AdvertImportContext {
  readonly today: string;
  /** Fingerprints of the adverts already in the ledger. */
  readonly known: readonly string[];
}

export interface FirmMonitoringLinks {
  readonly clues: readonly Clue[];
  readonly adverts: readonly Advert[];
  readonly actions: readonly AdvertActionRow[];
}

export type SaveResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

export class MonitoringRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  /** Every advert, newest first. */
  async adverts(): Promise<Advert[]> {
    const rows = await this.ctx.db.adverts.toArray();
    return rows.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  async imports(): Promise<AdvertImportRow[]> {
    return (await this.ctx.db.advertImports.toArray()).sort((a, b) => b.at.localeCompare(a.at));
  }

  async actions(): Promise<AdvertActionRow[]> {
    return (await this.ctx.db.advertActions.toArray()).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  /** Checks a file against the ledger (nothing stored): row report, and whether it was imported before. */
  async checkImport(bytes: Uint8Array, fileName: string, sheet?: string): Promise<AdvertImportCheck> {
    const hash = bytesToHex(sha256(bytes));
    const context = await this.importContext();
    const result = checkAdvertFile(bytes, fileName, { today: context.today, known: new Set(context.known), ...(sheet ? { sheet } : {}) });
    return { result, sha256: hash, sameFile: await this.importOf(hash) };
  }

  /** What the import check needs from the ledger, as plain data (the import worker gets it in a message). */
  async importContext(): Promise<AdvertImportContext> {
    return { today: localIsoDate(this.ctx.now()), known: [...(await this.fingerprints())] };
  }

  /** The earlier import of the file with this SHA-256, if any (a re-import is named to the user). */
  async importOf(sha256Hex: string): Promise<AdvertImportRow | null> {
    return (await this.ctx.db.advertImports.where('sha256').equals(sha256Hex).first()) ?? null;
  }

  /** Stores the valid rows of a checked file (rows already in the ledger are skipped again inside the transaction). */
  async commitImport(fileName: string, check: AdvertImportCheck): Promise<SaveResult<AdvertImportRow>> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'advertImports', entityId: 'new', details: { fileName } });
    if (check.result.fatal) return { ok: false, errors: [{ field: 'file', message: check.result.fatal.message }] };
    const { db } = this.ctx;
    const now = this.ctx.now();
    const importId = this.ctx.newId();
    return db.transaction('rw', [db.adverts, db.advertImports, db.audit, db.settings], async () => {
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const known = new Set((await db.adverts.toArray()).map((a) => a.fingerprint));
      const fresh = check.result.adverts.filter((a) => !known.has(a.fingerprint));
      const rows: Advert[] = fresh.map((a) => ({ ...a, id: this.ctx.newId(), importId }));
      await db.adverts.bulkAdd(rows);
      const record: AdvertImportRow = {
        id: importId,
        fileName,
        sha256: check.sha256,
        at: now.toISOString(),
        by,
        rows: check.result.rows.length,
        imported: rows.length,
        errorRows: check.result.errorRows,
      };
      await db.advertImports.add(record);
      await appendAudit(db, { action: 'import', entity: 'advertImports', entityId: importId, before: null, after: { ...record, sha256: check.sha256 } }, now);
      return { ok: true as const, value: record };
    });
  }

  /** One advert typed by hand. */
  async addAdvert(input: AdvertInput): Promise<SaveResult<Advert>> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'adverts', entityId: 'new' });
    const now = this.ctx.now();
    const checked = checkAdvertInput(input, localIsoDate(now));
    if (!checked.value) return { ok: false, errors: checked.errors };
    const value = checked.value;
    const { db } = this.ctx;
    const id = this.ctx.newId();
    return db.transaction('rw', [db.adverts, db.audit, db.settings], async () => {
      if (!(await currentActorName(db))) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      if (await db.adverts.where('fingerprint').equals(value.fingerprint).first()) {
        return { ok: false as const, errors: [{ field: 'content', message: `这条广告（${value.advertiser}，${value.date}）已在监测台账中，不必重复登记。` }] };
      }
      const advert: Advert = { ...value, id, importId: null };
      await db.adverts.add(advert);
      await appendAudit(db, { action: 'create', entity: 'adverts', entityId: id, before: null, after: advert }, now);
      return { ok: true as const, value: advert };
    });
  }

  /** An action (约谈, 警告, 责令停止发布, 移送公安) on one advert or on an advertiser. */
  async addAction(target: 'advert' | 'advertiser', targetId: string, input: AdvertActionInput): Promise<SaveResult<AdvertActionRow>> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'advertActions', entityId: targetId, details: { kind: input.kind } });
    const now = this.ctx.now();
    const errors = checkAdvertAction(input, localIsoDate(now));
    if (errors.length > 0) return { ok: false, errors };
    const { db } = this.ctx;
    const id = this.ctx.newId();
    return db.transaction('rw', [db.adverts, db.advertActions, db.audit, db.settings], async () => {
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const advert = target === 'advert' ? await db.adverts.get(targetId) : await db.adverts.where('advertiserKey').equals(targetId).first();
      if (!advert) return { ok: false as const, errors: [{ field: 'target', message: '该广告或广告主已不在监测台账中。' }] };
      const row: AdvertActionRow = {
        id,
        target,
        targetId,
        advertiser: advert.advertiser,
        advertiserKey: advert.advertiserKey,
        kind: input.kind as AdvertActionKind,
        date: input.date.trim(),
        documentNo: input.documentNo.trim() === '' ? null : input.documentNo.trim(),
        note: input.note.trim(),
        by,
      };
      await db.advertActions.add(row);
      await appendAudit(db, { action: 'create', entity: 'advertActions', entityId: id, before: null, after: row }, now);
      return { ok: true as const, value: row };
    });
  }

  async riskNotices(): Promise<RiskNotice[]> {
    return (await this.ctx.db.riskNotices.toArray()).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  }

  async addRiskNotice(input: RiskNoticeInput): Promise<SaveResult<RiskNotice>> {
    await requirePermission(this.ctx, 'clues.write', { entity: 'riskNotices', entityId: 'new' });
    const now = this.ctx.now();
    const checked = checkRiskNotice(input, localIsoDate(now));
    if (!checked.value) return { ok: false, errors: checked.errors };
    const value = checked.value;
    const { db } = this.ctx;
    const id = this.ctx.newId();
    return db.transaction('rw', [db.riskNotices, db.audit, db.settings], async () => {
      const by = await currentActorName(db);
      if (!by) return { ok: false as const, errors: [{ field: 'operator', message: CLUE_OPERATOR_MISSING }] };
      const notice: RiskNotice = { ...value, id, by };
      await db.riskNotices.add(notice);
      await appendAudit(db, { action: 'create', entity: 'riskNotices', entityId: id, before: null, after: notice }, now);
      return { ok: true as const, value: notice };
    });
  }

  /** The screening ledger's firms as the monitoring side links them (read only; 排查 writes them). */
  async ledgerFirms(): Promise<LedgerFirm[]> {
    const firms = await this.ctx.db.firms.toArray();
    return firms.map((f) => ({ id: f.id, name: f.name, creditCode: f.creditCode })).sort((a, b) => a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id));
  }

  /** The clues about a ledger firm and its adverts with their actions: the firm page shows them. */
  async linksForFirm(firmId: string): Promise<FirmMonitoringLinks> {
    const { db } = this.ctx;
    const firm = await db.firms.get(firmId);
    if (!firm) return { clues: [], adverts: [], actions: [] };
    const lookup = buildLedgerLookup([{ id: firm.id, name: firm.name, creditCode: firm.creditCode }]);
    const [clues, adverts] = await Promise.all([
      db.clues.filter((c) => c.subject.kind === 'firm' && ledgerFirmFor(lookup, c.subject) !== null).toArray(),
      db.adverts.filter((a) => ledgerFirmFor(lookup, { name: a.advertiser, creditCode: a.advertiserCode }) !== null).toArray(),
    ]);
    const keys = new Set(adverts.flatMap((a) => [a.id, a.advertiserKey]));
    const actions = await db.advertActions.filter((x) => keys.has(x.targetId) || keys.has(x.advertiserKey)).toArray();
    clues.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
    adverts.sort((a, b) => b.date.localeCompare(a.date));
    actions.sort((a, b) => b.date.localeCompare(a.date));
    return { clues, adverts, actions };
  }

  private async fingerprints(): Promise<Set<string>> {
    const set = new Set<string>();
    await this.ctx.db.adverts.each((a) => {
      set.add(a.fingerprint);
    });
    return set;
  }
}
