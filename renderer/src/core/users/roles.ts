// Roles (角色) an office gives its users. One person may hold several; what each allows is listed
// with the reason in permissions.ts, so the screen that explains it and the repositories that
// enforce it read the same table.

export type Role = 'clerk' | 'reviewer' | 'approver' | 'admin';

/** In the order the office thinks of them: who does the work, who checks it, who signs, who keeps the system. */
export const ROLES: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: '经办',
  reviewer: '审核',
  approver: '审批',
  admin: '管理员',
};

export const ROLE_DUTIES: Readonly<Record<Role, string>> = {
  clerk: '案件、集资参与人名单、清退计算与支付登记、信访、起草文书',
  reviewer: '核实集资参与人，标记存疑或排除',
  approver: '审批清退批次、签发和作废编号文书、作废追缴资金登记',
  admin: '单位设置、用户与角色、文书模板、备份与恢复',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** 经办、审核 — in the fixed order, whatever order they were given in. */
export function roleList(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r))
    .map((r) => ROLE_LABELS[r])
    .join('、');
}
