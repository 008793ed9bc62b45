// What this window remembers about signing in. The token lives in sessionStorage: a reload of the
// same window continues the session, a new start (or another window) does not have it and asks
// again. Locking removes it, so a reload of a locked window cannot skip the sign-in screen.
const TOKEN_KEY = 'chufei-workstation:session-token';
const LAST_USER_KEY = 'chufei-workstation:last-user';
const RESTORED_KEY = 'chufei-workstation:restored';

export function windowToken(): string | null {
  return globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null;
}

/** A fresh token for a new sign-in, kept for this window. */
export function newWindowToken(): string {
  const token = globalThis.crypto.randomUUID();
  globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
  return token;
}

export function forgetWindowToken(): void {
  globalThis.sessionStorage?.removeItem(TOKEN_KEY);
}

/** The user signed in last on this PC: preselected on the sign-in screen. */
export function lastUserId(): string | null {
  return globalThis.localStorage?.getItem(LAST_USER_KEY) ?? null;
}

export function rememberLastUser(userId: string): void {
  globalThis.localStorage?.setItem(LAST_USER_KEY, userId);
}

/** Set by a restore just before the page reloads: the sign-in screen says the data was restored. */
export function markRestored(): void {
  forgetWindowToken();
  globalThis.sessionStorage?.setItem(RESTORED_KEY, '1');
}

export function takeRestoredMark(): boolean {
  const restored = globalThis.sessionStorage?.getItem(RESTORED_KEY) === '1';
  globalThis.sessionStorage?.removeItem(RESTORED_KEY);
  return restored;
}
