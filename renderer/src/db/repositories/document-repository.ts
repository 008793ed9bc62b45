import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { isIsoDate, localIsoDate } from '../../core/common/iso-date';
// Not from core/documents/index, which would pull pdfmake and docx into the window's bundle.
import { formatDocumentNumber } from '../../core/documents/document-number';
import type { DocumentData, DocumentTemplate } from '../../core/documents/template-types';
import { validateDocumentData } from '../../core/documents/validate';
import { DEFAULT_SETTINGS, DOCUMENT_TYPES, type DocumentTypeId } from '../../core/settings/app-settings';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { AttachmentRow, DocumentRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import { currentActorName } from '../session';
import { attachmentKind, summaryOf } from './document-helpers';
import { DocumentTemplateStore } from './document-template-store';
import {
  type DocumentFilter,
  type DocumentResult,
  type DocumentSource,
  type DocumentStatus,
  documentTypeOf,
  type IssueRequest,
  NEXT_STATUSES,
  type NumberPreview,
} from './document-types';

const GONE = '该文书已不存在（可能已被恢复的备份替换），请返回文书列表。';
/** Scans larger than this are refused: IndexedDB keeps them, backups carry them. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;

/**
 * The only writer of the document registry (文书登记), the 文号 counters, users' template copies and
 * attached scans. Every write is audited in its own transaction; numbers are assigned there, once.
 */
export class DocumentRepository {
  readonly templates: DocumentTemplateStore;

  constructor(private readonly ctx: RepositoryContext) {
    this.templates = new DocumentTemplateStore(ctx);
  }

  async list(filter: DocumentFilter = {}): Promise<DocumentRow[]> {
    const { db } = this.ctx;
    const rows = filter.caseId ? await db.documents.where('caseId').equals(filter.caseId).toArray() : await db.documents.toArray();
    return rows
      .filter((r) => !filter.firmId || r.body.firmId === filter.firmId)
      .filter((r) => !filter.typeId || r.body.typeId === filter.typeId)
      .filter((r) => !filter.status || r.status === filter.status)
      .filter((r) => !filter.year || yearOf(r) === filter.year)
      .sort((a, b) => (b.body.createdAt < a.body.createdAt ? -1 : b.body.createdAt > a.body.createdAt ? 1 : b.id.localeCompare(a.id)));
  }

  get(id: string): Promise<DocumentRow | undefined> {
    return this.ctx.db.documents.get(id);
  }

  /** Stores (or updates) a draft: incomplete data is allowed, a number is not given yet. */
  async saveDraft(draftId: string | null, caseId: string | null, template: DocumentTemplate, data: DocumentData, firmId?: string, source?: DocumentSource): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'documents.draft', { entity: 'documents', entityId: draftId ?? 'new', details: { templateId: template.id } });
    const typeId = documentTypeOf(template);
    if (!typeId) return { ok: false, field: 'template', message: `模板“${template.name}”的文书类型无效：请改用内置模板或其副本。` };
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    return db.transaction('rw', [db.documents, db.audit, db.settings], async () => {
      const before = draftId ? await db.documents.get(draftId) : undefined;
      if (draftId && !before) return { ok: false as const, field: 'document', message: GONE };
      if (before && before.status !== '草稿') return { ok: false as const, field: 'document', message: `该文书已${before.status}，不能再作为草稿修改。` };
      const id = before?.id ?? this.ctx.newId();
      const firm = firmId ?? before?.body.firmId;
      const from = source ?? before?.body.source;
      const row: DocumentRow = {
        id,
        caseId,
        templateId: template.id,
        number: null,
        status: '草稿',
        issuedDate: null,
        body: {
          typeId,
          typeLabel: typeLabel(typeId),
          summary: summaryOf(template, data),
          ...(firm ? { firmId: firm } : {}),
          ...(from ? { source: from } : {}),
          template,
          data,
          year: null,
          sequence: null,
          pdfSha256: null,
          voidReason: null,
          history: before?.body.history ?? [{ status: '草稿', at: now, operator: await this.operatorName(), note: '' }],
          createdAt: before?.body.createdAt ?? now,
          updatedAt: now,
        },
      };
      await db.documents.put(row);
      await appendAudit(db, { action: before ? 'update' : 'create', entity: 'documents', entityId: id, before: before ?? null, after: row }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  /** The number the next issue of this type would get (to render the PDF before issuing). */
  async peekNumber(template: DocumentTemplate): Promise<DocumentResult<{ readonly preview: NumberPreview }>> {
    const typeId = documentTypeOf(template);
    if (!typeId) return { ok: false, field: 'template', message: `模板“${template.name}”的文书类型无效：请改用内置模板或其副本。` };
    const year = Number(localIsoDate(this.ctx.now()).slice(0, 4));
    const { db } = this.ctx;
    const [counter, prefix] = await db.transaction('r', [db.documentCounters, db.settings], async () => [
      await db.documentCounters.get(`${typeId}:${year}`),
      await this.prefixOf(typeId),
    ]);
    const sequence = counter?.next ?? 1;
    try {
      return { ok: true, preview: { typeId, year, sequence, number: formatDocumentNumber(prefix, year, sequence) } };
    } catch (e) {
      return { ok: false, field: 'documentNumber', message: `${typeLabel(typeId)}：${(e as Error).message}` };
    }
  }

  /**
   * Issues a document under the number it was rendered with. The counter moves in the same
   * transaction as the record and its audit entry, so a number is never skipped or given twice;
   * if another issue took the number first, nothing is stored and `field` is 'numberTaken' (render
   * again with a fresh peekNumber).
   */
  async issue(req: IssueRequest): Promise<DocumentResult<{ readonly id: string; readonly number: string }>> {
    await requirePermission(this.ctx, 'documents.issue', { entity: 'documents', entityId: req.draftId ?? 'new', details: { number: req.expected.number } });
    const problems = validateDocumentData(req.template, req.data);
    const first = problems[0];
    if (first) return { ok: false, field: first.field, message: first.message };
    const typeId = documentTypeOf(req.template);
    if (!typeId || typeId !== req.expected.typeId) return { ok: false, field: 'template', message: '文书类型与编号不符：请重新生成预览后再签发。' };
    if (attachmentKind(req.pdfFileName, req.pdf).ok !== true || req.pdf[0] !== 0x25) {
      return { ok: false, field: 'pdf', message: '签发的 PDF 文件无效：请重新生成预览后再签发。' };
    }
    // Hashed before the transaction (WebCrypto must never be awaited inside one; this is synchronous).
    const pdfSha256 = bytesToHex(sha256(req.pdf));
    if (!isIsoDate(req.issuedDate)) return { ok: false, field: 'issuedDate', message: '签发日期无效：请填写如 2026-11-26 的日期。' };
    if (req.data.documentNumber !== undefined && req.data.documentNumber !== req.expected.number) {
      return { ok: false, field: 'documentNumber', message: '文书上的文号与将要分配的文号不一致：请重新生成预览后再签发。' };
    }
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    const now = nowDate.toISOString();
    const year = Number(localIsoDate(nowDate).slice(0, 4));
    const counterId = `${typeId}:${year}`;
    return db.transaction('rw', [db.documents, db.documentCounters, db.attachments, db.audit, db.settings], async () => {
      const before = req.draftId ? await db.documents.get(req.draftId) : undefined;
      if (req.draftId && !before) return { ok: false as const, field: 'document', message: GONE };
      if (before && before.status !== '草稿') return { ok: false as const, field: 'document', message: `该文书已${before.status}（${before.number ?? '无文号'}），不能再次签发。` };
      const next = (await db.documentCounters.get(counterId))?.next ?? 1;
      const number = numberOrNull(await this.prefixOf(typeId), year, next);
      if (number === null) return { ok: false as const, field: 'documentNumber', message: `${typeLabel(typeId)}的文号前缀无效：请在设置中修改后重新生成。` };
      if (req.expected.year !== year || req.expected.sequence !== next || req.expected.number !== number) {
        return { ok: false as const, field: 'numberTaken', message: `文号已变化（下一个文号现为 ${number}）：请重新生成后再签发。` };
      }
      await db.documentCounters.put({ id: counterId, next: next + 1 });
      const id = before?.id ?? this.ctx.newId();
      const operator = await this.operatorName();
      const data: DocumentData = { ...req.data, documentNumber: number };
      const firmId = req.firmId ?? before?.body.firmId;
      const source = req.source ?? before?.body.source;
      const row: DocumentRow = {
        id,
        caseId: req.caseId,
        templateId: req.template.id,
        number,
        status: '已签发',
        issuedDate: req.issuedDate,
        body: {
          typeId,
          typeLabel: typeLabel(typeId),
          summary: summaryOf(req.template, data),
          ...(firmId ? { firmId } : {}),
          ...(source ? { source } : {}),
          template: req.template,
          data,
          year,
          sequence: next,
          pdfSha256,
          voidReason: null,
          history: [...(before?.body.history ?? []), { status: '已签发', at: now, operator, note: '' }],
          createdAt: before?.body.createdAt ?? now,
          updatedAt: now,
        },
      };
      await db.documents.put(row);
      const fileId = this.ctx.newId();
      await db.attachments.add({ id: fileId, documentId: id, fileName: req.pdfFileName, mimeType: 'application/pdf', bytes: req.pdf, sha256: pdfSha256, role: 'issued', addedAt: now, addedBy: operator });
      await appendAudit(
        db,
        { action: 'issue', entity: 'documents', entityId: id, before: before ?? null, after: { number, status: row.status, pdfSha256, typeId, caseId: req.caseId, ...(firmId ? { firmId } : {}) } },
        nowDate,
      );
      return { ok: true as const, id, number };
    });
  }

  /** 作废: the number stays taken and visible; the reason is required. */
  async voidDocument(id: string, reason: string): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'documents.issue', { entity: 'documents', entityId: id, details: { what: 'void' } });
    const why = reason.trim();
    if (!why) return { ok: false, field: 'reason', message: '作废原因：请填写作废原因。' };
    return this.moveStatus(id, '作废', why, 'void');
  }

  /** 已签发 → 已送达 → 已归档 (送达回证 and archiving are recorded by hand). */
  async changeStatus(id: string, status: DocumentStatus, note: string): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'documents.draft', { entity: 'documents', entityId: id, details: { status } });
    return this.moveStatus(id, status, note.trim(), 'stage-change');
  }

  private async moveStatus(id: string, status: DocumentStatus, note: string, action: 'void' | 'stage-change'): Promise<DocumentResult> {
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.documents, db.audit, db.settings], async () => {
      const before = await db.documents.get(id);
      if (!before) return { ok: false as const, field: 'document', message: GONE };
      const allowed = action === 'void' ? before.status !== '作废' : NEXT_STATUSES[before.status].includes(status);
      if (!allowed) return { ok: false as const, field: 'status', message: `状态：文书当前为“${before.status}”，不能改为“${status}”。` };
      const change = { status, at: nowDate.toISOString(), operator: await this.operatorName(), note };
      const row: DocumentRow = {
        ...before,
        status,
        body: { ...before.body, voidReason: action === 'void' ? note : before.body.voidReason, history: [...before.body.history, change], updatedAt: change.at },
      };
      await db.documents.put(row);
      await appendAudit(db, { action, entity: 'documents', entityId: id, before: { status: before.status, number: before.number }, after: change }, nowDate);
      return { ok: true as const, id };
    });
  }

  /** The signed and sealed scan (PDF or JPG) kept with its record. */
  async addAttachment(documentId: string, fileName: string, bytes: Uint8Array): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'documents.draft', { entity: 'documents', entityId: documentId, details: { fileName } });
    const kind = attachmentKind(fileName, bytes);
    if (!kind.ok) return { ok: false, field: 'attachment', message: kind.message };
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      return { ok: false, field: 'attachment', message: `扫描件“${fileName}”超过 30 MB：请降低扫描分辨率（如 200 dpi）后再附加。` };
    }
    const hash = bytesToHex(sha256(bytes));
    const { db } = this.ctx;
    const nowDate = this.ctx.now();
    return db.transaction('rw', [db.documents, db.attachments, db.audit, db.settings], async () => {
      const doc = await db.documents.get(documentId);
      if (!doc) return { ok: false as const, field: 'document', message: GONE };
      const id = this.ctx.newId();
      const row: AttachmentRow = { id, documentId, fileName, mimeType: kind.mimeType, bytes, sha256: hash, role: 'scan', addedAt: nowDate.toISOString(), addedBy: await this.operatorName() };
      await db.attachments.add(row);
      const { bytes: _omitted, ...described } = row;
      await appendAudit(db, { action: 'create', entity: 'attachments', entityId: id, before: null, after: { ...described, byteLength: bytes.byteLength, number: doc.number } }, nowDate);
      return { ok: true as const, id };
    });
  }

  /** The issued PDF exactly as registered (its hash is the record's pdfSha256). */
  async issuedPdf(documentId: string): Promise<AttachmentRow | undefined> {
    const rows = await this.ctx.db.attachments.where('documentId').equals(documentId).toArray();
    return rows.find((r) => r.role === 'issued');
  }

  listAttachments(documentId: string): Promise<AttachmentRow[]> {
    return this.ctx.db.attachments.where('documentId').equals(documentId).sortBy('addedAt');
  }

  /** Saving, printing or exporting a document (or a scan) leaves a trace. */
  async recordExport(documentId: string, what: 'pdf' | 'docx' | 'print' | 'attachment', fileName: string): Promise<void> {
    await requirePermission(this.ctx, 'personal.export', { entity: 'documents', entityId: documentId, details: { what, fileName } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'export', entity: 'documents', entityId: documentId, before: null, after: { what, fileName } }, this.ctx.now()),
    );
  }

  /**
   * A print that was refused or failed after its 'print' record was written (recording first is the
   * safe order: a print never goes out unrecorded): the document's history then says it did not
   * complete, and why. Audited like every write; the earlier record is never changed.
   */
  async recordPrintNotCompleted(documentId: string, fileName: string, reason: string): Promise<void> {
    await requirePermission(this.ctx, 'personal.export', { entity: 'documents', entityId: documentId, details: { what: 'print-failed', fileName } });
    const { db } = this.ctx;
    const why = reason.trim().slice(0, 300) || '原因未知';
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'export', entity: 'documents', entityId: documentId, before: null, after: { what: 'print-failed', fileName, reason: why } }, this.ctx.now()),
    );
  }

  /** 清退告知书 for a whole repayment batch (one PDF, one DOCX): audited with what was produced. */
  async recordBatchExport(batchId: string, details: { caseId: string; count: number; fileName: string; format: 'pdf' | 'docx'; sha256: string }): Promise<void> {
    await requirePermission(this.ctx, 'personal.export', { entity: 'documents', entityId: `refund-batch:${batchId}`, details: { fileName: details.fileName } });
    const { db } = this.ctx;
    await db.transaction('rw', [db.audit, db.settings], () =>
      appendAudit(db, { action: 'export', entity: 'documents', entityId: `refund-batch:${batchId}`, before: null, after: { what: '清退告知书', batchId, ...details } }, this.ctx.now()),
    );
  }

  private operatorName(): Promise<string> {
    return currentActorName(this.ctx.db);
  }

  private async prefixOf(typeId: DocumentTypeId): Promise<string> {
    const row = await this.ctx.db.settings.get('app');
    const prefixes = (row?.value as { documentPrefixes?: Partial<Record<DocumentTypeId, string>> } | undefined)?.documentPrefixes;
    return prefixes?.[typeId] ?? DEFAULT_SETTINGS.documentPrefixes[typeId];
  }
}

function typeLabel(typeId: DocumentTypeId): string {
  return DOCUMENT_TYPES.find((t) => t.id === typeId)?.label ?? typeId;
}

function numberOrNull(prefix: string, year: number, sequence: number): string | null {
  try {
    return formatDocumentNumber(prefix, year, sequence);
  } catch {
    return null;
  }
}

function yearOf(r: DocumentRow): number | null {
  return r.body.year ?? Number((r.issuedDate ?? r.body.createdAt).slice(0, 4));
}
