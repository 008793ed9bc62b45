// 举报奖励 (whistleblower rewards): the office's rule, the reward it gives for a verified clue, and
// the checks on a proposed reward. Money in integer fen (分).
import { formatFen } from '../money/format-money';
import type { FieldError } from './types';

export const REWARD_SETTINGS_SECTION = 'clue-reward-rule';

export type RewardBasis = 'recovered' | 'caseValue';
export const REWARD_BASIS_LABELS: Readonly<Record<RewardBasis, string>> = { recovered: '追回金额', caseValue: '涉案金额' };

/** One tier: amounts of the basis from `fromFen` up get `ratePermille`‰ of it, at least `minFen`, at most `capFen`. */
export interface RewardTier {
  readonly fromFen: number;
  readonly ratePermille: number;
  readonly minFen: number;
  readonly capFen: number;
}

export interface RewardRule {
  readonly name: string;
  readonly basis: RewardBasis;
  /** Ascending by fromFen; the first starts at 0. */
  readonly tiers: readonly RewardTier[];
  /** The most one clue may be rewarded (cash plus goods value) without a recorded reason. */
  readonly limitFen: number;
  /** Whether a reward may be given as goods (实物) instead of cash. */
  readonly goodsAllowed: boolean;
  readonly excludeStaff: boolean;
  readonly excludeParticipants: boolean;
  readonly excludeAnonymous: boolean;
  /** Verification results that earn a reward. */
  readonly rewardedResults: readonly string[];
}

export const DEFAULT_REWARD_RULE: RewardRule = {
  name: '举报涉嫌非法集资行为奖励办法（修订）',
  basis: 'caseValue',
  tiers: [
    { fromFen: 0, ratePermille: 0, minFen: 50_000, capFen: 100_000 },
    { fromFen: 100_000_000, ratePermille: 1, minFen: 100_000, capFen: 500_000 },
    { fromFen: 1_000_000_000, ratePermille: 1, minFen: 500_000, capFen: 1_000_000 },
  ],
  limitFen: 1_000_000,
  goodsAllowed: true,
  excludeStaff: true,
  excludeParticipants: false,
  excludeAnonymous: true,
  rewardedResults: ['属实', '部分属实'],
};

export function checkRewardRule(rule: RewardRule): FieldError[] {
  const errors: FieldError[] = [];
  if (rule.name.trim() === '') errors.push({ field: 'name', message: '奖励办法名称未填写：请填写文件名称，奖励通知书会引用它。' });
  if (rule.basis !== 'recovered' && rule.basis !== 'caseValue') errors.push({ field: 'basis', message: '奖励依据未选择：请选择按涉案金额或追回金额计算。' });
  if (rule.tiers.length === 0) errors.push({ field: 'tiers', message: '奖励档次为空：请至少设置一档。' });
  rule.tiers.forEach((t, i) => {
    const n = `第 ${i + 1} 档`;
    for (const [k, label] of [['fromFen', '起点金额'], ['minFen', '最低奖励'], ['capFen', '最高奖励']] as const) {
      if (!Number.isSafeInteger(t[k]) || t[k] < 0) errors.push({ field: `tiers.${i}.${k}`, message: `${n}的${label}应为不小于 0 的金额：请改正。` });
    }
    if (!Number.isInteger(t.ratePermille) || t.ratePermille < 0 || t.ratePermille > 1000) errors.push({ field: `tiers.${i}.ratePermille`, message: `${n}的比例应为 0–1000 的整数（千分之几）：请改正。` });
    if (t.minFen > t.capFen) errors.push({ field: `tiers.${i}.capFen`, message: `${n}的最高奖励小于最低奖励：请改正。` });
    const prev = rule.tiers[i - 1];
    if (i === 0 && t.fromFen !== 0) errors.push({ field: 'tiers.0.fromFen', message: '第 1 档应从 0 元起算：请改正。' });
    if (prev && t.fromFen <= prev.fromFen) errors.push({ field: `tiers.${i}.fromFen`, message: `${n}的起点金额应大于上一档：请按金额从小到大排列。` });
  });
  if (!Number.isSafeInteger(rule.limitFen) || rule.limitFen <= 0) errors.push({ field: 'limitFen', message: '单条线索奖励上限应为大于 0 的金额：请改正。' });
  if (rule.rewardedResults.length === 0) errors.push({ field: 'rewardedResults', message: '请至少选择一种可获奖励的核查结论（通常为属实、部分属实）。' });
  return errors;
}

/** What the rule needs to know about a clue. */
export interface RewardFacts {
  readonly clueNo: string;
  readonly verifyResult: string | null;
  /** The amount of the rule's basis, in fen. */
  readonly basisFen: number;
  readonly anonymous: boolean;
  readonly reporterIsStaff: boolean;
  readonly reporterIsParticipant: boolean;
  /** Id of the earlier clue of the same matter: a later report earns no reward. */
  readonly firstClueId: string | null;
}

export type RewardComputation =
  | {
      readonly eligible: true;
      readonly tier: number;
      readonly tierFen: number;
      readonly rewardFen: number;
      /** True when the tier's amount was cut to the rule's limit. */
      readonly limitApplied: boolean;
      readonly explanation: string;
    }
  | { readonly eligible: false; readonly reason: string };

export function computeReward(rule: RewardRule, facts: RewardFacts): RewardComputation {
  if (!facts.verifyResult) return { eligible: false, reason: `线索 ${facts.clueNo} 尚未核查完毕：核查结论为属实的线索才能给予奖励。` };
  if (!rule.rewardedResults.includes(facts.verifyResult)) return { eligible: false, reason: `线索核查结论为“${facts.verifyResult}”，按奖励办法不予奖励。` };
  if (facts.firstClueId) return { eligible: false, reason: '同一事项已有在先举报：奖励只给首个举报人，本条线索不予奖励。' };
  if (facts.anonymous && rule.excludeAnonymous) return { eligible: false, reason: '匿名举报且无法联系举报人：按奖励办法不予奖励。' };
  if (facts.reporterIsStaff && rule.excludeStaff) return { eligible: false, reason: '举报人是工作人员：按奖励办法，工作人员不得领取举报奖励。' };
  if (facts.reporterIsParticipant && rule.excludeParticipants) return { eligible: false, reason: '举报人是集资参与人：按奖励办法不予奖励。' };
  if (!Number.isSafeInteger(facts.basisFen) || facts.basisFen < 0) return { eligible: false, reason: `${REWARD_BASIS_LABELS[rule.basis]}无效：请填写不小于 0 的金额。` };
  let tier = 0;
  rule.tiers.forEach((t, i) => {
    if (facts.basisFen >= t.fromFen) tier = i;
  });
  const t = rule.tiers[tier];
  if (!t) return { eligible: false, reason: '奖励办法没有设置档次：请在“设置 → 线索与奖励”中设置。' };
  // Rounded down to the yuan: a reward is paid in whole yuan.
  const byRate = Math.floor((facts.basisFen * t.ratePermille) / 1000 / 100) * 100;
  const tierFen = Math.min(t.capFen, Math.max(t.minFen, byRate));
  const rewardFen = Math.min(tierFen, rule.limitFen);
  const limitApplied = rewardFen < tierFen;
  const explanation =
    `按${REWARD_BASIS_LABELS[rule.basis]} ${formatFen(facts.basisFen)} 元适用第 ${tier + 1} 档（${formatFen(t.fromFen)} 元以上，千分之 ${t.ratePermille}，` +
    `${formatFen(t.minFen)}–${formatFen(t.capFen)} 元）：${formatFen(tierFen)} 元` +
    (limitApplied ? `，超过单条线索上限，按上限 ${formatFen(rule.limitFen)} 元` : '');
  return { eligible: true, tier: tier + 1, tierFen, rewardFen, limitApplied, explanation };
}

export type RewardForm = 'cash' | 'goods';

export interface RewardProposalInput {
  readonly form: RewardForm;
  readonly amountFen: number;
  /** Goods: what is given. */
  readonly goods: string;
  /** Required when the amount exceeds the rule's limit. */
  readonly overLimitReason: string;
}

/** Checks a proposed reward against the rule: over the limit only with a recorded reason. */
export function checkRewardProposal(rule: RewardRule, input: RewardProposalInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.form !== 'cash' && input.form !== 'goods') errors.push({ field: 'form', message: '奖励方式未选择：请选择现金或实物。' });
  if (input.form === 'goods' && !rule.goodsAllowed) errors.push({ field: 'form', message: '奖励办法不允许以实物奖励：请改为现金，或先修改奖励办法。' });
  if (input.form === 'goods' && input.goods.trim() === '') errors.push({ field: 'goods', message: '奖励实物未填写：请写明实物名称和数量。' });
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) errors.push({ field: 'amountFen', message: input.form === 'goods' ? '实物价值应为大于 0 的金额：请填写。' : '奖励金额应为大于 0 的金额：请填写。' });
  else if (input.amountFen > rule.limitFen && input.overLimitReason.trim() === '') {
    errors.push({
      field: 'overLimitReason',
      message: `奖励 ${formatFen(input.amountFen)} 元超过奖励办法规定的单条线索上限 ${formatFen(rule.limitFen)} 元：须填写超出上限的理由（如经集体研究决定），否则请降至上限以内。`,
    });
  }
  return errors;
}

export const REWARD_STATUSES = ['已提出', '已批准', '已发放', '已驳回'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export interface Reward {
  readonly id: string;
  readonly clueId: string;
  readonly status: RewardStatus;
  readonly form: RewardForm;
  readonly amountFen: number;
  readonly goods: string | null;
  readonly ruleAmountFen: number;
  readonly tier: number;
  readonly overLimitReason: string | null;
  readonly explanation: string;
  readonly proposedOn: string;
  readonly proposedBy: string;
  readonly approvedOn: string | null;
  readonly approvedBy: string | null;
  readonly paidOn: string | null;
  readonly paidBy: string | null;
  readonly paymentNote: string | null;
}
