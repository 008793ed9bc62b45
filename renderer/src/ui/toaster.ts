// The app's one toaster. Every page shows its short messages (已保存, 已导出 …) through `notify`, so
// two messages arriving together stack in one column at the top instead of two pages' toasters
// drawing over each other. Created on first use: a page that never shows a message adds nothing.
import { type IconName, OverlayToaster, Position, type Toaster } from '@blueprintjs/core';

export type NotifyIntent = 'success' | 'primary' | 'warning' | 'danger' | 'none';

export interface NotifyOptions {
  readonly icon?: IconName;
  /** Milliseconds; by default 5 s, and 8 s for warnings and errors (longer to read, and they matter). */
  readonly timeout?: number;
}

/** At most this many at once: older ones give way to newer. */
const MAX_TOASTS = 5;

let toaster: Promise<Toaster> | null = null;

function appToaster(): Promise<Toaster> {
  toaster ??= OverlayToaster.create({ position: Position.TOP, maxToasts: MAX_TOASTS, className: 'app-toaster' });
  return toaster;
}

/** Shows a short message in the app's toaster. */
export async function notify(message: string, intent: NotifyIntent = 'none', options: NotifyOptions = {}): Promise<void> {
  const timeout = options.timeout ?? (intent === 'warning' || intent === 'danger' ? 8_000 : 5_000);
  (await appToaster()).show({ message, intent, timeout, ...(options.icon ? { icon: options.icon } : {}) });
}
