// Stored rows → the figures' records input. No Dexie here: the app's repository (reading IndexedDB)
// and the CLI (reading a backup file) hand in the same row shapes and get the same records.

import type { CaseFile } from '../../core/cases/case-file';
import type { MonitoringRecord } from '../../core/clues/figure-records';
import type { FigureCase, FigureFirm, FigurePetition, FigureRecords, FigureRefunds } from '../../core/figures/records';
import { normalizePetitionSettingsSection, type PetitionSettingsSection } from '../../core/petitions/settings-section';
import type { RefundCaseFacts } from '../../core/repayment/refund-facts';
import { refundCaseFacts } from '../../core/repayment/refund-facts';
import { type AppSettings, DEFAULT_SETTINGS } from '../../core/settings/app-settings';
import type { AllocationLineRecord, CreditorRegisterRow, PetitionRow, RepaymentBatchRow } from '../records';
import type { StoredCreditor } from '../repositories/creditor-types';
import { forRepayment } from '../repositories/repayment-figures';
import { toCoreBatch } from '../repositories/repayment-lines';

/** A stored case as the figures read it, with the number of 集资参与人 in its register (null: none). */
export function figureCaseOf(c: CaseFile, registeredPersons: number | null = null): FigureCase {
  return registeredPersons === null ? c : { ...c, registeredPersons };
}

/** A stored petition with the district of its linked case (null when not linked or the case is gone). */
export function figurePetitionOf(row: PetitionRow, districtOf: ReadonlyMap<string, string>): FigurePetition {
  return { ...row.body, district: row.caseId === null ? null : (districtOf.get(row.caseId) ?? null) };
}

/**
 * What a case's refund facts were built from: the register generation and every batch's state. Any
 * import, hand edit of a creditor, new batch, approval or bank result changes it.
 */
export function refundFactsSignature(register: CreditorRegisterRow | undefined, batches: readonly RepaymentBatchRow[]): string {
  const reg = register ? `${register.generation}/${register.count}/${register.updatedAt}` : '-';
  const rows = [...batches]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((b) => `${b.id}:${b.number}:${b.date}:${b.status}:${b.committedFen}:${b.paidFen}:${b.computedAt}`);
  return [reg, ...rows].join('|');
}

export function refundFactsOf(
  caseId: string,
  creditors: readonly StoredCreditor[],
  batches: readonly RepaymentBatchRow[],
  linesOf: (batchId: string) => readonly AllocationLineRecord[],
): RefundCaseFacts {
  return refundCaseFacts(
    caseId,
    creditors.map(forRepayment),
    batches.map((row) => ({ ...toCoreBatch(row, linesOf(row.id)), number: row.number })),
  );
}

export function appSettingsOf(value: unknown): AppSettings {
  return { ...DEFAULT_SETTINGS, ...((value ?? {}) as Partial<AppSettings>) };
}

/** Petition rows as figure records, each with its linked case's district from `records.cases`. */
export function attachDistricts(petitions: readonly PetitionRow[], records: FigureRecords): FigurePetition[] {
  const districtOf = new Map(records.cases.map((c) => [c.id, c.district]));
  return petitions.map((p) => figurePetitionOf(p, districtOf));
}

export function assembleRecords(parts: {
  readonly settings: AppSettings;
  readonly petitionSection: Partial<PetitionSettingsSection> | undefined;
  readonly cases: readonly CaseFile[];
  readonly petitions: readonly PetitionRow[];
  readonly refunds: readonly RefundCaseFacts[];
  /** 线索监测 records (core/clues/figure-records); none before version 5. */
  readonly monitoring?: readonly MonitoringRecord[];
  /** The screening ledger (排查), already in the figures' shape; none when not given. */
  readonly firms?: readonly FigureFirm[];
  /** The cases' creditor registers (how many 集资参与人 each holds); none when not given. */
  readonly registers?: readonly Pick<CreditorRegisterRow, 'caseId' | 'count'>[];
}): FigureRecords {
  const districtOf = new Map(parts.cases.map((c) => [c.id, c.district]));
  const registeredOf = new Map((parts.registers ?? []).map((r) => [r.caseId, r.count]));
  const refunds: FigureRefunds[] = [];
  for (const f of parts.refunds) {
    const district = districtOf.get(f.caseId);
    // Facts of a case that is no longer stored describe nothing the office holds.
    if (district !== undefined) refunds.push({ ...f, district });
  }
  return {
    districts: parts.settings.districts,
    rules: {
      backlogCutoff: parts.settings.backlogCutoff,
      campaignStart: parts.settings.campaignStart,
      petitions: normalizePetitionSettingsSection(parts.petitionSection),
    },
    cases: parts.cases.map((c) => figureCaseOf(c, registeredOf.get(c.id) ?? null)),
    petitions: parts.petitions.map((p) => figurePetitionOf(p, districtOf)),
    refunds,
    monitoring: parts.monitoring ?? [],
    firms: parts.firms ?? [],
  };
}
