import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../core/common/field-errors';
import { ROLES, type Role } from '../../../core/users/roles';
import type { UserSummary } from '../../../core/users/types';
import type { UserField } from '../../../core/users/validate-user';
import { useApp } from '../../app/app-context';
import { RoleChecks } from '../../components/RoleChecks';
import './users-messages';

/** A 管理员 adds a colleague with roles and an initial passphrase. */
export function AddUserDialog({ onClose, onDone }: { readonly onClose: () => void; readonly onDone: (name: string) => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [form, setForm] = useState({ name: '', passphrase: '', confirm: '' });
  const [roles, setRoles] = useState<Role[]>(['clerk']);
  const [errors, setErrors] = useState<FieldErrors<UserField | 'user'>>({});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const r = await repos.users.add({ ...form, roles });
      if (r.ok) onDone(form.name.trim());
      else setErrors(r.errors);
    } finally {
      setBusy(false);
    }
  };
  const field = (id: 'name' | 'passphrase' | 'confirm', label: string) => (
    <FormGroup label={label} labelFor={`user-${id}`} intent={errors[id] ? 'danger' : 'none'} helperText={errors[id]}>
      <InputGroup id={`user-${id}`} type={id === 'name' ? 'text' : 'password'} autoComplete="off" value={form[id]} onValueChange={(v) => setForm((f) => ({ ...f, [id]: v }))} />
    </FormGroup>
  );
  return (
    <Dialog isOpen title={t('panel.addTitle')} onClose={onClose}>
      <DialogBody>
        <p className="muted">{t('panel.addHint')}</p>
        {field('name', t('panel.colName'))}
        <RoleChecks options={ROLES} roles={roles} onChange={setRoles} label={t('panel.colRoles')} error={errors.roles} />
        {field('passphrase', t('first.passphrase'))}
        {field('confirm', t('first.confirm'))}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('panel.cancel')} onClick={onClose} />
            <Button intent="primary" loading={busy} text={t('panel.save')} onClick={() => void save()} />
          </>
        }
      />
    </Dialog>
  );
}

export function RolesDialog({ user, onClose, onDone }: { readonly user: UserSummary; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [roles, setRoles] = useState<Role[]>([...user.roles]);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const r = await repos.users.setRoles(user.id, roles);
    if (r.ok) onDone();
    else setError(r.message);
  };
  return (
    <Dialog isOpen title={t('panel.rolesTitle', { name: user.name })} onClose={onClose}>
      <DialogBody>
        {error && (
          <Callout intent="danger" compact data-testid="roles-error">
            {error}
          </Callout>
        )}
        <RoleChecks options={ROLES} roles={roles} onChange={setRoles} label={t('panel.colRoles')} />
      </DialogBody>
      <DialogFooter actions={<Button intent="primary" text={t('panel.save')} onClick={() => void save()} />} />
    </Dialog>
  );
}

export function ResetDialog({ user, onClose, onDone }: { readonly user: UserSummary; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [form, setForm] = useState({ passphrase: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const r = await repos.users.resetPassphrase(user.id, form.passphrase, form.confirm);
    if (r.ok) onDone();
    else setError(r.message);
  };
  return (
    <Dialog isOpen title={t('panel.resetTitle', { name: user.name })} onClose={onClose}>
      <DialogBody>
        <p className="muted">{t('panel.resetHint', { name: user.name })}</p>
        {error && (
          <Callout intent="danger" compact>
            {error}
          </Callout>
        )}
        <FormGroup label={t('panel.tempPassphrase')} labelFor="reset-passphrase">
          <InputGroup id="reset-passphrase" type="password" autoComplete="new-password" value={form.passphrase} onValueChange={(v) => setForm((f) => ({ ...f, passphrase: v }))} />
        </FormGroup>
        <FormGroup label={t('first.confirm')} labelFor="reset-confirm">
          <InputGroup id="reset-confirm" type="password" autoComplete="new-password" value={form.confirm} onValueChange={(v) => setForm((f) => ({ ...f, confirm: v }))} />
        </FormGroup>
      </DialogBody>
      <DialogFooter actions={<Button intent="primary" text={t('panel.save')} onClick={() => void save()} />} />
    </Dialog>
  );
}
