// The idle lock (空闲锁定): after the chosen minutes without keyboard or mouse input the app shows
// the sign-in screen again (the same user or another signs in). Kept in the settings section
// 'app-lock' (the name of the app lock that had its own passphrase before users existed).

export const LOCK_SECTION_ID = 'app-lock';

export interface LockSettings {
  readonly enabled: boolean;
  /** Minutes without input before the sign-in screen comes back. */
  readonly idleMinutes: number;
}

export const DEFAULT_LOCK_SETTINGS: LockSettings = { enabled: false, idleMinutes: 10 };

/** The minutes as typed: a whole number 1–480, or the field's message. */
export function parseIdleMinutes(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const t = text.trim();
  const minutes = Number(t);
  if (!/^\d+$/.test(t) || minutes < 1 || minutes > 480) return { ok: false, message: '空闲锁定时间：请填 1–480 之间的整数分钟。' };
  return { ok: true, minutes };
}
