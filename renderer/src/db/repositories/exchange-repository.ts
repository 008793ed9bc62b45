// 报送: this office's identity and signing key, the offices it trusts, packages it makes and
// imports, and the records received. The only writer of the exchange tables; every write is
// audited (an import with the package's SHA-256), keys and offices are the 管理员's.
import type { FieldErrors, Validated } from '../../core/common/field-errors';
import { localIsoDate } from '../../core/common/iso-date';
import {
  ASSIGNMENT_KIND,
  applyToBlocks,
  areaFigureRecords,
  assignmentForm,
  buildExchangeRecords,
  buildNoticeRecords,
  checkFingerprint,
  checkNoticeRequest,
  decodeRecordBlock,
  type ExchangeError,
  type ExchangeRecord,
  type ExchangeRecordBlock,
  encodeRecordBlock,
  flattenBlocks,
  generateOfficeKeyPair,
  type HeldRecord,
  type IdentityInput,
  type ImportPlan,
  isExchangeError,
  keyFingerprint,
  MONITORING_KIND,
  type NoticeField,
  type NoticeInput,
  normalizeFingerprint,
  type OfficeField,
  type OfficeIdentity,
  type OfficeLevel,
  openPackage,
  PACKAGE_FILE_EXTENSION,
  type PackageHeader,
  planCounts,
  planImport,
  REGISTER_BLOCK_KIND,
  REGISTER_PAGE_SIZE,
  type ReceivedFigureRecord,
  type RegisterCreditor,
  type RegisterHit,
  type ReportPeriod,
  readKeyFile,
  readRegisterFrame,
  recordKey,
  refusals,
  registerBlockId,
  registerBlockPrefix,
  registerFrameCounts,
  registerSummaryOf,
  reportPeriod,
  SCREENING_KIND,
  type TrustedOffice,
  upgradeRecords,
  type VerifiedPackage,
  validateIdentity,
  type WritePackageOptions,
  writeKeyFile,
  writePackage,
} from '../../core/exchange';
import { auditRefusal, requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import { readOfficeSource } from '../exchange/office-source';
import { type ReceivedRegister, readReceivedRegister, readRegisterPage, searchReceivedRegister } from '../exchange/received-registers';
import type { ExchangeOfficeRow, ExchangePackageRow, ExchangeRecordBlockRow, ExchangeRecordRow, LandedAssignment } from '../records';
import type { RepositoryContext } from '../repository-context';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { actorName, currentActor } from '../session';
import type { ClueRepository } from './clue-repository';
import type { CreditorRepository } from './creditor-repository';
import type { FigureRepository } from './figure-repository';
import type { PetitionRepository } from './petition-repository';

export const IDENTITY_SECTION = 'exchange-identity';

interface StoredIdentity {
  readonly office: OfficeIdentity;
  readonly privateKey: string;
  readonly publicKey: string;
  readonly createdAt: string;
}

/** This office's identity as the screens show it (never the private key). */
export interface ExchangeIdentity {
  readonly office: OfficeIdentity;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly createdAt: string;
}

export interface MakePackageRequest {
  readonly period: ReportPeriod;
  /** Personal data unmasked, on purpose: needs a reason, and the 导出个人信息 permission. */
  readonly includePersonal: boolean;
  readonly personalReason: string;
  readonly creditorCaseIds: readonly string[];
  readonly recipientId: string | null;
  readonly passphrase?: string;
  readonly appVersion: string;
}

export interface MadePackage {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly header: PackageHeader;
  readonly fileSha256: string;
}

export interface ImportPreview {
  readonly header: PackageHeader;
  readonly fileSha256: string;
  readonly alreadyImported: boolean;
  readonly counts: { added: number; changed: number; unchanged: number; removed: number };
  readonly byKind: ImportPlan['byKind'];
  /** The sender was registered by fingerprint: its key is pinned by this import. */
  readonly pinsKey: boolean;
}

export interface ImportOutcome extends ImportPreview {
  /** Assignments of a notice package registered here as this office's clues or petitions. */
  readonly landed: readonly LandedAssignment[];
}

export interface MakeNoticeRequest {
  /** The exchangeOffices row of the district office it is for. */
  readonly recipientId: string;
  readonly notice: NoticeInput | null;
  readonly clueIds: readonly string[];
  readonly petitionIds: readonly string[];
  /** 交办要求. */
  readonly request: string;
  readonly includePersonal: boolean;
  readonly personalReason: string;
  readonly passphrase?: string;
  readonly appVersion: string;
}

export class ExchangeRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly creditors: CreditorRepository,
    private readonly figures: FigureRepository,
    private readonly clues: ClueRepository,
    private readonly petitions: PetitionRepository,
  ) {}

  // ── identity ─────────────────────────────────────────────────────────────────────────────────
  async identity(): Promise<ExchangeIdentity | null> {
    const stored = await this.storedIdentity();
    return stored ? { office: stored.office, publicKey: stored.publicKey, fingerprint: keyFingerprint(stored.publicKey), createdAt: stored.createdAt } : null;
  }

  /** Sets name, level and district; the first save makes the office id and its signing key. */
  async saveIdentity(input: IdentityInput): Promise<Validated<ExchangeIdentity, 'name' | 'level' | 'district'>> {
    await requirePermission(this.ctx, 'exchange.keys', { entity: 'exchange', entityId: 'identity' });
    const checked = validateIdentity(input);
    if (!checked.ok) return checked;
    const before = await this.storedIdentity();
    const keys = before ? { privateKey: before.privateKey, publicKey: before.publicKey } : await generateOfficeKeyPair();
    const now = this.ctx.now();
    const stored: StoredIdentity = {
      // A random UUID, not ctx.newId(): the id must be unique among all offices, not just in this store.
      office: { id: before?.office.id ?? `office-${globalThis.crypto.randomUUID()}`, ...checked.value },
      ...keys,
      createdAt: before?.createdAt ?? now.toISOString(),
    };
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ id: IDENTITY_SECTION, value: stored });
      // The private key never enters the audit log: the public key and fingerprint say which key it is.
      await appendAudit(
        db,
        {
          action: before ? 'update' : 'create',
          entity: 'exchangeIdentity',
          entityId: stored.office.id,
          before: before ? { office: before.office, fingerprint: keyFingerprint(before.publicKey) } : null,
          after: { office: stored.office, publicKey: stored.publicKey, fingerprint: keyFingerprint(stored.publicKey) },
        },
        now,
      );
    });
    return { ok: true, value: { office: stored.office, publicKey: stored.publicKey, fingerprint: keyFingerprint(stored.publicKey), createdAt: stored.createdAt } };
  }

  /** The public key file to hand to the offices this one reports to (recorded in the audit log). */
  async exportKeyFile(): Promise<{ readonly text: string; readonly fileName: string }> {
    const stored = await this.storedIdentity();
    if (!stored) throw new Error('尚未设置本单位报送身份：请先在 设置 → 报送 中填写本单位名称并保存。');
    const fileName = `${stored.office.name}-公钥.cfkey`;
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], () =>
      appendAudit(db, { action: 'export', entity: 'exchangeIdentity', entityId: stored.office.id, before: null, after: { fileName, fingerprint: keyFingerprint(stored.publicKey) } }, this.ctx.now()),
    );
    return { text: writeKeyFile(stored.office, stored.publicKey), fileName };
  }

  // ── offices ──────────────────────────────────────────────────────────────────────────────────
  async offices(): Promise<ExchangeOfficeRow[]> {
    const rows = await this.ctx.db.exchangeOffices.toArray();
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  async addOfficeFromKeyFile(text: string): Promise<{ ok: true; office: ExchangeOfficeRow } | { ok: false; message: string }> {
    await requirePermission(this.ctx, 'exchange.keys', { entity: 'exchangeOffice', entityId: 'new' });
    const read = readKeyFile(text);
    if (!read.ok) return read;
    const own = await this.storedIdentity();
    if (own && own.publicKey === read.value.publicKey) return { ok: false, message: '这是本单位自己的公钥文件，无需添加。请选择对方单位发来的公钥文件。' };
    const duplicate = await this.duplicateOf(read.value.office.id, read.value.fingerprint);
    if (duplicate) return { ok: false, message: duplicate };
    return { ok: true, office: await this.putOffice({ ...read.value.office, officeId: read.value.office.id, publicKey: read.value.publicKey, fingerprint: read.value.fingerprint, source: 'key-file' }) };
  }

  /** Registers an office by the fingerprint read over the phone; its key is taken from its first package. */
  async addOfficeByFingerprint(input: { name: string; level: OfficeLevel; district: string; fingerprint: string }): Promise<Validated<ExchangeOfficeRow, OfficeField>> {
    await requirePermission(this.ctx, 'exchange.keys', { entity: 'exchangeOffice', entityId: 'new' });
    const checked = validateIdentity(input);
    const errors: FieldErrors<OfficeField> = checked.ok ? {} : { ...checked.errors };
    const fpError = checkFingerprint(input.fingerprint);
    if (fpError) errors.fingerprint = fpError;
    const fingerprint = normalizeFingerprint(input.fingerprint);
    if (!fpError && fingerprint) {
      const duplicate = await this.duplicateOf(null, fingerprint);
      if (duplicate) errors.fingerprint = duplicate;
    }
    if (!checked.ok || Object.keys(errors).length > 0 || !fingerprint) return { ok: false, errors };
    return { ok: true, value: await this.putOffice({ ...checked.value, officeId: null, publicKey: null, fingerprint, source: 'fingerprint' }) };
  }

  async removeOffice(id: string): Promise<void> {
    await requirePermission(this.ctx, 'exchange.keys', { entity: 'exchangeOffice', entityId: id });
    const { db } = this.ctx;
    await db.transaction('rw', [db.exchangeOffices, db.settings, db.audit], async () => {
      const before = await db.exchangeOffices.get(id);
      if (!before) return;
      await db.exchangeOffices.delete(id);
      // Records already received stay (they are what the office reported); new packages are refused.
      await appendAudit(db, { action: 'delete', entity: 'exchangeOffice', entityId: id, before, after: null }, this.ctx.now());
    });
  }

  private async duplicateOf(officeId: string | null, fingerprint: string): Promise<string | null> {
    const rows = await this.ctx.db.exchangeOffices.toArray();
    const same = rows.find((r) => r.fingerprint === fingerprint || (officeId !== null && r.officeId === officeId));
    if (!same) return null;
    return same.fingerprint === fingerprint ? `该公钥已登记为「${same.name}」，无需重复添加。` : `单位「${same.name}」已登记了另一把公钥。如对方更换了密钥，请先删除原登记，电话核对新指纹后再添加。`;
  }

  private async putOffice(o: Omit<ExchangeOfficeRow, 'id' | 'addedAt' | 'addedBy'>): Promise<ExchangeOfficeRow> {
    const { db } = this.ctx;
    const now = this.ctx.now();
    return db.transaction('rw', [db.exchangeOffices, db.settings, db.audit], async () => {
      const row: ExchangeOfficeRow = { ...o, id: this.ctx.newId(), addedAt: now.toISOString(), addedBy: actorName(await currentActor(db)) };
      await db.exchangeOffices.add(row);
      await appendAudit(db, { action: 'create', entity: 'exchangeOffice', entityId: row.id, before: null, after: row }, now);
      return row;
    });
  }

  // ── making a package ─────────────────────────────────────────────────────────────────────────
  async makePackage(request: MakePackageRequest): Promise<MadePackage> {
    await requirePermission(this.ctx, 'exchange.report', { entity: 'exchangePackage', entityId: request.period.key });
    if (request.includePersonal) {
      await requirePermission(this.ctx, 'personal.export', { entity: 'exchangePackage', entityId: request.period.key, details: { personalData: true } });
      if (request.personalReason.trim() === '') throw new Error('包含完整个人信息时，请填写原因（如：市处非办来函要求报送完整名单）。');
    }
    const stored = await this.storedIdentity();
    if (!stored) throw new Error('尚未设置本单位报送身份：请 管理员 先在 设置 → 报送 中填写本单位名称并保存。');
    const offices = await this.offices();
    const recipient = request.recipientId ? offices.find((o) => o.id === request.recipientId) : undefined;
    // Refund facts are a cache: bring the changed cases' facts up to date before they are sent.
    await this.figures.refreshRefundFacts(await this.figures.staleRefundFacts());
    const source = await readOfficeSource(this.ctx.db, this.creditors, request.period, request.creditorCaseIds);
    // 排查 and 线索监测 figures, as the 统计 dashboard's records (the city sums them with its own).
    const areas = await this.figures.loadWithoutPetitions();
    const built = buildExchangeRecords({ ...source, extra: [...(source.extra ?? []), ...areaFigureRecords(areas)] }, request.period, request.includePersonal);
    const made = await writePackage({
      ...(await this.packageHeaderBase(stored, request, this.ctx.now())),
      recipient: recipient ? { id: recipient.officeId ?? recipient.id, name: recipient.name, level: recipient.level, district: recipient.district } : null,
      period: request.period,
      records: built.records,
      registers: built.registers,
      totals: built.totals,
    });
    const fileName = `${stored.office.name}-${request.period.label}-报送包.${PACKAGE_FILE_EXTENSION}`;
    await this.auditExport(made.header.packageId, {
            fileName,
            fileSha256: made.fileSha256,
            period: request.period.key,
            counts: made.header.counts,
            totals: made.header.totals,
            personalData: made.header.personalData,
            creditorCases: request.creditorCaseIds,
            encrypted: made.header.body.encryption !== null,
            recipient: made.header.recipient?.name ?? null,
          });
    return { bytes: made.bytes, fileName, header: made.header, fileSha256: made.fileSha256 };
  }

  /**
   * 市 → 区县: notices and assignments (a clue or petition to handle) for one district office, signed
   * like a report. Field errors in Chinese; the package is audited with its hash like a report.
   */
  async makeNoticePackage(request: MakeNoticeRequest): Promise<{ ok: true; value: MadePackage } | { ok: false; errors: Partial<Record<NoticeField | 'recipient' | 'reason', string>> }> {
    await requirePermission(this.ctx, 'exchange.report', { entity: 'exchangePackage', entityId: 'notice' });
    if (request.includePersonal) await requirePermission(this.ctx, 'personal.export', { entity: 'exchangePackage', entityId: 'notice', details: { personalData: true } });
    const stored = await this.storedIdentity();
    if (!stored) throw new Error('尚未设置本单位报送身份：请 管理员 先在 设置 → 报送 中填写本单位名称并保存。');
    const { db } = this.ctx;
    const [recipient, clueRows, petitionRows] = await Promise.all([
      db.exchangeOffices.get(request.recipientId),
      db.clues.bulkGet([...request.clueIds]),
      db.petitions.bulkGet([...request.petitionIds]),
    ]);
    const input = {
      notice: request.notice,
      clues: clueRows.filter((c) => c !== undefined),
      petitions: petitionRows.flatMap((p) => (p ? [p.body] : [])),
      request: request.request,
    };
    const errors: Partial<Record<NoticeField | 'recipient' | 'reason', string>> = { ...checkNoticeRequest(input) };
    if (!recipient) errors.recipient = '请选择接收通知的区县单位（在 设置 → 报送与密钥 中添加）。';
    else if (recipient.officeId === null) errors.recipient = `「${recipient.name}」是按电话核对的指纹登记的，尚未收到其报送包，还不知道它的单位标识。请先导入该单位的一个报送包，或改用其公钥文件登记。`;
    if (request.includePersonal && request.personalReason.trim() === '') errors.reason = '包含完整个人信息时，请填写原因。';
    if (Object.keys(errors).length > 0 || !recipient) return { ok: false, errors };
    const now = this.ctx.now();
    const today = localIsoDate(now);
    const records = buildNoticeRecords(input, this.ctx.newId(), today, request.includePersonal);
    const made = await writePackage({
      ...(await this.packageHeaderBase(stored, request, now)),
      kind: 'notice',
      recipient: { id: recipient.officeId ?? recipient.id, name: recipient.name, level: recipient.level, district: recipient.district },
      period: reportPeriod('month', Number(today.slice(0, 4)), Number(today.slice(5, 7))),
      records,
      totals: { amountInvolvedFen: 0, lossesRecoveredFen: 0, refundPaidFen: 0, petitionPersons: input.petitions.reduce((n, p) => n + p.personCount, 0), creditors: 0 },
    });
    const fileName = `${stored.office.name}-致${recipient.name}-通知交办-${today}.${PACKAGE_FILE_EXTENSION}`;
    await this.auditExport(made.header.packageId, { kind: 'notice', fileName, fileSha256: made.fileSha256, recipient: recipient.name, counts: made.header.counts, clues: request.clueIds, petitions: request.petitionIds, personalData: made.header.personalData });
    return { ok: true, value: { bytes: made.bytes, fileName, header: made.header, fileSha256: made.fileSha256 } };
  }

  // ── importing ────────────────────────────────────────────────────────────────────────────────
  /** Verifies the package and shows what importing it would change; writes nothing (refusals are audited). */
  async previewImport(bytes: Uint8Array, fileName: string, passphrase?: string): Promise<ImportPreview> {
    const opened = await this.open(bytes, fileName, passphrase);
    const { db } = this.ctx;
    const { plan } = await db.transaction('r', [db.exchangeRecordBlocks, db.exchangePackages], () => this.plan(opened));
    return previewOf(opened, plan);
  }

  /**
   * Imports atomically: the records, the removal of those a newer package of the period no longer
   * carries, the package row, the sender's key pinned when registered by fingerprint, and the audit
   * entry with the package's hash commit together or not at all.
   */
  async importPackage(bytes: Uint8Array, fileName: string, passphrase?: string): Promise<ImportOutcome> {
    await requirePermission(this.ctx, 'exchange.import', { entity: 'exchangePackage', entityId: fileName });
    const opened = await this.open(bytes, fileName, passphrase);
    const { db } = this.ctx;
    const now = this.ctx.now();
    try {
      // Inflated before the transaction (IndexedDB ends a transaction that waits on anything else).
      const registerTexts = await this.inflateRegisters(opened);
      // A notice package registers its assignments through the clue and petition repositories: their
      // tables join this transaction, so the records and the landed clues/petitions commit together.
      const tables = [db.exchangeRecordBlocks, db.exchangePackages, db.exchangeOffices, db.settings, db.audit, db.clues, db.clueReporters, db.clueCounters, db.petitions, db.petitionCounters, db.mediationSessions, db.cases];
      return await db.transaction('rw', tables, async () => {
        const { plan, blocks } = await this.plan(opened);
        const { header, fileSha256 } = opened;
        const preview = previewOf(opened, plan);
        if (plan.alreadyImported) {
          await appendAudit(db, { action: 'import', entity: 'exchangePackage', entityId: fileSha256, before: null, after: { fileName, office: header.sender.name, period: header.period.key, alreadyImported: true, changes: preview.counts } }, now);
          return { ...preview, landed: [] };
        }
        const writes = [...plan.added, ...plan.changed].map((p) => ({
          kind: p.record.kind,
          record: {
            sourceId: p.record.sourceId,
            district: p.record.district,
            periodKey: header.period.key,
            packageSha256: fileSha256,
            packageCreatedAt: header.createdAt,
            contentHash: p.contentHash,
            data: p.record.data,
          },
        }));
        const heldKeys = new Map<string, { kind: string; sourceId: string }>();
        for (const b of blocks) for (const r of b.records) heldKeys.set(recordKey(b.office, b.kind, r.sourceId), { kind: b.kind, sourceId: r.sourceId });
        const removals = plan.removed.flatMap((key) => heldKeys.get(key) ?? []);
        const changes = applyToBlocks(blocks, header.sender.id, header.sender.name, writes, removals);
        await db.exchangeRecordBlocks.bulkPut(changes.put.map(encodeRecordBlock));
        await db.exchangeRecordBlocks.bulkDelete(changes.deleted);
        await this.writeRegisters(opened, blocks, [...plan.added, ...plan.changed].map((p) => p.record), removals, registerTexts);
        const landed = header.kind === 'notice' ? await this.landAssignments(header.sender.name, plan.added.filter((p) => p.record.kind === ASSIGNMENT_KIND).map((p) => p.record)) : [];
        const office = opened.office;
        if (office && office.officeId === null) {
          const row = (await db.exchangeOffices.toArray()).find((o) => o.officeId === null && o.fingerprint === office.fingerprint);
          if (row) await db.exchangeOffices.put({ ...row, officeId: header.sender.id, publicKey: header.sender.publicKey });
        }
        const packageRow: ExchangePackageRow = {
          fileSha256,
          office: header.sender.id,
          officeName: header.sender.name,
          periodKey: header.period.key,
          periodLabel: header.period.label,
          createdAt: header.createdAt,
          receivedAt: now.toISOString(),
          schemaVersion: header.schemaVersion,
          appVersion: header.appVersion,
          counts: header.counts,
          totals: header.totals,
          personalData: header.personalData,
          changes: preview.counts,
          importedBy: actorName(await currentActor(db)),
          ...(header.kind === 'notice' ? { kind: header.kind, landed } : {}),
        };
        await db.exchangePackages.put(packageRow);
        await appendAudit(
          db,
          {
            action: 'import',
            entity: 'exchangePackage',
            entityId: fileSha256,
            before: null,
            after: {
              fileName,
              office: header.sender.name,
              officeId: header.sender.id,
              period: header.period.key,
              createdAt: header.createdAt,
              changes: preview.counts,
              personalData: header.personalData,
              pinnedKey: preview.pinsKey,
              ...(header.kind === 'notice' ? { landed } : {}),
            },
          },
          now,
        );
        return { ...preview, landed };
      });
    } catch (error) {
      if (isExchangeError(error)) await this.auditRefused(fileName, error);
      throw error;
    }
  }

  // ── reading what was received ────────────────────────────────────────────────────────────────
  async packages(): Promise<ExchangePackageRow[]> {
    const rows = await this.ctx.db.exchangePackages.toArray();
    return rows.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  async records(filter: { readonly office?: string; readonly kind?: string } = {}): Promise<ExchangeRecordRow[]> {
    const t = this.ctx.db.exchangeRecordBlocks;
    let rows: ExchangeRecordBlockRow[];
    if (filter.office && filter.kind) rows = await t.where('[office+kind]').equals([filter.office, filter.kind]).toArray();
    else if (filter.office) rows = await t.where('office').equals(filter.office).toArray();
    else if (filter.kind) rows = await t.where('kind').equals(filter.kind).toArray();
    else rows = await t.toArray();
    return flattenBlocks(rows.filter((b) => b.kind !== REGISTER_BLOCK_KIND).map(decodeRecordBlock));
  }

  /**
   * What the 统计 dashboard adds to the city's own records: the received cases (with the office and
   * package they came in), registers' counts, petitions and refund facts, and the districts of the offices it receives from (empty unless this is the city office).
   */
  async figureRecords(): Promise<{ readonly records: ReceivedFigureRecord[]; readonly districts: string[] }> {
    const own = await this.storedIdentity();
    if (own?.office.level !== 'city') return { records: [], districts: [] };
    const { db } = this.ctx;
    const [blocks, offices] = await db.transaction('r', [db.exchangeRecordBlocks, db.exchangeOffices], () =>
      Promise.all([db.exchangeRecordBlocks.where('kind').anyOf([...FIGURE_KINDS]).toArray(), db.exchangeOffices.toArray()]),
    );
    const records: ReceivedFigureRecord[] = [];
    for (const b of blocks.map(decodeRecordBlock)) {
      for (const r of b.records) records.push({ office: b.office, kind: b.kind, district: r.district, data: r.data, officeName: b.officeName, packageCreatedAt: r.packageCreatedAt });
    }
    return {
      records,
      districts: offices.filter((o) => o.level === 'district' && o.district !== '').map((o) => o.district),
    };
  }

  async recordCount(): Promise<number> {
    let n = 0;
    await this.ctx.db.exchangeRecordBlocks.each((b) => {
      if (b.kind !== REGISTER_BLOCK_KIND) n += b.count;
    });
    return n;
  }

  /** The creditors of a register received from an office, in the order sent (masked as the sender chose). */
  async registerCreditors(office: string, caseId: string): Promise<RegisterCreditor[]> {
    const prefix = registerBlockPrefix(office, caseId);
    const rows = await this.ctx.db.exchangeRecordBlocks.where(':id').between(prefix, `${prefix}\uffff`).toArray();
    rows.sort((a, b) => a.seq - b.seq);
    const out: RegisterCreditor[] = [];
    for (const r of rows) if (r.frame) out.push(...(await readRegisterFrame(r.frame, r.count)));
    return out;
  }

  /** A received register's account (count, sums, the sender's masking choice), or null when none was received. */
  readReceivedRegister(office: string, caseId: string): Promise<ReceivedRegister | null> {
    return readReceivedRegister(this.ctx.db, office, caseId);
  }

  /** A page of a received register's creditors as sent (read from its stored rows, one or two of them). */
  registerPage(office: string, caseId: string, offset: number, limit = REGISTER_PAGE_SIZE): Promise<RegisterHit[]> {
    return readRegisterPage(this.ctx.db, office, caseId, offset, limit);
  }

  /** The next creditors of a received register matching what was typed, from creditor `from` on. */
  searchRegister(office: string, caseId: string, text: string, from = 0, limit = REGISTER_PAGE_SIZE): Promise<{ readonly hits: RegisterHit[]; readonly next: number | null }> {
    return searchReceivedRegister(this.ctx.db, office, caseId, text, from, limit);
  }

  /** A received creditor's full ID number and phone shown on purpose (an unmasked register): 查看完整个人信息, audited. */
  async recordRegisterReveal(office: string, caseId: string, creditor: { readonly n: number; readonly name: string }): Promise<void> {
    const details = { office, caseId, n: creditor.n, name: creditor.name, field: 'idNumber,phone' };
    await requirePermission(this.ctx, 'personal.reveal', { entity: 'exchangeRegister', entityId: `${office}|${caseId}`, details });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'reveal', entity: 'exchangeRegister', entityId: `${office}|${caseId}`, before: null, after: details }, this.ctx.now()),
    );
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────
  private async storedIdentity(): Promise<StoredIdentity | null> {
    const row = await this.ctx.db.settings.get(IDENTITY_SECTION);
    return (row?.value as StoredIdentity | undefined) ?? null;
  }

  private async open(bytes: Uint8Array, fileName: string, passphrase: string | undefined): Promise<VerifiedPackage> {
    const [own, offices] = await Promise.all([this.storedIdentity(), this.offices()]);
    const trusted: TrustedOffice[] = offices.map((o) => ({ officeId: o.officeId, name: o.name, publicKey: o.publicKey, fingerprint: o.fingerprint }));
    try {
      const opened = await openPackage(bytes, { trusted, maxSchemaVersion: CURRENT_SCHEMA_VERSION, ...(own ? { ownOfficeId: own.office.id } : {}), ...(passphrase ? { passphrase } : {}) });
      const to = opened.header.recipient;
      if (opened.header.kind === 'notice' && (to === null || to.id !== own?.office.id)) throw refusals.notForThisOffice(opened.header.sender.name, to?.name ?? '（未指定）');
      return { ...opened, records: upgradeRecords(opened.records, opened.header.schemaVersion, CURRENT_SCHEMA_VERSION) };
    } catch (error) {
      if (isExchangeError(error)) await this.auditRefused(fileName, error);
      throw error;
    }
  }

  /** The plan, and the sender's stored blocks it was made against (the import rewrites some of them). */
  private async plan(opened: VerifiedPackage): Promise<{ plan: ImportPlan; blocks: ExchangeRecordBlock[] }> {
    const { db } = this.ctx;
    const sender = opened.header.sender.id;
    const heldPackages = await db.exchangePackages.where('office').equals(sender).toArray();
    // The very same file again (and nothing newer of its period): no record needs reading.
    const same = heldPackages.some((p) => p.fileSha256 === opened.fileSha256);
    const newer = heldPackages.some((p) => p.periodKey === opened.header.period.key && p.createdAt > opened.header.createdAt);
    const blocks = same && !newer ? [] : (await db.exchangeRecordBlocks.where('office').equals(sender).filter((b) => b.kind !== REGISTER_BLOCK_KIND).toArray()).map(decodeRecordBlock);
    const held: HeldRecord[] = [];
    for (const b of blocks) {
      for (const r of b.records) held.push({ key: recordKey(sender, b.kind, r.sourceId), kind: b.kind, contentHash: r.contentHash, periodKey: r.periodKey, packageCreatedAt: r.packageCreatedAt });
    }
    const plan = planImport(
      opened.header,
      opened.fileSha256,
      opened.records,
      held,
      heldPackages.map((p) => ({ fileSha256: p.fileSha256, periodKey: p.periodKey, createdAt: p.createdAt })),
    );
    return { plan, blocks };
  }

  /**
   * Each framed register's frames (stored as received) with their creditor counts, 1,000 a frame as the
   * signed record's count says (registerFrameCounts; a frame holding another number is refused when
   * read); none when the file is held already. Nothing is inflated: openPackage verified every frame.
   */
  private async inflateRegisters(opened: VerifiedPackage): Promise<Map<string, { frame: Uint8Array; count: number }[]>> {
    const out = new Map<string, { frame: Uint8Array; count: number }[]>();
    if (opened.registerFrames.size === 0 || (await this.ctx.db.exchangePackages.get(opened.fileSha256))) return out;
    for (const record of opened.records) {
      const summary = registerSummaryOf(record);
      const frames = summary ? opened.registerFrames.get(summary.caseId) : undefined;
      if (!summary || !frames) continue;
      const counts = registerFrameCounts(summary);
      if (!counts || counts.length !== frames.length) throw refusals.corrupted(`register ${summary.caseId}: ${frames.length} frames for ${summary.count} creditors`);
      out.set(
        summary.caseId,
        frames.map((f, i) => ({ frame: f.slice(), count: counts[i] as number })),
      );
    }
    return out;
  }

  /**
   * Stores the registers the import adds or changes, 1,000 creditors a row, and removes the rows of
   * registers changed (beyond their new length) or no longer sent. Inside the import's transaction.
   */
  private async writeRegisters(
    opened: VerifiedPackage,
    held: readonly ExchangeRecordBlock[],
    writes: readonly ExchangeRecord[],
    removals: readonly { readonly kind: string; readonly sourceId: string }[],
    texts: ReadonlyMap<string, { frame: Uint8Array; count: number }[]>,
  ): Promise<void> {
    const { db } = this.ctx;
    const office = opened.header.sender.id;
    const heldFrames = new Map<string, number>();
    for (const b of held) if (b.kind === 'creditors') for (const r of b.records) heldFrames.set(r.sourceId, registerSummaryOf({ kind: b.kind, data: r.data })?.frames ?? 0);
    const drop = (caseId: string, from: number) => {
      const ids: string[] = [];
      for (let seq = from; seq < (heldFrames.get(caseId) ?? 0); seq++) ids.push(registerBlockId(office, caseId, seq));
      return ids.length > 0 ? db.exchangeRecordBlocks.bulkDelete(ids) : Promise.resolve();
    };
    for (const record of writes) {
      if (record.kind !== 'creditors') continue;
      const frames = texts.get(record.sourceId) ?? [];
      for (let at = 0; at < frames.length; at += 50) {
        await db.exchangeRecordBlocks.bulkPut(
          frames.slice(at, at + 50).map((f, i) => ({ id: registerBlockId(office, record.sourceId, at + i), office, officeName: opened.header.sender.name, kind: REGISTER_BLOCK_KIND, seq: at + i, count: f.count, records: '', frame: f.frame })),
        );
      }
      await drop(record.sourceId, frames.length);
    }
    for (const r of removals) if (r.kind === 'creditors') await drop(r.sourceId, 0);
  }

  /** Registers each new assignment as this office's own clue or petition (inside the import's transaction). */
  private async landAssignments(from: string, assignments: readonly ExchangeRecord[]): Promise<LandedAssignment[]> {
    const landed: LandedAssignment[] = [];
    const today = localIsoDate(this.ctx.now());
    const handler = actorName(await currentActor(this.ctx.db));
    for (const a of assignments) {
      const fromNumber = String(a.data.number ?? a.sourceId);
      const made = assignmentForm(a.data, from, today, handler);
      if (made === null) throw new Error(`交办事项 ${fromNumber} 的内容无法识别，未导入。请联系「${from}」重新发送。`);
      if (made.target === 'clue') {
        const r = await this.clues.register(made.form);
        if (!r.ok) throw new Error(`交办线索 ${fromNumber} 无法登记为本单位线索：${r.errors.map((e) => e.message).join('；')}。整个通知包未导入。`);
        landed.push({ sourceId: a.sourceId, target: 'clue', fromNumber, id: r.clueId, number: r.clueNo });
      } else {
        const r = await this.petitions.register(made.form);
        if (!r.ok) throw new Error(`交办信访件 ${fromNumber} 无法登记为本单位信访件：${r.errors.map((e) => e.message).join('；')}。整个通知包未导入。`);
        landed.push({ sourceId: a.sourceId, target: 'petition', fromNumber, id: r.petitionId, number: r.registerNo });
      }
    }
    return landed;
  }

  /**
   * What every package this office makes states alike, a report or a notice: the sender and its key,
   * the personal-data choice (who chose to include it, and why), versions, time, id, passphrase.
   */
  private async packageHeaderBase(
    stored: StoredIdentity,
    request: { readonly includePersonal: boolean; readonly personalReason: string; readonly appVersion: string; readonly passphrase?: string },
    now: Date,
  ): Promise<Pick<WritePackageOptions, 'sender' | 'keys' | 'personalData' | 'appVersion' | 'schemaVersion' | 'createdAt' | 'packageId' | 'passphrase'>> {
    const by = request.includePersonal ? actorName(await currentActor(this.ctx.db)) : '';
    return {
      sender: stored.office,
      keys: stored,
      personalData: request.includePersonal ? { included: true, by, reason: request.personalReason.trim() } : { included: false, by: '', reason: '' },
      appVersion: request.appVersion,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: now,
      packageId: this.ctx.newId(),
      ...(request.passphrase ? { passphrase: request.passphrase } : {}),
    };
  }

  /** The audit entry of a package made here (its file hash, what it carries, to whom). */
  private async auditExport(packageId: string, after: Readonly<Record<string, unknown>>): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], () => appendAudit(db, { action: 'export', entity: 'exchangePackage', entityId: packageId, before: null, after }, this.ctx.now()));
  }

  private async auditRefused(fileName: string, error: ExchangeError): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], () => auditRefusal(db, { entity: 'exchangePackage', entityId: fileName, details: { code: error.code, detail: error.detail } }, error.message, this.ctx.now()));
  }
}

/** The kinds the 统计 dashboard reads from what offices reported. */
// 'creditors': a received register's record (its count; the creditors stay in their frames), for the
// 涉及人数 of a case whose package is older than the register counts.
const FIGURE_KINDS = ['case', 'creditors', 'petition', 'refunds', SCREENING_KIND, MONITORING_KIND] as const;

function previewOf(opened: VerifiedPackage, plan: ImportPlan): ImportPreview {
  return {
    header: opened.header,
    fileSha256: opened.fileSha256,
    alreadyImported: plan.alreadyImported,
    counts: planCounts(plan),
    byKind: plan.byKind,
    pinsKey: opened.office !== null && opened.office.officeId === null,
  };
}

