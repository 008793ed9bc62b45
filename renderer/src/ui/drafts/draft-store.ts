// Where a half-filled form waits until it is saved (issue 11: work that survives a reload).
//
// Drafts live in this window's localStorage, not in the case database, on purpose:
// - A draft is not a record. It is never audited: the audit chain is permanent and cannot be edited,
//   so logging keystrokes would keep every mistyped ID number forever; and it must never reach a
//   backup file (which travels on USB sticks) nor be "restored" over the office's data.
// - It holds personal data (names, ID numbers typed into a form). localStorage is kept in the same
//   profile folder as the database, under the same OS account, so it adds no new place or reader;
//   it is not synced, not sent anywhere, and the app's lock covers the window that shows it.
// - Writes are synchronous, so the last keystroke before a reload or a crash is kept.
// - Its life is short: a draft is removed when its form is saved or discarded, and any draft older
//   than DRAFT_MAX_AGE_DAYS is removed at start, so abandoned personal data does not linger.
import { canonicalJson } from '../../core/common/canonical-json';

const PREFIX = 'chufei-workstation:draft:';
export const DRAFT_MAX_AGE_DAYS = 30;

// Drafts belong to the person who typed them: two people share one desk (切换用户), and what one
// typed must never come back in the other's form to be saved under their name.
let owner = 'nobody';

/** The signed-in user's id (the sign-in gate sets it before the pages render). */
export function setDraftOwner(userId: string | null): void {
  owner = userId ?? 'nobody';
}

function ownKey(key: string): string {
  return `${PREFIX}${owner}:${key}`;
}

export interface StoredDraft<T> {
  /** Format of this entry, so a later version can ignore shapes it no longer reads. */
  readonly v: 1;
  /** What the form is ("新建案件", "编辑案件 威公经立〔2020〕15号"), for the leave prompt. */
  readonly label: string;
  readonly savedAt: string;
  /** canonicalJson of what the form started from: a draft of an edit is only applied to that version. */
  readonly baseline: string;
  readonly value: T;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function fingerprint(value: unknown): string {
  return canonicalJson(value);
}

export function readDraft<T>(key: string): StoredDraft<T> | null {
  return parseDraft<T>(storage()?.getItem(ownKey(key)) ?? null);
}

function parseDraft<T>(raw: string | null): StoredDraft<T> | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredDraft<T>;
    return parsed && parsed.v === 1 && typeof parsed.baseline === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** false when the draft could not be kept (storage full or disabled): the form says so. */
export function writeDraft<T>(key: string, draft: StoredDraft<T>): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(ownKey(key), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(ownKey(key));
  } catch {
    // Nothing to do: a draft that cannot be removed expires at a later start.
  }
}

function draftKeys(s: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k.slice(PREFIX.length));
  }
  return keys;
}

/** Removes drafts older than the limit (and unreadable ones); returns how many went. */
export function purgeOldDrafts(now: Date, maxAgeDays: number = DRAFT_MAX_AGE_DAYS): number {
  const s = storage();
  if (!s) return 0;
  const cutoff = now.getTime() - maxAgeDays * 86_400_000;
  let removed = 0;
  // Every user's drafts, not only the signed-in one's: abandoned personal data must not linger.
  for (const key of draftKeys(s)) {
    const d = parseDraft(s.getItem(PREFIX + key));
    const at = d ? Date.parse(d.savedAt) : Number.NaN;
    if (!d || Number.isNaN(at) || at < cutoff) {
      try {
        s.removeItem(PREFIX + key);
      } catch {
        continue;
      }
      removed++;
    }
  }
  return removed;
}
