import { Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { BackupInspection } from '../../../core/backup';
import type { DatabaseSummary } from '../../../db/backup/database-summary';
import { formatBytes, formatLocalTime, REASON_LABELS, TABLE_LABELS } from './backup-labels';
import './safety-messages';

/** What a verified backup holds next to the current database, table by table, with both audit verdicts. */
export function Comparison({ inspection, current, fileName }: { inspection: BackupInspection; current: DatabaseSummary | null; fileName: string }) {
  const { t } = useTranslation('safety');
  const { header } = inspection;
  const tables = [...new Set([...Object.keys(inspection.rowCounts), ...Object.keys(current?.rowCounts ?? {})])].sort(
    (a, b) => Object.keys(TABLE_LABELS).indexOf(a) - Object.keys(TABLE_LABELS).indexOf(b),
  );
  const shown = tables.filter((t) => (inspection.rowCounts[t] ?? 0) > 0 || (current?.rowCounts[t] ?? 0) > 0);
  const emptyTables = tables.length - shown.length;
  const audit = inspection.auditChain;
  return (
    <div data-testid="restore-comparison">
      <Callout intent="success" compact>
        {t('restore.intact', {
          auth: inspection.encrypted ? t('restore.authenticated') : '',
          rows: Object.values(inspection.rowCounts)
            .reduce((a, b) => a + b, 0)
            .toLocaleString('zh-CN'),
        })}
      </Callout>
      <HTMLTable compact className="safety-compare">
        <tbody>
          <tr>
            <td>{t('restore.file')}</td>
            <td colSpan={2} className="mono">
              {fileName}（{formatBytes(inspection.byteLength)}）
            </td>
          </tr>
          <tr>
            <td>{t('restore.createdAt')}</td>
            <td colSpan={2}>
              {t('restore.createdLine', {
                time: formatLocalTime(header.createdAt),
                reason: REASON_LABELS[header.reason] ?? header.reason,
                app: header.appVersion,
                schema: header.schemaVersion,
              })}
            </td>
          </tr>
          <tr>
            <td>{t('restore.audit')}</td>
            <td colSpan={2}>
              {t('restore.auditBackup')}
              {audit.status === 'verified' ? <Tag intent="success">{t('restore.auditOk', { count: audit.count })}</Tag> : <Tag intent="danger">{audit.message}</Tag>}
              {current && (
                <>
                  {' '}
                  {t('restore.auditCurrent')}
                  <Tag intent={current.auditChain.ok ? 'success' : 'danger'}>
                    {current.auditChain.ok ? t('restore.auditOk', { count: current.auditChain.count }) : current.auditChain.message}
                  </Tag>
                </>
              )}
            </td>
          </tr>
        </tbody>
      </HTMLTable>
      <HTMLTable compact striped className="safety-compare">
        <thead>
          <tr>
            <th>{t('restore.table')}</th>
            <th className="num">{t('restore.inBackup')}</th>
            <th className="num">{t('restore.inCurrent')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t) => {
            const b = inspection.rowCounts[t] ?? 0;
            const c = current?.rowCounts[t];
            return (
              <tr key={t} className={c !== undefined && c !== b ? 'differs' : undefined}>
                <td>{TABLE_LABELS[t] ?? t}</td>
                <td className="num">{b.toLocaleString('zh-CN')}</td>
                <td className="num">{c === undefined ? '—' : c.toLocaleString('zh-CN')}</td>
              </tr>
            );
          })}
          {emptyTables > 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('restore.emptyTables', { count: emptyTables })}
              </td>
            </tr>
          )}
        </tbody>
      </HTMLTable>
      <Callout intent="warning">{t('restore.warning')}</Callout>
    </div>
  );
}
