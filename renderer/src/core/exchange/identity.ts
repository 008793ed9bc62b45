// This office's identity for exchanges (报送身份): checked before it is stored.
import type { Validated } from '../common/field-errors';
import type { OfficeIdentity, OfficeLevel } from './types';

export type IdentityField = 'name' | 'level' | 'district';

export interface IdentityInput {
  readonly name: string;
  readonly level: OfficeLevel;
  readonly district: string;
}

export function validateIdentity(input: IdentityInput): Validated<Omit<OfficeIdentity, 'id'>, IdentityField> {
  const name = input.name.trim();
  const district = input.district.trim();
  const errors: Partial<Record<IdentityField, string>> = {};
  if (name === '') errors.name = '请填写本单位名称（如：环翠区防范和处置非法集资工作领导小组办公室）。';
  else if (name.length > 60) errors.name = `单位名称不能超过 60 个字，现在是 ${name.length} 个字。`;
  if (input.level !== 'city' && input.level !== 'district') errors.level = '请选择本单位级别：市级或区县级。';
  if (input.level === 'district' && district === '') errors.district = '区县级单位请填写所辖区县（如：环翠区）。';
  else if (district.length > 20) errors.district = `区县名称不能超过 20 个字，现在是 ${district.length} 个字。`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, level: input.level, district: input.level === 'city' ? '' : district } };
}

export type OfficeField = IdentityField | 'fingerprint';
