import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// app-protocol.ts imports `protocol` from electron only to register the handler; the request
// handling itself is plain Request → Response and runs here without the binary.
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn() } }));

const { serveAppRequest } = await import('../../../electron/main/app-protocol');

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'app-protocol-'));
  root = path.join(base, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>处非工作台</title>');
  writeFileSync(path.join(root, 'assets', 'index-1.js'), 'export {};');
  writeFileSync(path.join(base, 'dist', 'secret.txt'), 'SECRET');
  writeFileSync(path.join(base, 'package.json'), '{"devDependencies":{}}');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string, method = 'GET'): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const response = await serveAppRequest(root, new Request(url, { method }));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
}

describe('serveAppRequest', () => {
  it('serves index.html at the root with the CSP', async () => {
    const response = await get('app://workstation/');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html; charset=utf-8');
    expect(response.csp).toContain("default-src 'self'");
    expect(response.body).toContain('处非工作台');
  });

  it('serves scripts as JavaScript (module scripts refuse anything else)', async () => {
    const response = await get('app://workstation/assets/index-1.js');
    expect(response).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {};' });
  });

  it('answers HEAD without a body', async () => {
    expect(await get('app://workstation/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('answers a client-side route with index.html, a missing asset with 404', async () => {
    expect((await get('app://workstation/cases/42')).body).toContain('处非工作台');
    expect((await get('app://workstation/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://workstation/../secret.txt',
    'app://workstation/%2e%2e/secret.txt',
    'app://workstation/..%2fsecret.txt',
    'app://workstation/..%5csecret.txt',
    'app://workstation/..%2f..%2fpackage.json',
    'app://workstation/assets/..%2f..%2f..%2fpackage.json',
  ])('never serves files outside dist/renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.body).not.toContain('SECRET');
    expect(response.body).not.toContain('devDependencies');
    expect(response.status).not.toBe(200);
  });

  it('refuses other hosts and methods', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://workstation/index.html', 'POST')).status).toBe(405);
  });

  it('explains a missing build in Chinese', async () => {
    const response = await serveAppRequest(path.join(base, 'nowhere'), new Request('app://workstation/'));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('请先运行 npm run build');
  });
});
