import { describe, expect, it, vi } from 'vitest';

// Hardening as Electron applies it: every web contents the app creates gets the handlers, and they
// refuse window.open, foreign navigation, redirects and <webview>; the session denies permissions
// and network requests. Driven through a fake `electron` that records the registered handlers.
const fake = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  app: {
    on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener),
  },
}));

const { hardenAllWebContents, hardenSession } = await import('../../../electron/main/security');
const { isAllowedNavigation, isBlockedRequestUrl, isPermissionAllowed } = await import('../../../electron/main/navigation');

function fakeContents() {
  const on = new Map<string, (event: { url: string; isMainFrame: boolean; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on,
    open: (url: string) => openHandler?.({ url }),
    contents: {
      setWindowOpenHandler: (h: typeof openHandler) => {
        openHandler = h;
      },
      on: (name: string, h: (event: { url: string; isMainFrame: boolean; preventDefault: () => void }) => void) => on.set(name, h),
    },
  };
}

function fire(handler: ((e: { url: string; isMainFrame: boolean; preventDefault: () => void }) => void) | undefined, url: string, isMainFrame = true): boolean {
  let prevented = false;
  handler?.({ url, isMainFrame, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('every web contents is hardened', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  hardenAllWebContents();
  const created = fake.appListeners.get('web-contents-created');
  const c = fakeContents();
  created?.({}, c.contents);

  it('denies window.open, whatever the URL', () => {
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open('app://workstation/index.html')).toEqual({ action: 'deny' });
  });

  it('blocks navigation away from the app, allows the app itself', () => {
    const nav = c.on.get('will-frame-navigate');
    expect(fire(nav, 'https://example.com/')).toBe(true);
    expect(fire(nav, 'file:///etc/passwd')).toBe(true);
    expect(fire(nav, 'app://evil/index.html')).toBe(true);
    expect(fire(nav, 'blob:app://workstation/1234')).toBe(true); // not in the top frame
    expect(fire(nav, 'app://workstation/index.html#/cases')).toBe(false);
    expect(fire(nav, 'blob:app://workstation/1234', false)).toBe(false);
    expect(fire(nav, 'blob:https://example.com/1234', false)).toBe(true);
  });

  it('blocks redirects out and refuses <webview>', () => {
    expect(fire(c.on.get('will-redirect'), 'https://example.com/')).toBe(true);
    expect(fire(c.on.get('will-attach-webview'), 'app://workstation/')).toBe(true);
  });
});

describe('the session', () => {
  it('denies permissions except clipboard writing and persistent storage, blocks the network and downloads', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
    let download: ((e: { preventDefault: () => void }) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (h: typeof before) => {
          before = h;
        },
      },
      on: (_: string, h: typeof download) => {
        download = h;
      },
    } as never);
    const answers: Record<string, boolean> = {};
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'persistent-storage']) {
      request?.({}, p, (ok) => (answers[p] = ok));
    }
    expect(answers).toEqual({ media: false, geolocation: false, notifications: false, 'clipboard-read': false, 'clipboard-sanitized-write': true, 'persistent-storage': true });
    const cancelled: Record<string, boolean> = {};
    for (const url of ['https://example.com/x', 'http://127.0.0.1/', 'wss://x/', 'file:///etc/passwd', 'app://workstation/a.js', 'data:text/plain,1']) {
      before?.({ url }, (r) => (cancelled[url] = r.cancel));
    }
    expect(Object.entries(cancelled).filter(([, c]) => c).map(([u]) => u)).toEqual(['https://example.com/x', 'http://127.0.0.1/', 'wss://x/', 'file:///etc/passwd']);
    let prevented = false;
    download?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('predicates refuse unparseable input', () => {
    expect(isBlockedRequestUrl('not a url')).toBe(true);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isPermissionAllowed('')).toBe(false);
  });
});
