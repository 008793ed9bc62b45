// Rows of the screening tables (migration 004). The core's records are stored as they are; only the
// scan and import log have a row shape of their own.
import type { Disposition, Firm, KeywordCheckRecord, RiskEntry, ScreeningRecord, ScreeningRound } from '../core/screening/types';

export type FirmRow = Firm;
export type ScreeningRoundRow = ScreeningRound;
export type ScreeningRecordRow = ScreeningRecord;
export type FirmDispositionRow = Disposition;
export type RiskLedgerRow = RiskEntry;
export type KeywordCheckRow = KeywordCheckRecord;

export interface ScreeningScanRow {
  readonly id: string;
  readonly recordId: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

export interface FirmImportRow {
  readonly id: string;
  readonly at: string;
  readonly by: string;
  readonly fileName: string;
  readonly sheetName: string;
  readonly newFirms: number;
  readonly updatedFirms: number;
  readonly errorRows: number;
  readonly keywordHits: number;
}
