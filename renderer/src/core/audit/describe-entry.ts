// An audit entry in Chinese for people (审计日志): what was done, to which record (by its name, not
// its id), by whom (and whether that name was typed by hand, before users existed), and the fields
// that changed with their values as the app shows them. Personal data stays masked unless the reader
// deliberately reveals it. The stored entry is never changed: its hash covers it exactly.
import { DEFAULT_FINANCE_KEYWORDS } from '../screening/keywords';
import type { AuditAction, AuditEntry } from './audit-entry';
import { fieldLabel } from './field-labels';
import { type FormatContext, formatValue, isPlainObject, type RecordNames } from './format-value';

export type { RecordNames };

export interface EntryLine {
  readonly label: string;
  readonly before?: string;
  readonly after?: string;
}

export interface DescribedEntry {
  readonly action: string;
  readonly entity: string;
  /** The record's name (案件编号, 姓名, 第 N 批 …). */
  readonly target: string;
  readonly operator: string;
  /** 'typed': written before users existed, the name typed in settings; 'system': nobody signed in. */
  readonly attribution: 'user' | 'typed' | 'system';
  readonly summary: string;
  readonly lines: readonly EntryLine[];
  /** Personal data was masked in this description. */
  readonly masked: boolean;
}

export const ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  create: '新建', update: '修改', delete: '删除', 'stage-change': '变更阶段', import: '导入', export: '导出', reveal: '查看完整个人信息',
  approve: '审批', issue: '签发', void: '作废', restore: '恢复备份', settings: '修改设置', 'sign-in': '登录', 'sign-out': '退出登录', refuse: '拒绝执行',
};

export const ENTITY_LABELS: Readonly<Record<string, string>> = {
  cases: '案件', settings: '设置', creditors: '集资参与人', parties: '涉案主体', petitions: '信访件', mediationSessions: '调解记录',
  creditorRegisters: '集资参与人名单', repaymentPlans: '清退方案', fundReceipts: '追缴资金', paymentResults: '支付结果', repaymentBatches: '清退批次',
  documents: '文书', attachments: '文书附件', documentTemplates: '文书模板', backups: '备份', users: '用户', audit: '审计日志', database: '全部数据',
  clues: '线索', clueReporters: '举报人', clueRewards: '举报奖励', adverts: '监测广告', advertImports: '广告监测导入', advertActions: '广告处置', riskNotices: '风险提示',
  firms: '排查对象', firmImports: '排查名单导入', screeningRounds: '排查轮次', screeningRecords: '排查记录', screeningScans: '承诺书扫描件', firmDispositions: '排查处置',
  riskLedger: '风险动态管理台账', keywordChecks: '涉金融关键字样核查',
  figures: '统计', figureFacts: '统计底数', exchange: '报送', exchangeIdentity: '本单位报送身份', exchangeOffice: '报送往来单位',
  exchangePackage: '报送包', exchangeRegister: '报送的集资参与人名单',
};

/** Records that are not rows of a table (an export, a rebuild, the office's key): named by what they are. */
const FIXED_NAMES: Readonly<Record<string, string>> = {
  'figures:work-report': '工作情况报告', 'figures:figures-xlsx': '统计表（Excel）', 'figureFacts:refunds': '清退数据', 'exchange:identity': '本单位密钥',
};
const SETTINGS_NAMES: Readonly<Record<string, string>> = { app: '单位设置', 'app-lock': '空闲锁定', access: '四眼规则', petitions: '信访时限设置', 'clue-time-limits': '线索核查时限', 'clue-reward-rule': '举报奖励办法', 'screening-keywords': '涉金融关键字样' };
/** The label of a document's form data (its keys are the template's fields). */
const FORM_DATA = fieldLabel('data');
/** Bookkeeping fields that say nothing to a reader. */
const NOISE = new Set(['id', 'order', 'blockCount', 'pools', 'prevHash', 'generation', 'token']);
/** Wrappers whose fields are listed without the wrapper's name in front. */
const WRAPPERS = new Set(['caseFile', 'after', 'body']);

export function describeAuditEntry(entry: AuditEntry, names: RecordNames, reveal = false): DescribedEntry {
  const ctx: FormatContext = { reveal, names, masked: false };
  const lines = changedLines(entry.before, entry.after, ctx, entry.entity, formFieldLabels(entry));
  const attribution = !('userId' in entry) ? 'typed' : entry.userId === null ? 'system' : 'user';
  const operator = attribution === 'typed' ? `${entry.operator || '—'}（手填）` : attribution === 'system' ? '（未登录）' : entry.operator;
  return {
    action: ACTION_LABELS[entry.action] ?? entry.action,
    entity: ENTITY_LABELS[entry.entity] ?? entry.entity,
    target: targetName(entry, names),
    operator,
    attribution,
    summary: summaryOf(entry, lines, ctx),
    lines,
    masked: ctx.masked,
  };
}

function targetName(entry: AuditEntry, names: RecordNames): string {
  const { entity, entityId } = entry;
  const own = (entry.after ?? entry.before) as Record<string, unknown> | null;
  const ownName = isPlainObject(own) ? namedIn(own) : undefined;
  if (entity === 'settings') return SETTINGS_NAMES[entityId] ?? entityId;
  const fixed = FIXED_NAMES[`${entity}:${entityId}`];
  if (fixed) return fixed;
  if (entity === 'creditors' && entityId.includes('/')) {
    const [caseId = ''] = entityId.split('/');
    const person = names('creditors', entityId) ?? ownName ?? '参与人';
    return `${person}（${names('cases', caseId) ?? '案件已不存在'}）`;
  }
  if (entityId.startsWith('refund-batch:')) return `清退告知书（${names('repaymentBatches', entityId.slice(13)) ?? '批次已不存在'}）`;
  if (entityId.startsWith('ledger:')) return `信访台账 ${entityId.slice(7).replace('..', ' 至 ')}`;
  if (entityId === 'new') return '（新记录）';
  const table = entity === 'creditors' ? 'cases' : entity;
  return names(table, entityId) ?? ownName ?? (entity === 'audit' ? `第 ${entityId} 条` : '（记录已不存在）');
}

/** The name an entry carries of its own record: a name, a file's name, or the office it is about. */
function namedIn(own: Record<string, unknown>): string | undefined {
  if (typeof own.name === 'string') return own.name;
  if (typeof own.fileName === 'string') return own.fileName;
  return isPlainObject(own.office) && typeof own.office.name === 'string' ? own.office.name : undefined;
}

/**
 * A document's 填写内容 are keyed by its template's fields (partyName, appointmentDate …): the
 * entry carries the template itself, whose fields give each key the label the form showed.
 */
function formFieldLabels(entry: AuditEntry): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const state of [entry.before, entry.after]) {
    const template = isPlainObject(state) && isPlainObject(state.body) ? state.body.template : undefined;
    const fields = isPlainObject(template) && Array.isArray(template.fields) ? template.fields : [];
    for (const f of fields) if (isPlainObject(f) && typeof f.key === 'string' && typeof f.label === 'string') labels.set(f.key, f.label);
  }
  return labels;
}

/** Fields that changed (update), or were set (create), or were there (delete), one line each. */
function changedLines(before: unknown, after: unknown, ctx: FormatContext, entity: string, formLabels: ReadonlyMap<string, string>): EntryLine[] {
  const lines: EntryLine[] = [];
  const walk = (b: unknown, a: unknown, prefix: string, depth: number) => {
    const keys = [...new Set([...Object.keys(isPlainObject(b) ? b : {}), ...Object.keys(isPlainObject(a) ? a : {})])];
    for (const key of keys) {
      if (NOISE.has(key)) continue;
      const bv = isPlainObject(b) ? b[key] : undefined;
      const av = isPlainObject(a) ? a[key] : undefined;
      if (isPlainObject(b) && isPlainObject(a) && JSON.stringify(bv) === JSON.stringify(av)) continue;
      const own = prefix === FORM_DATA ? formLabels.get(key) : undefined;
      const label = WRAPPERS.has(key) ? prefix : `${prefix}${prefix ? '·' : ''}${own ?? fieldLabel(key, entity)}`;
      const bText = bv === undefined ? undefined : formatValue(key, bv, ctx);
      const aText = av === undefined ? undefined : formatValue(key, av, ctx);
      if ((bText === null || aText === null) && depth < 2) {
        walk(bv, av, label, depth + 1);
        continue;
      }
      lines.push({ label, ...(b !== null && bv !== undefined ? { before: bText ?? '…' } : {}), ...(av !== undefined ? { after: aText ?? '…' } : {}) });
    }
  };
  if (isPlainObject(before) || isPlainObject(after)) walk(before, after, '', 0);
  return lines;
}

function summaryOf(entry: AuditEntry, lines: readonly EntryLine[], ctx: FormatContext): string {
  const a = (isPlainObject(entry.after) ? entry.after : {}) as Record<string, unknown>;
  const text = (key: string) => (a[key] === undefined ? '' : (formatValue(key, a[key], ctx) ?? ''));
  switch (entry.action) {
    case 'refuse':
      return `${text('attempted') || text('what') || '操作'}：${text('reason')}`;
    case 'sign-in':
      return a.switchedFrom ? `登录（从 ${text('switchedFrom')} 切换）` : '登录';
    case 'stage-change':
      return `→ ${text('stage')}（${text('date')}）`;
    case 'reveal':
      return `查看${a.field ? `完整${text('field')}` : '完整个人信息'}${a.via ? `（${text('via')}）` : ''}${a.purpose ? `；用途：${text('purpose')}` : ''}`;
    case 'restore': {
      const backup = isPlainObject(a.backup) ? a.backup : null;
      if (backup) return `用备份“${String(backup.fileName ?? '')}”替换全部数据（备份 SHA-256 ${String(backup.headerSha256 ?? '—').slice(0, 16)}…）`;
      return `开始恢复：${text('fileName')}`;
    }
    case 'settings':
      if (entry.entityId === 'screening-keywords') return keywordChange(entry.before, entry.after);
      break;
    case 'export':
    case 'import':
      return [
        text('kind') || text('what'),
        text('fileName'),
        a.rowCount !== undefined ? `${text('rowCount')} 行` : a.rows !== undefined ? `${text('rows')} 行` : '',
        a.reason !== undefined ? `原因：${text('reason')}` : '',
      ]
        .filter(Boolean)
        .join('，');
  }
  const shown = lines.slice(0, 3).map((l) => `${l.label}：${l.before !== undefined && l.after !== undefined ? `${l.before} → ${l.after}` : (l.after ?? l.before)}`);
  const more = lines.length > 3 ? ` 等 ${lines.length} 项` : '';
  return `${shown.join('；')}${more}`;
}

/**
 * The keyword list's save as the words themselves: those added and removed, against the list before
 * (or the built-in list, which is in use until the first save).
 */
function keywordChange(before: unknown, after: unknown): string {
  const words = (v: unknown): readonly string[] => (isPlainObject(v) && Array.isArray(v.keywords) ? v.keywords.filter((k): k is string => typeof k === 'string') : []);
  const was = isPlainObject(before) ? words(before) : DEFAULT_FINANCE_KEYWORDS;
  const now = words(after);
  const added = now.filter((k) => !was.includes(k));
  const removed = was.filter((k) => !now.includes(k));
  const parts = [added.length ? `增加：${added.join('、')}` : '', removed.length ? `删除：${removed.join('、')}` : ''].filter(Boolean);
  return parts.length ? `${parts.join('；')}（共 ${now.length} 个）` : `关键字样未增删，调整了顺序（共 ${now.length} 个）`;
}
