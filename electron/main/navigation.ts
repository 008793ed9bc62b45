// Navigation and permission policy, as pure predicates for the Electron hooks in security.ts.

import { isTrustedAppUrl } from './sender-origin.js';

/**
 * Only our own UI may be shown. In-page routing (hash or History API) never asks; a full
 * navigation anywhere else — a link to a web site, a dropped file, a redirect — is refused, so no
 * foreign page ever runs next to the preload. A subframe may also show a blob: URL the UI itself
 * made (a PDF preview), or about:blank; it has no preload and cannot call IPC (top frame only).
 */
export function isAllowedNavigation(url: string, isMainFrame = true): boolean {
  if (isTrustedAppUrl(url)) return true;
  if (isMainFrame) return false;
  return url === 'about:blank' || (url.startsWith('blob:') && isTrustedAppUrl(url.slice('blob:'.length)));
}

/**
 * Permissions the UI may use. Everything else (camera, microphone, geolocation, notifications via
 * the web API, clipboard reading, HID/USB/serial, fullscreen requests from content...) is denied:
 * the app needs none of it, and desktop notifications go through the notify IPC action instead.
 * Allowed: writing plain text to the clipboard ("复制案件编号"), and persistent storage, which
 * exempts the case database from Chromium's eviction when the disk runs full
 * (navigator.storage.persist(); Chromium calls it durable storage, and the string Electron hands
 * the handler for it is not documented, so each spelling is listed; none grants anything else).
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'persistent-storage',
  'durable-storage',
  'DurableStorage',
]);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Schemes that reach outside the app: the network, and local files the user never chose. */
const BLOCKED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * Whether a request from the UI's session is cancelled. The app works offline and case data must
 * never leave the machine, so nothing goes to the network; app:, blob:, data: and (unpackaged
 * builds) devtools: pass. Unparseable URLs are refused.
 */
export function isBlockedRequestUrl(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  return BLOCKED_REQUEST_SCHEMES.has(protocol);
}
