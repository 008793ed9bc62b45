import '@blueprintjs/core/lib/css/blueprint.css';
import './ui/styles.css';
import { HotkeysProvider } from '@blueprintjs/core';
import { createRoot } from 'react-dom/client';
import { openDatabase } from './db/open-database';
import { createRepositories } from './db/repositories';
import { initI18n } from './i18n/i18n';
import { selectBridge } from './platform/select-bridge';
import { AppShell } from './ui/app/AppShell';
import { AppProvider } from './ui/app/app-context';
import { StartupProblem } from './ui/app/StartupProblem';

async function start(): Promise<void> {
  await initI18n('zh-CN');
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root');
  const root = createRoot(rootElement);
  const opened = await openDatabase();
  if (opened.status !== 'open') {
    root.render(<StartupProblem problem={opened} />);
    return;
  }
  const repos = createRepositories(opened.db);
  const settings = await repos.settings.get();
  root.render(
    <HotkeysProvider>
      <AppProvider repos={repos} bridge={selectBridge()} storagePersisted={opened.persisted} initialSettings={settings}>
        <AppShell />
      </AppProvider>
    </HotkeysProvider>,
  );
}

void start();
