// Leaving a page with unsaved changes asks first (in-app navigation, the back button, a typed
// address); reloading or closing the window asks through beforeunload. The forms' drafts are kept
// either way, so "leave" loses nothing; "discard" removes them.
import { removeDraft } from './draft-store';
import { hasUnsavedForms, markClean, unsavedForms } from './unsaved-registry';

export interface PendingLeave {
  readonly forms: readonly string[];
  readonly go: () => void;
}

type Listener = () => void;
let pending: PendingLeave | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  for (const l of listeners) l();
}

/** Runs `go` at once when nothing is unsaved; otherwise holds it until the user answers. */
export function leaveOrAsk(go: () => void): void {
  if (!hasUnsavedForms()) {
    go();
    return;
  }
  pending = { forms: unsavedForms().map((f) => f.label), go };
  notify();
}

export function pendingLeave(): PendingLeave | null {
  return pending;
}

export function answerLeave(choice: 'leave' | 'discard' | 'stay'): void {
  const held = pending;
  pending = null;
  notify();
  if (!held || choice === 'stay') return;
  for (const f of unsavedForms()) {
    if (choice === 'discard') removeDraft(f.key);
    markClean(f.key);
  }
  held.go();
}

export function subscribeLeave(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For window's beforeunload: the browser (or the Electron shell) asks before a reload or close. */
export function warnBeforeUnload(event: BeforeUnloadEvent): void {
  if (!hasUnsavedForms()) return;
  event.preventDefault();
  // Chromium still needs returnValue set to show its prompt.
  event.returnValue = '';
}
