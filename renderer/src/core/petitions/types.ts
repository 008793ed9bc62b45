// Petition (信访件) records as plain JSON, so they store in Dexie and travel to a worker unchanged.
import type { IsoDate } from '../calendar/iso-date';

export const PETITION_CHANNELS = ['来访', '来信', '网上信访', '电话/12345', '领导批办', '上级转办'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** Highest level the petition reached (信访层级). 到省 and 进京 are what leaders are judged on. */
export const PETITION_LEVELS = ['到县区', '到市', '到省', '进京'] as const;
export type PetitionLevel = (typeof PETITION_LEVELS)[number];

/** individual = 个人访 (one person); collective = 集体访 (one batch of N ≥ 2 persons). */
export const PETITION_FORMS = ['individual', 'collective'] as const;
export type PetitionForm = (typeof PETITION_FORMS)[number];
export const PETITION_FORM_LABELS: Record<PetitionForm, string> = { individual: '个人', collective: '集体' };

export const PETITION_URGENCIES = ['一般', '紧急', '特急'] as const;
export type PetitionUrgency = (typeof PETITION_URGENCIES)[number];

/** Workflow states; 不予受理, 已转办 and 回访 end the petition for this office. */
export const PETITION_STATUSES = [
  '登记',
  '受理',
  '不予受理',
  '调处中',
  '化解',
  '部分化解',
  '未化解',
  '办结',
  '回访',
  '已转办',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const RESOLUTION_OUTCOMES = ['化解', '部分化解', '未化解'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** A petitioner is either a creditor of the linked case or a name entered by hand. */
export type Petitioner =
  | { readonly kind: 'creditor'; readonly creditorId: string; readonly name: string }
  | { readonly kind: 'entered'; readonly name: string; readonly phone?: string; readonly idNumber?: string };

export type PetitionAction =
  | '登记'
  | '受理'
  | '不予受理'
  | '开始调处'
  | '调处结果'
  | '办结'
  | '回访'
  | '转办'
  | '延期'
  | '调解';

/** One dated, attributed step; the history is append-only and is what the detail page shows. */
export interface PetitionHistoryEntry {
  readonly date: IsoDate;
  /** Who did it (user name as shown in the office). */
  readonly by: string;
  readonly action: PetitionAction;
  readonly from: PetitionStatus | null;
  readonly to: PetitionStatus;
  /** Reason, outcome note, target unit … in words for the history list. */
  readonly note?: string;
}

/** The one extension of the resolution period (延期办理), approved by a named leader. */
export interface PetitionExtension {
  readonly days: number;
  readonly approvedOn: IsoDate;
  readonly approver: string;
  readonly reason: string;
}

export interface PetitionFollowUp {
  readonly date: IsoDate;
  readonly satisfaction: Satisfaction;
  readonly note: string;
}

export interface PetitionTransfer {
  readonly date: IsoDate;
  readonly toUnit: string;
  readonly reason: string;
}

export const MEDIATION_METHODS = ['人民调解', '律师调解', '行政调解', '仲裁', '诉调对接', '司法确认'] as const;
export type MediationMethod = (typeof MEDIATION_METHODS)[number];

export const MEDIATION_SESSION_OUTCOMES = ['达成协议', '部分达成协议', '未达成协议', '择期再调'] as const;
export type MediationSessionOutcome = (typeof MEDIATION_SESSION_OUTCOMES)[number];

/** One mediation session (调解) of a petition. */
export interface MediationSession {
  readonly id: string;
  readonly date: IsoDate;
  readonly place: string;
  readonly method: MediationMethod;
  /** Mediators who ran the session (调解员). */
  readonly mediators: readonly string[];
  /** Everyone present, in the words the record uses (e.g. 张三(信访人)、某公司代理人李四). */
  readonly participants: readonly string[];
  /** The other side (被申请人): usually the fundraising firm, its liquidator or the disposal group. */
  readonly respondent: string;
  readonly notes: string;
  readonly outcome: MediationSessionOutcome;
  /** Agreed terms, one per numbered clause of the 调解协议书; empty unless agreement was reached. */
  readonly agreementTerms: readonly string[];
}

export interface Petition {
  readonly id: string;
  /** Register number as the office writes it (信访登记编号), optional. */
  readonly registerNo?: string;
  readonly receivedOn: IsoDate;
  readonly channel: PetitionChannel;
  readonly level: PetitionLevel;
  readonly form: PetitionForm;
  /** Persons in this batch (人次): 1 for an individual petition. */
  readonly personCount: number;
  readonly petitioners: readonly Petitioner[];
  readonly caseId: string | null;
  /** 诉求 */
  readonly demands: string;
  readonly urgency: PetitionUrgency;
  /** 承办人 / 调解员 responsible. */
  readonly handler: string;
  readonly status: PetitionStatus;
  // Facts below are set by the workflow only, never by the form; kept on the record for queries.
  readonly acceptedOn?: IsoDate;
  readonly rejectedOn?: IsoDate;
  readonly rejectionReason?: string;
  readonly mediationStartedOn?: IsoDate;
  readonly outcome?: ResolutionOutcome;
  readonly outcomeOn?: IsoDate;
  readonly closedOn?: IsoDate;
  readonly extension?: PetitionExtension;
  readonly followUp?: PetitionFollowUp;
  readonly transfer?: PetitionTransfer;
  readonly mediationSessions: readonly MediationSession[];
  readonly history: readonly PetitionHistoryEntry[];
}
