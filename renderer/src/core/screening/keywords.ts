// The finance-keyword check (涉金融关键字样): the words a registration window looks for in a new
// firm's name and business scope. Matching folds full-width forms (ＰＴＰ, Ｐ２Ｐ) and the traditional
// characters of the keywords (理財, 投資, 眾籌) onto the simplified half-width form, ignores spaces and
// invisible characters typed into a word (理 财, 理\u200b财: the usual ways round a filter), and never
// joins characters across punctuation or a line break (投、资 is two words in a list, not 投资).

import { hasInvisible } from '../creditors/invisible';

/**
 * The 32 terms a registration window checks (the source report's list is not published; these are
 * the terms of the issue and the categories the 防范和处置非法集资条例 names). Offices edit it in 排查 → 关键字样.
 */
export const DEFAULT_FINANCE_KEYWORDS: readonly string[] = [
  '金融', '理财', '投资', '资产管理', '财富', '基金', '众筹', '借贷',
  '保理', '担保', '支付', '交易所', '交易中心', '融资', '贷款', '网贷',
  'P2P', '信托', '期货', '证券', '保险', '外汇', '典当', '虚拟货币',
  '数字货币', '区块链', '股权投资', '资本', '金服', '财务咨询', '养老', '消费金融',
];

/**
 * Traditional → simplified for the characters of the keywords above and of the terms offices add
 * most (银行, 债权, 票据 …). Hand-kept on purpose: a full OpenCC table (≈ 1 MB) is not needed to
 * check 32 words; the tests check every default keyword in its traditional form.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  財: '财', 資: '资', 產: '产', 眾: '众', 衆: '众', 籌: '筹', 貸: '贷', 擔: '担', 場: '场', 險: '险', 證: '证', 匯: '汇',
  當: '当', 虛: '虚', 擬: '拟', 貨: '货', 幣: '币', 數: '数', 區: '区', 塊: '块', 鏈: '链', 權: '权', 務: '务', 詢: '询',
  諮: '咨', 養: '养', 費: '费', 銀: '银', 債: '债', 據: '据', 託: '托', 網: '网', 經: '经', 濟: '济', 買: '买', 賣: '卖',
  錢: '钱', 莊: '庄', 額: '额', 質: '质', 儲: '储', 營: '营', 銷: '销', 創: '创', 業: '业', 發: '发', 實: '实', 際: '际',
  國: '国', 兌: '兑', 換: '换', 類: '类', 憑: '凭', 標: '标', 頭: '头', 風: '风', 協: '协', 會: '会', 團: '团', 體: '体',
  點: '点', 鈔: '钞', 運: '运', 與: '与', 現: '现', 規: '规', 劃: '划', 貿: '贸', 開: '开', 東: '东', 興: '兴', 賬: '账',
  帳: '账', 歸: '归', 餘: '余', 憂: '忧', 閒: '闲', 縣: '县', 審: '审', 計: '计',
};

const CHAR_MAP = new Map(Object.entries(TRADITIONAL));

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
/** Characters a word may carry by mistake or to dodge a filter: they neither match nor break. */
const SKIPPED = /[\s\u00a0\u3000]/;
/** Ends a word: what is on either side of one of these is never joined into one keyword. */
const BREAKS = /[\n\r\t]/;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  let c = ch;
  if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) c = String.fromCharCode(code - 0xfee0);
  c = CHAR_MAP.get(c) ?? c;
  return c.toUpperCase();
}

interface Folded {
  /** The folded text; a break is written as '\n' so no keyword spans it. */
  readonly text: string;
  /** For each folded character, its index in the original text. */
  readonly at: readonly number[];
}

function fold(text: string): Folded {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (BREAKS.test(ch)) {
      out += '\n';
      at.push(i);
      continue;
    }
    if (SKIPPED.test(ch) || hasInvisible(ch)) continue;
    out += foldChar(ch);
    at.push(i);
  }
  return { text: out, at };
}

/** A keyword as it is matched: folded, without spaces or invisible characters. */
export function keywordKey(keyword: string): string {
  return fold(keyword).text.replace(/\n/g, '');
}

export interface KeywordMatch {
  /** The keyword as the list spells it. */
  readonly keyword: string;
  /** Where it stands in the text checked: [start, end) of the original characters. */
  readonly start: number;
  readonly end: number;
}

export interface KeywordMatcher {
  readonly keywords: readonly string[];
  /** Every occurrence of every keyword, in text order. */
  find(text: string): KeywordMatch[];
  /** The distinct keywords found, in list order. */
  keywordsIn(text: string): string[];
}

/** A matcher over a keyword list (blank entries and repeats are dropped). */
export function createKeywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const seen = new Set<string>();
  const list: Array<{ keyword: string; key: string }> = [];
  for (const k of keywords) {
    const key = keywordKey(k.trim());
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    list.push({ keyword: k.trim(), key });
  }
  const find = (text: string): KeywordMatch[] => {
    if (text === '') return [];
    const folded = fold(text);
    const out: KeywordMatch[] = [];
    for (const { keyword, key } of list) {
      let from = folded.text.indexOf(key);
      while (from >= 0) {
        const start = folded.at[from] ?? 0;
        const end = (folded.at[from + key.length - 1] ?? start) + 1;
        out.push({ keyword, start, end });
        from = folded.text.indexOf(key, from + 1);
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  };
  return {
    keywords: list.map((k) => k.keyword),
    find,
    keywordsIn(text: string): string[] {
      const found = new Set(find(text).map((m) => m.keyword));
      return list.map((k) => k.keyword).filter((k) => found.has(k));
    },
  };
}

export interface TextSegment {
  readonly text: string;
  readonly hit: boolean;
}

/** The text cut into plain and matched pieces (overlapping matches joined), for highlighting. */
export function highlightSegments(text: string, matches: readonly KeywordMatch[]): TextSegment[] {
  const spans = [...matches].sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const m of spans) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ start: m.start, end: m.end });
  }
  const out: TextSegment[] = [];
  let pos = 0;
  for (const s of merged) {
    if (s.start > pos) out.push({ text: text.slice(pos, s.start), hit: false });
    out.push({ text: text.slice(s.start, s.end), hit: true });
    pos = s.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), hit: false });
  return out;
}

export interface KeywordListIssue {
  readonly index: number;
  readonly message: string;
}

/** Checks a keyword list typed in settings: each entry 1–20 characters, no punctuation, no repeats. */
export function validateKeywordList(keywords: readonly string[]): KeywordListIssue[] {
  const issues: KeywordListIssue[] = [];
  const seen = new Map<string, number>();
  keywords.forEach((raw, index) => {
    const k = raw.trim();
    const key = keywordKey(k);
    if (key === '') issues.push({ index, message: `第 ${index + 1} 个关键字样为空，请填写或删除该行` });
    else if (/[\p{P}\p{S}]/u.test(key)) issues.push({ index, message: `关键字样“${k}”含有标点符号，匹配时标点会把词隔断，请去掉标点` });
    else if (key.length > 20) issues.push({ index, message: `关键字样“${k}”超过 20 个字，请缩短` });
    else if (seen.has(key)) issues.push({ index, message: `关键字样“${k}”与第 ${(seen.get(key) ?? 0) + 1} 个重复（繁简、全半角视为相同），请删除其一` });
    else seen.set(key, index);
  });
  if (keywords.length === 0) issues.push({ index: -1, message: '关键字样列表为空：至少保留一个关键字样，否则新设企业不会被核查' });
  return issues;
}
