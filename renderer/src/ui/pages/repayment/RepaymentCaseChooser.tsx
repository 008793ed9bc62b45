import { HTMLTable, NonIdealState } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../core/cases/case-file';
import type { CreditorRegisterSummary } from '../../../db/repositories/creditor-types';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';

export function RepaymentCaseChooser({ navigate }: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('repayment');
  const { repos } = useApp();
  const [cases, setCases] = useState<CaseFile[] | null>(null);
  const [summaries, setSummaries] = useState<Map<string, CreditorRegisterSummary>>(new Map());

  useEffect(() => {
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
        <HTMLTable compact striped interactive className="full-width" data-testid="repayment-case-table">
          <thead>
            <tr>
              <th>{t('chooser.caseNumber')}</th>
              <th>{t('chooser.caseTitle')}</th>
              <th className="num">{t('chooser.creditors')}</th>
            </tr>
          </thead>
          <tbody>
            {(cases ?? []).map((c) => {
              const s = summaries.get(c.id);
              return (
                <tr key={c.id} onClick={() => navigate({ area: 'repayment', rest: [c.id] })}>
                  <td>
                    <a href={`#/repayment/${encodeURIComponent(c.id)}`}>{c.caseNumber}</a>
                  </td>
                  <td>{c.title}</td>
                  <td className="num">{s ? s.count.toLocaleString('zh-CN') : <span className="muted">{t('chooser.none')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
