import { localIsoDate } from '../common/iso-date';
import { excelGeneralDisplay, type IdCellValue, looksLikeScientificNotation, normalizeIdText } from './normalize-id';

export type ResidentIdErrorCode = 'ID_MISSING' | 'ID_INVALID' | 'ID_CHECK_DIGIT' | 'ID_BIRTH_DATE' | 'ID_NUMBER_MANGLED_BY_EXCEL';

export type Sex = 'male' | 'female';

export type ResidentIdResult =
  | {
      readonly ok: true;
      /** Always the 18-digit number; a 15-digit input is converted. */
      readonly idNumber: string;
      readonly birthDate: string;
      readonly sex: Sex;
      /** The 15-digit number as given, when the input was a legacy number. */
      readonly legacyId?: string;
      readonly warning?: { readonly code: 'ID_15_DIGIT'; readonly message: string };
    }
  | { readonly ok: false; readonly code: ResidentIdErrorCode; readonly message: string };

export interface ResidentIdOptions {
  /** Today as YYYY-MM-DD; a birth date after it is rejected. Defaults to the current local date. */
  readonly today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// First two digits: provinces (GB/T 2260), plus 81/82/83 for HK, Macau and Taiwan residence permits.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** GB 11643 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Converts a 15-digit legacy number (born 19xx) to its 18-digit form with the check character. */
export function convertLegacyResidentId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

function fail(code: ResidentIdErrorCode, message: string): ResidentIdResult {
  return { ok: false, code, message };
}

export function localToday(): string {
  return localIsoDate(new Date());
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Called once per row with the same `today`: its YYYYMMDD value is kept between calls.
let todayText = '';
let todayNumber = Number.NaN;

/** `yyyymmdd` is 8 ASCII digits (the callers checked the shape). */
function birthDateProblem(yyyymmdd: string, today: string): string | null {
  const y = twoDigits(yyyymmdd, 0) * 100 + twoDigits(yyyymmdd, 2);
  const m = twoDigits(yyyymmdd, 4);
  const d = twoDigits(yyyymmdd, 6);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  if (y < 1900 || m < 1 || m > 12 || days === undefined || d < 1 || d > days) {
    return `证件号码中的出生日期 ${isoOf(yyyymmdd)} 不存在，请对照身份证原件核对号码。`;
  }
  if (today !== todayText) {
    todayText = today;
    todayNumber = ISO_DATE.test(today) ? Number(today.slice(0, 4) + today.slice(5, 7) + today.slice(8, 10)) : Number.NaN;
  }
  // Same order as comparing the ISO texts; an odd `today` falls back to exactly that.
  const later = Number.isNaN(todayNumber) ? isoOf(yyyymmdd) > today : y * 10000 + m * 100 + d > todayNumber;
  if (later) return `证件号码中的出生日期 ${isoOf(yyyymmdd)} 晚于今天，请对照身份证原件核对号码。`;
  return null;
}

function isoOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

const LEGACY_SHAPE = /^\d{15}$/;
const RESIDENT_SHAPE = /^\d{17}[\dX]$/;
/** Two ASCII digits at `at` as a number; the callers checked they are digits. */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** The first two digits: the province. */
function provinceOf(id: string): number {
  return twoDigits(id, 0);
}

const EXCEL_ADVICE = '请在原表中把该列设置为“文本”格式后重新导出，不要手工补位。';

/**
 * Checks a 居民身份证 number (GB 11643): 18 digits with MOD 11-2 check character, a real birth date
 * not after `today`; a 15-digit legacy number is converted with a warning. A number that Excel turned
 * into a numeric cell of 16+ digits or into scientific notation is rejected: its last digits are
 * already gone and must not be guessed.
 */
export function checkResidentId(raw: IdCellValue | null | undefined, options: ResidentIdOptions = {}): ResidentIdResult {
  if (raw === null || raw === undefined) return fail('ID_MISSING', '证件号码为空，请填写证件号码。');
  if (typeof raw === 'number') {
    // Up to 15 digits survive a numeric cell exactly (Excel keeps 15 significant digits), so a
    // legacy 15-digit number or a short typo is checked as text; 16+ digits have lost their tail.
    if (!(Number.isInteger(raw) && Math.abs(raw) < 1e15)) {
      return fail(
        'ID_NUMBER_MANGLED_BY_EXCEL',
        `证件号码被 Excel 存成了数字（${excelGeneralDisplay(raw)}），末几位已丢失。${EXCEL_ADVICE}`,
      );
    }
    return checkResidentId(String(raw), options);
  }
  const id = normalizeIdText(raw);
  if (id === '') return fail('ID_MISSING', '证件号码为空，请填写证件号码。');
  if (looksLikeScientificNotation(id)) {
    return fail('ID_NUMBER_MANGLED_BY_EXCEL', `证件号码被 Excel 存成了数字（${raw.trim()}），末几位已丢失。${EXCEL_ADVICE}`);
  }
  const today = options.today ?? localToday();
  if (LEGACY_SHAPE.test(id)) {
    if (!PROVINCES.has(provinceOf(id))) return fail('ID_INVALID', invalidMessage(raw));
    const problem = birthDateProblem(`19${id.slice(6, 12)}`, today);
    if (problem) return fail('ID_BIRTH_DATE', problem);
    const idNumber = convertLegacyResidentId(id);
    return {
      ok: true,
      idNumber,
      birthDate: isoBirth(idNumber),
      sex: Number(id[14]) % 2 === 1 ? 'male' : 'female',
      legacyId: id,
      warning: {
        code: 'ID_15_DIGIT',
        message: `这是 15 位旧身份证号，已按国家标准换算为 18 位 ${idNumber}。请对照本人现用身份证核对。`,
      },
    };
  }
  if (!RESIDENT_SHAPE.test(id) || !PROVINCES.has(provinceOf(id))) {
    return fail('ID_INVALID', invalidMessage(raw));
  }
  const problem = birthDateProblem(id.slice(6, 14), today);
  if (problem) return fail('ID_BIRTH_DATE', problem);
  const expected = residentIdCheckChar(id);
  if (id[17] !== expected) {
    return fail(
      'ID_CHECK_DIGIT',
      `证件号码 ${id} 的校验位应为 ${expected}，与末位 ${id[17]} 不符，号码中有抄错的数字。请对照身份证原件核对。`,
    );
  }
  return { ok: true, idNumber: id, birthDate: isoBirth(id), sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

function isoBirth(id18: string): string {
  return `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
}

function invalidMessage(raw: string): string {
  return `“${raw.trim()}”不是有效的居民身份证号码（应为 18 位，末位可为 X；或 15 位旧号码）。请核对号码，或检查是否填错了列。`;
}
