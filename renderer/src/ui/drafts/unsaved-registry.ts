// Which forms on screen hold changes that are not saved: the navigation guard and the window's
// beforeunload ask it before the page goes. A form is registered while it differs from what it
// started from, under its draft key.
type Listener = () => void;

const dirty = new Map<string, string>();
const listeners = new Set<Listener>();

function changed(): void {
  for (const l of listeners) l();
}

export function markDirty(key: string, label: string): void {
  if (dirty.get(key) === label) return;
  dirty.set(key, label);
  changed();
}

export function markClean(key: string): void {
  if (dirty.delete(key)) changed();
}

export function unsavedForms(): { readonly key: string; readonly label: string }[] {
  return [...dirty].map(([key, label]) => ({ key, label }));
}

export function hasUnsavedForms(): boolean {
  return dirty.size > 0;
}

export function subscribeUnsaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
