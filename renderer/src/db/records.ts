// Row shapes of tables whose features are still being built. Each names its indexed fields (the
// ones schema.ts lists) and keeps the feature's payload typed as JSON until that feature lands and
// replaces the type with its domain type from core/.
import type { AuditEntry } from '../core/audit/audit-entry';
import type { CaseFile, CaseParty } from '../core/cases/case-file';
import type { AdvertAction } from '../core/clues/adverts';
import type { FlatExchangeRecord, StoredRecordBlock } from '../core/exchange/record-blocks';
import type { PackageKind, PackageTotals, PersonalDataChoice } from '../core/exchange/types';
import type { MediationSession, Petition, PetitionLevel, PetitionStatus } from '../core/petitions/types';
import type { BatchRule, BatchStatus, PaymentStatus } from '../core/repayment/batch-lifecycle';
import type { RecoveredFundSource } from '../core/repayment/recovered-funds';
import type { RefundCaseFacts } from '../core/repayment/refund-facts';
import type { AllocationPool } from '../core/repayment/types';
import type { AppSettings } from '../core/settings/app-settings';
import type { Relaxation } from '../core/users/four-eyes';
import type { Person, User } from '../core/users/types';
import type { StoredCreditor } from './repositories/creditor-types';
import type { DocumentBody, DocumentStatus, StoredTemplateBody } from './repositories/document-types';

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

/** A user of this PC (never deleted, only deactivated). */
export type UserRow = User;

/**
 * Creditors are stored packed, up to CREDITOR_BLOCK_SIZE per row (IndexedDB costs ~100 µs per
 * record written). An import writes a new generation of blocks; readers follow the case's
 * creditorRegisters pointer, so a half-written generation is never seen (see creditor-repository.ts).
 */
export interface CreditorBlockRow {
  /** `${caseId}#${generation}#${seq}` */
  readonly id: string;
  readonly caseId: string;
  readonly generation: number;
  readonly seq: number;
  readonly creditors: readonly StoredCreditor[];
}

/** The pointer to a case's current generation of creditor blocks, with its totals. */
export interface CreditorRegisterRow {
  readonly caseId: string;
  readonly generation: number;
  readonly count: number;
  readonly totals: { readonly principalFen: number; readonly returnedFen: number; readonly netClaimFen: number };
  /** Next creditor id number: cids are never reused within a case. */
  readonly nextCid: number;
  readonly updatedAt: string;
}

/** One committed import (its rows are not kept here; the audit log has the same summary). */
export interface CreditorImportRow {
  readonly id: string;
  readonly caseId: string;
  readonly fileName: string;
  readonly fileHash: string;
  readonly importedAt: string;
  readonly summary: CreditorImportSummary;
}

export interface CreditorImportSummary {
  readonly sheetName: string;
  readonly dataRows: number;
  readonly okRows: number;
  readonly warningRows: number;
  readonly errorRows: number;
  /** Rows refused at commit because their ID is registered in the case under another name. */
  readonly conflictRows: number;
  readonly newCreditors: number;
  readonly mergedCreditors: number;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  /** 'replace': the file replaced the register (absent: merged into it). */
  readonly mode?: 'replace';
  /** Rows whose contract the register already had: skipped, or added on the user's choice. */
  readonly repeatedRows?: number;
  readonly repeatsAdded?: boolean;
  /** Replace: creditors of the former register not in the file (removed). */
  readonly removedCreditors?: number;
}

/** One repayment plan (清退方案) per case: groups its recovered funds and batches. */
export interface RepaymentPlanRow {
  readonly id: string;
  readonly caseId: string;
  readonly createdAt: string;
}

/** Recovered money received for a case (追缴资金), by art. 26 source. Voided, never deleted. */
export interface FundReceiptRow {
  readonly id: string;
  readonly caseId: string;
  readonly planId: string;
  /** ISO date the money reached the custody account. */
  readonly date: string;
  readonly source: RecoveredFundSource;
  readonly amountFen: number;
  readonly note: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly voided: { readonly at: string; readonly by: string; readonly reason: string } | null;
}

/** A repayment batch (清退批次); its lines live in allocationBlocks. */
export interface RepaymentBatchRow {
  readonly id: string;
  readonly caseId: string;
  readonly planId: string;
  readonly status: BatchStatus;
  /** 第 N 批, per case, never reused. */
  readonly number: number;
  readonly date: string;
  readonly amountFen: number;
  readonly rule: BatchRule;
  readonly allocatedFen: number;
  readonly unallocatedFen: number;
  /** Σ remaining claims of the eligible creditors when computed. */
  readonly remainingTotalFen: number;
  /** The pools the lines were paid from (explains each line's ratio and formula). */
  readonly pools: readonly AllocationPool[];
  readonly eligibleCount: number;
  readonly excludedCount: number;
  /** Lines with an amount (the bank list's rows). */
  readonly payLineCount: number;
  readonly blockCount: number;
  /** Σ pending + paid lines once approved: what the batch takes from the funds available. */
  readonly committedFen: number;
  readonly paidFen: number;
  readonly computedAt: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly paidAt: string | null;
  /** Since users (schema 3): everyone who computed or recomputed the batch; none of them may approve it. */
  readonly computedBy?: readonly Person[];
  /** Since users: the approving user (approvedBy keeps the name). */
  readonly approver?: Person | null;
  /** Each step done under a four-eyes rule the office relaxed: shown wherever the batch is. */
  readonly relaxations?: readonly RelaxationRecord[];
  /** Who saved the bank disbursement list, when, under which name (the file itself names them too). */
  readonly bankExports?: readonly { readonly by: Person; readonly at: string; readonly fileName: string }[];
}

/** A step taken under a relaxed four-eyes rule (小型办公室 or the office's payment-results choice). */
export interface RelaxationRecord {
  readonly relaxation: Relaxation;
  readonly by: Person;
  readonly at: string;
}

/** One creditor's line in a batch; every eligible creditor has one, with 0 when not paid this batch. */
export interface AllocationLineRecord {
  /** Creditor's stable id in the register (not the ID number). */
  readonly cid: string;
  readonly amountFen: number;
  readonly status: PaymentStatus;
  /** Remaining claim before this batch. */
  readonly remainingFen: number;
  /** Index into the batch's pools, −1 when not paid this batch. */
  readonly pool: number;
  /** LINE_FLAG bits from the allocation. */
  readonly flags: number;
  /** Bank reference (业务参考号) for lines with an amount, '' otherwise. */
  readonly ref: string;
  /** Bank's reason for a failure or return. */
  readonly note?: string;
}

/** Batch lines packed up to ALLOCATION_BLOCK_SIZE per row: IndexedDB costs ~100 µs per record. */
export interface AllocationBlockRow {
  readonly id: string;
  readonly batchId: string;
  readonly seq: number;
  readonly lines: readonly AllocationLineRecord[];
}

/** One registration of bank results (a bank file or a manual entry) for a batch. */
export interface PaymentResultRow {
  readonly id: string;
  readonly batchId: string;
  readonly caseId: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** The bank file's name, null for results entered by hand. */
  readonly fileName: string | null;
  readonly counts: { readonly paid: number; readonly failed: number; readonly returned: number; readonly unchanged: number };
  readonly results: readonly { readonly cid: string; readonly ref: string; readonly result: Exclude<PaymentStatus, 'pending'>; readonly note: string }[];
  /** Rows of the file that were not applied, with the reason (Chinese). */
  readonly rejected: readonly string[];
  /** Since users: the recording user; `relaxed` when they were also the batch's approver (office's choice). */
  readonly recorder?: Person | null;
  readonly relaxed?: Relaxation | null;
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

/** Next petition number per year of receipt; id = the year, e.g. '2026' (since version 7). */
export interface PetitionCounterRow {
  readonly id: string;
  readonly next: number;
}

/** One mediation session (调解) of a petition. */
export interface MediationSessionRow {
  readonly id: string;
  readonly petitionId: string;
  readonly date: string;
  readonly body: MediationSession;
}

/** A registered document (文书登记); what it was made from is in `body` (see document-types.ts). */
export interface DocumentRow {
  readonly id: string;
  readonly caseId: string | null;
  readonly templateId: string;
  readonly number: string | null;
  readonly status: DocumentStatus;
  readonly issuedDate: string | null;
  readonly body: DocumentBody;
}

/** Next sequence number per document type and year; id = `${type}:${year}`. */
export interface DocumentCounterRow {
  readonly id: string;
  readonly next: number;
}

/** A user's copy of a built-in template (the built-ins live in templates/ and are never stored). */
export interface DocumentTemplateRow {
  readonly id: string;
  readonly basedOn: string | null;
  readonly body: StoredTemplateBody;
}

export interface AttachmentRow {
  readonly id: string;
  readonly documentId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** SHA-256 (hex) of `bytes`, shown so a scan can be matched to its paper. */
  readonly sha256: string;
  /** 'issued': the PDF as issued (exactly the bytes whose hash is registered); 'scan': the signed, sealed copy. */
  readonly role: 'issued' | 'scan';
  readonly addedAt: string;
  readonly addedBy: string;
}

/**
 * A case's refund facts for the dashboard, derived from its creditor register and repayment batches
 * (never edited by hand). `signature` names the rows it was built from; a mismatch means rebuild.
 */
export interface FigureFactsRow {
  readonly caseId: string;
  readonly signature: string;
  readonly facts: RefundCaseFacts;
  readonly builtAt: string;
}

/** An office this one exchanges packages with (报送单位), since version 6. */
export interface ExchangeOfficeRow {
  readonly id: string;
  /** The office's own id; null while registered by fingerprint only (set by its first package). */
  readonly officeId: string | null;
  readonly name: string;
  readonly level: 'city' | 'district';
  readonly district: string;
  /** Ed25519 public key (base64); null until the first package of an office registered by fingerprint. */
  readonly publicKey: string | null;
  readonly fingerprint: string;
  readonly source: 'key-file' | 'fingerprint';
  readonly addedAt: string;
  readonly addedBy: string;
}

/** A package imported here (since version 6), named by the SHA-256 of its file. */
export interface ExchangePackageRow {
  readonly fileSha256: string;
  readonly office: string;
  readonly officeName: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly createdAt: string;
  readonly receivedAt: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly totals: PackageTotals;
  readonly personalData: PersonalDataChoice;
  readonly changes: { readonly added: number; readonly changed: number; readonly unchanged: number; readonly removed: number };
  readonly importedBy: string;
  /** A notice package (since w-exchange): absent on reports. */
  readonly kind?: PackageKind;
  /** Assignments of a notice package registered here as this office's own clue or petition. */
  readonly landed?: readonly LandedAssignment[];
}

/** An assignment (交办) received and registered in this office's lists. */
export interface LandedAssignment {
  readonly sourceId: string;
  readonly target: 'clue' | 'petition';
  /** The number it had at the sending office. */
  readonly fromNumber: string;
  readonly id: string;
  /** 线索编号 or 信访登记号 given here. */
  readonly number: string;
}

/**
 * A record received from another office, as the screens see it: a read-only copy, never edited
 * here. Stored packed in ExchangeRecordBlockRow (since version 9); version 6 kept one row each.
 */
export type ExchangeRecordRow = FlatExchangeRecord;

/** Since version 9 (migration 009): up to 1,000 received records of one office and kind. */
export type ExchangeRecordBlockRow = StoredRecordBlock;

/** Since version 5: the next 线索编号 per year of receipt. */
export interface ClueCounterRow {
  readonly id: string;
  readonly next: number;
}

/** Since version 5: one advert list imported (file hash for re-import detection). */
export interface AdvertImportRow {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly at: string;
  readonly by: string;
  readonly rows: number;
  readonly imported: number;
  readonly errorRows: number;
}

/** Since version 5: an advert action with the advertiser's key (actions per advertiser join on it). */
export interface AdvertActionRow extends AdvertAction {
  readonly advertiserKey: string;
}
