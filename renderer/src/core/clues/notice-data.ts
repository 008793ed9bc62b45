// The document engine's data for the 举报奖励通知书 and the 风险提示, prefilled from the reward (or the
// risk notice) record. The reporter's identity is confidential: a reward notice names the clue's
// reporter by the clue number unless the caller passes the name it revealed on purpose (audited).
import type { DocumentData, FieldValue } from '../documents/template-types';
import type { Reward, RewardRule } from './reward';
import type { RiskNotice } from './risk-notices';
import type { Clue } from './types';

export const REWARD_NOTICE_TEMPLATE_ID = 'reward-notice';
export const RISK_NOTICE_TEMPLATE_ID = 'risk-notice';

export interface OfficeFacts {
  readonly officeName: string;
  readonly operatorName: string;
  readonly today: string;
}

/** How the notice addresses a reporter whose identity is not written into it. */
export function reporterByClueNo(clueNo: string): string {
  return `${clueNo}举报人`;
}

function compact(values: Record<string, FieldValue | undefined>): DocumentData {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/**
 * 举报奖励通知书 from a clue and its reward. `reporterName` only when the user deliberately chose to
 * write the reporter's identity into the notice (the repository audits that reveal).
 */
export function rewardNoticeData(clue: Clue, reward: Reward, rule: RewardRule, office: OfficeFacts, reporterName: string | null = null): DocumentData {
  const ruleName = rule.name.trim();
  return compact({
    reporter: reporterName?.trim() || reporterByClueNo(clue.clueNo),
    clueNo: clue.clueNo,
    receivedOn: clue.receivedOn,
    subjectName: clue.subject.name,
    verifyResult: clue.verifyResult === '属实' || clue.verifyResult === '部分属实' ? clue.verifyResult : undefined,
    // The template writes the rule's title as given; a bare name gets its 书名号.
    ruleName: ruleName && !ruleName.startsWith('《') ? `《${ruleName}》` : ruleName,
    rewardForm: reward.form === 'cash' ? '现金' : '实物',
    amount: reward.amountFen,
    goods: reward.form === 'goods' ? (reward.goods ?? undefined) : undefined,
    collectDays: '三十',
    contactPerson: office.operatorName || undefined,
    officeName: office.officeName || undefined,
    issueDate: office.today,
  });
}

/** 风险提示 from the registered notice: its title and text (one paragraph a line). */
export function riskNoticeData(notice: RiskNotice, office: OfficeFacts): DocumentData {
  const paragraphs = notice.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return compact({
    title: notice.title,
    body: paragraphs.length > 0 ? paragraphs : undefined,
    officeName: office.officeName || undefined,
    issueDate: notice.date,
  });
}
