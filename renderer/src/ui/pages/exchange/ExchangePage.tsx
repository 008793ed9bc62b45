import { Button, NonIdealState, Tab, Tabs } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeIdentity } from '../../../db/repositories/exchange-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { ImportPackageTab } from './ImportPackageTab';
import { MakePackageTab } from './MakePackageTab';
import { NoticeTab } from './NoticeTab';
import { OverviewTab } from './OverviewTab';
import { ReceivedRecordsTab } from './ReceivedRecordsTab';
import './messages';
import './exchange.css';

const TABS = ['make', 'import', 'overview', 'records', 'notice'] as const;
type ExchangeTab = (typeof TABS)[number];

// 报送: a district makes its signed package; the city imports them, sees who has reported, and reads
// the districts' records (read-only, marked with the office).
export function ExchangePage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('exchange');
  const { repos } = useApp();
  const [identity, setIdentity] = useState<ExchangeIdentity | null | undefined>(undefined);
  useEffect(() => {
    void repos.exchange.identity().then(setIdentity);
  }, [repos]);
  const fallback: ExchangeTab = identity?.office.level === 'city' ? 'import' : 'make';
  const tab: ExchangeTab = (TABS as readonly string[]).includes(rest[0] ?? '') ? (rest[0] as ExchangeTab) : fallback;
  if (identity === undefined) return null;
  return (
    <section className="page exchange-page" data-testid="exchange-page">
      <header className="page-header">
        <h2>{t('title')}</h2>
        {identity && (
          <span className="muted" data-testid="exchange-self">
            {identity.office.name}
          </span>
        )}
      </header>
      {identity === null ? (
        <NonIdealState
          icon="key"
          description={t('noIdentity')}
          action={<Button intent="primary" text={t('toSettings')} onClick={() => navigate({ area: 'settings', tab: 'exchange' })} />}
        />
      ) : (
        <Tabs id="exchange-tabs" selectedTabId={tab} onChange={(id) => navigate({ area: 'exchange', rest: [String(id)] })} renderActiveTabPanelOnly>
          <Tab id="make" title={t('tabs.make')} panel={<MakePackageTab identity={identity} />} />
          <Tab id="import" title={t('tabs.import')} panel={<ImportPackageTab />} />
          <Tab id="overview" title={t('tabs.overview')} panel={<OverviewTab />} />
          <Tab
            id="records"
            title={t('tabs.records')}
            panel={<ReceivedRecordsTab register={rest[1] && rest[2] ? { office: rest[1], caseId: rest[2] } : null} onOpen={(r) => navigate({ area: 'exchange', rest: r ? ['records', r.office, r.caseId] : ['records'] })} />}
          />
          <Tab id="notice" title={t('tabs.notice')} panel={<NoticeTab />} />
        </Tabs>
      )}
    </section>
  );
}
