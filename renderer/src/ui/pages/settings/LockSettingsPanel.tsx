import { Button, Callout, FormGroup, InputGroup, OverlayToaster } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyLockSettingsChanged } from '../../app/AppLock';
import { useApp } from '../../app/app-context';
import { checkLockForm, DEFAULT_LOCK_SETTINGS, hashLockPassphrase, LOCK_SECTION_ID, type LockSettings, verifyLockPassphrase } from '../../app/app-lock-secret';
import './safety.css';
import './safety-messages';

type Field = 'passphrase' | 'confirm' | 'idleMinutes' | 'current';

/** Turns the app lock on or off and sets its idle time. The passphrase is stored only as a hash. */
export function LockSettingsPanel() {
  const { t } = useTranslation('safety');
  const { repos } = useApp();
  const [settings, setSettings] = useState<LockSettings | null>(null);
  const [form, setForm] = useState({ passphrase: '', confirm: '', idleMinutes: '10', current: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void repos.settings.getSection<LockSettings>(LOCK_SECTION_ID, DEFAULT_LOCK_SETTINGS).then((s) => {
      setSettings(s);
      setForm((f) => ({ ...f, idleMinutes: String(s.idleMinutes) }));
    });
  }, [repos]);

  const save = async (next: LockSettings, message: string) => {
    await repos.settings.saveSection(LOCK_SECTION_ID, next);
    setSettings(next);
    setForm({ passphrase: '', confirm: '', idleMinutes: String(next.idleMinutes), current: '' });
    notifyLockSettingsChanged();
    (await OverlayToaster.create()).show({ message, intent: 'success' });
  };

  const enable = async () => {
    const found = checkLockForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await save({ enabled: true, idleMinutes: Number(form.idleMinutes.trim()), secret: await hashLockPassphrase(form.passphrase) }, t('lock.enabled'));
    } finally {
      setBusy(false);
    }
  };

  const requireCurrent = async (): Promise<boolean> => {
    if (!settings?.secret) return true;
    const ok = form.current !== '' && (await verifyLockPassphrase(form.current, settings.secret));
    if (!ok) setErrors({ current: form.current === '' ? t('lock.currentMissing') : t('lock.currentWrong') });
    return ok;
  };

  const disable = async () => {
    setBusy(true);
    try {
      if (await requireCurrent()) await save({ ...DEFAULT_LOCK_SETTINGS, idleMinutes: settings?.idleMinutes ?? 10 }, t('lock.disabled'));
    } finally {
      setBusy(false);
    }
  };

  const changeIdle = async () => {
    const found = checkLockForm({ passphrase: 'xxxxxxxx', confirm: 'xxxxxxxx', idleMinutes: form.idleMinutes });
    setErrors(found);
    if (Object.keys(found).length > 0 || !settings) return;
    setBusy(true);
    try {
      if (await requireCurrent()) await save({ ...settings, idleMinutes: Number(form.idleMinutes.trim()) }, t('lock.idleSaved'));
    } finally {
      setBusy(false);
    }
  };

  if (!settings) return null;
  const field = (id: Field, label: string, type: 'password' | 'text', helper?: string) => (
    <FormGroup label={label} labelFor={`lock-${id}`} intent={errors[id] ? 'danger' : 'none'} helperText={errors[id] ?? helper}>
      <InputGroup
        id={`lock-${id}`}
        type={type}
        value={form[id]}
        intent={errors[id] ? 'danger' : 'none'}
        onValueChange={(v) => setForm((f) => ({ ...f, [id]: v }))}
        autoComplete="new-password"
      />
    </FormGroup>
  );

  return (
    <div className="safety-panel" data-testid="lock-settings">
      <Callout intent={settings.enabled ? 'success' : 'none'}>
        {settings.enabled
          ? t('lock.enabledNote', { idle: settings.idleMinutes > 0 ? t('lock.enabledIdle', { minutes: settings.idleMinutes }) : '' })
          : t('lock.disabledNote')}{' '}
        {t('lock.hashNote')}
      </Callout>
      {settings.enabled ? (
        <>
          {field('current', t('lock.current'), 'password')}
          {field('idleMinutes', t('lock.idle'), 'text', t('lock.idleHelp'))}
          <div className="safety-actions">
            <Button text={t('lock.saveIdle')} loading={busy} onClick={() => void changeIdle()} />
            <Button text={t('lock.disable')} intent="danger" loading={busy} onClick={() => void disable()} />
          </div>
        </>
      ) : (
        <>
          {field('passphrase', t('lock.passphrase'), 'password', t('lock.passphraseHelp'))}
          {field('confirm', t('lock.confirm'), 'password')}
          {field('idleMinutes', t('lock.idle'), 'text', t('lock.idleHelp'))}
          <div className="safety-actions">
            <Button text={t('lock.enable')} intent="primary" loading={busy} onClick={() => void enable()} />
          </div>
        </>
      )}
    </div>
  );
}
