// Chinese labels for the backup screens.
import { formatOfficeDateTime } from '../../../core/common/office-time';

export const REASON_LABELS: Readonly<Record<string, string>> = {
  manual: '手动备份',
  startup: '启动时自动备份',
  quit: '退出时自动备份',
  'pre-migration': '数据结构升级前',
  'pre-upgrade': '程序升级前',
  'pre-restore': '恢复前自动备份',
};

/** Table names as staff know them. */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  settings: '设置',
  cases: '案件',
  parties: '当事人',
  creditorBlocks: '集资参与人（每块最多 1000 人）',
  creditorRegisters: '集资参与人名册',
  creditorImports: '导入记录',
  repaymentPlans: '清退方案',
  fundReceipts: '追缴资金',
  repaymentBatches: '清退批次',
  allocationBlocks: '清退明细（分块）',
  paymentResults: '兑付结果',
  petitions: '信访',
  mediationSessions: '调解',
  petitionCounters: '信访件编号',
  documents: '文书',
  documentCounters: '文书编号',
  documentTemplates: '文书模板',
  attachments: '附件',
  audit: '审计日志',
  users: '用户',
  firms: '排查对象',
  screeningRounds: '排查轮次',
  screeningRecords: '排查记录',
  firmDispositions: '排查处置',
  riskLedger: '风险动态管理台账',
  screeningScans: '承诺书扫描件',
  keywordChecks: '关键字样核查',
  firmImports: '排查对象导入记录',
  figureFacts: '统计用清退数据（缓存）',
  clues: '线索',
  clueReporters: '线索举报人',
  clueCounters: '线索编号',
  clueRewards: '举报奖励',
  adverts: '监测广告',
  advertImports: '广告导入记录',
  advertActions: '广告处置',
  riskNotices: '风险提示',
  exchangeOffices: '报送单位（公钥）',
  exchangePackages: '已导入的报送包',
  exchangeRecordBlocks: '已收报送数据（含参与人名单，分块）',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "2026-11-26 09:30" in the office's time zone, as the audit log shows it. */
export function formatLocalTime(iso: string): string {
  return formatOfficeDateTime(iso);
}

/** Electron's automatic backups folder (userData/backups) as the user's system writes paths. */
export function backupsFolderOf(userDataPath: string | undefined): string | null {
  if (!userDataPath) return null;
  return `${userDataPath}${userDataPath.includes('\\') ? '\\' : '/'}backups`;
}
