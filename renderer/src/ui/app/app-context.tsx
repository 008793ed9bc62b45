import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { AppSettings } from '../../core/settings/app-settings';
import { allows, type Permission } from '../../core/users/permissions';
import type { SessionUser } from '../../core/users/types';
import type { Repositories } from '../../db/repositories';
import type { Bridge } from '../../platform/bridge';

export interface AppServices {
  readonly repos: Repositories;
  readonly bridge: Bridge;
  /** The answer to navigator.storage.persist(), shown in settings. */
  readonly storagePersisted: boolean | null;
  /**
   * The office's settings. `operatorName` is the signed-in user's name (no longer typed in
   * settings): pages that prefill 经办人/联系人 or filter "mine" get the person at the desk.
   */
  readonly settings: AppSettings;
  /** Re-reads settings after a save so every page sees the new office name and districts. */
  readonly reloadSettings: () => Promise<void>;
  /** Who is signed in; null only while the sign-in screen is shown over the pages. */
  readonly session: SessionUser | null;
  /** Whether the signed-in user's roles allow this (the repositories check again and audit refusals). */
  readonly can: (permission: Permission) => boolean;
  readonly setSession: (session: SessionUser | null) => void;
  /** Shows the sign-in screen over the pages (lock now, switch user); what was typed stays. */
  readonly lock: () => void;
  readonly locked: boolean;
  readonly setLocked: (locked: boolean) => void;
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
  const [stored, setStored] = useState(initialSettings);
  const [session, setSession] = useState<SessionUser | null>(null);
  const [locked, setLocked] = useState(true);
  const reloadSettings = useCallback(async () => setStored(await repos.settings.get()), [repos]);
  const lock = useCallback(() => setLocked(true), []);
  const value = useMemo(() => {
    const settings = { ...stored, operatorName: session?.name ?? '' };
    const can = (permission: Permission) => session !== null && allows(session.roles, permission);
    return { repos, bridge, storagePersisted, settings, reloadSettings, session, can, setSession, lock, locked, setLocked };
  }, [repos, bridge, storagePersisted, stored, reloadSettings, session, lock, locked]);
  return <AppContext.Provider value={value}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppProvider');
  return services;
}
