import { foldFullWidth } from '../money/normalize-text';
import { excelGeneralDisplay, looksLikeScientificNotation } from './normalize-id';

export type BankAccountErrorCode = 'ACCOUNT_INVALID' | 'ACCOUNT_MANGLED_BY_EXCEL';

export type BankAccountResult =
  | { readonly ok: true; readonly account: string }
  | { readonly ok: false; readonly code: BankAccountErrorCode; readonly message: string };

const ACCOUNT_DIGITS = /^\d{8,30}$/;
const EXCEL_ADVICE = '请在原表中把该列设置为“文本”格式后重新导出，不要手工补位。';

/**
 * Checks a refund bank account: digits only after removing spaces, dashes and an apostrophe prefix,
 * 8–30 digits. A numeric cell of 16+ digits, or scientific notation, has already lost its last
 * digits in Excel and is rejected (never repaired).
 */
export function checkBankAccount(raw: string | number | null | undefined): BankAccountResult {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || Math.abs(raw) >= 1e15) {
      return {
        ok: false,
        code: 'ACCOUNT_MANGLED_BY_EXCEL',
        message: `银行账号被 Excel 存成了数字（${excelGeneralDisplay(raw)}），末几位已丢失。${EXCEL_ADVICE}`,
      };
    }
    return checkBankAccount(String(raw));
  }
  const text = raw ?? '';
  // The usual cell is already bare digits: every step below would leave it as it is.
  if (ACCOUNT_DIGITS.test(text)) return { ok: true, account: text };
  const s = foldFullWidth(text)
    .replace(/[\s\u00a0\u3000\-－]+/g, '')
    .replace(/^['‘’]+/, '');
  if (looksLikeScientificNotation(s)) {
    return {
      ok: false,
      code: 'ACCOUNT_MANGLED_BY_EXCEL',
      message: `银行账号被 Excel 存成了数字（${text.trim()}），末几位已丢失。${EXCEL_ADVICE}`,
    };
  }
  if (!ACCOUNT_DIGITS.test(s)) {
    return {
      ok: false,
      code: 'ACCOUNT_INVALID',
      message: `银行账号“${text.trim()}”应为 8–30 位数字，请对照银行卡或存折核对。`,
    };
  }
  return { ok: true, account: s };
}
