import { Button, Callout, FormGroup, InputGroup } from '@blueprintjs/core';
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../pages/settings/safety.css';
import '../pages/settings/safety-messages';
import { useApp } from './app-context';
import { DEFAULT_LOCK_SETTINGS, LOCK_SECTION_ID, type LockSettings, lockRetryDelayMs, verifyLockPassphrase } from './app-lock-secret';

const FAILURES_KEY = 'chufei-workstation:lock-failures';
const LAST_FAILURE_KEY = 'chufei-workstation:lock-last-failure';
const SETTINGS_EVENT = 'chufei-workstation:lock-settings-changed';
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/** LockSettingsPanel calls this after saving, so the lock takes effect without a restart. */
export function notifyLockSettingsChanged(): void {
  window.dispatchEvent(new Event(SETTINGS_EVENT));
}

function storedNumber(key: string): number {
  const n = Number(globalThis.localStorage?.getItem(key) ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/**
 * The optional app lock (应用锁): when enabled in settings, the app asks for the passphrase at start
 * and after the chosen idle minutes. The pages stay mounted underneath (typed input is kept) but
 * hidden and inert. Wrong passphrases are throttled with a growing wait that survives a reload.
 */
export function AppLock({ children }: { readonly children: ReactNode }) {
  const { repos } = useApp();
  const [settings, setSettings] = useState<LockSettings | null>(null);
  const [locked, setLocked] = useState(true);
  const lastActivity = useRef(Date.now());

  const load = useCallback(async () => {
    const s = await repos.settings.getSection<LockSettings>(LOCK_SECTION_ID, DEFAULT_LOCK_SETTINGS);
    setSettings(s);
    return s;
  }, [repos]);

  useEffect(() => {
    void load().then((s) => setLocked(s.enabled && s.secret !== null));
    const reload = () => void load();
    window.addEventListener(SETTINGS_EVENT, reload);
    return () => window.removeEventListener(SETTINGS_EVENT, reload);
  }, [load]);

  useEffect(() => {
    if (!settings?.enabled || settings.idleMinutes <= 0) return;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > settings.idleMinutes * 60_000) setLocked(true);
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [settings]);

  const active = settings === null || (locked && settings.enabled && settings.secret !== null);
  return (
    <>
      <div className={active ? 'app-lock-root app-lock-hidden' : 'app-lock-root'} inert={active} aria-hidden={active}>
        {children}
      </div>
      {settings !== null && active && settings.secret && (
        <LockScreen
          secret={settings.secret}
          onUnlock={() => {
            lastActivity.current = Date.now();
            setLocked(false);
          }}
        />
      )}
    </>
  );
}

function LockScreen({ secret, onUnlock }: { readonly secret: NonNullable<LockSettings['secret']>; readonly onUnlock: () => void }) {
  const { t } = useTranslation('safety');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [now, setNow] = useState(Date.now());
  const failures = storedNumber(FAILURES_KEY);
  const waitUntil = storedNumber(LAST_FAILURE_KEY) + lockRetryDelayMs(failures);
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [waitSeconds]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (waitSeconds > 0 || checking) return;
    if (passphrase === '') {
      setError(t('lock.empty'));
      return;
    }
    setChecking(true);
    const ok = await verifyLockPassphrase(passphrase, secret);
    setChecking(false);
    if (ok) {
      localStorage.removeItem(FAILURES_KEY);
      localStorage.removeItem(LAST_FAILURE_KEY);
      setPassphrase('');
      onUnlock();
      return;
    }
    const n = failures + 1;
    localStorage.setItem(FAILURES_KEY, String(n));
    localStorage.setItem(LAST_FAILURE_KEY, String(Date.now()));
    setNow(Date.now());
    const delay = lockRetryDelayMs(n);
    setError(t('lock.wrong', { count: n }) + (delay > 0 ? t('lock.waitHint', { seconds: Math.ceil(delay / 1000) }) : '') + t('lock.forgot'));
    setPassphrase('');
  };

  return (
    <div className="app-lock-screen" data-testid="app-lock">
      <form className="app-lock-card" onSubmit={(e) => void submit(e)}>
        <h2>{t('lock.lockedTitle')}</h2>
        <p>{t('lock.lockedText')}</p>
        <FormGroup label={t('lock.passphrase')} labelFor="app-lock-passphrase" intent={error ? 'danger' : 'none'}>
          <InputGroup
            id="app-lock-passphrase"
            type="password"
            autoFocus
            value={passphrase}
            onValueChange={setPassphrase}
            disabled={waitSeconds > 0}
            intent={error ? 'danger' : 'none'}
          />
        </FormGroup>
        {error && (
          <Callout intent="danger" compact data-testid="app-lock-error">
            {error}
          </Callout>
        )}
        <div className="safety-actions">
          <Button type="submit" intent="primary" loading={checking} disabled={waitSeconds > 0} text={waitSeconds > 0 ? t('lock.wait', { seconds: waitSeconds }) : t('lock.unlock')} />
        </div>
      </form>
    </div>
  );
}
