// Shapes of the document registry (文书登记) and of users' template copies, as stored in IndexedDB.
import type { DocumentData, DocumentTemplate } from '../../core/documents';
import type { DocumentTypeId } from '../../core/settings/app-settings';

/** 草稿 → 已签发 → 已送达 → 已归档; 作废 from any of them keeps the number. */
export const DOCUMENT_STATUSES = ['草稿', '已签发', '已送达', '已归档', '作废'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Which status may follow which by hand (签发 only through issue(), 作废 only through voidDocument()). */
export const NEXT_STATUSES: Readonly<Record<DocumentStatus, readonly DocumentStatus[]>> = {
  草稿: [],
  已签发: ['已送达', '已归档'],
  已送达: ['已归档'],
  已归档: [],
  作废: [],
};

export interface StatusChange {
  readonly status: DocumentStatus;
  readonly at: string;
  readonly operator: string;
  readonly note: string;
}

/**
 * The record outside a case a document was made from (a clue's reward, a risk notice, a firm of
 * the screening ledger): the registry reopens its draft in the editor by it and the editor names it.
 */
export interface DocumentSource {
  readonly kind: 'clue' | 'risk-notice' | 'firm';
  readonly id: string;
  /** How staff name it, e.g. 线索〔2026〕1号 (never a reporter's name: it is shown in the registry). */
  readonly label: string;
}

export interface DocumentBody {
  /** The settings key of the 文号 prefix and of the counter, e.g. "inquiry-notice". */
  readonly typeId: DocumentTypeId;
  readonly typeLabel: string;
  /** A one-line summary for the registry, e.g. the party the document is addressed to. */
  readonly summary: string;
  /** The template exactly as used (a user's copy may change later; the document must not). */
  readonly template: DocumentTemplate;
  /** The firm of the screening ledger (排查对象) the document is addressed to, when made from its page. */
  readonly firmId?: string;
  /** The clue, risk notice or firm it was made from, when made from that record's page. */
  readonly source?: DocumentSource;
  /** The data the document was made from, with its 文号 once issued. */
  readonly data: DocumentData;
  readonly year: number | null;
  readonly sequence: number | null;
  /** SHA-256 (hex) of the issued PDF. */
  readonly pdfSha256: string | null;
  readonly voidReason: string | null;
  readonly history: readonly StatusChange[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoredTemplateBody {
  readonly template: DocumentTemplate;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Template documentType (in templates/*.json) → the settings key of its 文号 prefix. */
const TYPE_OF_TEMPLATE: Readonly<Record<string, DocumentTypeId>> = {
  inquiry: 'inquiry-notice',
  inspection: 'inspection-record',
  rectification: 'rectification-notice',
  transfer: 'case-transfer',
  mediation: 'mediation-agreement',
  refund: 'refund-notice',
  service: 'service-receipt',
  reward: 'reward-notice',
  riskNotice: 'risk-notice',
};

export function documentTypeOf(template: DocumentTemplate): DocumentTypeId | null {
  return TYPE_OF_TEMPLATE[template.documentType] ?? null;
}

export type DocumentResult<T = { readonly id: string }> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly field: string; readonly message: string };

export interface NumberPreview {
  readonly typeId: DocumentTypeId;
  readonly year: number;
  readonly sequence: number;
  readonly number: string;
}

export interface IssueRequest {
  /** An existing draft to issue, or null for a document issued straight from the form. */
  readonly draftId: string | null;
  readonly caseId: string | null;
  /** The screening ledger's firm it is addressed to (issued from the firm's page). */
  readonly firmId?: string;
  /** The record it was made from (kept from the draft when not given). */
  readonly source?: DocumentSource;
  readonly template: DocumentTemplate;
  /** The data as printed, including `documentNumber` = expected.number. */
  readonly data: DocumentData;
  /** The number the PDF was rendered with (from peekNumber); refused if it is no longer next. */
  readonly expected: NumberPreview;
  /** The issued PDF as rendered: kept with the record (its SHA-256 is registered). */
  readonly pdf: Uint8Array;
  readonly pdfFileName: string;
  readonly issuedDate: string;
}

export interface DocumentFilter {
  readonly caseId?: string;
  readonly firmId?: string;
  readonly typeId?: string;
  readonly status?: DocumentStatus;
  readonly year?: number;
}
