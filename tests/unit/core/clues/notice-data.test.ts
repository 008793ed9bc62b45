import { describe, expect, it } from 'vitest';
import { type Clue, DEFAULT_REWARD_RULE, type Reward, type RiskNotice, rewardNoticeData, riskNoticeData } from '../../../../renderer/src/core/clues';
import { findBuiltinTemplate, renderText, validateDocumentData } from '../../../../renderer/src/core/documents';

const clue = {
  id: 'c1',
  clueNo: '线索〔2026〕12号',
  receivedOn: '2026-03-18',
  subject: { kind: 'firm', name: '威海鑫源企业管理咨询有限公司', creditCode: null, link: null },
  verifyResult: '属实',
  hasReporter: true,
  anonymous: false,
} as unknown as Clue;
const reward = { id: 'r1', clueId: 'c1', status: '已批准', form: 'cash', amountFen: 150_000, goods: null } as unknown as Reward;
const office = { officeName: '威海市防范和处置非法集资工作领导小组办公室', operatorName: '刘明', today: '2026-06-02' };
const template = (id: string) => {
  const t = findBuiltinTemplate(id);
  if (!t) throw new Error(id);
  return t;
};

describe('reward notice data', () => {
  it('names the reporter by the clue number, never by name, unless a revealed name is passed', () => {
    const data = rewardNoticeData(clue, reward, DEFAULT_REWARD_RULE, office);
    expect(data.reporter).toBe('线索〔2026〕12号举报人');
    expect(data).toMatchObject({ clueNo: '线索〔2026〕12号', rewardForm: '现金', amount: 150_000, ruleName: '《举报涉嫌非法集资行为奖励办法（修订）》', officeName: office.officeName });
    expect(rewardNoticeData(clue, reward, DEFAULT_REWARD_RULE, office, '王秀兰').reporter).toBe('王秀兰');
  });
  it('prints the cash amount with its capitals, or the goods with their value', () => {
    const t = template('reward-notice');
    const complete = { ...rewardNoticeData(clue, reward, DEFAULT_REWARD_RULE, office), collectPlace: '处非办', contactPhone: '0631-5233110' };
    expect(validateDocumentData(t, complete)).toEqual([]);
    const text = renderText(t, complete);
    expect(text).toContain('奖励现金人民币1,500.00元（大写：壹仟伍佰元整）');
    expect(text).not.toContain('奖励实物');
    const goods = rewardNoticeData(clue, { ...reward, form: 'goods', amountFen: 800_000, goods: '电动自行车一辆' }, DEFAULT_REWARD_RULE, office);
    expect(renderText(t, { ...goods, collectPlace: '处非办', contactPhone: '1' })).toContain('奖励实物电动自行车一辆，价值人民币8,000.00元');
  });
  it('leaves what the record does not know for the form to ask, naming the field', () => {
    const data = rewardNoticeData(clue, reward, DEFAULT_REWARD_RULE, { ...office, officeName: '' });
    const problems = validateDocumentData(template('reward-notice'), data).map((p) => p.message).join('；');
    expect(problems).toContain('发文机关');
    expect(problems).toContain('领取地点');
  });
});

describe('risk notice data', () => {
  it('takes the title and one paragraph per line of the registered text, dated as published', () => {
    const notice: RiskNotice = { id: 'n1', date: '2026-06-15', sector: '养老', title: '警惕养老诈骗', channels: ['微信公众号'], text: '第一段。\n\n第二段。', by: '刘明' };
    const data = riskNoticeData(notice, office);
    expect(data).toMatchObject({ title: '警惕养老诈骗', body: ['第一段。', '第二段。'], issueDate: '2026-06-15' });
    const text = renderText(template('risk-notice'), data);
    expect(text).toContain('风险提示');
    expect(text).toContain('第二段。');
  });
});
