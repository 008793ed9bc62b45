import type { FieldErrors, Validated } from '../common/field-errors';
import { hasErrors } from '../common/field-errors';
import { isIsoDate } from '../common/iso-date';
import { type AppSettings, DOCUMENT_TYPES, type DocumentTypeId } from './app-settings';

export type SettingsField = 'officeName' | 'districts' | 'backlogCutoff' | 'campaignStart' | 'operatorName' | `prefix.${DocumentTypeId}`;

/** Trims what was typed, drops empty district lines and refuses what later features cannot use. */
export function validateSettings(input: AppSettings): Validated<AppSettings, SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const districts = input.districts.map((d) => d.trim()).filter((d) => d.length > 0);
  const duplicate = districts.find((d, i) => districts.indexOf(d) !== i);
  if (duplicate) errors.districts = `区县“${duplicate}”重复了，请删去重复的一行。`;
  if (!isIsoDate(input.backlogCutoff)) {
    errors.backlogCutoff = '陈案积案截止日期不是有效日期，请按 2017-12-31 的格式填写。';
  }
  const campaignStart = (input.campaignStart ?? '').trim();
  if (campaignStart !== '' && !isIsoDate(campaignStart)) {
    errors.campaignStart = '专项行动开始日期不是有效日期，请按 2020-01-01 的格式填写，或留空。';
  }
  const officeName = input.officeName.trim();
  if (officeName.length > 60) errors.officeName = '发文机关名称过长（最多 60 字），请核对。';
  const prefixes = { ...input.documentPrefixes };
  for (const type of DOCUMENT_TYPES) {
    const prefix = (prefixes[type.id] ?? '').trim();
    prefixes[type.id] = prefix;
    if (prefix.length === 0) errors[`prefix.${type.id}`] = `请填写“${type.label}”的文号前缀，例如“威${type.defaultPrefix}”。`;
    else if (/[〔〕[\]()（）\d]/.test(prefix)) {
      errors[`prefix.${type.id}`] = `“${type.label}”的文号前缀只写机关代字（如“威${type.defaultPrefix}”），年份和序号由系统生成。`;
    }
  }
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
    },
  };
}
