import { HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEntry } from '../../core/audit/audit-entry';
import { formatOfficeDateTime } from '../../core/common/office-time';

const ACTION_LABELS: Record<AuditAction, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  'stage-change': '变更阶段',
  import: '导入',
  export: '导出',
  reveal: '查看完整个人信息',
  approve: '审批',
  issue: '签发',
  void: '作废',
  restore: '恢复备份',
  settings: '修改设置',
};

const ENTITY_LABELS: Record<string, string> = {
  cases: '案件',
  settings: '设置',
  creditors: '集资参与人',
  parties: '涉案主体',
  petitions: '信访件',
  mediationSessions: '调解记录',
  creditorRegisters: '集资参与人名单',
  repaymentPlans: '清退方案',
  fundReceipts: '追缴资金',
  paymentResults: '支付结果',
  repaymentBatches: '清退批次',
  documents: '文书',
  attachments: '文书附件',
  documentTemplates: '文书模板',
  backups: '备份',
  database: '全部数据',
};

/** A readable one-line summary of what changed; the full before/after stays in the stored entry. */
function summarize(entry: AuditEntry): string {
  const after = entry.after as Record<string, unknown> | null;
  if (entry.action === 'stage-change' && after) return `→ ${String(after.stage)}（${String(after.date)}）`;
  if (entry.action === 'restore' && after && typeof after.backup === 'object' && after.backup !== null) {
    const b = after.backup as { fileName?: string; headerSha256?: string | null };
    return `用备份“${b.fileName ?? ''}”替换全部数据（备份 SHA-256 ${(b.headerSha256 ?? '—').slice(0, 16)}…）`;
  }
  if (after && typeof after === 'object' && 'caseFile' in after) {
    const c = after.caseFile as { caseNumber?: string; title?: string };
    return `${c.caseNumber ?? ''} ${c.title ?? ''}`;
  }
  const text = JSON.stringify(after);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

export function AuditTable({ entries, highlightSeq }: { entries: readonly AuditEntry[]; highlightSeq?: number | undefined }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  return (
    <HTMLTable compact striped className="full-width" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.seq')}</th>
          <th>{t('audit.at')}</th>
          <th>{t('audit.operator')}</th>
          <th>{t('audit.action')}</th>
          <th>{t('audit.entity')}</th>
          <th>{t('audit.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} className={e.seq === highlightSeq ? 'row-broken' : undefined}>
            <td className="num">{e.seq}</td>
            <td className="nowrap">{formatOfficeDateTime(e.at, { seconds: true })}</td>
            <td>{e.operator || '—'}</td>
            <td>{ACTION_LABELS[e.action] ?? e.action}</td>
            <td>{ENTITY_LABELS[e.entity] ?? e.entity}</td>
            <td className="audit-detail">{summarize(e)}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
