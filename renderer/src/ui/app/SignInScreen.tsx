import { Button, Callout, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleList } from '../../core/users/roles';
import type { SessionUser, UserSummary } from '../../core/users/types';
import '../pages/settings/safety.css';
import '../pages/settings/users-messages';
import { useApp } from './app-context';
import { lastUserId, newWindowToken, rememberLastUser } from './session-token';

export type SignInReason = 'start' | 'locked' | 'restored';

/**
 * Sign in at start, after the idle lock, or to switch user. The pages stay mounted underneath
 * (hidden and inert), so what was typed is still there. Wrong passphrases are throttled by the
 * repository; the wait shows as a countdown on the button.
 */
export function SignInScreen({ reason, current, onSignedIn }: { readonly reason: SignInReason; readonly current: SessionUser | null; readonly onSignedIn: (s: SessionUser) => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [userId, setUserId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<{ session: SessionUser; current: string } | null>(null);

  useEffect(() => {
    void repos.users.list().then((all) => {
      const active = all.filter((u) => u.active);
      setUsers(active);
      const preferred = current?.userId ?? lastUserId();
      setUserId(active.find((u) => u.id === preferred)?.id ?? active[0]?.id ?? '');
    });
  }, [repos, current]);

  useEffect(() => {
    if (!userId) return;
    void repos.users.waitBeforeAttempt(userId).then((ms) => setWaitUntil(Date.now() + ms));
  }, [repos, userId]);

  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [waitSeconds]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || waitSeconds > 0 || !userId) return;
    setBusy(true);
    try {
      const r = await repos.users.signIn(userId, passphrase, newWindowToken());
      if (!r.ok) {
        setError(r.message);
        setWaitUntil(Date.now() + r.waitMs);
        setNow(Date.now());
        setPassphrase('');
        return;
      }
      rememberLastUser(userId);
      setError(null);
      if (r.mustChangePassphrase) setMustChange({ session: r.session, current: passphrase });
      else onSignedIn(r.session);
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };

  if (mustChange) return <MustChangeForm current={mustChange.current} onDone={() => onSignedIn(mustChange.session)} />;
  const title = reason === 'locked' ? t('signIn.locked') : t('signIn.title');
  return (
    <div className="app-lock-screen" data-testid="sign-in">
      <form className="app-lock-card" onSubmit={(e) => void submit(e)}>
        <h2>{title}</h2>
        {reason === 'locked' && <p>{t('signIn.lockedText')}</p>}
        {reason === 'restored' && <Callout intent="success">{t('signIn.restored')}</Callout>}
        <FormGroup label={t('signIn.user')} labelFor="sign-in-user">
          <HTMLSelect id="sign-in-user" fill value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}（{roleList(u.roles)}）
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('signIn.passphrase')} labelFor="sign-in-passphrase" intent={error ? 'danger' : 'none'}>
          <InputGroup id="sign-in-passphrase" type="password" autoFocus autoComplete="current-password" value={passphrase} onValueChange={setPassphrase} intent={error ? 'danger' : 'none'} />
        </FormGroup>
        {error && (
          <Callout intent="danger" compact data-testid="sign-in-error">
            {error}
          </Callout>
        )}
        <div className="safety-actions">
          <Button type="submit" intent="primary" loading={busy} disabled={waitSeconds > 0 || !userId} text={waitSeconds > 0 ? t('signIn.wait', { seconds: waitSeconds }) : t('signIn.submit')} />
        </div>
        <p className="muted">{t('signIn.forgot')}</p>
      </form>
    </div>
  );
}

/** After a 管理员's reset: the user chooses a passphrase only they know before going on. */
function MustChangeForm({ current, onDone }: { readonly current: string; readonly onDone: () => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await repos.users.changeOwnPassphrase(current, next, confirm);
    if (r.ok) onDone();
    else setError(r.message);
  };
  return (
    <div className="app-lock-screen" data-testid="must-change">
      <form className="app-lock-card" onSubmit={(e) => void submit(e)}>
        <h2>{t('signIn.title')}</h2>
        <Callout intent="warning">{t('signIn.mustChange')}</Callout>
        <FormGroup label={t('signIn.newPassphrase')} labelFor="new-passphrase">
          <InputGroup id="new-passphrase" type="password" autoFocus autoComplete="new-password" value={next} onValueChange={setNext} />
        </FormGroup>
        <FormGroup label={t('signIn.confirm')} labelFor="new-passphrase-confirm">
          <InputGroup id="new-passphrase-confirm" type="password" autoComplete="new-password" value={confirm} onValueChange={setConfirm} />
        </FormGroup>
        {error && (
          <Callout intent="danger" compact data-testid="must-change-error">
            {error}
          </Callout>
        )}
        <Button type="submit" intent="primary" text={t('signIn.change')} />
      </form>
    </div>
  );
}
