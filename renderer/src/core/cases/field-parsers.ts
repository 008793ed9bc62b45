import { checkCreditCode, checkResidentId } from '../identity';
import { parseMoneyToFen } from '../money';
import type { PartyKind } from './case-file';

export type OptionalFenResult = { readonly ok: true; readonly fen: number | null } | { readonly ok: false; readonly message: string };

/** An optional amount typed in 元; blank means "not known yet", anything else must parse exactly. */
export function parseYuanField(text: string, label: string): OptionalFenResult {
  if (text.trim() === '') return { ok: true, fen: null };
  const parsed = parseMoneyToFen(text, 'yuan');
  if (parsed.ok) return { ok: true, fen: parsed.fen };
  return { ok: false, message: `${label}：${parsed.message}` };
}

export type PartyIdResult = { readonly ok: true; readonly normalized: string } | { readonly ok: false; readonly message: string };

/**
 * A party's number is optional (often unknown when the case is opened) but, once typed, must pass
 * the check digit: a firm's 统一社会信用代码 (GB 32100) or a person's 身份证号码 (GB 11643). A legacy
 * 15-digit number is stored converted to 18 digits.
 */
export function checkPartyIdNumber(kind: PartyKind, raw: string, today: string): PartyIdResult {
  if (raw.trim() === '') return { ok: true, normalized: '' };
  if (kind === 'firm') {
    const code = checkCreditCode(raw);
    return code.ok ? { ok: true, normalized: code.creditCode } : { ok: false, message: code.message };
  }
  const id = checkResidentId(raw, { today });
  return id.ok ? { ok: true, normalized: id.idNumber } : { ok: false, message: id.message };
}
