import { Callout, Tab, Tabs } from '@blueprintjs/core';
import type { Route } from '../../app/routes';
import { DispositionsTab } from './DispositionsTab';
import { FirmDetail } from './FirmDetail';
import { KeywordsTab } from './KeywordsTab';
import { LedgerTab } from './LedgerTab';
import { RiskAlertsPanel } from './RiskAlertsPanel';
import { RiskTab } from './RiskTab';
import { RoundsTab } from './RoundsTab';
import './screening.css';
import { useScreeningData } from './use-screening-data';

type TabId = 'ledger' | 'rounds' | 'dispositions' | 'risk' | 'keywords';
const TABS: readonly TabId[] = ['ledger', 'rounds', 'dispositions', 'risk', 'keywords'];

/**
 * 排查: #/screening (台账), #/screening/rounds[/<id>], #/screening/dispositions, #/screening/risk,
 * #/screening/keywords, #/screening/firm/<id>.
 */
export function ScreeningPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const { data, keywords, error, reload } = useScreeningData();
  const first = rest[0] ?? 'ledger';
  // Read once per visit of the page and after each change (every form calls onChanged): moving
  // between tabs, firms and rounds does not read 200,000 firms again.
  const changed = () => void reload();
  if (error) return <Callout intent="danger">无法读取排查数据：{error}。请重启程序；如仍不行，请从备份恢复。</Callout>;
  if (!data) return <p>正在读取……</p>;
  if (first === 'firm' && rest[1]) {
    return (
      <section className="page">
        <FirmDetail key={rest[1]} firmId={rest[1]} sub={rest.slice(2)} data={data} keywords={keywords} onChanged={changed} navigate={navigate} />
      </section>
    );
  }
  const tab: TabId = TABS.includes(first as TabId) ? (first as TabId) : 'ledger';
  return (
    <section className="page">
      <header className="page-header">
        <h2>排查</h2>
      </header>
      <RiskAlertsPanel key={data.risk.length + data.risk.filter((e) => e.removed).length} />
      <Tabs id="screening-tabs" selectedTabId={tab} onChange={(id) => navigate({ area: 'screening', rest: id === 'ledger' ? [] : [String(id)] })} renderActiveTabPanelOnly>
        <Tab id="ledger" title="排查对象台账" panel={<LedgerTab data={data} onChanged={changed} openFirm={(id) => navigate({ area: 'screening', rest: ['firm', id] })} />} />
        <Tab id="rounds" title="排查轮次" panel={<RoundsTab data={data} roundId={tab === 'rounds' ? (rest[1] ?? null) : null} onChanged={changed} navigate={navigate} />} />
        <Tab id="dispositions" title="处置" panel={<DispositionsTab data={data} navigate={navigate} />} />
        <Tab id="risk" title="风险动态管理台账" panel={<RiskTab data={data} onChanged={changed} />} />
        <Tab id="keywords" title="关键字样核查" panel={<KeywordsTab data={data} keywords={keywords} onChanged={changed} />} />
      </Tabs>
    </section>
  );
}
