// The app:// scheme that serves dist/renderer. A custom standard scheme gives the UI a stable,
// secure origin (app://workstation) for its IndexedDB, unlike file://, whose origin is opaque.

import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-identity.js';
import { SECURITY_HEADERS } from './csp.js';
import { isClientRoute, resolveStaticPath } from './static-files.js';

/**
 * Must run before the app is ready. standard: real origin and relative URLs; secure: a secure
 * context (crypto.subtle, storage); supportFetchAPI + corsEnabled: fetch() and module scripts and
 * module workers, which Vite emits with crossorigin, load from the scheme; codeCache: V8 caches
 * the compiled bundle, so later starts are faster. No bypassCSP, no service workers.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
        stream: true,
      },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function fileResponse(filePath: string, mimeType: string, method: string): Promise<Response> {
  const body = await readFile(filePath);
  return new Response(method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType, 'Content-Length': String(body.byteLength) },
  });
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR');
}

export async function serveAppRequest(rendererRoot: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.hostname !== APP_HOST) return textResponse(404, `unknown host ${url.hostname}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
  const resolved = resolveStaticPath(rendererRoot, url.pathname);
  if (resolved.kind === 'refused') return textResponse(resolved.status, resolved.reason);
  try {
    return await fileResponse(resolved.filePath, resolved.mimeType, request.method);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  if (isClientRoute(url.pathname)) {
    const index = resolveStaticPath(rendererRoot, '/');
    if (index.kind === 'file') {
      try {
        return await fileResponse(index.filePath, index.mimeType, request.method);
      } catch (error) {
        if (!isMissing(error)) throw error;
        return textResponse(404, `界面文件缺失（${index.filePath}）：请先运行 npm run build，或重新安装本程序。`);
      }
    }
  }
  return textResponse(404, `not found: ${url.pathname}`);
}

/** Must run after the app is ready, on the session the window uses. */
export function handleAppProtocol(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
}
