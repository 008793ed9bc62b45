import { foldFullWidth, removeSpaces } from './normalize-text';

/** Unit a bare number is written in: 元 (yuan) or 万元 (ten thousand yuan). */
export type MoneyUnit = 'yuan' | 'wan';

export type MoneyErrorCode =
  | 'AMOUNT_MISSING'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_PRECISION'
  | 'AMOUNT_TOO_LARGE';

export type MoneyParseResult =
  | { readonly ok: true; readonly fen: number }
  | { readonly ok: false; readonly code: MoneyErrorCode; readonly message: string };

const CURRENCY_PREFIX = /^(?:人民币|RMB|CNY|[￥¥])/i;
const PLACEHOLDERS = new Set(['', '-', '--', '—', '——', '/', '无']);
// The digits of yuan that still fit a safe-integer count of fen (9,007,199,254,740,991 fen).
const MAX_SAFE_FEN = BigInt(Number.MAX_SAFE_INTEGER);

function fail(code: MoneyErrorCode, message: string): MoneyParseResult {
  return { ok: false, code, message };
}

/**
 * Parses an amount as people write it in registers into integer fen (分), by string manipulation only:
 * "1,234.50", "5万", "1.5万元", "2亿", "￥3,000", full-width digits, spaces, a "元" suffix, or a number read
 * from a spreadsheet cell. `unit` is the unit a bare number is in (from a column header such as
 * 金额（万元）); an explicit 万/元 in the text wins over it.
 *
 * Numbers from cells are read through their shortest round-trip decimal string, so the float 1000.1
 * gives 100010 fen while 1000.005 is reported as finer than a fen instead of being rounded. A
 * double with more than Excel's 15 significant digits (1234.5600000000002 from a formula) is read
 * at Excel's precision first, as Excel shows it.
 */
export function parseMoneyToFen(text: string | number | null | undefined, unit: MoneyUnit = 'yuan'): MoneyParseResult {
  if (text === null || text === undefined) return fail('AMOUNT_MISSING', '金额为空，请填写金额。');
  if (typeof text === 'number') return parseNumberCell(text, unit);
  const plain = PLAIN_AMOUNT[unit].exec(text);
  if (plain) {
    // "44100.00": a bare amount in the column's unit (every CSV row); the route below gives the
    // same fen, with fewer strings built. Digits are bounded so the sum stays an exact integer.
    const fraction = plain[2] ?? '';
    const fen = Number(plain[1]) * FEN_PER_UNIT[unit] + (fraction === '' ? 0 : Number(fraction.padEnd(SHIFT[unit], '0')));
    return { ok: true, fen };
  }
  // A leading apostrophe is how Excel users force text; it is not part of the amount.
  let s = removeSpaces(foldFullWidth(text)).replace(/^['‘’]/, '');
  if (PLACEHOLDERS.has(s)) return fail('AMOUNT_MISSING', '金额为空，请填写金额。');
  let negative = false;
  // Accounting style "(100)" and a leading minus (ASCII, full-width folded, or the math sign).
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(CURRENCY_PREFIX, '');
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  let effectiveUnit: MoneyUnit | 'yi' = unit;
  if (s.endsWith('亿元') || s.endsWith('亿')) {
    effectiveUnit = 'yi';
    s = s.slice(0, s.endsWith('亿元') ? -2 : -1);
  } else if (s.endsWith('万元') || s.endsWith('万')) {
    effectiveUnit = 'wan';
    s = s.slice(0, s.endsWith('万元') ? -2 : -1);
  } else if (s.endsWith('元整') || s.endsWith('元')) {
    effectiveUnit = 'yuan';
    s = s.slice(0, s.endsWith('元整') ? -2 : -1);
  }
  if (s === '') return fail('AMOUNT_MISSING', `金额“${text.trim()}”没有数字，请填写金额。`);
  return fromDecimalString(s, effectiveUnit, negative, text.trim());
}

// Excel keeps 15 significant digits. A computed cell (a sum, a product) can hold a double such as
// 1234.5600000000002 that Excel shows and means as 1234.56: below 1e12 yuan, 15 significant digits
// still keep 3 decimals, so reading at Excel's precision never hides a real third decimal.
const EXCEL_DIGITS = 15;
const EXCEL_CLEANUP_BELOW = 1e12;

function significantDigits(plain: string): number {
  return plain.replace('.', '').replace(/^0+/, '').length;
}

// Fen per unit, for the fast paths.
const FEN_PER_UNIT: Readonly<Record<MoneyUnit, number>> = { yuan: 100, wan: 1_000_000 };
// A bare amount with at most a fen's decimals and under 10^13 fen.
const PLAIN_AMOUNT: Readonly<Record<MoneyUnit, RegExp>> = { yuan: /^(\d{1,11})(?:\.(\d{1,2}))?$/, wan: /^(\d{1,7})(?:\.(\d{1,6}))?$/ };
// Below this many fen, two amounts a fen apart are always distinct doubles many ulps apart.
const FAST_PATH_FEN_LIMIT = 1e13;

function parseNumberCell(n: number, unit: MoneyUnit): MoneyParseResult {
  // The usual cell (1000, 2500.5, 0.35 万): when n is exactly the double nearest to a whole number
  // of fen, its shortest decimal form is that number of fen, so the string route below gives the
  // same answer; anything else (finer than a fen, Excel float noise, huge, negative) takes it.
  if (n === 0) return { ok: true, fen: 0 };
  const perUnit = FEN_PER_UNIT[unit];
  if (n > 0 && n * perUnit < FAST_PATH_FEN_LIMIT) {
    const fen = Math.round(n * perUnit);
    if (fen / perUnit === n) return { ok: true, fen };
  }
  if (!Number.isFinite(n)) return fail('AMOUNT_INVALID', '金额不是有效数字，请检查该单元格。');
  let shortest = String(Math.abs(n));
  if (!shortest.includes('e') && Math.abs(n) < EXCEL_CLEANUP_BELOW && significantDigits(shortest) > EXCEL_DIGITS) {
    shortest = String(Number(Math.abs(n).toPrecision(EXCEL_DIGITS)));
  }
  const plain = shortest.includes('e') ? expandExponent(shortest) : shortest;
  return fromDecimalString(plain, unit, n < 0 || Object.is(n, -0), String(n));
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000" (digits kept exactly). */
function expandExponent(s: string): string {
  const [mantissa = '', expText = '0'] = s.split('e');
  const exp = Number(expText);
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exp;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

// Places the decimal point moves from the written unit to fen.
const SHIFT: Readonly<Record<MoneyUnit | 'yi', number>> = { yuan: 2, wan: 6, yi: 10 };

function fromDecimalString(s: string, unit: MoneyUnit | 'yi', negative: boolean, original: string): MoneyParseResult {
  const m = DECIMAL.exec(s);
  if (!m || (m[1] === undefined && !m[2])) {
    return fail(
      'AMOUNT_INVALID',
      `金额“${original}”不是可识别的数字，请写成 1234.50、1,234.50 或 5万 的形式。`,
    );
  }
  const intDigits = (m[1] ?? '0').replace(/,/g, '');
  const fracDigits = (m[2] ?? '').replace(/0+$/, '');
  const shift = SHIFT[unit];
  if (fracDigits.length > shift) {
    return fail(
      'AMOUNT_PRECISION',
      `金额“${original}”精确到了分以下（${unit === 'yuan' ? '超过 2 位小数' : `以${unit === 'wan' ? '万元' : '亿元'}计超过 ${shift} 位小数`}），请核对原始凭证后改为精确到分的金额。`,
    );
  }
  const fenDigits = (intDigits + fracDigits.padEnd(shift, '0')).replace(/^0+(?=\d)/, '');
  const isZero = /^0+$/.test(fenDigits);
  if (negative && !isZero) {
    return fail('AMOUNT_NEGATIVE', `金额“${original}”是负数，金额不能为负，请核对后填写正数。`);
  }
  if (fenDigits.length > 15 && BigInt(fenDigits) > MAX_SAFE_FEN) {
    return fail('AMOUNT_TOO_LARGE', `金额“${original}”超出了可处理的范围（最多 90 万亿元），请核对金额和单位。`);
  }
  return { ok: true, fen: Number(fenDigits) };
}
