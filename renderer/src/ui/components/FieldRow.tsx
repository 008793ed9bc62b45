import { FormGroup, Intent } from '@blueprintjs/core';
import type { ReactNode } from 'react';

/** A labelled form field that shows its own validation message in place of the hint. */
export function FieldRow(props: {
  readonly label: string;
  readonly labelFor?: string;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  readonly inline?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <FormGroup
      label={props.label}
      labelFor={props.labelFor}
      labelInfo={props.required ? '（必填）' : undefined}
      helperText={props.error ?? props.hint}
      intent={props.error ? Intent.DANGER : Intent.NONE}
      inline={props.inline}
      className={props.error ? 'field-error' : undefined}
    >
      {props.children}
    </FormGroup>
  );
}
