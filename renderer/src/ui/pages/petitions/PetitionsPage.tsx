import { Callout, Tab, Tabs } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../../app/routes';
import { DeadlineAlertsPanel } from './DeadlineAlertsPanel';
import { DeadlineSettingsTab } from './DeadlineSettingsTab';
import { FiguresTab } from './FiguresTab';
import './messages';
import { PetitionDetail } from './PetitionDetail';
import { PetitionForm } from './PetitionForm';
import { PetitionListTab } from './PetitionListTab';
import './petitions.css';
import { useCases } from './use-cases';
import { usePetitionData } from './use-petition-data';

type TabId = 'list' | 'figures' | 'settings';
const TABS: readonly TabId[] = ['list', 'figures', 'settings'];

/**
 * 信访调解: #/petitions (台账), #/petitions/figures, #/petitions/settings (时限设置),
 * #/petitions/new (登记), #/petitions/<id> (detail).
 */
export function PetitionsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('petitions');
  const { data, error, reload } = usePetitionData();
  const cases = useCases();
  // Remounts the alerts panel after a change so it re-reads the petitions.
  const [version, setVersion] = useState(0);
  const changed = () => {
    void reload().then(() => setVersion((v) => v + 1));
  };
  const first = rest[0] ?? 'list';
  // Coming back from the form or a detail page: re-read what they changed.
  useEffect(() => {
    if (first) void reload();
  }, [first, reload]);

  if (error) return <Callout intent="danger">{t('errors.loadFailed', { message: error })}</Callout>;
  if (!data) return <p>{t('detail.loading')}</p>;
  if (first === 'new') {
    return <PetitionForm cases={cases} navigate={navigate} />;
  }
  if (!TABS.includes(first as TabId)) {
    return (
      <div className="page">
        <PetitionDetail key={first} petitionId={first} data={data} cases={cases} navigate={navigate} onChanged={changed} />
      </div>
    );
  }
  const tab = first as TabId;
  return (
    <section className="page">
      <header className="page-header">
        <h2>{t('title')}</h2>
      </header>
      <DeadlineAlertsPanel key={version} />
      <Tabs id="petition-tabs" selectedTabId={tab} onChange={(id) => navigate({ area: 'petitions', rest: id === 'list' ? [] : [String(id)] })} renderActiveTabPanelOnly>
        <Tab id="list" title={t('tabs.list')} panel={<PetitionListTab data={data} cases={cases} navigate={navigate} />} />
        <Tab id="figures" title={t('tabs.figures')} panel={<FiguresTab data={data} cases={cases} />} />
        <Tab id="settings" title={t('tabs.settings')} panel={<DeadlineSettingsTab key={version} section={data.section} onSaved={changed} />} />
      </Tabs>
    </section>
  );
}
