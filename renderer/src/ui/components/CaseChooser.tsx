import { HTMLTable, NonIdealState } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { CaseFile } from '../../core/cases/case-file';
import { formatFen } from '../../core/money';
import type { CreditorRegisterSummary } from '../../db/repositories/creditor-types';
import { useApp } from '../app/app-context';
import type { Route } from '../app/routes';

export interface CaseChooserText {
  readonly title: string;
  readonly intro: string;
  readonly empty: string;
  /** Shown for a case that has no creditor register yet. */
  readonly none: string;
  readonly caseNumber: string;
  readonly caseTitle: string;
  readonly count: string;
  /** When given, a column with the register's total net claim. */
  readonly netClaim?: string;
}

/**
 * The first screen of an area that works on one case at a time (集资参与人, 清退): every case,
 * most recently changed first, with the size of its creditor register.
 */
export function CaseChooser(props: {
  readonly area: 'creditors' | 'repayment';
  readonly text: CaseChooserText;
  readonly navigate: (r: Route) => void;
  readonly testId: string;
}) {
  const { area, text, navigate } = props;
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
        <h2>{text.title}</h2>
        <span className="muted">{text.intro}</span>
      </header>
      {cases && cases.length === 0 ? (
        <NonIdealState icon="folder-new" description={text.empty} />
      ) : (
        <HTMLTable compact striped interactive className="full-width" data-testid={props.testId}>
          <thead>
            <tr>
              <th>{text.caseNumber}</th>
              <th>{text.caseTitle}</th>
              <th className="num">{text.count}</th>
              {text.netClaim && <th className="num">{text.netClaim}</th>}
            </tr>
          </thead>
          <tbody>
            {(cases ?? []).map((c) => {
              const s = summaries.get(c.id);
              return (
                <tr key={c.id} onClick={() => navigate({ area, rest: [c.id] })}>
                  <td>
                    <a href={`#/${area}/${encodeURIComponent(c.id)}`}>{c.caseNumber}</a>
                  </td>
                  <td>{c.title}</td>
                  <td className="num">{s ? s.count.toLocaleString('zh-CN') : <span className="muted">{text.none}</span>}</td>
                  {text.netClaim && <td className="num">{s ? formatFen(s.totals.netClaimFen) : '—'}</td>}
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
