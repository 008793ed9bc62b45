import { Button, HTMLTable, InputGroup, Spinner, Tag } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import type { CreditorFiguresRow } from '../../../db/repositories/repayment-figures';
import { useApp } from '../../app/app-context';
import { runInWorker } from './repayment-client';

const PAGE = 50;

/** Per creditor: net claim, cumulative paid, remaining, refund rate, and why someone takes no part. */
export function CreditorFiguresTab({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation('repayment');
  const { repos } = useApp();
  const [rows, setRows] = useState<CreditorFiguresRow[] | null>(null);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  useEffect(() => {
    void runInWorker(repos, { kind: 'creditorFigures', caseId }).then(setRows);
  }, [caseId, repos]);
  const filtered = useMemo(() => {
    const q = search.trim();
    return (rows ?? []).filter((r) => q === '' || r.name.includes(q) || r.idNumber.startsWith(q.toUpperCase()));
  }, [rows, search]);
  if (!rows) return <Spinner size={20} />;
  if (rows.length === 0) return <p className="muted">{t('creditors.empty')}</p>;
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pages - 1);
  return (
    <div>
      <div className="filter-bar">
        <InputGroup leftIcon="search" className="filter-search" placeholder={t('lines.search')} aria-label={t('lines.search')} value={search} onValueChange={(v) => { setSearch(v); setPage(0); }} />
        <span className="muted">{t('lines.page', { page: current + 1, pages, count: filtered.length })}</span>
        <Button small icon="chevron-left" aria-label={t('lines.prev')} disabled={current === 0} onClick={() => setPage(current - 1)} />
        <Button small icon="chevron-right" aria-label={t('lines.next')} disabled={current >= pages - 1} onClick={() => setPage(current + 1)} />
      </div>
      <HTMLTable compact striped className="full-width" data-testid="creditor-figures">
        <thead>
          <tr>
            <th>{t('creditors.name')}</th>
            <th>{t('creditors.idNumber')}</th>
            <th className="num">{t('creditors.netClaim')}</th>
            <th className="num">{t('creditors.paid')}</th>
            <th className="num">{t('creditors.remaining')}</th>
            <th className="num">{t('creditors.rate')}</th>
            <th>{t('creditors.eligibility')}</th>
          </tr>
        </thead>
        <tbody>
          {filtered.slice(current * PAGE, current * PAGE + PAGE).map((r) => (
            <tr key={r.cid}>
              <td>{r.name}</td>
              <td className="mono">{maskIdNumber(r.idNumber)}</td>
              <td className="num">{formatFen(r.netClaimFen)}</td>
              <td className="num">{formatFen(r.paidFen)}</td>
              <td className="num">{formatFen(r.remainingFen)}</td>
              <td className="num">{r.refundRate}</td>
              <td>{r.ineligible ? <Tag minimal intent="warning">{r.ineligible}</Tag> : t('creditors.yes')}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
