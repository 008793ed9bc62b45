import { Button, ButtonGroup, Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { roleList } from '../../../core/users/roles';
import type { UserSummary } from '../../../core/users/types';
import { useApp } from '../../app/app-context';
import { LockSettingsPanel } from './LockSettingsPanel';
import { PermissionsTable } from './PermissionsTable';
import { PolicySection } from './PolicySection';
import { AddUserDialog, ResetDialog, RolesDialog } from './UserDialogs';
import './users.css';
import './users-messages';
import { notify } from '../../toaster';

type Open = { kind: 'add' } | { kind: 'roles' | 'reset'; user: UserSummary } | null;

/** 用户与权限: the users of this PC, the four-eyes choices, the idle lock, and what each role may do. */
export function UsersPanel() {
  const { t } = useTranslation('users');
  const { repos, session, can } = useApp();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const admin = can('users.manage');
  const reload = useCallback(async () => setUsers(await repos.users.list()), [repos]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const done = async (message: string) => {
    setOpen(null);
    setProblem(null);
    await reload();
    await notify(message, 'success');
  };
  const toggle = async (u: UserSummary) => {
    const r = await repos.users.setActive(u.id, !u.active);
    if (r.ok) await done(t('panel.saved'));
    else setProblem(r.message);
  };

  return (
    <div className="users-panel" data-testid="users-panel">
      {session && (
        <Callout compact icon="person" data-testid="me">
          {t('panel.me', { name: session.name, roles: roleList(session.roles) })}
        </Callout>
      )}
      <section className="users-section">
        <div className="button-row">
          <h3>{t('panel.users')}</h3>
          {admin && <Button icon="add" intent="primary" text={t('panel.add')} onClick={() => setOpen({ kind: 'add' })} />}
        </div>
        {!admin && <p className="muted">{t('panel.adminOnly')}</p>}
        {problem && (
          <Callout intent="danger" compact data-testid="users-problem">
            {problem}
          </Callout>
        )}
        <HTMLTable compact striped className="full-width" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('panel.colName')}</th>
              <th>{t('panel.colRoles')}</th>
              <th>{t('panel.colState')}</th>
              <th>{t('panel.colLast')}</th>
              <th>{t('panel.colCreated')}</th>
              {admin && <th />}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.name}>
                <td>{u.name}</td>
                <td>{roleList(u.roles)}</td>
                <td>
                  <Tag minimal intent={u.active ? 'success' : 'none'}>
                    {u.active ? t('panel.active') : t('panel.inactive')}
                  </Tag>
                  {u.mustChangePassphrase && (
                    <Tag minimal intent="warning" className="inline-tag">
                      {t('panel.mustChange')}
                    </Tag>
                  )}
                </td>
                <td>{u.lastSignInAt ? formatOfficeDateTime(u.lastSignInAt) : '—'}</td>
                <td>
                  {formatOfficeDateTime(u.createdAt)} {u.createdBy}
                </td>
                {admin && (
                  <td>
                    <ButtonGroup minimal>
                      <Button small text={t('panel.editRoles')} onClick={() => setOpen({ kind: 'roles', user: u })} />
                      <Button small text={t('panel.reset')} onClick={() => setOpen({ kind: 'reset', user: u })} />
                      <Button small text={u.active ? t('panel.deactivate') : t('panel.activate')} onClick={() => void toggle(u)} />
                    </ButtonGroup>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </section>
      <PolicySection />
      <LockSettingsPanel />
      <section className="users-section">
        <h3>{t('panel.permissions')}</h3>
        <PermissionsTable mine={session?.roles ?? []} />
      </section>
      {open?.kind === 'add' && <AddUserDialog onClose={() => setOpen(null)} onDone={(name) => void done(t('panel.added', { name }))} />}
      {open?.kind === 'roles' && <RolesDialog user={open.user} onClose={() => setOpen(null)} onDone={() => void done(t('panel.saved'))} />}
      {open?.kind === 'reset' && <ResetDialog user={open.user} onClose={() => setOpen(null)} onDone={() => void done(t('panel.resetDone', { name: open.user.name }))} />}
    </div>
  );
}
