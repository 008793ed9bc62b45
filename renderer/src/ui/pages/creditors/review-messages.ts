// Wording of creditor verification by another person (namespace 'creditorReview').
import { registerMessages } from '../../../i18n/register-messages';

export const zhCN = {
  verify: '核实',
  title: '核实：{{name}}',
  hint: '核实不显示完整证件号码和账号；需要核对原件时请在详情中点“显示完整信息”（记入审计日志）。',
  status: '核实状态',
  exclusion: '排除情形',
  none: '无',
  save: '保存核实结果',
  cancel: '取消',
  saved: '已保存“{{name}}”的核实结果',
  verifiedBy: '核实人',
  verifiedLine: '{{name}}，{{at}}',
  relaxed: '（修改人本人重新核实，小型办公室规则）',
  pending: '待他人复核',
  pendingTag: '待复核',
  readOnly: '你的角色不能修改核实状态（须由“审核”角色核实）。',
  permission: '未保存：{{message}}',
};

export const en: typeof zhCN = {
  verify: 'Verify',
  title: 'Verify: {{name}}',
  hint: 'Verifying does not show the full ID or account; to compare with the papers use “Show in full” in the details (audited).',
  status: 'Status',
  exclusion: 'Exclusion',
  none: 'None',
  save: 'Save verification',
  cancel: 'Cancel',
  saved: 'Verification of “{{name}}” saved',
  verifiedBy: 'Verified by',
  verifiedLine: '{{name}}, {{at}}',
  relaxed: ' (the person who changed it, small-office rule)',
  pending: 'Awaiting another person’s check',
  pendingTag: 'to re-check',
  readOnly: 'Your roles do not let you change the verification status (a reviewer verifies).',
  permission: 'Not saved: {{message}}',
};

registerMessages('creditorReview', zhCN, en);
