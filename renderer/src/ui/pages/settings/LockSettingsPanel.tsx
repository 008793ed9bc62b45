import { Button, Callout, FormGroup, InputGroup, Switch } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIdleMinutes } from '../../../core/users/idle-lock';
import { useApp } from '../../app/app-context';
import { notifyLockSettingsChanged } from '../../app/SignInGate';
import './users-messages';
import { notify } from '../../toaster';

/**
 * The idle lock: after the chosen minutes without input the sign-in screen comes back (the same
 * user or a colleague signs in). Set by a 管理员; everyone else sees how it is set.
 */
export function LockSettingsPanel() {
  const { t } = useTranslation('users');
  const { repos, can } = useApp();
  const [enabled, setEnabled] = useState(false);
  const [minutes, setMinutes] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const admin = can('users.manage');

  useEffect(() => {
    void repos.users.idleLock().then((s) => {
      setEnabled(s.enabled);
      setMinutes(String(s.idleMinutes));
    });
  }, [repos]);

  const save = async () => {
    const parsed = parseIdleMinutes(minutes);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const r = await repos.users.saveIdleLock({ enabled, idleMinutes: parsed.minutes });
    setError(r.ok ? null : r.message);
    if (!r.ok) return;
    notifyLockSettingsChanged();
    await notify(t('panel.idleSaved'), 'success');
  };

  return (
    <section className="users-section" data-testid="lock-settings">
      <h3>{t('panel.idle')}</h3>
      <Switch label={t('panel.idleEnabled')} checked={enabled} disabled={!admin} onChange={(e) => setEnabled(e.currentTarget.checked)} />
      <FormGroup label={t('panel.idleMinutes')} labelFor="idle-minutes" intent={error ? 'danger' : 'none'} helperText={error ?? undefined} inline>
        <InputGroup id="idle-minutes" value={minutes} disabled={!admin || !enabled} onValueChange={setMinutes} />
      </FormGroup>
      {admin ? <Button text={t('panel.save')} onClick={() => void save()} /> : <Callout compact>{t('panel.adminOnly')}</Callout>}
    </section>
  );
}
