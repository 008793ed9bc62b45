// What each role may do, and why (权限说明). The repositories refuse what is not allowed here and
// audit the refusal; the users screen prints this same table.
import { ROLE_LABELS, type Role, roleList } from './roles';

export type Permission =
  | 'cases.write'
  | 'creditors.write'
  | 'creditors.verify'
  | 'petitions.write'
  | 'clues.write'
  | 'clues.rewardApprove'
  | 'screening.write'
  | 'documents.draft'
  | 'documents.issue'
  | 'repayment.funds'
  | 'repayment.void'
  | 'repayment.compute'
  | 'repayment.approve'
  | 'repayment.bankFile'
  | 'repayment.results'
  | 'personal.reveal'
  | 'personal.export'
  | 'settings.office'
  | 'users.manage'
  | 'templates.manage'
  | 'backup.export'
  | 'backup.restore'
  | 'exchange.keys'
  | 'exchange.report'
  | 'exchange.import';

export interface PermissionRule {
  readonly id: Permission;
  /** What the user does, as the screen lists it. */
  readonly label: string;
  readonly roles: readonly Role[];
  /** Why these roles and not others. */
  readonly why: string;
}

export const PERMISSIONS: readonly PermissionRule[] = [
  { id: 'cases.write', label: '登记和修改案件、涉案主体、办案阶段', roles: ['clerk'], why: '案件登记是经办人的日常工作。' },
  { id: 'creditors.write', label: '导入、录入和修改集资参与人', roles: ['clerk'], why: '名单由经办人录入；录入的内容由审核人另行核实。' },
  {
    id: 'creditors.verify',
    label: '核实集资参与人（已核实、存疑、排除）',
    roles: ['reviewer'],
    why: '核实与录入分开；核实后修改账号或核定金额的，须由修改人以外的人重新核实。',
  },
  { id: 'petitions.write', label: '登记和办理信访件、调解', roles: ['clerk'], why: '信访登记、受理、调处由经办人办理。' },
  { id: 'clues.write', label: '登记和办理线索、提出和发放举报奖励、广告监测、风险提示', roles: ['clerk'], why: '线索登记、核查、处置和监测由经办人办理。' },
  {
    id: 'clues.rewardApprove',
    label: '批准举报奖励',
    roles: ['approver'],
    why: '奖励是钱款，须两人经手：批准人不能是提出奖励的人。',
  },
  {
    id: 'screening.write',
    label: '登记和导入排查对象、排查记录、处置和风险台账，核查涉金融关键字样',
    roles: ['clerk'],
    why: '排查由经办人登记；处置须写明决定人，每一步都记入审计日志。',
  },
  { id: 'documents.draft', label: '起草文书、登记送达和归档、附加扫描件', roles: ['clerk'], why: '文书由经办人起草。' },
  { id: 'documents.issue', label: '签发（分配文号）和作废文书', roles: ['approver'], why: '文号一经分配不能收回，签发和作废由审批人负责。' },
  { id: 'repayment.funds', label: '登记追缴资金', roles: ['clerk'], why: '资金到账由经办人登记。' },
  { id: 'repayment.void', label: '作废追缴资金登记', roles: ['approver'], why: '作废会减少可用于清退的资金，须由审批人决定。' },
  { id: 'repayment.compute', label: '计算、重新计算和删除清退批次草稿', roles: ['clerk'], why: '清退方案由经办人计算，审批人另行审批。' },
  {
    id: 'repayment.approve',
    label: '审批清退批次',
    roles: ['approver'],
    why: '钱款发放须两人经手：审批人不能是计算该批次的人（小型办公室在设置中选择放宽的除外）。',
  },
  { id: 'repayment.bankFile', label: '导出银行代发清单', roles: ['clerk', 'approver'], why: '代发清单含完整账号，由经办或审批人导出，文件中写明导出人。' },
  {
    id: 'repayment.results',
    label: '登记银行回单和支付结果、标记已支付',
    roles: ['clerk'],
    why: '支付结果由审批人以外的人登记（单位在设置中选择由一人完成的除外）。',
  },
  {
    id: 'personal.reveal',
    label: '查看完整的证件号码、电话、银行账号',
    roles: ['clerk', 'reviewer', 'approver'],
    why: '办案需要时可查看，每次查看都记入审计日志；管理员只管理系统，不接触个人信息。',
  },
  {
    id: 'personal.export',
    label: '导出含个人信息的文件（完整名单、问题行、台账、文书）',
    roles: ['clerk', 'reviewer', 'approver'],
    why: '个人信息离开本机须由办案人员操作，每次导出都记入审计日志。',
  },
  { id: 'settings.office', label: '修改单位设置（发文机关、区县、文号前缀、信访时限）', roles: ['admin'], why: '单位设置影响所有人，由管理员统一维护。' },
  { id: 'users.manage', label: '管理用户和角色、重置密码、设置四眼规则', roles: ['admin'], why: '谁能做什么由管理员决定；管理员看不到也找不回任何人的密码。' },
  { id: 'templates.manage', label: '管理文书模板副本', roles: ['admin'], why: '模板决定所有文书的措辞，由管理员维护。' },
  { id: 'backup.export', label: '备份到文件', roles: ['admin'], why: '备份文件含全部数据（包括个人信息），由管理员负责。' },
  { id: 'exchange.keys', label: '设置本单位报送身份和签名密钥、添加报送单位公钥', roles: ['admin'], why: '密钥决定谁的报送包被信任，由管理员维护，并电话核对指纹。' },
  {
    id: 'exchange.report',
    label: '生成报送包',
    roles: ['clerk', 'approver'],
    why: '报送是办案数据的对外报送，由经办或审批人操作；包含个人信息的还须有导出个人信息的权限。',
  },
  { id: 'exchange.import', label: '导入报送包', roles: ['clerk', 'approver'], why: '导入会更新本机保存的下级单位数据，每次导入都记入审计日志。' },
  { id: 'backup.restore', label: '从备份恢复', roles: ['admin'], why: '恢复会替换全部数据，须由管理员操作，并由备份中的管理员确认。' },
];

const BY_ID = new Map(PERMISSIONS.map((p) => [p.id, p]));

export function permissionRule(id: Permission): PermissionRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown permission ${id}`);
  return rule;
}

export function allows(roles: readonly Role[], permission: Permission): boolean {
  return permissionRule(permission).roles.some((r) => roles.includes(r));
}

/** Why a user with these roles may not do this, in Chinese; null when allowed. */
export function refusalFor(roles: readonly Role[], permission: Permission): string | null {
  if (allows(roles, permission)) return null;
  const rule = permissionRule(permission);
  const mine = roles.length > 0 ? `你的角色（${roleList(roles)}）` : '你没有任何角色，';
  const needed = rule.roles.map((r) => `“${ROLE_LABELS[r]}”`).join('或');
  return `${mine}不能${rule.label}：须由具有${needed}角色的用户操作。请切换到有此角色的用户，或请管理员调整角色。`;
}

/** Every permission with whether these roles have it: the "what may I do" screen. */
export function explainRoles(roles: readonly Role[]): { readonly rule: PermissionRule; readonly allowed: boolean }[] {
  return PERMISSIONS.map((rule) => ({ rule, allowed: allows(roles, rule.id) }));
}
