import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/main/csp';

function directives(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of CONTENT_SECURITY_POLICY.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('never allows inline or eval-ed script or style', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('has the required directives', () => {
    const csp = directives();
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows no remote host anywhere (the office network is offline; data stays local)', () => {
    for (const [, sources] of directives()) {
      for (const source of sources) {
        expect(source).toMatch(/^('self'|'none'|data:|blob:)$/);
      }
    }
  });

  it('is sent with nosniff and no referrer', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('agreement with renderer/index.html', () => {
  it('allows at least what the <meta> policy allows for frames, workers and images (the stricter one wins)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    if (meta === undefined) return; // no meta policy: the header alone applies
    const header = directives();
    for (const part of meta.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name || !['frame-src', 'worker-src', 'img-src', 'font-src', 'script-src', 'style-src'].includes(name)) continue;
      expect(header.get(name), `${name} in the header`).toEqual(expect.arrayContaining(sources));
    }
  });
});
