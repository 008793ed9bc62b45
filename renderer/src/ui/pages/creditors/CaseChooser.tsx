import { HTMLTable, NonIdealState } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../core/cases/case-file';
import { formatFen } from '../../../core/money';
import type { CreditorRegisterSummary } from '../../../db/repositories/creditor-types';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';

export function CaseChooser({ navigate }: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('creditors');
  const { repos } = useApp();
  const [cases, setCases] = useState<CaseFile[] | null>(null);
  const [summaries, setSummaries] = useState<Map<string, CreditorRegisterSummary>>(new Map());

  useEffect(() => {
    // Blocks left by an import the app did not finish are removed when the area opens.
    void repos.creditors.cleanupOrphans();
    void Promise.all([repos.cases.listWithPartyNames(), repos.creditors.listSummaries()]).then(([list, sums]) => {
      setCases(list.map((l) => l.caseFile).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
      setSummaries(new Map(sums.map((s) => [s.caseId, s])));
    });
  }, [repos]);

  return (
    <section className="page">
      <header className="page-header">
        <h2>{t('title')}</h2>
        <span className="muted">{t('chooser.intro')}</span>
      </header>
      {cases && cases.length === 0 ? (
        <NonIdealState icon="folder-new" description={t('chooser.empty')} />
      ) : (
        <HTMLTable compact striped interactive className="full-width" data-testid="creditor-case-table">
          <thead>
            <tr>
              <th>{t('chooser.caseNumber')}</th>
              <th>{t('chooser.caseTitle')}</th>
              <th className="num">{t('chooser.count')}</th>
              <th className="num">{t('chooser.netClaim')}</th>
            </tr>
          </thead>
          <tbody>
            {(cases ?? []).map((c) => {
              const s = summaries.get(c.id);
              return (
                <tr key={c.id} onClick={() => navigate({ area: 'creditors', rest: [c.id] })}>
                  <td>
                    <a href={`#/creditors/${encodeURIComponent(c.id)}`}>{c.caseNumber}</a>
                  </td>
                  <td>{c.title}</td>
                  <td className="num">{s ? s.count.toLocaleString('zh-CN') : <span className="muted">{t('chooser.none')}</span>}</td>
                  <td className="num">{s ? formatFen(s.totals.netClaimFen) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
