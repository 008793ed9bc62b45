// The screening ledger (排查对象台账) and what is recorded about each firm: screening rounds and
// their records, dispositions, the dynamic risk ledger and keyword checks. Plain JSON records.
import type { IsoDate } from '../calendar/iso-date';

/** 正常: a checked credit code; 待补充: no code yet (allowed, flagged until one is entered). */
export type FirmCodeStatus = '正常' | '待补充';

/** Who answers for the firm: the district it sits in, or the sector's supervising department. */
export const DEPARTMENT_KINDS = ['属地', '行业主管'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export interface Firm {
  readonly id: string;
  readonly name: string;
  /** Checked (GB 32100); '' when 待补充. */
  readonly creditCode: string;
  readonly codeStatus: FirmCodeStatus;
  readonly legalRep: string;
  readonly address: string;
  readonly district: string;
  readonly sector: string;
  /** 成立日期 'YYYY-MM-DD', or '' when not known. */
  readonly registeredOn: IsoDate | '';
  readonly businessScope: string;
  readonly department: string;
  readonly departmentKind: DepartmentKind;
  readonly contacts: string;
  /** Finance keywords found in the name and business scope when last saved or imported. */
  readonly keywordHits: readonly string[];
  /** 待评估: a keyword hit not yet evaluated; 已评估: evaluated with a result. */
  readonly evaluation: null | { readonly state: '待评估' } | { readonly state: '已评估'; readonly result: string; readonly by: string; readonly on: IsoDate };
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const ROUND_KINDS = ['月度排查', '专项排查'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export interface RoundScope {
  /** Empty: every district. */
  readonly districts: readonly string[];
  /** Empty: every sector. */
  readonly sectors: readonly string[];
}

export interface ScreeningRound {
  readonly id: string;
  readonly name: string;
  readonly kind: RoundKind;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly scope: RoundScope;
  readonly createdAt: string;
}

export const SCREENING_METHODS = ['现场', '非现场', '双随机'] as const;
export type ScreeningMethod = (typeof SCREENING_METHODS)[number];

export const CLASSIFICATIONS = ['实业投资', '失联', '空壳', '税务异常', '正常经营'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const RISK_LEVELS = ['高', '中', '低'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface ScreeningRecord {
  readonly id: string;
  readonly roundId: string;
  readonly firmId: string;
  readonly date: IsoDate;
  readonly inspectors: readonly string[];
  readonly method: ScreeningMethod;
  readonly findings: string;
  readonly classification: Classification;
  readonly riskLevel: RiskLevel;
  readonly commitmentSigned: boolean;
  /** The signed letter's scan (attachments table id), when attached. */
  readonly commitmentScanId: string | null;
  readonly commitmentScanName: string;
  readonly nextAction: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export const DISPOSITION_KINDS = [
  '列入经营异常名录',
  '督导注销',
  '行政吊销',
  '移送公安',
  '纳入风险动态管理台账',
  '约谈',
  '整改',
] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];

export interface Disposition {
  readonly id: string;
  readonly firmId: string;
  readonly kind: DispositionKind;
  readonly date: IsoDate;
  /** Who decided (a person or a body: 市处非办主任办公会). */
  readonly decidedBy: string;
  /** 文书/文号 of the decision. */
  readonly documentRef: string;
  /** 移送公安: the case created or linked. */
  readonly caseId: string | null;
  /** The issued document of the registry (整改通知书 for 整改, 询问通知书 for 约谈); absent on rows before it existed. */
  readonly documentId?: string | null;
  readonly note: string;
  readonly recordedAt: string;
}

export interface RiskEntry {
  readonly id: string;
  readonly firmId: string;
  readonly reason: string;
  readonly since: IsoDate;
  readonly follower: string;
  readonly nextReview: IsoDate;
  readonly removed: null | { readonly on: IsoDate; readonly reason: string; readonly by: string };
}

/** A pasted list checked at the joint evaluation of new registrations (新设企业联合研判), kept. */
export interface KeywordCheckRecord {
  readonly id: string;
  readonly at: string;
  readonly by: string;
  readonly lines: number;
  readonly hits: ReadonlyArray<{ readonly text: string; readonly keywords: readonly string[] }>;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T; readonly warnings: readonly FieldError[] } | { readonly ok: false; readonly errors: readonly FieldError[] };
