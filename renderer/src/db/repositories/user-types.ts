// Results of the users repository, shared with the UI.
import type { FieldErrors } from '../../core/common/field-errors';
import type { UserField } from '../../core/users/validate-user';
import type { StoredSession } from '../session';

export type UserSaveResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly errors: FieldErrors<UserField | 'user'> };

export type UserActionResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export type SignInResult =
  | { readonly ok: true; readonly session: StoredSession; readonly mustChangePassphrase: boolean }
  /** `waitMs` > 0: wrong passphrases were typed; the next attempt is refused until then. */
  | { readonly ok: false; readonly message: string; readonly waitMs: number };
