import { Checkbox, FormGroup } from '@blueprintjs/core';
import { ROLE_LABELS, type Role } from '../../core/users/roles';

/** One checkbox per role offered; the chosen roles in their fixed order are up to the caller. */
export function RoleChecks(props: {
  readonly options: readonly Role[];
  readonly roles: readonly Role[];
  readonly onChange: (roles: Role[]) => void;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}) {
  return (
    <FormGroup label={props.label} intent={props.error ? 'danger' : 'none'} helperText={props.error ?? props.hint}>
      {props.options.map((r) => (
        <Checkbox
          key={r}
          inline
          label={ROLE_LABELS[r]}
          checked={props.roles.includes(r)}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            props.onChange(on ? [...props.roles, r] : props.roles.filter((x) => x !== r));
          }}
        />
      ))}
    </FormGroup>
  );
}
