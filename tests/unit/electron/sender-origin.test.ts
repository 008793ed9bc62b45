import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isBlockedRequestUrl, isPermissionAllowed } from '../../../electron/main/navigation';
import { isTrustedAppUrl, isTrustedSender, untrustedSenderMessage } from '../../../electron/main/sender-origin';

describe('isTrustedAppUrl', () => {
  it.each(['app://workstation/index.html', 'app://workstation/', 'app://workstation/index.html#/cases/1'])(
    'trusts %s',
    (url) => {
      expect(isTrustedAppUrl(url)).toBe(true);
    },
  );

  it.each([
    undefined,
    '',
    'not a url',
    'app://workstation.evil.example/index.html',
    'app://evil/index.html',
    'app://workstation:8080/index.html',
    'app://user@workstation/index.html',
    'https://workstation/index.html',
    'http://127.0.0.1:5180/index.html',
    'file:///C:/app/dist/renderer/index.html',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
  ])('does not trust %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://workstation/index.html', isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://workstation/index.html', isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('names the refused page in Chinese', () => {
    expect(untrustedSenderMessage('https://example.com/')).toContain('https://example.com/');
    expect(untrustedSenderMessage(undefined)).toContain('未知页面');
  });
});

describe('navigation and permissions', () => {
  it('allows navigation only inside the app', () => {
    expect(isAllowedNavigation('app://workstation/index.html')).toBe(true);
    expect(isAllowedNavigation('https://www.baidu.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('lets a subframe show the UI’s own blob: URLs and about:blank, never the top frame', () => {
    const ownBlob = 'blob:app://workstation/0b6f6c1e-9f6a-4e0e-8d5e-3c1f2a7b9d10';
    expect(isAllowedNavigation(ownBlob, false)).toBe(true);
    expect(isAllowedNavigation('about:blank', false)).toBe(true);
    expect(isAllowedNavigation(ownBlob, true)).toBe(false);
    expect(isAllowedNavigation('blob:https://evil.example/0b6f', false)).toBe(false);
    expect(isAllowedNavigation('https://evil.example/', false)).toBe(false);
  });

  it('denies every permission except sanitized clipboard writes and persistent storage', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    expect(isPermissionAllowed('persistent-storage')).toBe(true);
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});

describe('isBlockedRequestUrl', () => {
  it.each(['https://www.baidu.com/x.js', 'http://127.0.0.1:5173/', 'ws://10.0.0.1/', 'wss://x/', 'ftp://x/f', 'file:///etc/passwd', '::nonsense'])(
    'cancels %s',
    (url) => {
      expect(isBlockedRequestUrl(url)).toBe(true);
    },
  );

  it.each(['app://workstation/assets/index.js', 'blob:app://workstation/1234', 'data:image/png;base64,AA==', 'devtools://devtools/bundled/inspector.html'])(
    'lets %s through',
    (url) => {
      expect(isBlockedRequestUrl(url)).toBe(false);
    },
  );
});
