// The shapes of an exchange package (报送包): who sent it, for which period, and the records it
// carries. Plain JSON throughout, so a package reads the same in Node (CLI, tests) and the app.

/** 市 (the city office that receives) or 区县 (a district office that reports). */
export type OfficeLevel = 'city' | 'district';

export const OFFICE_LEVEL_LABELS: Readonly<Record<OfficeLevel, string>> = { city: '市级', district: '区县级' };

/** An office as packages name it: the id is made once, with the office's key, and never changes. */
export interface OfficeIdentity {
  readonly id: string;
  readonly name: string;
  readonly level: OfficeLevel;
  /** The 区县 a district office covers; '' for the city office. */
  readonly district: string;
}

/** A reporting period: a month (月报) or a quarter (季报), or a whole year. */
export type ReportPeriodKind = 'month' | 'quarter' | 'year';

export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  /** '2026-03', '2026-Q1' or '2026': what packages of the same period share. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** 2026年3月, 2026年第一季度, 2026年. */
  readonly label: string;
}

/**
 * Record kinds of this release. Areas built later (排查 screening, 线索监测 clues) add theirs through
 * sections.ts; a package may carry kinds this app does not know yet and they are kept as they came.
 */
export type CoreRecordKind = 'case' | 'petition' | 'refunds' | 'document' | 'creditors';

/**
 * One record as its office holds it. `sourceId` is its id at that office; with the sender's office id
 * it is the record's stable identity at the receiver, so an edit re-sent updates, never duplicates.
 */
export interface ExchangeRecord {
  readonly kind: string;
  readonly sourceId: string;
  /** 区县 the record belongs to at its office (null when it has none, e.g. an unlinked petition). */
  readonly district: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

/** How personal data travelled: masked (default) or included on purpose, by whom and why. */
export interface PersonalDataChoice {
  readonly included: boolean;
  /** Who decided to include it (the signed-in user), '' when masked. */
  readonly by: string;
  readonly reason: string;
}

export interface PackageTotals {
  /** Σ 涉案金额 of the cases (fen). */
  readonly amountInvolvedFen: number;
  /** Σ 挽回经济损失 (fen). */
  readonly lossesRecoveredFen: number;
  /** Σ money paid out in refunds, all batches (fen). */
  readonly refundPaidFen: number;
  /** Σ 人次 of the petitions. */
  readonly petitionPersons: number;
  /** Creditors in the included registers. */
  readonly creditors: number;
}

export interface PackageBodyInfo {
  readonly compression: 'deflate-raw';
  /** Passphrase encryption (AES-256-GCM, key from PBKDF2-SHA256), or null. */
  readonly encryption: PackageEncryption | null;
  /** Bytes of the JSON body before compression. */
  readonly plainBytes: number;
  /** Bytes of the body as stored in the file (compressed, then encrypted). */
  readonly storedBytes: number;
  /** SHA-256 (hex) of the stored body bytes: the signature covers it through the header. */
  readonly sha256: string;
}

export interface PackageEncryption {
  readonly algorithm: 'AES-256-GCM';
  readonly kdf: 'PBKDF2-SHA256';
  readonly iterations: number;
  readonly salt: string;
  readonly iv: string;
}

/** 'report': a district's 报送 to the city; 'notice': the city's notices and assignments to a district. */
export type PackageKind = 'report' | 'notice';

export interface PackageHeader {
  readonly format: 'chufei-exchange';
  readonly formatVersion: number;
  readonly packageId: string;
  readonly kind: PackageKind;
  readonly sender: OfficeIdentity & { readonly publicKey: string };
  /** The office it is meant for, when the sender chose one. */
  readonly recipient: OfficeIdentity | null;
  readonly period: ReportPeriod;
  /** When it was made (ISO instant): of two packages of one period from one office, the later wins. */
  readonly createdAt: string;
  readonly appVersion: string;
  /** The sender's database schema version: a newer one than ours is refused. */
  readonly schemaVersion: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly totals: PackageTotals;
  readonly personalData: PersonalDataChoice;
  readonly body: PackageBodyInfo;
  /** Format 2: the creditor-register frames after the body (register-frames.ts); absent when none. */
  readonly registers?: { readonly frames: number; readonly storedBytes: number; readonly sha256: string; readonly iv: string | null };
}

/** What a verified package holds. */
export interface OpenedPackage {
  readonly header: PackageHeader;
  readonly records: readonly ExchangeRecord[];
  /** SHA-256 (hex) of the whole file: names the package in the audit log and the received list. */
  readonly fileSha256: string;
}
