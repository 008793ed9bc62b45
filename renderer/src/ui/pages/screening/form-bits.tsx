// Small pieces the screening forms share: a field with its Chinese error under it and the outcome of
// a repository call shown where the user looks (short messages go to the app's toaster, ui/toaster).
import { Callout, FormGroup, HTMLSelect } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { FieldError } from '../../../core/screening';
import { isPermissionDenied } from '../../../db/access';

export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

export function Field(props: { readonly label: string; readonly field: string; readonly errors: readonly FieldError[]; readonly children: ReactNode; readonly required?: boolean; readonly inline?: boolean }) {
  const message = errorOf(props.errors, props.field);
  return (
    <FormGroup
      label={props.label}
      labelFor={`sc-${props.field}`}
      labelInfo={props.required ? '（必填）' : undefined}
      intent={message ? 'danger' : 'none'}
      helperText={message}
      inline={props.inline}
    >
      {props.children}
    </FormGroup>
  );
}

/** Errors that belong to no visible field (firm removed meanwhile, …). */
export function OtherErrors(props: { readonly errors: readonly FieldError[]; readonly fields: readonly string[] }) {
  const rest = props.errors.filter((e) => !props.fields.includes(e.field));
  if (rest.length === 0) return null;
  return (
    <Callout intent="danger" data-testid="form-errors">
      {rest.map((e) => (
        <p key={`${e.field}:${e.message}`}>{e.message}</p>
      ))}
    </Callout>
  );
}

/** A refused role check becomes a message in the form instead of an uncaught error. */
export async function guarded<T>(run: () => Promise<T>, onDenied: (message: string) => void): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (isPermissionDenied(e)) {
      onDenied(e.message);
      return null;
    }
    throw e;
  }
}

/** A drop-down that starts at 请选择 (nothing chosen yet), so a forgotten choice is refused by name. */
export function ChoiceSelect(props: { readonly id: string; readonly value: string; readonly choices: readonly string[]; readonly onChange: (v: string) => void; readonly empty?: string }) {
  return (
    <HTMLSelect id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{props.empty ?? '请选择'}</option>
      {props.choices.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </HTMLSelect>
  );
}
