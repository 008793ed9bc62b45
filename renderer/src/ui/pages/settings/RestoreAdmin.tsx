import { Callout, FormGroup, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { UsersRepository } from '../../../db/repositories/users-repository';
import './users-messages';

export interface RestoredAdmin {
  readonly name: string;
  readonly passphrase: string;
}

/**
 * What the restore dialog needs from the signed-in side: the current user's right to restore
 * (管理员; audited whether allowed or refused) and a record of a refusal met later.
 */
export interface RestoreGuard {
  /** null when allowed; otherwise the refusal (already audited). */
  begin(fileName: string, backupCreatedAt: string): Promise<string | null>;
  refused(fileName: string, message: string): Promise<void>;
}

export function restoreGuard(users: UsersRepository): RestoreGuard {
  return {
    async begin(fileName, backupCreatedAt) {
      const r = await users.attempt('backup.restore', { entity: 'backups', entityId: fileName }, { action: 'restore', after: { fileName, backupCreatedAt, stage: 'started' } });
      return r.ok ? null : r.message;
    },
    async refused(fileName, message) {
      await users.recordRefusal({ entity: 'backups', entityId: fileName }, message);
    },
  };
}

/** The 管理员 of the backup's data: asked before the restore replaces anything. */
export function RestoreAdminFields(props: { readonly usersInBackup: number; readonly value: RestoredAdmin; readonly onChange: (v: RestoredAdmin) => void }) {
  const { t } = useTranslation('users');
  if (props.usersInBackup === 0) {
    return (
      <Callout compact data-testid="restore-no-users">
        {t('restore.noUsers')}
      </Callout>
    );
  }
  return (
    <div data-testid="restore-admin">
      <p className="muted">{t('restore.adminHint')}</p>
      <FormGroup label={t('restore.adminName')} labelFor="restore-admin-name" inline>
        <InputGroup id="restore-admin-name" value={props.value.name} onValueChange={(name) => props.onChange({ ...props.value, name })} />
      </FormGroup>
      <FormGroup label={t('restore.adminPassphrase')} labelFor="restore-admin-passphrase" inline>
        <InputGroup id="restore-admin-passphrase" type="password" autoComplete="off" value={props.value.passphrase} onValueChange={(passphrase) => props.onChange({ ...props.value, passphrase })} />
      </FormGroup>
    </div>
  );
}
