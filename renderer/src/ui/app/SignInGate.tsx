import { Fragment, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCK_SETTINGS, type LockSettings } from '../../core/users/idle-lock';
import { isPermissionDenied } from '../../db/access';
import { setDraftOwner } from '../drafts/draft-store';
import '../pages/settings/safety.css';
import '../pages/settings/users-messages';
import { notify } from '../toaster';
import { useApp } from './app-context';
import { FirstStartScreen } from './FirstStartScreen';
import { type SignInReason, SignInScreen } from './SignInScreen';
import { forgetWindowToken, takeRestoredMark, windowToken } from './session-token';

const SETTINGS_EVENT = 'chufei-workstation:lock-settings-changed';
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/** The users panel calls this after saving the idle lock, so it takes effect at once. */
export function notifyLockSettingsChanged(): void {
  window.dispatchEvent(new Event(SETTINGS_EVENT));
}

/**
 * Nobody works without signing in: the first start creates the first 管理员, every later start
 * (and the idle lock, and switching user) shows the sign-in screen over the pages. A reload of the
 * same window continues the session. When another user signs in, the pages start afresh: what one
 * person typed or revealed is never saved or seen under another's name.
 */
export function SignInGate({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('users');
  const { repos, session, setSession, locked, setLocked } = useApp();
  const [phase, setPhase] = useState<'loading' | 'first' | 'ready'>('loading');
  const [reason, setReason] = useState<SignInReason>('start');
  const [idle, setIdle] = useState<LockSettings>(DEFAULT_LOCK_SETTINGS);
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    void (async () => {
      const restored = takeRestoredMark();
      if (!(await repos.users.hasUsers())) {
        setPhase('first');
        return;
      }
      const resumed = await repos.users.resume(windowToken());
      if (resumed) {
        setSession(resumed);
        setLocked(false);
      } else setReason(restored ? 'restored' : 'start');
      setPhase('ready');
    })();
  }, [repos, setSession, setLocked]);

  const loadIdle = useCallback(() => void repos.users.idleLock().then(setIdle), [repos]);
  useEffect(() => {
    loadIdle();
    window.addEventListener(SETTINGS_EVENT, loadIdle);
    return () => window.removeEventListener(SETTINGS_EVENT, loadIdle);
  }, [loadIdle]);

  // A locked window forgets its token: reloading it must not skip the sign-in screen.
  useEffect(() => {
    if (locked && phase === 'ready') {
      forgetWindowToken();
      setReason((r) => (session ? 'locked' : r));
    }
  }, [locked, phase, session]);

  useEffect(() => {
    if (!idle.enabled || locked) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > idle.idleMinutes * 60_000) setLocked(true);
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [idle, locked, setLocked]);

  // A refusal thrown by a repository (a button the page did not hide, a script) is shown, not lost.
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (!isPermissionDenied(event.reason)) return;
      event.preventDefault();
      void notify(t('denied', { message: (event.reason as Error).message }), 'danger', { icon: 'disable', timeout: 8_000 });
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [t]);

  const hidden = phase !== 'ready' || locked;
  // Before the pages below render: their forms read drafts in their first render.
  setDraftOwner(session?.userId ?? null);
  return (
    <>
      <div className={hidden ? 'app-lock-root app-lock-hidden' : 'app-lock-root'} inert={hidden} aria-hidden={hidden}>
        {/* Keyed by user: a switch starts the pages afresh (no half-typed form saved under another name). */}
        <Fragment key={session?.userId ?? 'nobody'}>{children}</Fragment>
      </div>
      {phase === 'first' && (
        <FirstStartScreen
          onDone={(s) => {
            setSession(s);
            setLocked(false);
            setPhase('ready');
          }}
        />
      )}
      {phase === 'ready' && locked && (
        <SignInScreen
          reason={reason}
          current={session}
          onSignedIn={(s) => {
            setSession(s);
            setLocked(false);
          }}
        />
      )}
    </>
  );
}
