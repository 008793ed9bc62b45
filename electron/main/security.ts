// Session- and app-wide hardening: applies to every web contents the app ever creates, not only
// the main window, so nothing opened later escapes it.

import { app, type Session } from 'electron';
import { isAllowedNavigation, isBlockedRequestUrl, isPermissionAllowed } from './navigation.js';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) console.warn(`[security] denied permission request: ${permission}`);
    callback(allowed);
  });
  const reportedChecks = new Set<string>();
  session.setPermissionCheckHandler((_contents, permission) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed && !reportedChecks.has(permission)) {
      reportedChecks.add(permission);
      console.warn(`[security] denied permission check: ${permission}`);
    }
    return allowed;
  });
  session.setDevicePermissionHandler(() => false);
  // No URL filter: Chromium's match patterns cannot name every scheme (file: has its own rules),
  // so every request is seen and decided by one tested predicate.
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedRequestUrl(details.url);
    if (cancel) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel });
  });
  // Files reach the disk only through saveFile, where the user picks the place.
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[security] blocked window.open(${url})`);
      return { action: 'deny' };
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedNavigation(event.url, event.isMainFrame)) {
        console.warn(`[security] blocked navigation to ${event.url}`);
        event.preventDefault();
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAllowedNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
