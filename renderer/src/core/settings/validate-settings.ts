import type { FieldErrors, Validated } from '../common/field-errors';
import { hasErrors } from '../common/field-errors';
import { isIsoDate } from '../common/iso-date';
import { checkLimit, TEXT_LIMITS } from '../common/text-limits';
import { type AppSettings, DEFAULT_PETITION_PREFIX, DOCUMENT_TYPES, type DocumentTypeId } from './app-settings';

export type SettingsField =
  | 'officeName'
  | 'districts'
  | 'backlogCutoff'
  | 'campaignStart'
  | 'operatorName'
  | `prefix.${DocumentTypeId}`
  | 'petitionPrefix';

/** Trims what was typed, drops empty district lines and refuses what later features cannot use. */
export function validateSettings(input: AppSettings): Validated<AppSettings, SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const districts = input.districts.map((d) => d.trim()).filter((d) => d.length > 0);
  const duplicate = districts.find((d, i) => districts.indexOf(d) !== i);
  if (duplicate) errors.districts = `区县“${duplicate}”重复了，请删去重复的一行。`;
  const longDistrict = districts.find((d) => checkLimit('区县', d, 'district'));
  if (longDistrict) errors.districts = `区县列表：每个区县名称不能超过 ${TEXT_LIMITS.district} 字（“${longDistrict.slice(0, 12)}…”过长），请每行写一个区县。`;
  if (!isIsoDate(input.backlogCutoff)) {
    errors.backlogCutoff = '陈案积案截止日期不是有效日期，请按 2017-12-31 的格式填写。';
  }
  const campaignStart = (input.campaignStart ?? '').trim();
  if (campaignStart !== '' && !isIsoDate(campaignStart)) {
    errors.campaignStart = '专项行动开始日期不是有效日期，请按 2020-01-01 的格式填写，或留空。';
  }
  const officeName = input.officeName.trim();
  const officeLong = checkLimit('发文机关', officeName, 'officeName');
  if (officeLong) errors.officeName = officeLong;
  const operatorLong = checkLimit('经办人', input.operatorName.trim(), 'personName');
  if (operatorLong) errors.operatorName = operatorLong;
  const prefixes = { ...input.documentPrefixes };
  for (const type of DOCUMENT_TYPES) {
    const prefix = (prefixes[type.id] ?? '').trim();
    prefixes[type.id] = prefix;
    const problem = prefixProblem(prefix, type.label, '文号', type.defaultPrefix);
    if (problem) errors[`prefix.${type.id}`] = problem;
  }
  const petitionPrefix = (input.petitionPrefix ?? DEFAULT_PETITION_PREFIX).trim();
  const petitionProblem = prefixProblem(petitionPrefix, '信访件', '编号', DEFAULT_PETITION_PREFIX);
  if (petitionProblem) errors.petitionPrefix = petitionProblem;
  if (hasErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...input,
      officeName,
      campaignStart,
      operatorName: input.operatorName.trim(),
      districts,
      documentPrefixes: prefixes,
      petitionPrefix,
    },
  };
}

/** A number prefix is the 机关代字 only: year, brackets and sequence are added when a number is given. */
function prefixProblem(prefix: string, label: string, kind: '文号' | '编号', example: string): string | null {
  if (prefix.length === 0) return `请填写“${label}”的${kind}前缀，例如“威${example}”。`;
  if (/[〔〕[\]()（）\d]/.test(prefix)) return `“${label}”的${kind}前缀只写机关代字（如“威${example}”），年份和序号由系统生成。`;
  return checkLimit(`“${label}”的${kind}前缀`, prefix, 'numberPrefix');
}
