// A case file (案件): one illegal-fundraising matter, the aggregate that creditors, repayment plans,
// petitions and documents hang from. Plain JSON so it stores in IndexedDB and crosses workers as is.

/** 案件阶段, in the order a case normally moves through them. */
export const CASE_STAGES = [
  '线索核查',
  '立案',
  '侦查',
  '移送审查起诉',
  '审查起诉',
  '审判',
  '审结',
  '执行清退',
  '结案',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** 涉嫌罪名/类型: art. 176 非法吸收公众存款, art. 192 集资诈骗. */
export const CASE_CHARGES = ['非法吸收公众存款', '集资诈骗', '非法放贷', '其他'] as const;
export type CaseCharge = (typeof CASE_CHARGES)[number];

/** 领域. */
export const CASE_SECTORS = [
  '养老',
  '房地产',
  '私募基金',
  '旅行社',
  'P2P网贷',
  '投资理财',
  '虚拟货币',
  '预付卡',
  '购物返利',
  '其他',
] as const;
export type CaseSector = (typeof CASE_SECTORS)[number];

export interface StageChange {
  readonly stage: CaseStage;
  /** The date the stage was reached, as the paperwork says (YYYY-MM-DD). */
  readonly date: string;
  readonly note: string;
  readonly operator: string;
  /** When it was recorded (ISO instant): may be long after `date`. */
  readonly recordedAt: string;
}

export interface CaseFile {
  readonly id: string;
  /** 案件编号 as the office writes it. */
  readonly caseNumber: string;
  readonly title: string;
  readonly charge: CaseCharge;
  readonly sector: CaseSector;
  readonly district: string;
  /** 主办单位. */
  readonly leadUnit: string;
  /** 承办人. */
  readonly officers: readonly string[];
  /** 涉案金额 in fen; null when not yet known. */
  readonly amountInvolvedFen: number | null;
  /** 涉及人数; null when not yet known. */
  readonly peopleInvolved: number | null;
  /** 挽回经济损失 in fen. */
  readonly lossesRecoveredFen: number | null;
  /** 立案日期 (YYYY-MM-DD); the backlog and stock-case rules are computed from it. */
  readonly filedDate: string | null;
  readonly stage: CaseStage;
  readonly stageHistory: readonly StageChange[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const PARTY_KINDS = ['firm', 'person'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** 涉案主体的角色. */
export const FIRM_ROLES = ['涉案企业', '关联企业', '中介机构'] as const;
export const PERSON_ROLES = ['法定代表人', '实际控制人', '股东', '高管', '业务员', '其他'] as const;
export type PartyRole = (typeof FIRM_ROLES)[number] | (typeof PERSON_ROLES)[number];

export interface CaseParty {
  readonly id: string;
  readonly caseId: string;
  readonly kind: PartyKind;
  readonly name: string;
  readonly role: PartyRole;
  /** 统一社会信用代码 for firms, 居民身份证号码 for persons (normalized, validated). */
  readonly idNumber: string;
  readonly note: string;
  /** Position on the case page, as the user entered them. */
  readonly order: number;
}
