// notify: a desktop notification (petition deadlines). Clicking it brings the window forward.

import { type BrowserWindow, Notification } from 'electron';
import type { NotifyRequest } from '../shared/ipc-contract.js';

/** Held until closed: a collected Notification loses its click handler on some platforms. */
const shown = new Set<Notification>();

export async function notify(window: BrowserWindow | null, request: NotifyRequest): Promise<void> {
  if (!Notification.isSupported()) {
    throw new Error('此系统不支持桌面通知：请在程序内的提醒列表中查看到期事项。');
  }
  const notification = new Notification({ title: request.title, body: request.body });
  notification.on('click', () => {
    shown.delete(notification);
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
  });
  notification.on('close', () => shown.delete(notification));
  shown.add(notification);
  notification.show();
}
