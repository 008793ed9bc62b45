import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClientRoute, mimeTypeFor, resolveStaticPath } from '../../../electron/main/static-files';

const root = path.resolve('/srv/app/dist/renderer');

function fileOf(urlPath: string): string {
  const result = resolveStaticPath(root, urlPath);
  if (result.kind !== 'file') throw new Error(`expected a file for ${urlPath}, got ${result.reason}`);
  return result.filePath;
}

describe('resolveStaticPath', () => {
  it('serves index.html for the root', () => {
    expect(fileOf('/')).toBe(path.join(root, 'index.html'));
    expect(fileOf('')).toBe(path.join(root, 'index.html'));
  });

  it('serves built assets with their MIME type', () => {
    const result = resolveStaticPath(root, '/assets/index-AbC123.js');
    expect(result).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-AbC123.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded Chinese file names', () => {
    expect(fileOf('/fonts/%E4%BB%BF%E5%AE%8B.otf')).toBe(path.join(root, 'fonts', '仿宋.otf'));
  });

  it.each([
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%2E%2E/%2E%2E/x',
    '/..%2f..%2fetc/passwd',
    '/C:/Windows/win.ini',
    '/c:%5cWindows%5cwin.ini',
  ])('refuses %s, which leaves dist/renderer', (urlPath) => {
    const result = resolveStaticPath(root, urlPath);
    expect(result.kind).toBe('refused');
  });

  it('refuses backslashes and NUL bytes instead of normalising them', () => {
    expect(resolveStaticPath(root, '/assets%5c..%5c..%5cx')).toMatchObject({ kind: 'refused', status: 400 });
    expect(resolveStaticPath(root, '/index.html%00.png')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('refuses malformed percent-encoding with 400', () => {
    expect(resolveStaticPath(root, '/%E4%BB')).toMatchObject({ kind: 'refused', status: 400 });
  });

  it('ignores empty and "." segments but stays inside the folder', () => {
    expect(fileOf('//assets/./a.css')).toBe(path.join(root, 'assets', 'a.css'));
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.otf', 'font/otf'],
    ['a.wasm', 'application/wasm'],
    ['a.svg', 'image/svg+xml'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (name, mime) => {
    expect(mimeTypeFor(name)).toBe(mime);
  });
});

describe('isClientRoute', () => {
  it('treats extension-less paths as routes and assets as files', () => {
    expect(isClientRoute('/cases/42')).toBe(true);
    expect(isClientRoute('/')).toBe(true);
    expect(isClientRoute('/assets/missing.js')).toBe(false);
  });
});
