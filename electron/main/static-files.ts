// Maps a request URL of the UI to a file under dist/renderer, refusing anything that would leave
// that folder. Used by the app:// handler (Electron) and scripts/start.mjs (browser mode). Pure
// apart from node:path, so it is unit-tested without Electron.

import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly mimeType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string };

/**
 * Resolves the path part of a request ("/assets/index-abc.js", percent-encoded as received) inside
 * rootDir. "/" is index.html. Traversal ("..", encoded or not), backslashes, NUL bytes and absolute
 * drive paths are refused rather than normalised, since no file the build emits needs them.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): StaticResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused', status: 400, reason: `malformed percent-encoding in ${urlPath}` };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'refused', status: 400, reason: `forbidden character in ${urlPath}` };
  }
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || /^[A-Za-z]:/.test(segment))) {
    return { kind: 'refused', status: 403, reason: `path leaves the UI folder: ${urlPath}` };
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  // Belt and braces: whatever the checks above missed, the result must stay under root.
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    return { kind: 'refused', status: 403, reason: `path leaves the UI folder: ${urlPath}` };
  }
  return { kind: 'file', filePath, mimeType: mimeTypeFor(filePath) };
}

/**
 * A path without an extension that names no file is a client-side route: answer with index.html
 * so a reload on such a route still shows the app. Missing assets (with an extension) stay 404.
 */
export function isClientRoute(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? '';
  return !last.includes('.');
}
