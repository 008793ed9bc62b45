// Chinese labels of the fields that audit entries carry, and of the coded values stored in them, so
// the audit log reads as the rest of the app does. Unknown keys are shown as they are (a field added
// later without a label here still shows, never disappears).

import { RECOVERED_FUND_SOURCE_LABEL } from '../repayment/recovered-funds';
import { FIRM_FIELD_LABELS } from '../screening/firm';
import { DOCUMENT_TYPES } from '../settings/app-settings';
import { RELAXATION_LABELS } from '../users/four-eyes';
import { PERMISSIONS } from '../users/permissions';
import { ROLE_LABELS } from '../users/roles';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // cases and parties
  caseFile: '案件', caseNumber: '案件编号', title: '案件名称', charge: '涉嫌罪名/类型', sector: '领域', district: '区县',
  leadUnit: '主办单位', officers: '承办人', amountInvolvedFen: '涉案金额', peopleInvolved: '涉及人数', lossesRecoveredFen: '挽回经济损失',
  filedDate: '立案日期', stage: '阶段', stageHistory: '阶段记录', parties: '涉案主体', kind: '类别', role: '角色', order: '顺序',
  // people and creditors
  name: '姓名/名称', idType: '证件类型', idNumber: '证件号码', phone: '联系电话', address: '地址', bankName: '开户行', bankAccount: '银行账号',
  contracts: '投资记录', principalFen: '投资本金', returnedFen: '已获收益', netClaimFen: '核定清退基数', status: '状态', exclusion: '排除情形',
  cid: '参与人编号', review: '核实记录', verifiedBy: '核实人', pendingChange: '待他人复核的修改', changedBy: '修改人', fields: '修改的项目',
  generation: '名单版本', nextCid: '下一个参与人编号', totals: '合计', importId: '导入记录', summary: '概要', sheetName: '工作表', dataRows: '数据行', okRows: '无误行',
  warningRows: '提示行', errorRows: '错误行', conflictRows: '冲突行', newCreditors: '新增人数', mergedCreditors: '合并人数', personalData: '含个人信息',
  statuses: '原状态', cids: '参与人', field: '查看的项目', via: '查看位置', statusNote: '存疑原因', mode: '导入方式',
  repeatedRows: '重复合同行', repeatsAdded: '重复合同仍计入', removedCreditors: '移除人数',
  // repayment
  number: '编号', date: '日期', amountFen: '金额', rule: '清退规则', smallClaimThresholdFen: '小额标准', minPaymentFen: '最低清退额',
  allocatedFen: '已分配', unallocatedFen: '未分配', remainingTotalFen: '剩余债权合计', pools: '资金池', eligibleCount: '参与人数',
  excludedCount: '不参与人数', payLineCount: '支付笔数', blockCount: '数据块', committedFen: '占用资金', paidFen: '已支付', computedAt: '计算时间',
  createdBy: '经办人', computedBy: '计算人', approvedBy: '审批人', approver: '审批人', approvedAt: '审批时间', paidAt: '支付完成时间',
  relaxations: '四眼规则放宽', relaxation: '放宽的规则', relaxed: '四眼规则放宽', relaxedCount: '放宽人数', bankExports: '银行清单导出',
  source: '资金来源', recordedAt: '登记时间', recordedBy: '登记人', recorder: '登记人', voided: '作废', counts: '结果笔数', paid: '成功',
  failed: '失败', returned: '退回', unchanged: '未变', failedOrReturned: '失败或退回', rejectedRows: '未采用的行', batchId: '清退批次',
  planId: '清退方案', rowCount: '行数', totalFen: '合计金额',
  // documents
  typeId: '文书类型', typeLabel: '文书类型', templateId: '模板', pdfSha256: 'PDF 校验值', issuedDate: '签发日期', voidReason: '作废原因',
  what: '内容', format: '格式', sha256: '校验值', byteLength: '大小（字节）', basedOn: '基于模板', mimeType: '文件类型', documentId: '文书',
  addedAt: '添加时间', addedBy: '添加人', data: '填写内容', template: '模板', body: '内容', history: '办理记录', year: '年度', sequence: '序号',
  // petitions
  registerNo: '信访编号', receivedOn: '收件日期', channel: '来源渠道', level: '层级', form: '形式', personCount: '人数', petitioners: '信访人',
  demands: '诉求', urgency: '紧急程度', handler: '承办人', acceptedOn: '受理日期', rejectedOn: '不予受理日期', rejectionReason: '不予受理理由',
  mediationStartedOn: '开始调处日期', outcome: '结果', outcomeOn: '结果日期', closedOn: '办结日期', extension: '延期', followUp: '回访',
  transfer: '转办', step: '办理步骤', place: '地点', method: '方式', mediators: '调解员', participants: '参加人', respondent: '被申请人',
  notes: '记录', agreementTerms: '协议条款', days: '天数', approvedOn: '批准日期', reason: '原因', toUnit: '转往单位', satisfaction: '满意度',
  petitionId: '信访件', from: '自', to: '至', by: '经办人', action: '动作',
  // settings and users
  officeName: '发文机关', districts: '区县列表', backlogCutoff: '陈案积案截止日期', operatorName: '经办人（手填）', documentPrefixes: '文号前缀',
  documentFontPreset: '文书字体', enabled: '启用', idleMinutes: '空闲锁定（分钟）', policy: '四眼规则', smallOffice: '小型办公室',
  selfApproval: '计算人本人审批', selfReverification: '修改人本人重新核实', approverRecordsPayments: '审批人本人登记支付结果',
  roles: '角色', active: '在用', mustChangePassphrase: '须修改密码', failedAttempts: '连续输错次数', lastFailedAt: '最近输错时间',
  lastSignInAt: '最近登录', createdAt: '创建时间', updatedAt: '修改时间', first: '首位管理员', switchedFrom: '切换自', permission: '权限',
  attempted: '尝试的操作', fileName: '文件名', fileHash: '文件校验值', rows: '行数', count: '数量', note: '备注', id: '编号', caseId: '案件',
  userId: '用户', at: '时间', backupCreatedAt: '备份时间', encrypted: '加密', backup: '备份', headerSha256: '备份头校验值',
  bodySha256: '备份内容校验值', auditHead: '审计链头', preRestoreBackup: '恢复前备份', where: '位置', replaced: '被替换的数据',
  // clues and screening
  purpose: '用途', clueNo: '线索编号', keywords: '涉金融关键字样', clueId: '线索', firmId: '排查对象', codeStatus: '信用代码状态',
  keywordHits: '涉金融关键字样', evaluation: '关键字样评估', hits: '命中数', lines: '核查行数',
  // figures
  rebuilt: '重算案件数', caseIds: '案件', period: '期间',
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  idType: { resident: '居民身份证', resident15: '居民身份证（15位）', passport: '护照', hk_macau: '港澳居民来往内地通行证', taiwan: '台湾居民来往大陆通行证', org: '统一社会信用代码' },
  exclusion: { employee: '员工', agent: '业务员', defendant: '涉案人员', unregistered: '未登记' },
  kind: { firm: '企业', person: '个人', full: '完整名单', public: '公示名单', problems: '问题行', 'bank-disbursement': '银行代发清单', backup: '备份文件' },
  status: { draft: '草稿', approved: '已审批', paid: '已支付', pending: '待支付', failed: '支付失败', returned: '已退回' },
  form: { individual: '个人', collective: '集体' },
  source: RECOVERED_FUND_SOURCE_LABEL,
  relaxation: RELAXATION_LABELS,
  relaxed: RELAXATION_LABELS,
  permission: Object.fromEntries(PERMISSIONS.map((p) => [p.id, p.label])),
  roles: ROLE_LABELS,
  what: {
    approve: '审批', 'payment-results': '登记支付结果', 'mark-paid': '标记已支付', 'bank-disbursement': '导出银行代发清单', import: '导入名单',
    'replace-register': '用文件替换本案名单',
    'sign-in': '登录', 'change-passphrase': '修改密码', 'reset-passphrase': '重置密码', update: '修改', void: '作废', pdf: 'PDF', docx: 'DOCX',
    print: '打印', 'print-failed': '打印未完成', attachment: '附件',
  },
  mode: { replace: '替换名单' },
  field: { idNumber: '证件号码', phone: '联系电话', bankAccount: '银行账号' },
  fields: { bankAccount: '银行账号', netClaim: '核定清退基数' },
  via: { repayment: '清退批次' },
  documentFontPreset: { official: '公文字体', stockWindows: 'Windows 自带字体' },
  typeId: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.id, t.label])),
};

/** Where a field means something else on one kind of record (a user's createdBy is who added them). */
const ENTITY_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  users: { name: '姓名', createdBy: '添加人', createdAt: '添加时间' },
  cases: { name: '名称/姓名' },
  firms: FIRM_FIELD_LABELS,
};

export function fieldLabel(key: string, entity = ''): string {
  return ENTITY_FIELD_LABELS[entity]?.[key] ?? FIELD_LABELS[key] ?? key;
}

/** A coded value as the app shows it ('employee' → 员工), or null when the key has no codes. */
export function valueLabel(key: string, value: string): string | null {
  return VALUE_LABELS[key]?.[value] ?? null;
}
