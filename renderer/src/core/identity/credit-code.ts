import { type IdCellValue, normalizeIdText } from './normalize-id';

export type CreditCodeErrorCode = 'ORG_CODE_INVALID' | 'ORG_CODE_CHECK_DIGIT';

export type CreditCodeResult =
  | { readonly ok: true; readonly creditCode: string }
  | { readonly ok: false; readonly code: CreditCodeErrorCode; readonly message: string };

// GB 32100-2015: 31 characters (no I, O, S, V, Z) and the weights 3^i mod 31.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// The check position may hold any letter when mistyped: that is a check-digit error, not a bad shape.
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-Z]$/;

/** True when the text has the shape of a 统一社会信用代码 (18 characters of its alphabet). */
export function looksLikeCreditCode(normalized: string): boolean {
  return SHAPE.test(normalized);
}

/** GB 32100 check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** Checks a 统一社会信用代码 (unified social credit code, GB 32100) including its check character. */
export function checkCreditCode(raw: IdCellValue | null | undefined): CreditCodeResult {
  const text = raw === null || raw === undefined ? '' : String(raw);
  const code = normalizeIdText(text);
  if (!looksLikeCreditCode(code)) {
    return {
      ok: false,
      code: 'ORG_CODE_INVALID',
      message: `“${text.trim()}”不是有效的统一社会信用代码（应为 18 位数字或大写字母，不含 I、O、S、V、Z）。请对照营业执照核对。`,
    };
  }
  const expected = creditCodeCheckChar(code);
  if (code[17] !== expected) {
    return {
      ok: false,
      code: 'ORG_CODE_CHECK_DIGIT',
      message: `统一社会信用代码 ${code} 的校验位应为 ${expected}，与末位 ${code[17]} 不符，代码中有抄错的字符。请对照营业执照核对。`,
    };
  }
  return { ok: true, creditCode: code };
}
