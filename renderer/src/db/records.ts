// Row shapes of tables whose features are still being built. Each names its indexed fields (the
// ones schema.ts lists) and keeps the feature's payload typed as JSON until that feature lands and
// replaces the type with its domain type from core/.
import type { AuditEntry } from '../core/audit/audit-entry';
import type { CaseFile, CaseParty } from '../core/cases/case-file';
import type { MediationSession, Petition, PetitionLevel, PetitionStatus } from '../core/petitions/types';
import type { AppSettings } from '../core/settings/app-settings';

export type { AuditEntry, CaseFile, CaseParty };

/**
 * Settings are sections: 'app' holds the office's AppSettings; an area may keep its own section
 * (e.g. 'petitions' for deadline rules and the holiday table) through SettingsRepository.
 */
export interface SettingsRow {
  readonly id: string;
  readonly value: unknown;
}

export type { AppSettings };

/** Creditors are stored packed, up to CREDITOR_BLOCK_SIZE per row: IndexedDB costs ~100 µs per record. */
export interface CreditorBlockRow {
  readonly id: string;
  readonly caseId: string;
  readonly seq: number;
  readonly creditors: readonly unknown[];
}

export interface CreditorImportRow {
  readonly id: string;
  readonly caseId: string;
  readonly fileName: string;
  readonly fileHash: string;
  readonly importedAt: string;
  readonly summary: unknown;
}

export interface RepaymentPlanRow {
  readonly id: string;
  readonly caseId: string;
  readonly body: unknown;
}

export interface FundReceiptRow {
  readonly id: string;
  readonly caseId: string;
  readonly planId: string;
  readonly date: string;
  readonly body: unknown;
}

export interface RepaymentBatchRow {
  readonly id: string;
  readonly caseId: string;
  readonly planId: string;
  readonly status: string;
  readonly body: unknown;
}

export interface AllocationBlockRow {
  readonly id: string;
  readonly batchId: string;
  readonly seq: number;
  readonly lines: readonly unknown[];
}

export interface PaymentResultRow {
  readonly id: string;
  readonly batchId: string;
  readonly caseId: string;
  readonly body: unknown;
}

/** A petition without its mediation sessions, which live in their own rows (one source of truth). */
export type StoredPetition = Omit<Petition, 'mediationSessions'>;

/** 信访件: the indexed fields copy body's receivedOn, status and level for queries. */
export interface PetitionRow {
  readonly id: string;
  readonly caseId: string | null;
  readonly receivedDate: string;
  readonly status: PetitionStatus;
  readonly level: PetitionLevel;
  readonly body: StoredPetition;
}

/** One mediation session (调解) of a petition. */
export interface MediationSessionRow {
  readonly id: string;
  readonly petitionId: string;
  readonly date: string;
  readonly body: MediationSession;
}

export interface DocumentRow {
  readonly id: string;
  readonly caseId: string | null;
  readonly templateId: string;
  readonly number: string | null;
  readonly status: string;
  readonly issuedDate: string | null;
  readonly body: unknown;
}

/** Next sequence number per document type and year; id = `${type}:${year}`. */
export interface DocumentCounterRow {
  readonly id: string;
  readonly next: number;
}

export interface DocumentTemplateRow {
  readonly id: string;
  readonly basedOn: string | null;
  readonly body: unknown;
}

export interface AttachmentRow {
  readonly id: string;
  readonly documentId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}
