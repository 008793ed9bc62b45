import { Button, Callout, FormGroup, InputGroup } from '@blueprintjs/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../core/common/field-errors';
import type { Role } from '../../core/users/roles';
import type { SessionUser } from '../../core/users/types';
import type { UserField } from '../../core/users/validate-user';
import { RoleChecks } from '../components/RoleChecks';
import '../pages/settings/safety.css';
import '../pages/settings/users-messages';
import { useApp } from './app-context';
import { newWindowToken, rememberLastUser } from './session-token';

const EXTRA_ROLES: readonly Role[] = ['clerk', 'reviewer', 'approver'];

/** First start (no user yet): the first 管理员, who may hold the other roles too (small offices). */
export function FirstStartScreen({ onDone }: { readonly onDone: (session: SessionUser) => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [form, setForm] = useState({ name: '', passphrase: '', confirm: '' });
  const [roles, setRoles] = useState<readonly Role[]>(EXTRA_ROLES);
  const [legacy, setLegacy] = useState('');
  const [errors, setErrors] = useState<FieldErrors<UserField | 'user'>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void repos.users.legacyOperatorName().then((name) => {
      setLegacy(name);
      if (name) setForm((f) => ({ ...f, name }));
    });
  }, [repos]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await repos.users.createFirstAdmin({ ...form, roles: [...roles, 'admin'] }, newWindowToken());
      if (!r.ok) {
        setErrors(r.errors);
        return;
      }
      const session = await repos.users.currentSession();
      if (session) {
        rememberLastUser(session.userId);
        onDone(session);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (id: 'name' | 'passphrase' | 'confirm', hint?: string) => (
    <FormGroup label={t(`first.${id}`)} labelFor={`first-${id}`} helperText={errors[id] ?? hint} intent={errors[id] ? 'danger' : 'none'}>
      <InputGroup
        id={`first-${id}`}
        type={id === 'name' ? 'text' : 'password'}
        autoFocus={id === 'name'}
        autoComplete={id === 'name' ? 'name' : 'new-password'}
        value={form[id]}
        intent={errors[id] ? 'danger' : 'none'}
        onValueChange={(v) => setForm((f) => ({ ...f, [id]: v }))}
      />
    </FormGroup>
  );

  return (
    <div className="app-lock-screen" data-testid="first-start">
      <form className="app-lock-card sign-in-card-wide" onSubmit={(e) => void submit(e)}>
        <h2>{t('first.title')}</h2>
        <p>{t('first.text')}</p>
        {legacy && <Callout compact>{t('first.legacy', { name: legacy })}</Callout>}
        {errors.user && (
          <Callout intent="danger" compact>
            {errors.user}
          </Callout>
        )}
        {field('name', t('first.nameHint'))}
        {field('passphrase', t('first.passphraseHint'))}
        {field('confirm')}
        <RoleChecks options={EXTRA_ROLES} roles={roles} onChange={setRoles} label={t('first.roles')} hint={t('first.rolesHint')} />
        <Button type="submit" intent="primary" loading={busy} text={t('first.create')} />
      </form>
    </div>
  );
}
