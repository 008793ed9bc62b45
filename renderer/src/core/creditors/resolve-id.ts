// Which kind of ID a row carries (from a 证件类型 column, or from the number's shape) and its check.
import {
  checkCreditCode,
  checkResidentId,
  excelGeneralDisplay,
  looksLikeCreditCode,
  looksLikeScientificNotation,
  normalizeIdText,
} from '../identity';
import type { CellValue, IdType } from './types';

export type ResolvedId =
  | {
      readonly ok: true;
      readonly idType: IdType;
      readonly idNumber: string;
      readonly warning?: { readonly code: string; readonly message: string };
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

const TYPE_WORDS: ReadonlyArray<readonly [RegExp, IdType]> = [
  [/统一社会信用代码|营业执照|组织机构|机构|单位|企业|公司/, 'org'],
  [/港澳|回乡证/, 'hk_macau'],
  [/台湾|台胞/, 'taiwan'],
  [/护照|passport/i, 'passport'],
  [/身份证|居民|户口/, 'resident'],
];

/** Maps a 证件类型 cell to an ID type; undefined when blank or not recognized. */
export function idTypeFromText(text: string): IdType | undefined {
  const s = text.replace(/\s+/g, '');
  if (s === '') return undefined;
  for (const [pattern, type] of TYPE_WORDS) if (pattern.test(s)) return type;
  return undefined;
}

const EXCEL_ADVICE = '请在原表中把该列设置为“文本”格式后重新导出，不要手工补位。';

function checkOtherDocument(raw: CellValue, idType: 'passport' | 'hk_macau' | 'taiwan'): ResolvedId {
  if (typeof raw === 'number' && (!Number.isInteger(raw) || Math.abs(raw) >= 1e15)) {
    return {
      ok: false,
      code: 'ID_NUMBER_MANGLED_BY_EXCEL',
      message: `证件号码被 Excel 存成了数字（${excelGeneralDisplay(raw)}），末几位已丢失。${EXCEL_ADVICE}`,
    };
  }
  const id = normalizeIdText(String(raw ?? ''));
  if (!/^[A-Z0-9]{5,20}$/.test(id)) {
    return {
      ok: false,
      code: 'ID_INVALID',
      message: `证件号码“${String(raw ?? '').trim()}”不是有效的证件号码（5–20 位字母或数字）。请对照证件原件核对。`,
    };
  }
  return { ok: true, idType, idNumber: id };
}

/**
 * Checks the ID of a row. Without a declared type, an 18/15-digit number is a resident ID, an
 * 18-character code with letters is a 统一社会信用代码, and anything else is invalid (a passport or
 * permit needs a 证件类型 column to be recognized).
 */
export function resolveCreditorId(raw: CellValue, typeText: string, today: string): ResolvedId {
  const declared = idTypeFromText(typeText);
  if (declared === 'org') {
    const org = orgResult(raw);
    if (!org.ok && typeof raw !== 'boolean' && checkResidentId(raw, { today }).ok) {
      return { ...org, message: `${org.message}（该号码是有效的居民身份证号码：若为个人，请把“证件类型”改为居民身份证。）` };
    }
    return org;
  }
  if (declared === 'passport' || declared === 'hk_macau' || declared === 'taiwan') return checkOtherDocument(raw, declared);
  const value = typeof raw === 'boolean' ? String(raw) : raw;
  if (declared === undefined && typeof value === 'string') {
    const normalized = normalizeIdText(value);
    const residentShape = /^\d{15}$|^\d{17}[\dX]$/.test(normalized);
    if (!residentShape && !looksLikeScientificNotation(normalized) && looksLikeCreditCode(normalized)) {
      return orgResult(value);
    }
    // An all-digit 统一社会信用代码 is possible: accept it when it fails as an ID but passes as a code.
    if (normalized.length === 18 && residentShape) {
      const asResident = residentResult(value, today);
      if (!asResident.ok && checkCreditCode(normalized).ok && !/^[1-8]/.test(normalized)) return orgResult(value);
      return asResident;
    }
  }
  const result = residentResult(value, today);
  if (!result.ok && typeText.trim() !== '' && declared === undefined) {
    return { ...result, message: `${result.message}（证件类型“${typeText.trim()}”无法识别，按居民身份证核对。）` };
  }
  return result;
}

function orgResult(raw: CellValue): ResolvedId {
  const r = checkCreditCode(typeof raw === 'boolean' ? String(raw) : raw);
  return r.ok ? { ok: true, idType: 'org', idNumber: r.creditCode } : r;
}

function residentResult(raw: string | number | null, today: string): ResolvedId {
  const r = checkResidentId(raw, { today });
  if (!r.ok) return r;
  if (r.warning) return { ok: true, idType: 'resident15', idNumber: r.idNumber, warning: r.warning };
  return { ok: true, idType: 'resident', idNumber: r.idNumber };
}
