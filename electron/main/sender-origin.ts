// Which IPC senders main trusts: only the top frame of our own UI, at app://workstation. A page
// that somehow got loaded elsewhere (an error page, data:, file:, https:) or an iframe never
// reaches a handler, even if it has the preload.

import { APP_HOST, APP_SCHEME } from './app-identity.js';

export interface SenderFrameFacts {
  /** senderFrame.url; undefined when the frame is already gone. */
  readonly url: string | undefined;
  /** senderFrame.parent === null. */
  readonly isTopFrame: boolean;
}

export function isTrustedAppUrl(url: string | undefined): boolean {
  if (url === undefined || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export function isTrustedSender(frame: SenderFrameFacts | null): boolean {
  return frame?.isTopFrame === true && isTrustedAppUrl(frame.url);
}

/** Shown in the rejected promise; says what happened and that the UI cannot do anything about it. */
export function untrustedSenderMessage(url: string | undefined): string {
  return `已拒绝来自 ${url ?? '未知页面'} 的请求：只接受本程序界面 (app://workstation) 顶层页面发出的请求。如在正常使用中看到此提示，请重新启动程序。`;
}
