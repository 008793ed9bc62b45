import { HTMLTable, Icon } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { explainRoles } from '../../../core/users/permissions';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/users/roles';
import './users-messages';

/** What each role may do and why, with a column for the signed-in user (权限说明). */
export function PermissionsTable({ mine }: { readonly mine: readonly Role[] }) {
  const { t } = useTranslation('users');
  const rows = explainRoles(mine);
  return (
    <HTMLTable compact striped className="full-width permissions-table" data-testid="permissions-table">
      <thead>
        <tr>
          <th>{t('panel.colWhat')}</th>
          {ROLES.map((r) => (
            <th key={r} className="center">
              {ROLE_LABELS[r]}
            </th>
          ))}
          <th className="center">{t('panel.mine')}</th>
          <th>{t('panel.colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ rule, allowed }) => (
          <tr key={rule.id} data-permission={rule.id} data-allowed={allowed}>
            <td>{rule.label}</td>
            {ROLES.map((r) => (
              <td key={r} className="center">
                {rule.roles.includes(r) ? <Icon icon="tick" intent="success" title="可以" /> : <span className="muted">—</span>}
              </td>
            ))}
            <td className="center">{allowed ? <Icon icon="tick-circle" intent="success" title="可以" /> : <Icon icon="disable" intent="danger" title="不可以" />}</td>
            <td className="muted">{rule.why}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
