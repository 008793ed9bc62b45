import { Tab, Tabs } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { Route } from '../../app/routes';
import { AuditLogPanel } from './AuditLogPanel';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { StoragePanel } from './StoragePanel';

export function SettingsPage({ tab, navigate }: { tab: 'office' | 'audit' | 'storage'; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h2>{t('settings.title')}</h2>
      </header>
      <Tabs
        id="settings-tabs"
        selectedTabId={tab}
        onChange={(id) => navigate({ area: 'settings', tab: id as 'office' | 'audit' | 'storage' })}
        renderActiveTabPanelOnly
      >
        <Tab id="office" title={t('settings.office')} panel={<OfficeSettingsForm />} />
        <Tab id="audit" title={t('settings.audit')} panel={<AuditLogPanel />} />
        <Tab id="storage" title={t('settings.storage')} panel={<StoragePanel />} />
      </Tabs>
    </section>
  );
}
