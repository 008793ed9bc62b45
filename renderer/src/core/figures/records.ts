// The records input every figure is computed over: plain data, never database tables, so the app
// (from IndexedDB), the CLI (from a backup file), the benchmark (generated) and reporting between
// offices (several offices' records fed in together) all go through the same functions.
//
// Every record says where it belongs: `district` (区县; null when it has none, e.g. a petition not
// linked to a case) and, when records of several offices are combined, `office`. Filtering by
// district or office is therefore the same for every area (see filter.ts).
import type { IsoDate } from '../calendar/iso-date';
import type { CaseFile, StageChange } from '../cases/case-file';
import type { MonitoringRecord } from '../clues/figure-records';
import type { PetitionSettingsSection } from '../petitions/settings-section';
import type { Petition } from '../petitions/types';
import type { RefundCaseFacts } from '../repayment/refund-facts';
import type { Classification, DispositionKind } from '../screening/types';

export interface Located {
  readonly district: string | null;
  /** The office the record comes from, when figures of several offices are summed (issue 16). */
  readonly office?: string;
}

/** A case as the figures read it: its dated stage history is what the stage figures use. */
export type FigureCase = Pick<
  CaseFile,
  'id' | 'caseNumber' | 'title' | 'district' | 'filedDate' | 'stage' | 'amountInvolvedFen' | 'peopleInvolved' | 'lossesRecoveredFen'
> & {
  readonly stageHistory: readonly Pick<StageChange, 'stage' | 'date'>[];
  readonly office?: string;
  /**
   * 集资参与人 in the case's creditor register (one per ID number: the register merges a person's
   * contracts). Absent or null when the case has no register or an empty one: the typed 涉及人数
   * (填报) stands in for it then.
   */
  readonly registeredPersons?: number | null;
  /**
   * A case received from an office in a package made before packages carried each case's register
   * counts (issue 17): whether it has a register there is unknown, so 涉及人数 is the typed figure
   * (填报) and its record says the package did not carry the count.
   */
  readonly registerNotReported?: boolean;
  /** A case received in a 报送 package: the office that sent it and when that package was made (ISO instant). */
  readonly receivedFrom?: { readonly officeName: string; readonly packageCreatedAt: string };
};

/** A petition with the district of its linked case (null when not linked). */
export type FigurePetition = Omit<Petition, 'mediationSessions'> & Located;

/** A case's refund facts with the case's district. */
export type FigureRefunds = RefundCaseFacts & Located;

/**
 * A firm of the screening ledger (排查) with what the figures count: its screening records, its
 * dispositions and its spells on the risk ledger, and the keywords its name and scope hit.
 */
export interface FigureFirm extends Located {
  readonly id: string;
  readonly name: string;
  /** The day it entered the ledger (YYYY-MM-DD). */
  readonly addedOn: IsoDate;
  readonly keywordHits: readonly string[];
  readonly records: readonly { readonly date: IsoDate; readonly classification: Classification }[];
  readonly dispositions: readonly { readonly date: IsoDate; readonly kind: DispositionKind }[];
  readonly risk: readonly { readonly since: IsoDate; readonly removedOn: IsoDate | null }[];
}

/** Office rules the figures depend on, from settings. */
export interface FigureRules {
  /** Cases filed on or before this date are 陈案积案. */
  readonly backlogCutoff: IsoDate;
  /** Start of the special campaign (专项行动); '' when not set. */
  readonly campaignStart: IsoDate | '';
  /** Petition clock and holiday table (on-time figures). */
  readonly petitions: PetitionSettingsSection;
}

export interface FigureRecords {
  /** The office's district list (零发案区县 is computed over it). */
  readonly districts: readonly string[];
  readonly rules: FigureRules;
  readonly cases: readonly FigureCase[];
  readonly petitions: readonly FigurePetition[];
  readonly refunds: readonly FigureRefunds[];
  /** 线索监测: clues, rewards, adverts, advert actions, risk notices (no district: office totals only). */
  readonly monitoring: readonly MonitoringRecord[];
  /** The screening ledger (排查). */
  readonly firms: readonly FigureFirm[];
  // An area adding figures over records of its own adds its array here (with `district`), and to
  // RECORD_SETS in filter.ts.
}
