// Length limits for every free-text field the office types. Without them a pasted page (or 200,000
// characters) is stored, then breaks the list, the audit view and the layout of every document that
// prints it. Each limit is generous for the real thing it holds (the longest case titles seen run to
// about 60 字; an address to about 80) and is counted in characters as a person counts 字, not in
// UTF-16 units, so 𠮷 counts once.

export const TEXT_LIMITS = {
  /** 案件编号, e.g. 威公经立〔2020〕15号. */
  caseNumber: 60,
  /** 案件名称, e.g. 某某养老服务有限公司涉嫌非法吸收公众存款案. */
  caseTitle: 200,
  district: 30,
  /** 主办单位 and other unit names (接收单位, 被申请人). */
  unitName: 100,
  /** One person's name (承办人, 调解员, 审批人, 信访人). */
  personName: 50,
  /** All officers of a case together. */
  officers: 200,
  /** A party's name: firms' registered names are long. */
  partyName: 100,
  /** 备注, 说明, short reasons. */
  note: 500,
  /** Reasons and notes that are written out (不予受理理由, 延期理由, 调处说明). */
  reason: 1000,
  /** 诉求. */
  demands: 2000,
  /** 调解地点. */
  place: 100,
  /** One line of 参加人员 (name and role). */
  participant: 100,
  /** 调解情况: a session's record. */
  sessionNotes: 5000,
  /** One clause of an agreement. */
  agreementTerm: 1000,
  /** 发文机关. */
  officeName: 60,
  /** 文号 / 编号 prefix (机关代字). */
  numberPrefix: 20,
  /** A one-line field of a document form. */
  documentLine: 200,
  /** A multi-line field of a document form (案情, 检查情况, 整改要求). */
  documentText: 5000,
  address: 200,
  bankName: 100,
} as const;

export type TextLimitName = keyof typeof TEXT_LIMITS;

/** Characters as a reader counts them (code points), so a rare 字 outside the BMP counts once. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * null when `text` fits, else the message for the form: it names the field, the limit and how many
 * characters there are, e.g. 「案件名称：不能超过 200 字（现有 231 字），请精简。」
 */
export function tooLong(label: string, text: string, max: number): string | null {
  const n = charCount(text);
  return n > max ? `${label}：不能超过 ${max} 字（现有 ${n} 字），请精简。` : null;
}

/** The same check by limit name. */
export function checkLimit(label: string, text: string, limit: TextLimitName): string | null {
  return tooLong(label, text, TEXT_LIMITS[limit]);
}
