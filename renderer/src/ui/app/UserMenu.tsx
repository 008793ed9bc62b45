import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup, Menu, MenuDivider, MenuItem, PopoverNext } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleList } from '../../core/users/roles';
import '../pages/settings/users-messages';
import { notify } from '../toaster';
import { useApp } from './app-context';
import type { Route } from './routes';
import { forgetWindowToken } from './session-token';

/** The signed-in user in the title bar: switch user, lock, change passphrase, what I may do, sign out. */
export function UserMenu({ navigate }: { readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('users');
  const { repos, session, setSession, lock } = useApp();
  const [changing, setChanging] = useState(false);
  if (!session) return null;
  const signOut = async () => {
    await repos.users.signOut();
    forgetWindowToken();
    setSession(null);
    lock();
    await notify(t('menu.signedOut'));
  };
  return (
    <>
      <PopoverNext
        placement="bottom-end"
        content={
          <Menu>
            <MenuItem disabled icon="person" text={t('menu.roles', { roles: roleList(session.roles) })} />
            <MenuDivider />
            <MenuItem icon="swap-horizontal" text={t('menu.switch')} onClick={lock} />
            <MenuItem icon="lock" text={t('menu.lock')} onClick={lock} />
            <MenuItem icon="key" text={t('menu.changePassphrase')} onClick={() => setChanging(true)} />
            <MenuItem icon="properties" text={t('menu.permissions')} onClick={() => navigate({ area: 'settings', tab: 'users' })} />
            <MenuDivider />
            <MenuItem icon="log-out" text={t('menu.signOut')} onClick={() => void signOut()} />
          </Menu>
        }
      >
        <Button minimal small icon="person" rightIcon="caret-down" data-testid="operator-tag" text={session.name} title={roleList(session.roles)} />
      </PopoverNext>
      {changing && <ChangePassphraseDialog onClose={() => setChanging(false)} />}
    </>
  );
}

function ChangePassphraseDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation('users');
  const { repos } = useApp();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const r = await repos.users.changeOwnPassphrase(form.current, form.next, form.confirm);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    onClose();
    await notify(t('menu.changed'), 'success');
  };
  const field = (id: 'current' | 'next' | 'confirm', label: string) => (
    <FormGroup label={label} labelFor={`own-${id}`}>
      <InputGroup id={`own-${id}`} type="password" autoComplete={id === 'current' ? 'current-password' : 'new-password'} value={form[id]} onValueChange={(v) => setForm((f) => ({ ...f, [id]: v }))} />
    </FormGroup>
  );
  return (
    <Dialog isOpen title={t('menu.changePassphrase')} onClose={onClose}>
      <DialogBody>
        {error && (
          <Callout intent="danger" compact>
            {error}
          </Callout>
        )}
        {field('current', t('signIn.current'))}
        {field('next', t('signIn.newPassphrase'))}
        {field('confirm', t('signIn.confirm'))}
      </DialogBody>
      <DialogFooter actions={<Button intent="primary" text={t('panel.save')} onClick={() => void save()} />} />
    </Dialog>
  );
}
