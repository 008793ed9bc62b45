/** Validation errors keyed by form field; each message names the field and says what to do (Chinese). */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type Validated<Value, Field extends string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly errors: FieldErrors<Field> };

export function hasErrors<Field extends string>(errors: FieldErrors<Field>): boolean {
  return Object.keys(errors).length > 0;
}
