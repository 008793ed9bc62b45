import { Tab, Tabs } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { Route, SettingsTab } from '../../app/routes';
import { KeywordListEditor } from '../screening/KeywordListEditor';
import { AuditLogPanel } from './AuditLogPanel';
import { BackupPanel } from './BackupPanel';
import { ExchangeSettingsPanel } from './ExchangeSettingsPanel';
import { FontsPanel } from './FontsPanel';
import { LanguageSelect } from './LanguageSelect';
import { LockSettingsPanel } from './LockSettingsPanel';
import { OfficeSettingsForm } from './OfficeSettingsForm';
import { StoragePanel } from './StoragePanel';
import { UsersPanel } from './UsersPanel';

export function SettingsPage({ tab, navigate }: { tab: SettingsTab; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h2>{t('settings.title')}</h2>
        <LanguageSelect />
      </header>
      <Tabs
        id="settings-tabs"
        selectedTabId={tab}
        onChange={(id) => navigate({ area: 'settings', tab: id as SettingsTab })}
        renderActiveTabPanelOnly
      >
        <Tab id="office" title={t('settings.office')} panel={<OfficeSettingsForm />} />
        <Tab id="users" title={t('settings.users')} panel={<UsersPanel />} />
        <Tab id="fonts" title={t('settings.fonts')} panel={<FontsPanel />} />
<Tab id="keywords" title={t('settings.keywords')} panel={<KeywordListEditor />} />
        <Tab id="exchange" title={t('settings.exchange')} panel={<ExchangeSettingsPanel />} />
        <Tab id="audit" title={t('settings.audit')} panel={<AuditLogPanel />} />
        <Tab id="storage" title={t('settings.storage')} panel={<StoragePanel />} />
        <Tab id="backup" title={t('safety:tabs.backup')} panel={<BackupPanel />} />
        <Tab id="lock" title={t('safety:tabs.lock')} panel={<LockSettingsPanel />} />
      </Tabs>
    </section>
  );
}
