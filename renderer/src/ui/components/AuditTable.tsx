import { Button, HTMLTable, Tag } from '@blueprintjs/core';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../core/audit/audit-entry';
import { type DescribedEntry, describeAuditEntry } from '../../core/audit/describe-entry';
import { formatOfficeDateTime } from '../../core/common/office-time';
import { useApp } from '../app/app-context';
import { AuditDetails } from './AuditDetails';
import './audit-table.css';

/**
 * The audit log in Chinese: each entry's action, the record by its name, who did it (marked when the
 * name was typed by hand before users existed) and what changed, personal data masked. The full
 * values are shown per entry on a deliberate, audited click; the stored entries are never touched.
 *
 * One record's history (`perRecord`) numbers its entries 1..n: the log's own number counts every
 * entry of the office (a new case's first entry would read 4), so it is shown beside as 日志编号,
 * the number the log's verification names.
 */
export function AuditTable({
  entries,
  highlightSeq,
  onAudited,
  perRecord = false,
}: {
  entries: readonly AuditEntry[];
  highlightSeq?: number | undefined;
  onAudited?: () => void;
  perRecord?: boolean;
}) {
  const { t } = useTranslation();
  const { repos, can } = useApp();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    let current = true;
    void repos.audit.names(entries).then((n) => current && setNames(n));
    return () => {
      current = false;
    };
  }, [repos, entries]);

  const described = useMemo(() => {
    const lookup = (table: string, id: string) => names.get(`${table}:${id}`);
    return new Map<number, DescribedEntry>(entries.map((e) => [e.seq, describeAuditEntry(e, lookup, revealed.has(e.seq))]));
  }, [entries, names, revealed]);

  if (entries.length === 0) return <p className="muted">{t('audit.empty')}</p>;
  const toggle = (seq: number) => setOpen((s) => (s.has(seq) ? new Set([...s].filter((x) => x !== seq)) : new Set([...s, seq])));
  const reveal = async (seq: number) => {
    await repos.audit.recordReveal(seq);
    setRevealed((s) => new Set([...s, seq]));
    // The reveal is itself an entry: the log shows it at once.
    onAudited?.();
  };

  return (
    <HTMLTable compact striped className="full-width audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.seq')}</th>
          {perRecord && <th>{t('audit.logSeq')}</th>}
          <th>{t('audit.at')}</th>
          <th>{t('audit.operator')}</th>
          <th>{t('audit.action')}</th>
          <th>{t('audit.entity')}</th>
          <th>{t('audit.detail')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {entries.map((e, index) => {
          const d = described.get(e.seq) as DescribedEntry;
          const isOpen = open.has(e.seq);
          return (
            <Fragment key={e.seq}>
              <tr className={e.seq === highlightSeq ? 'row-broken' : undefined} data-seq={e.seq}>
                <td className="num">{perRecord ? index + 1 : e.seq}</td>
                {perRecord && <td className="num muted">{e.seq}</td>}
                <td className="nowrap">{formatOfficeDateTime(e.at, { seconds: true })}</td>
                <td className="nowrap">
                  {d.attribution === 'user' ? d.operator : <Tag minimal title={d.attribution === 'typed' ? t('audit.typedHint') : t('audit.systemHint')}>{d.operator}</Tag>}
                </td>
                <td className="nowrap">{d.action}</td>
                <td>
                  {d.entity} <span className="audit-target">{d.target}</span>
                </td>
                <td className="audit-detail">{d.summary}</td>
                <td className="nowrap">
                  {d.lines.length > 0 && <Button small minimal icon={isOpen ? 'chevron-up' : 'chevron-down'} aria-label={`${t('audit.details')} ${e.seq}`} onClick={() => toggle(e.seq)} />}
                </td>
              </tr>
              {isOpen && (
                <tr className="audit-details-row">
                  <td colSpan={perRecord ? 8 : 7}>
                    <AuditDetails
                      entry={d}
                      canReveal={d.masked && !revealed.has(e.seq) && can('personal.reveal')}
                      revealed={revealed.has(e.seq)}
                      onReveal={() => void reveal(e.seq)}
                      seq={e.seq}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </HTMLTable>
  );
}
