import { Button, HTMLTable, InputGroup, Tag } from '@blueprintjs/core';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import type { CreditorFiguresScreen } from '../../../db/repositories/repayment-pages';
import { useApp } from '../../app/app-context';
import { runInWorker } from './repayment-client';
import { WorkingNote } from './WorkingNote';

const PAGE = 50;

/** Per creditor: net claim, cumulative paid, remaining, refund rate, and why someone takes no part. */
export function CreditorFiguresTab({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation('repayment');
  const { repos } = useApp();
  // The figures of every creditor stay in the repayment worker; the page holds one screen of rows.
  const [screen, setScreen] = useState<CreditorFiguresScreen | null>(null);
  const [search, setSearch] = useState('');
  const asked = useRef(0);
  const ask = useCallback(
    async (search: string, offset: number, fresh: boolean) => {
      const n = ++asked.current;
      const answer = await runInWorker(repos, { kind: 'creditorFiguresScreen', caseId, fresh, query: { search, offset, limit: PAGE } });
      // Rendered as a transition, in slices, so a screen of rows never holds the window (issue 17).
      if (n === asked.current) startTransition(() => setScreen(answer));
    },
    [caseId, repos],
  );
  useEffect(() => {
    void ask('', 0, true);
    return () => void runInWorker(repos, { kind: 'releaseScreens', which: 'creditorFigures' });
  }, [ask, repos]);
  if (!screen) return <WorkingNote text={t('progress.figures')} value={null} />;
  if (screen.total === 0) return <p className="muted">{t('creditors.empty')}</p>;
  const pages = Math.max(1, Math.ceil(screen.matched / PAGE));
  const current = Math.floor(screen.offset / PAGE);
  return (
    <div>
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          className="filter-search"
          placeholder={t('lines.search')}
          aria-label={t('lines.search')}
          value={search}
          onValueChange={(v) => {
            setSearch(v);
            void ask(v, 0, false);
          }}
        />
        <span className="muted">{t('lines.page', { page: current + 1, pages, count: screen.matched })}</span>
        <Button small icon="chevron-left" aria-label={t('lines.prev')} disabled={current === 0} onClick={() => void ask(search, (current - 1) * PAGE, false)} />
        <Button small icon="chevron-right" aria-label={t('lines.next')} disabled={current >= pages - 1} onClick={() => void ask(search, (current + 1) * PAGE, false)} />
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
          {screen.rows.map((r) => (
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
