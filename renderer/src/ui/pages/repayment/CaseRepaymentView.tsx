import { Button, Callout, Tab, Tabs } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { BatchesTab } from './BatchesTab';
import { CreditorFiguresTab } from './CreditorFiguresTab';
import type { CaseRepaymentData } from './case-repayment-data';
import { FiguresPanel } from './FiguresPanel';
import { FundsTab } from './FundsTab';
import { runInWorker } from './repayment-client';
import { WorkingNote } from './WorkingNote';

type TabId = 'funds' | 'batches' | 'creditors';

export function CaseRepaymentView(props: { readonly caseId: string; readonly tab: string | undefined; readonly navigate: (r: Route) => void }) {
  const { caseId, navigate } = props;
  const { t } = useTranslation('repayment');
  const { repos } = useApp();
  const [data, setData] = useState<CaseRepaymentData | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const tab: TabId = props.tab === 'funds' || props.tab === 'creditors' ? props.tab : 'batches';

  const reload = useCallback(async () => {
    try {
      const found = await repos.cases.get(caseId);
      if (!found) {
        setData(null);
        return;
      }
      const [figures, funds, batches] = await Promise.all([runInWorker(repos, { kind: 'caseFigures', caseId }), repos.repayment.listFunds(caseId), repos.repayment.listBatches(caseId)]);
      setData({ caseFile: found.caseFile, figures, funds, batches });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [caseId, repos]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <Callout intent="danger">{error}</Callout>;
  if (data === undefined) return <WorkingNote text={t('progress.figures')} value={null} />;
  if (data === null) return <Callout intent="warning">{t('header.notFound')}</Callout>;
  const c = data.caseFile;

  return (
    <section className="page repayment-page">
      <header className="page-header">
        <Button minimal icon="arrow-left" aria-label={t('header.back')} title={t('header.back')} onClick={() => navigate({ area: 'repayment', rest: [] })} />
        <h2 data-testid="repayment-case-title" className="clamp-title" title={`${c.caseNumber} ${c.title}`}>
          {t('title')}：{c.caseNumber} <span className="muted repayment-case-name">{c.title}</span>
        </h2>
        <a href={`#/creditors/${encodeURIComponent(caseId)}`}>{t('header.creditorsLink')}</a>
        <a href={`#/cases/${encodeURIComponent(caseId)}`}>{t('header.caseLink')}</a>
      </header>
      <FiguresPanel figures={data.figures} />
      <Tabs id="repayment-tabs" selectedTabId={tab} onChange={(id) => navigate({ area: 'repayment', rest: [caseId, String(id)] })} renderActiveTabPanelOnly>
        <Tab id="batches" title={t('tabs.batches')} panel={<BatchesTab caseId={caseId} data={data} reload={reload} navigate={navigate} />} />
        <Tab id="funds" title={t('tabs.funds')} panel={<FundsTab caseId={caseId} data={data} reload={reload} />} />
        <Tab id="creditors" title={t('tabs.creditors')} panel={<CreditorFiguresTab caseId={caseId} />} />
      </Tabs>
    </section>
  );
}
