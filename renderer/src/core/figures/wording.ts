// How the work report writes figures in Chinese, the way the source report does: 1.38亿元,
// 2036.8万元, 2500元, 1600余人, 65.6%, 82%, 同比分别减少65.6%、68.1%、82%, 分别下降15%和84%.
// Rules (tested in tests/unit/core/figures/wording.test.ts):
// - Amounts: from 1亿元 up in 亿元 to two decimals; from 1万元 in 万元 to one decimal; below that in
//   元 (whole yuan); rounded half up, trailing zeros dropped (2.20亿 → 2.2亿元); a value that rounds
//   up to the next unit is written in it (9999.96万 → 1亿元, 9999.6元 → 1万元).
// - Approximations (余): keep the leading digits, drop the rest and say 余 when something was
//   dropped: two digits from 100 up (1612 → 1600余, 437 → 430余), tens below 100 (23 → 20余);
//   under 10, and round values (1600), are written exactly.
// - Percentages: one decimal, ".0" dropped (82.0 → 82%).
import type { FigureChange } from './change';

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** `value / 10^scaleDigits` rounded half up to `decimals` places, as text (non-negative bigint). */
function scaled(value: bigint, scaleDigits: number, decimals: number): string {
  const drop = 10n ** BigInt(scaleDigits - decimals);
  const q = (value + drop / 2n) / drop;
  const unit = 10n ** BigInt(decimals);
  const whole = q / unit;
  if (decimals === 0) return whole.toString();
  return `${whole}.${(q % unit).toString().padStart(decimals, '0')}`;
}

/** 13800000000 fen → "1.38亿元"; 2036800000 → "2036.8万元"; 250000 → "2500元". */
export function amountZh(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分（收到 ${fen}）`);
  const sign = fen < 0 ? '负' : '';
  const f = BigInt(Math.abs(fen));
  // The unit follows the amount; when rounding reaches the next unit (9999.96万), that unit is used.
  const wan = scaled(f, 6, 1);
  if (f >= 10_000_000_000n || wan === '10000.0') return `${sign}${trimZeros(scaled(f, 10, 2))}亿元`;
  const yuan = scaled(f, 2, 0);
  if (f >= 1_000_000n || yuan === '10000') return `${sign}${trimZeros(wan)}万元`;
  return `${sign}${yuan}元`;
}

/** The round number below `n` that the report would write before 余, and whether 余 is needed. */
export function approximate(n: number): { readonly base: number; readonly more: boolean } {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`人数、家数须为非负整数（收到 ${n}）`);
  if (n < 10) return { base: n, more: false };
  const step = n < 100 ? 10 : 10 ** (String(n).length - 2);
  const base = Math.floor(n / step) * step;
  return { base, more: base !== n };
}

/** 1612, '人' → "1600余人"; 1600 → "1600人"; 8 → "8人". */
export function approxCountZh(n: number, unit: string): string {
  const { base, more } = approximate(n);
  return `${base}${more ? '余' : ''}${unit}`;
}

/** Tenths of a percent → "65.6%", "82%". */
export function percentZh(tenths: number): string {
  const a = Math.abs(tenths);
  const text = a % 10 === 0 ? `${a / 10}` : `${Math.floor(a / 10)}.${a % 10}`;
  return `${tenths < 0 ? '-' : ''}${text}%`;
}

/** 81.0% → "80%以上"; the floor to `step` whole percent, for sentences like 侦结率达70%以上. */
export function atLeastPercentZh(tenths: number, step = 10): string {
  const floor = Math.floor(tenths / (step * 10)) * step;
  return `${floor}%以上`;
}

export interface ChangeWords {
  /** 减少 (cases, amounts) or 下降 (petitions), as the report varies them. */
  readonly down?: string;
  /** 增加 or 上升. */
  readonly up?: string;
}

function changeWord(c: FigureChange, w: Required<ChangeWords>): { verb: string; amount: string } {
  if (c.tenths === null) return { verb: '', amount: '去年同期为0' };
  if (c.tenths === 0) return { verb: '', amount: '持平' };
  const amount = c.kind === 'points' ? `${percentZh(Math.abs(c.tenths)).slice(0, -1)}个百分点` : percentZh(Math.abs(c.tenths));
  return { verb: c.tenths < 0 ? w.down : w.up, amount };
}

/**
 * One change: "同比减少65.6%"; several: "同比分别减少65.6%、68.1%、82%" when they move the same way,
 * two joined by 和 ("同比分别下降15%和84%"), mixed ones each with its verb ("同比分别减少65.6%、增加5%").
 * A change against 0 last year reads "去年同期为0" (all of them: "去年同期均为0"; some of them:
 * "无可比（去年同期为0）" in its place); no change reads "持平".
 */
export function changesZh(changes: readonly FigureChange[], words: ChangeWords = {}): string {
  const w = { down: words.down ?? '减少', up: words.up ?? '增加' };
  const parts = changes.map((c) => changeWord(c, w));
  if (parts.length === 0) return '';
  if (parts.length === 1) {
    const [p] = parts as [{ verb: string; amount: string }];
    return p.verb ? `同比${p.verb}${p.amount}` : p.amount === '持平' ? '同比持平' : p.amount;
  }
  if (changes.every((c) => c.tenths === null)) return '去年同期均为0';
  if (changes.some((c) => c.tenths === null)) {
    // Mixed: each item says what it is; one with nothing to compare says so in brackets.
    const items = parts.map((p) => (p.verb ? `${p.verb}${p.amount}` : p.amount === '持平' ? '持平' : '无可比（去年同期为0）'));
    return `同比分别${items.length === 2 ? `${items[0]}和${items[1]}` : items.join('、')}`;
  }
  const verbs = new Set(parts.map((p) => p.verb));
  const same = verbs.size === 1 && !verbs.has('');
  const items = same ? parts.map((p) => p.amount) : parts.map((p) => `${p.verb}${p.amount}`);
  const joined = items.length === 2 ? `${items[0]}和${items[1]}` : items.join('、');
  return `同比分别${same ? parts[0]?.verb : ''}${joined}`;
}
