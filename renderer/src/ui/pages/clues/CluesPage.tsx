import { Tab, Tabs } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { Route } from '../../app/routes';
import { AdvertsView } from './AdvertsView';
import { ClueDetail } from './ClueDetail';
import { ClueForm } from './ClueForm';
import { ClueListView } from './ClueListView';
import { ClueSettingsView } from './ClueSettingsView';
import './clues.css';
import { type CluesTab, TAB_LABELS } from './labels';
import { NoticesView } from './NoticesView';
import { RewardsView } from './RewardsView';

const TABS: readonly CluesTab[] = ['list', 'rewards', 'adverts', 'notices', 'settings'];

/** #/clues[/new | /<clueId> | /rewards | /adverts | /notices | /settings] */
export function CluesPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [first] = rest;
  const tab: CluesTab = TABS.includes(first as CluesTab) ? (first as CluesTab) : 'list';
  const go = (...parts: string[]) => navigate({ area: 'clues', rest: parts });
  let body: ReactNode;
  if (first === 'new') body = <ClueForm onDone={(id) => go(id)} onCancel={() => go()} />;
  else if (first && !TABS.includes(first as CluesTab)) body = <ClueDetail clueId={first} onBack={() => go()} />;
  else if (tab === 'rewards') body = <RewardsView open={(id) => go(id)} />;
  else if (tab === 'adverts') body = <AdvertsView />;
  else if (tab === 'notices') body = <NoticesView />;
  else if (tab === 'settings') body = <ClueSettingsView />;
  else body = <ClueListView open={(id) => go(id)} onNew={() => go('new')} />;
  return (
    <section className="page clues-page">
      <header className="page-header">
        <h2>线索监测</h2>
      </header>
      <Tabs id="clues-tabs" selectedTabId={first === 'new' || (first && !TABS.includes(first as CluesTab)) ? 'list' : tab} onChange={(id: string | number) => go(...(id === 'list' ? [] : [String(id)]))}>
        {TABS.map((t) => (
          <Tab key={t} id={t} title={TAB_LABELS[t]} />
        ))}
      </Tabs>
      <div style={{ marginTop: 10 }}>{body}</div>
    </section>
  );
}
