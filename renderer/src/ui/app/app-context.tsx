import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { AppSettings } from '../../core/settings/app-settings';
import type { Repositories } from '../../db/repositories';
import type { Bridge } from '../../platform/bridge';

export interface AppServices {
  readonly repos: Repositories;
  readonly bridge: Bridge;
  /** The answer to navigator.storage.persist(), shown in settings. */
  readonly storagePersisted: boolean | null;
  readonly settings: AppSettings;
  /** Re-reads settings after a save so every page sees the new office name and districts. */
  readonly reloadSettings: () => Promise<void>;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider(props: {
  readonly repos: Repositories;
  readonly bridge: Bridge;
  readonly storagePersisted: boolean | null;
  readonly initialSettings: AppSettings;
  readonly children: ReactNode;
}) {
  const { repos, bridge, storagePersisted, initialSettings } = props;
  const [settings, setSettings] = useState(initialSettings);
  const reloadSettings = useCallback(async () => setSettings(await repos.settings.get()), [repos]);
  const value = useMemo(
    () => ({ repos, bridge, storagePersisted, settings, reloadSettings }),
    [repos, bridge, storagePersisted, settings, reloadSettings],
  );
  return <AppContext.Provider value={value}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppProvider');
  return services;
}
