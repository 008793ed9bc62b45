import { describe, expect, it } from 'vitest';
import { checkRewardProposal, checkRewardRule, computeReward, DEFAULT_REWARD_RULE, type RewardFacts } from '../../../../renderer/src/core/clues';

const facts: RewardFacts = { clueNo: '线索〔2026〕1号', verifyResult: '属实', basisFen: 0, anonymous: false, reporterIsStaff: false, reporterIsParticipant: false, firstClueId: null };

describe('reward rule', () => {
  it('gives the tier minimum for a small case and the rate in a higher tier', () => {
    // Tier 1: 0–100万, 500–1000 yuan.
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, basisFen: 20_000_000 })).toMatchObject({ eligible: true, tier: 1, rewardFen: 50_000, limitApplied: false });
    // Tier 2 (≥ 100万): 1‰ of 300万 = 3,000 yuan, within 1,000–5,000.
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, basisFen: 300_000_000 })).toMatchObject({ eligible: true, tier: 2, rewardFen: 300_000 });
  });
  it('cuts a tier amount to the rule limit and says so', () => {
    const rule = { ...DEFAULT_REWARD_RULE, limitFen: 200_000 };
    const r = computeReward(rule, { ...facts, basisFen: 300_000_000 });
    expect(r).toMatchObject({ eligible: true, tierFen: 300_000, rewardFen: 200_000, limitApplied: true });
    if (r.eligible) expect(r.explanation).toContain('超过单条线索上限');
  });
  it('excludes staff, later reports, anonymous and unverified clues, with the reason', () => {
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, reporterIsStaff: true })).toMatchObject({ eligible: false, reason: expect.stringContaining('工作人员') });
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, firstClueId: 'c-0' })).toMatchObject({ eligible: false, reason: expect.stringContaining('首个举报人') });
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, anonymous: true })).toMatchObject({ eligible: false });
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, verifyResult: '不属实' })).toMatchObject({ eligible: false });
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, verifyResult: null })).toMatchObject({ eligible: false });
    // Participants are not excluded by the default rule.
    expect(computeReward(DEFAULT_REWARD_RULE, { ...facts, reporterIsParticipant: true }).eligible).toBe(true);
  });
  it('refuses a proposal over the limit without a reason, accepts it with one', () => {
    const over = { form: 'cash' as const, amountFen: 1_200_000, goods: '', overLimitReason: '' };
    expect(checkRewardProposal(DEFAULT_REWARD_RULE, over)[0]?.message).toContain('超过奖励办法规定的单条线索上限');
    expect(checkRewardProposal(DEFAULT_REWARD_RULE, { ...over, overLimitReason: '经主任办公会研究决定' })).toEqual([]);
    expect(checkRewardProposal(DEFAULT_REWARD_RULE, { form: 'goods', amountFen: 80_000, goods: '', overLimitReason: '' }).map((e) => e.field)).toEqual(['goods']);
  });
  it('checks the rule itself', () => {
    expect(checkRewardRule(DEFAULT_REWARD_RULE)).toEqual([]);
    const bad = { ...DEFAULT_REWARD_RULE, tiers: [{ fromFen: 10, ratePermille: 2000, minFen: 5, capFen: 1 }] };
    expect(checkRewardRule(bad).map((e) => e.field)).toEqual(['tiers.0.ratePermille', 'tiers.0.capFen', 'tiers.0.fromFen']);
  });
});
