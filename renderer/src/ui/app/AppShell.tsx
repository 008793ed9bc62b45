import { Alignment, Classes, type IconName, Menu, MenuItem, Navbar, NavbarGroup, NavbarHeading, useHotkeys } from '@blueprintjs/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UnsavedChangesGuard } from '../drafts/UnsavedChangesGuard';
import { CaseDetailPage } from '../pages/cases/CaseDetailPage';
import { CaseEditPage } from '../pages/cases/CaseEditPage';
import { CaseListPage } from '../pages/cases/CaseListPage';
import { CluesPage } from '../pages/clues/CluesPage';
import { CreditorsPage } from '../pages/creditors/CreditorsPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DocumentsPage } from '../pages/documents/DocumentsPage';
import { ExchangePage } from '../pages/exchange/ExchangePage';
import { PetitionsPage } from '../pages/petitions/PetitionsPage';
import { RepaymentPage } from '../pages/repayment/RepaymentPage';
import { ScreeningPage } from '../pages/screening/ScreeningPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { localizeBlueprintLabels } from './accessible-labels';
import { useApp } from './app-context';
import { AREAS, type Area, type Route } from './routes';
import { UserMenu } from './UserMenu';
import { useRoute } from './use-route';

const AREA_ICONS: Record<Area, IconName> = {
  cases: 'folder-close',
  creditors: 'people',
  repayment: 'bank-account',
  petitions: 'chat',
  documents: 'document',
  screening: 'search-template',
  clues: 'eye-open',
  exchange: 'exchange',
  dashboard: 'chart',
  settings: 'cog',
};

const AREA_HOME: Record<Area, Route> = {
  cases: { area: 'cases', view: 'list' },
  creditors: { area: 'creditors', rest: [] },
  repayment: { area: 'repayment', rest: [] },
  petitions: { area: 'petitions', rest: [] },
  documents: { area: 'documents', rest: [] },
  screening: { area: 'screening', rest: [] },
  clues: { area: 'clues', rest: [] },
  exchange: { area: 'exchange', rest: [] },
  dashboard: { area: 'dashboard', rest: [] },
  settings: { area: 'settings', tab: 'office' },
};

export function AppShell() {
  const { t, i18n } = useTranslation();
  const { settings } = useApp();
  const [route, navigate] = useRoute();
  // Alt+1 … Alt+9, Alt+0 jump between areas: staff work from the keyboard all day.
  const hotkeys = useMemo(
    () =>
      AREAS.map((area, i) => ({
        combo: `alt+${areaKey(i)}`,
        global: true,
        label: t(`nav.${area}`),
        onKeyDown: () => navigate(AREA_HOME[area]),
      })),
    [navigate, t],
  );
  const { handleKeyDown, handleKeyUp } = useHotkeys(hotkeys);
  useEffect(() => (i18n.language === 'en' ? undefined : localizeBlueprintLabels()), [i18n.language]);

  return (
    <div className="app-shell" onKeyDown={handleKeyDown} onKeyUp={handleKeyUp}>
      <Navbar className="app-navbar">
        <NavbarGroup align={Alignment.START}>
          <NavbarHeading className="app-title">{t('app.title')}</NavbarHeading>
          <span className={Classes.TEXT_MUTED}>{settings.officeName || t('app.officeUnset')}</span>
        </NavbarGroup>
        <NavbarGroup align={Alignment.END}>
          <UserMenu navigate={navigate} />
        </NavbarGroup>
      </Navbar>
      <div className="app-body">
        <nav className="app-nav" aria-label="主导航">
          <Menu>
            {AREAS.map((area, i) => (
              <MenuItem
                key={area}
                icon={AREA_ICONS[area]}
                text={t(`nav.${area}`)}
                label={`Alt+${areaKey(i)}`}
                active={route.area === area}
                href={`#/${area}`}
              />
            ))}
          </Menu>
        </nav>
        <main className="app-main">
          <RoutedPage route={route} navigate={navigate} />
        </main>
        <UnsavedChangesGuard />
      </div>
    </div>
  );
}

/** The digit of an area's Alt shortcut: 1 … 9, then 0 for the tenth. */
function areaKey(index: number): string {
  return String((index + 1) % 10);
}

function RoutedPage({ route, navigate }: { route: Route; navigate: (r: Route) => void }) {
  switch (route.area) {
    case 'cases':
      if (route.view === 'list') return <CaseListPage navigate={navigate} />;
      if (route.view === 'new') return <CaseEditPage caseId={null} navigate={navigate} />;
      if (route.view === 'edit') return <CaseEditPage key={route.caseId} caseId={route.caseId} navigate={navigate} />;
      return <CaseDetailPage key={route.caseId} caseId={route.caseId} navigate={navigate} />;
    case 'settings':
      return <SettingsPage tab={route.tab} navigate={navigate} />;
    case 'creditors':
      return <CreditorsPage rest={route.rest} navigate={navigate} />;
    case 'repayment':
      return <RepaymentPage rest={route.rest} navigate={navigate} />;
    case 'petitions':
      return <PetitionsPage rest={route.rest} navigate={navigate} />;
    case 'documents':
      return <DocumentsPage rest={route.rest} navigate={navigate} />;
    case 'screening':
      return <ScreeningPage rest={route.rest} navigate={navigate} />;
    case 'clues':
      return <CluesPage rest={route.rest} navigate={navigate} />;
    case 'exchange':
      return <ExchangePage rest={route.rest} navigate={navigate} />;
    case 'dashboard':
      return <DashboardPage rest={route.rest} navigate={navigate} />;
  }
}
