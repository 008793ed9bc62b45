import { describe, expect, it } from 'vitest';
import { createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS, highlightSegments, validateKeywordList } from '../../../../renderer/src/core/screening/keywords';

const m = createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS);

describe('finance-keyword matcher', () => {
  it('starts from 32 keywords with the registration window terms of the issue', () => {
    expect(DEFAULT_FINANCE_KEYWORDS).toHaveLength(32);
    for (const k of ['金融', '理财', '投资', '资产管理', '财富', '基金', '众筹', '借贷', '保理', '担保', '支付', '交易所']) {
      expect(DEFAULT_FINANCE_KEYWORDS).toContain(k);
    }
  });

  it.each([
    ['威海鑫源理财咨询有限公司', ['理财']],
    ['威海鑫源理財咨詢有限公司', ['理财']],
    ['山东众筹网络科技有限公司', ['众筹']],
    ['山東眾籌網絡科技有限公司', ['众筹']],
    ['山東衆籌網絡科技有限公司', ['众筹']],
    ['青岛Ｐ２Ｐ信息服务有限公司', ['P2P']],
    ['青岛p2p信息服务有限公司', ['P2P']],
    ['环翠区资產管理有限公司', ['资产管理']],
    ['荣成股權投資合伙企业', ['投资', '股权投资']],
    ['理 财', ['理财']],
    ['理\u200b财顾问', ['理财']],
    ['區塊鏈虛擬貨幣交易所', ['交易所', '虚拟货币', '区块链']],
  ])('finds the keywords of %s', (text, expected) => {
    expect(m.keywordsIn(text)).toEqual(expected);
  });

  it.each([
    ['投、资'],
    ['主营：五金，融合通信设备'],
    ['理。财'],
    ['基\n金'],
    ['投资'.split('').join('/')],
    ['威海市环翠区餐饮服务有限公司'],
    [''],
  ])('never joins a keyword across punctuation or a line break: %s', (text) => {
    expect(m.keywordsIn(text)).toEqual([]);
  });

  it('reports where each match stands in the original text, for highlighting', () => {
    const text = '威海 理 財咨詢（投资）';
    const found = m.find(text);
    expect(found.map((f) => [f.keyword, text.slice(f.start, f.end)])).toEqual([
      ['理财', '理 財'],
      ['投资', '投资'],
    ]);
    expect(highlightSegments(text, found)).toEqual([
      { text: '威海 ', hit: false },
      { text: '理 財', hit: true },
      { text: '咨詢（', hit: false },
      { text: '投资', hit: true },
      { text: '）', hit: false },
    ]);
  });

  it('joins overlapping matches into one highlighted piece', () => {
    const text = '股权投资基金';
    expect(highlightSegments(text, m.find(text))).toEqual([{ text: '股权投资基金', hit: true }]);
  });

  it('treats traditional and full-width forms of a keyword as one entry of the list', () => {
    expect(createKeywordMatcher(['理财', '理財', ' ', '理财']).keywords).toEqual(['理财']);
  });

  it('refuses keyword lists a person would get wrong, naming the entry', () => {
    expect(validateKeywordList(['金融', '理財', '理财'])).toEqual([{ index: 2, message: '关键字样“理财”与第 2 个重复（繁简、全半角视为相同），请删除其一' }]);
    expect(validateKeywordList(['金融、理财'])[0]?.message).toContain('含有标点符号');
    expect(validateKeywordList([''])[0]?.message).toBe('第 1 个关键字样为空，请填写或删除该行');
    expect(validateKeywordList([])[0]?.message).toContain('列表为空');
    expect(validateKeywordList(DEFAULT_FINANCE_KEYWORDS)).toEqual([]);
  });
});
