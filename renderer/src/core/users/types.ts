// A user of this PC (用户). Users are never deleted, only deactivated: every record they left keeps
// naming them.
import type { StoredSecret } from './passphrase';
import type { Role } from './roles';

export interface User {
  readonly id: string;
  /** 姓名 as it appears in records; unique among users. */
  readonly name: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly secret: StoredSecret;
  /** Set by a 管理员's reset: the user chooses a new passphrase at the next sign-in. */
  readonly mustChangePassphrase: boolean;
  /** Wrong passphrases since the last good one (throttles the next attempt). */
  readonly failedAttempts: number;
  readonly lastFailedAt: string | null;
  readonly lastSignInAt: string | null;
  readonly createdAt: string;
  /** Name of the 管理员 who added the user ('' for the first). */
  readonly createdBy: string;
}

/** What others may see of a user (never the secret). */
export type UserSummary = Omit<User, 'secret'>;

/** Who is signed in, as repositories and the audit writer read it. */
export interface SessionUser {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** Someone named on a record: the user's id (for four-eyes comparisons) and name (for people). */
export interface Person {
  readonly id: string;
  readonly name: string;
}
