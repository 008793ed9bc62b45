// Characters that print as nothing: zero-width spaces and joiners, bidirectional controls, the soft
// hyphen, the word joiner, a BOM inside text. Copied from web pages, Word and chat apps into names
// and IDs, they make two identical-looking values differ (张三 vs 张\u200b三) or hide what a value is.

const INVISIBLE_CLASS = '\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\u3164\\ufeff\\uffa0';
/** One invisible character, as regex source (for patterns built elsewhere). */
export const INVISIBLE_SOURCE = `[${INVISIBLE_CLASS}]`;
const INVISIBLE = new RegExp(INVISIBLE_SOURCE);
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CLASS}]+`, 'g');

/** Chinese names of the invisible characters, for messages (by code point). */
const LABELS: ReadonlyArray<readonly [number, number, string]> = [
  [0x00ad, 0x00ad, '软连字符'],
  [0x061c, 0x061c, '阿拉伯字母标记'],
  [0x115f, 0x1160, '韩文填充符'],
  [0x180e, 0x180e, '蒙古文元音分隔符'],
  [0x200b, 0x200b, '零宽空格'],
  [0x200c, 0x200c, '零宽不连字'],
  [0x200d, 0x200d, '零宽连字'],
  [0x200e, 0x200f, '文字方向标记'],
  [0x202a, 0x202e, '文字方向控制符'],
  [0x2060, 0x2060, '单词连接符'],
  [0x2061, 0x2064, '不可见数学符号'],
  [0x2066, 0x2069, '文字方向隔离符'],
  [0x3164, 0x3164, '韩文填充符'],
  [0xfeff, 0xfeff, '零宽不换行空格（BOM）'],
  [0xffa0, 0xffa0, '半角韩文填充符'],
];

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

export function stripInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
}

export interface InvisibleFound {
  /** "U+200B". */
  readonly code: string;
  /** "零宽空格". */
  readonly label: string;
  /** Where, in words: "开头", "末尾", "第 2 个与第 3 个字符之间". */
  readonly where: string;
  /** Invisible characters in the text (all kinds). */
  readonly count: number;
}

/** The first invisible character of a text, named and placed by the visible characters around it. */
export function findInvisible(text: string): InvisibleFound | null {
  const at = text.search(INVISIBLE);
  if (at < 0) return null;
  const cp = text.charCodeAt(at);
  const label = LABELS.find(([from, to]) => cp >= from && cp <= to)?.[2] ?? '不可见字符';
  const before = Array.from(stripInvisible(text.slice(0, at))).length;
  const total = Array.from(stripInvisible(text)).length;
  const where = before === 0 ? '开头' : before >= total ? '末尾' : `第 ${before} 个与第 ${before + 1} 个字符之间`;
  const count = text.match(INVISIBLE_ALL)?.join('').length ?? 1;
  return { code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, label, where, count };
}

/** "第 1 个与第 2 个字符之间有不可见字符 U+200B（零宽空格）" (plus how many more). */
export function describeInvisible(found: InvisibleFound): string {
  const more = found.count > 1 ? `等 ${found.count} 个不可见字符` : '';
  return `${found.where}有不可见字符 ${found.code}（${found.label}）${more}`;
}
