// 线索与监测 (issue 15): the records of the monitoring side of the office. Plain JSON, so the same
// shapes are stored, backed up, checked by the CLI and shown.
import type { IsoDate } from '../calendar/iso-date';

export const CLUE_CHANNELS = ['热线', '来信来访', '微信', '支付宝', '网格员', '监测平台预警', '反洗钱监测', '上级交办', '部门移送'] as const;
export type ClueChannel = (typeof CLUE_CHANNELS)[number];

export const WARNING_LEVELS = ['高', '中', '低'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const SUBJECT_KINDS = ['firm', 'person', 'website', 'app'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Readonly<Record<SubjectKind, string>> = { firm: '企业', person: '个人', website: '网站', app: 'App/小程序' };

/**
 * Who or what the clue is about. A firm is kept by name and 统一社会信用代码 (checked, GB 32100) so
 * it can be linked to the screening ledger (排查台账) when that ledger holds it.
 */
export interface ClueSubject {
  readonly kind: SubjectKind;
  readonly name: string;
  /** Firms only; null when the reporter did not know it. */
  readonly creditCode: string | null;
  /** Websites and apps: the address or the app's name in the store. */
  readonly link: string | null;
}

/** 登记 → 已分派 → 已核查 → 已处置 → 已办结 (a clue is closed only after a disposition). */
export const CLUE_STATUSES = ['已登记', '已分派', '核查中', '已核查', '已处置', '已办结'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

export const VERIFY_RESULTS = ['属实', '部分属实', '不属实', '无法核实'] as const;
export type VerifyResult = (typeof VERIFY_RESULTS)[number];

export const DISPOSITION_KINDS = ['立案', '移送', '纳入风险台账', '不予立案', '已答复'] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];

export interface VerificationNote {
  readonly date: IsoDate;
  readonly note: string;
  readonly by: string;
}

export interface Disposition {
  readonly kind: DispositionKind;
  readonly date: IsoDate;
  /** 不予立案: why; other kinds: an optional note. */
  readonly reason: string;
  /** 立案: the case created or linked. */
  readonly caseId: string | null;
  /** 移送: the receiving body and the transfer letter's number. */
  readonly transferTo: string | null;
  readonly letterNo: string | null;
  readonly by: string;
}

export interface ClueStep {
  readonly step: string;
  readonly date: IsoDate;
  readonly by: string;
  readonly note: string;
}

export interface Clue {
  readonly id: string;
  /** 线索编号, e.g. 线索〔2026〕12号: given at registration, never reused. */
  readonly clueNo: string;
  readonly receivedOn: IsoDate;
  readonly channel: ClueChannel;
  readonly subject: ClueSubject;
  readonly allegation: string;
  readonly level: WarningLevel;
  readonly levelReason: string;
  /** True when the reporter gave no identity; false with a reporter row kept apart (clueReporters). */
  readonly anonymous: boolean;
  /** Whether a reporter row exists (never the identity itself). */
  readonly hasReporter: boolean;
  readonly status: ClueStatus;
  readonly assignee: string | null;
  readonly assignedOn: IsoDate | null;
  readonly verifications: readonly VerificationNote[];
  readonly verifyResult: VerifyResult | null;
  readonly verifiedOn: IsoDate | null;
  readonly disposition: Disposition | null;
  readonly replyOn: IsoDate | null;
  readonly replyNote: string | null;
  readonly closedOn: IsoDate | null;
  /** The earlier clue of the same subject when this is a later report of the same matter. */
  readonly firstClueId: string | null;
  readonly history: readonly ClueStep[];
  readonly registeredBy: string;
}

/** The reporter (举报人), stored apart from the clue and shown masked unless deliberately revealed. */
export interface ClueReporter {
  readonly clueId: string;
  readonly name: string;
  readonly phone: string | null;
  readonly idNumber: string | null;
  readonly address: string | null;
  /** Reward exclusions: staff of the office or the police, and participants of the scheme. */
  readonly isStaff: boolean;
  readonly isParticipant: boolean;
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };
