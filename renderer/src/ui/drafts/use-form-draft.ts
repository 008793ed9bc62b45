import { useCallback, useEffect, useRef, useState } from 'react';
import { fingerprint, readDraft, removeDraft, type StoredDraft, writeDraft } from './draft-store';
import { markClean, markDirty } from './unsaved-registry';

export interface FormDraft<T> {
  /** null until the form's starting value (e.g. the record being edited) is known. */
  readonly value: T | null;
  readonly set: (next: T | ((old: T) => T)) => void;
  /** The form differs from what it started from. */
  readonly dirty: boolean;
  /** When the draft now on screen was saved, if the form opened with one. */
  readonly restoredAt: string | null;
  /** A draft made against another version of the record: offered, not applied. */
  readonly stale: StoredDraft<T> | null;
  /** The draft could not be written (storage full or disabled). */
  readonly saveFailed: boolean;
  /** Back to the starting value; the draft is removed. */
  readonly discard: () => void;
  /** Apply the stale draft over the current record. */
  readonly applyStale: () => void;
  /** After a successful save: the draft is removed and nothing is pending. */
  readonly clear: () => void;
}

interface State<T> {
  readonly key: string;
  readonly baseline: string;
  readonly value: T;
  readonly restoredAt: string | null;
  readonly stale: StoredDraft<T> | null;
}

function open<T>(key: string, baseline: T, fresh: boolean): State<T> {
  const print = fingerprint(baseline);
  const stored = readDraft<T>(key);
  if (!stored) return { key, baseline: print, value: baseline, restoredAt: null, stale: null };
  // A new record's form has nothing a draft could overwrite: its draft always comes back, even
  // when the empty form differs a little (today's date moved on).
  if (stored.baseline === print || fresh) return { key, baseline: print, value: stored.value, restoredAt: stored.savedAt, stale: null };
  return { key, baseline: print, value: baseline, restoredAt: null, stale: stored };
}

/**
 * A form's value that survives reloads and navigation: every change is kept as a draft under `key`
 * (see draft-store.ts) and the form is registered as unsaved while it differs from `baseline`.
 * `baseline` is what the form starts from (an empty form, or the record being edited; null while it
 * loads); it is read once per key. `fresh`: the form makes a new record, so its draft always applies.
 */
export function useFormDraft<T>(key: string, baseline: T | null, label: string, options: { readonly fresh?: boolean } = {}): FormDraft<T> {
  const fresh = options.fresh ?? false;
  const [state, setState] = useState<State<T> | null>(() => (baseline === null ? null : open(key, baseline, fresh)));
  const [saveFailed, setSaveFailed] = useState(false);
  const current = useRef(state);
  current.current = state;
  const ready = state !== null && state.key === key;

  useEffect(() => {
    if (baseline !== null && !ready) setState(open(key, baseline, fresh));
  }, [key, baseline, ready, fresh]);

  const dirty = ready && fingerprint(state.value) !== state.baseline;
  useEffect(() => {
    if (dirty) markDirty(key, label);
    else markClean(key);
  }, [dirty, key, label]);
  // Leaving the page keeps the draft; only the "unsaved" mark goes with the form.
  useEffect(() => () => markClean(key), [key]);

  const store = useCallback(
    (s: State<T>, value: T) => {
      if (fingerprint(value) === s.baseline) {
        removeDraft(s.key);
        markClean(s.key);
        setSaveFailed(false);
        return;
      }
      setSaveFailed(!writeDraft(s.key, { v: 1, label, savedAt: new Date().toISOString(), baseline: s.baseline, value }));
    },
    [label],
  );

  const set = useCallback(
    (next: T | ((old: T) => T)) => {
      const s = current.current;
      if (!s) return;
      const value = typeof next === 'function' ? (next as (old: T) => T)(s.value) : next;
      const updated = { ...s, value };
      current.current = updated;
      setState(updated);
      store(s, value);
    },
    [store],
  );

  /** Removes the draft and settles on `value` as what the form now starts from. */
  const settle = useCallback((pick: (s: State<T>) => { value: T; baseline: string }) => {
    const s = current.current;
    if (!s) return;
    removeDraft(s.key);
    markClean(s.key);
    setSaveFailed(false);
    const updated: State<T> = { ...s, ...pick(s), restoredAt: null, stale: null };
    current.current = updated;
    setState(updated);
  }, []);

  const discard = useCallback(() => settle((s) => ({ value: JSON.parse(s.baseline) as T, baseline: s.baseline })), [settle]);
  // What was just saved is the new starting point (a form that stays on screen is clean again).
  const clear = useCallback(() => settle((s) => ({ value: s.value, baseline: fingerprint(s.value) })), [settle]);
  const applyStale = useCallback(() => {
    const s = current.current;
    if (!s?.stale) return;
    const value = s.stale.value;
    const updated: State<T> = { ...s, value, stale: null, restoredAt: s.stale.savedAt };
    current.current = updated;
    setState(updated);
    store(s, value);
  }, [store]);

  return {
    value: ready ? state.value : null,
    set,
    dirty,
    restoredAt: ready ? state.restoredAt : null,
    stale: ready ? state.stale : null,
    saveFailed,
    discard,
    applyStale,
    clear,
  };
}

/** `fieldSetter(form)('place')` gives the change handler of one field of a form's draft. */
export function fieldSetter<T>(form: FormDraft<T>) {
  return <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      form.set((old) => ({ ...old, [key]: value }));
}
