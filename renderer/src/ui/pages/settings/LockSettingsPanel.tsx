import { Button, Callout, FormGroup, InputGroup, OverlayToaster } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { notifyLockSettingsChanged } from '../../app/AppLock';
import { useApp } from '../../app/app-context';
import { checkLockForm, DEFAULT_LOCK_SETTINGS, hashLockPassphrase, LOCK_SECTION_ID, type LockSettings, verifyLockPassphrase } from '../../app/app-lock-secret';
import './safety.css';

type Field = 'passphrase' | 'confirm' | 'idleMinutes' | 'current';

/** Turns the app lock on or off and sets its idle time. The passphrase is stored only as a hash. */
export function LockSettingsPanel() {
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
      await save({ enabled: true, idleMinutes: Number(form.idleMinutes.trim()), secret: await hashLockPassphrase(form.passphrase) }, '应用锁已启用');
    } finally {
      setBusy(false);
    }
  };

  const requireCurrent = async (): Promise<boolean> => {
    if (!settings?.secret) return true;
    const ok = form.current !== '' && (await verifyLockPassphrase(form.current, settings.secret));
    if (!ok) setErrors({ current: form.current === '' ? '请先输入当前的解锁密码。' : '当前解锁密码不正确。' });
    return ok;
  };

  const disable = async () => {
    setBusy(true);
    try {
      if (await requireCurrent()) await save({ ...DEFAULT_LOCK_SETTINGS, idleMinutes: settings?.idleMinutes ?? 10 }, '应用锁已关闭');
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
      if (await requireCurrent()) await save({ ...settings, idleMinutes: Number(form.idleMinutes.trim()) }, '空闲锁定时间已保存');
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
          ? `应用锁已启用：启动时${settings.idleMinutes > 0 ? `以及连续 ${settings.idleMinutes} 分钟无操作后` : ''}需要输入解锁密码。`
          : '应用锁未启用。启用后，启动程序和离开电脑一段时间后需要输入解锁密码，防止他人查看案件和个人信息。'}
        {' '}密码只以加盐哈希（PBKDF2-SHA256，60 万次迭代）保存，无法从程序中找回：请牢记。
      </Callout>
      {settings.enabled ? (
        <>
          {field('current', '当前解锁密码', 'password')}
          {field('idleMinutes', '空闲锁定时间（分钟）', 'text', '0 表示只在启动时锁定')}
          <div className="safety-actions">
            <Button text="保存空闲时间" loading={busy} onClick={() => void changeIdle()} />
            <Button text="关闭应用锁" intent="danger" loading={busy} onClick={() => void disable()} />
          </div>
        </>
      ) : (
        <>
          {field('passphrase', '解锁密码', 'password', '至少 8 个字符')}
          {field('confirm', '确认密码', 'password')}
          {field('idleMinutes', '空闲锁定时间（分钟）', 'text', '0 表示只在启动时锁定')}
          <div className="safety-actions">
            <Button text="启用应用锁" intent="primary" loading={busy} onClick={() => void enable()} />
          </div>
        </>
      )}
    </div>
  );
}
