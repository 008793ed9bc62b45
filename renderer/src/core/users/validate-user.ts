// Checks of the add-user and change-roles forms: each message names the field and says what to do.
import type { FieldErrors } from '../common/field-errors';
import { passphraseProblem } from './passphrase';
import { isRole, ROLES, type Role } from './roles';

export type UserField = 'name' | 'roles' | 'passphrase' | 'confirm';

export interface UserDraft {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly passphrase: string;
  readonly confirm: string;
}

export function normalizeUserName(name: string): string {
  // Inner spaces of a Latin name are kept; a Chinese name typed with a space loses it.
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  return /^[\p{Script=Han}\s·]+$/u.test(trimmed) ? trimmed.replace(/\s/g, '') : trimmed;
}

export function checkUserName(name: string, takenNames: readonly string[]): string | null {
  const n = normalizeUserName(name);
  if (n === '') return '姓名：请填写用户的姓名（记录中以此姓名署名）。';
  if ([...n].length > 20) return '姓名：最多 20 个字，请核对。';
  if (takenNames.includes(n)) return `姓名：已有名为“${n}”的用户；同名的两人请加以区分（如“${n}（二科）”）。`;
  return null;
}

export function checkRoles(roles: readonly Role[]): string | null {
  if (roles.length === 0) return '角色：请至少选择一个角色。';
  if (!roles.every(isRole)) return '角色：只能从 经办、审核、审批、管理员 中选择。';
  return null;
}

/** Sorted, without repeats. */
export function orderedRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

export function validateUserDraft(draft: UserDraft, takenNames: readonly string[]): FieldErrors<UserField> {
  const errors: FieldErrors<UserField> = {};
  const name = checkUserName(draft.name, takenNames);
  if (name) errors.name = name;
  const roles = checkRoles(draft.roles);
  if (roles) errors.roles = roles;
  const pass = passphraseProblem(draft.passphrase, draft.confirm);
  if (pass) errors[pass.field] = pass.message;
  return errors;
}
