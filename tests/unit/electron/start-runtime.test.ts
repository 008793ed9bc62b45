import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadSource, ensureElectronRuntime, RETRY_AFTER_MS, readFailureMemo, recentFailure } from '../../../scripts/electron-runtime.mjs';

// How `npm start` gets the Electron runtime now that npm never runs Electron's install script
// (.npmrc ignore-scripts): a scratch project with a stand-in electron package whose install.js
// "downloads" by writing a fake executable, and a local server standing for the download source.

let root: string;
let installerRuns: string;

function fakeElectronPackage(installSucceeds: boolean): void {
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"39.8.10","main":"index.js"}');
  // Like electron/index.js: the executable named in path.txt, or a throw when it was never fetched.
  writeFileSync(
    path.join(pkg, 'index.js'),
    "const fs=require('fs'),p=require('path');const f=p.join(__dirname,'path.txt');if(!fs.existsSync(f))throw new Error('Electron failed to install correctly');module.exports=p.join(__dirname,'dist',fs.readFileSync(f,'utf8'));",
  );
  writeFileSync(
    path.join(pkg, 'install.js'),
    installSucceeds
      ? `const fs=require('fs');fs.appendFileSync(${JSON.stringify(installerRuns)},'run '+(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD??'-')+'\\n');fs.mkdirSync('dist',{recursive:true});fs.writeFileSync('dist/electron','#!/bin/sh\\n');fs.chmodSync('dist/electron',0o755);fs.writeFileSync('path.txt','electron');`
      : `require('fs').appendFileSync(${JSON.stringify(installerRuns)},'run\\n');console.error('RequestError: getaddrinfo ENOTFOUND mirror.example');process.exit(1);`,
  );
  writeFileSync(path.join(root, 'package.json'), '{"name":"scratch","type":"module"}');
}

function listen(): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((_req, res) => res.writeHead(404).end());
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    });
  });
}

/** A port nothing listens on: the source is unreachable at once (connection refused). */
async function closedSource(): Promise<string> {
  const { server, url } = await listen();
  await new Promise((resolve) => server.close(resolve));
  return url;
}

const runs = () => (existsSync(installerRuns) ? readFileSync(installerRuns, 'utf8').split('\n').filter(Boolean) : []);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'start-runtime-'));
  installerRuns = path.join(root, 'installer-runs.txt');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the Electron runtime for npm start', () => {
  it('fetches the runtime where the download source answers, with no variable to set, and starts Electron', async () => {
    fakeElectronPackage(true);
    const { server, url } = await listen();
    const started: string[] = [];
    try {
      const result = await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: url }, onDownloadStart: (s) => started.push(s) });
      expect(result.binary).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
      expect(started).toEqual([url]);
      expect(runs()).toEqual(['run -']);
    } finally {
      server.close();
    }
  });

  it('uses the binary already there without any network', async () => {
    fakeElectronPackage(true);
    mkdirSync(path.join(root, 'node_modules', 'electron', 'dist'));
    writeFileSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    chmodSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), 0o755);
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    const result = await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: await closedSource() } });
    expect(result.binary).toContain('dist');
    expect(runs()).toEqual([]);
  });

  it('falls back quickly when the source is unreachable, says why, and does not wait again for a day', async () => {
    fakeElectronPackage(true);
    const source = await closedSource();
    const now = Date.parse('2026-12-02T08:00:00Z');
    const first = await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: source }, now });
    expect(first.binary).toBeUndefined();
    expect(first.reason).toMatch(/^Electron 运行时无法下载：127\.0\.0\.1:\d+ 无法访问（连接失败 ECONNREFUSED）$/);
    expect(runs()).toEqual([]);
    expect(readFailureMemo(root)).toMatchObject({ source, failedAt: '2026-12-02T08:00:00.000Z' });

    const later = await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: source }, now: now + 60_000 });
    expect(later.reason).toContain('24 小时内不再尝试，npm run electron:fetch 可立即重试');

    // A day later, or with another mirror configured, or forced: tried again.
    const { server, url } = await listen();
    try {
      expect((await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: url }, now: now + 60_000 })).binary).toBeDefined();
    } finally {
      server.close();
    }
  });

  it('reports a download that fails after the source answered, in one clause', async () => {
    fakeElectronPackage(false);
    const { server, url } = await listen();
    try {
      const result = await ensureElectronRuntime(root, { env: { ELECTRON_MIRROR: url } });
      expect(result.reason).toBe('Electron 运行时无法下载：下载失败：RequestError: getaddrinfo ENOTFOUND mirror.example');
      expect(runs()).toEqual(['run']);
    } finally {
      server.close();
    }
  });

  it('does not try at all where ELECTRON_SKIP_BINARY_DOWNLOAD is set (CI), or before npm install', async () => {
    expect((await ensureElectronRuntime(root, { env: {} })).reason).toBe('Electron 软件包未安装（请先运行 npm install）');
    fakeElectronPackage(true);
    const result = await ensureElectronRuntime(root, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(result.reason).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(runs()).toEqual([]);
  });

  it('downloads from the mirror configured the way Electron documents it', () => {
    expect(downloadSource({})).toBe('https://github.com/electron/electron/releases/download/');
    expect(downloadSource({ npm_config_electron_mirror: 'https://npmmirror.example/electron/' })).toBe('https://npmmirror.example/electron/');
    expect(downloadSource({ ELECTRON_MIRROR: 'https://a.example/', npm_config_electron_mirror: 'https://b.example/' })).toBe('https://a.example/');
  });

  it('remembers a failure for one day and one source only', () => {
    const memo = { failedAt: '2026-12-02T08:00:00.000Z', source: 's', reason: 'r' };
    const at = Date.parse(memo.failedAt);
    expect(recentFailure(memo, 's', at + RETRY_AFTER_MS - 1)).toBe(memo);
    expect(recentFailure(memo, 's', at + RETRY_AFTER_MS)).toBeNull();
    expect(recentFailure(memo, 'other', at + 1)).toBeNull();
    expect(recentFailure(memo, 's', at - 1)).toBeNull();
  });
});
