import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

// `npm start` where the Electron runtime is absent: scripts/start.mjs copied into a scratch
// project (with no node_modules, so no Electron whatever this machine has) next to a tiny built
// renderer and the compiled CSP/path modules it imports. The fetch of the runtime itself is in
// start-runtime.test.ts.

let project: string;

function compile(source: string, target: string): void {
  const output = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText;
  writeFileSync(target, output);
}

function makeProject(withBuild: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'start-script-'));
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync('scripts/start.mjs', path.join(root, 'scripts', 'start.mjs'));
  copyFileSync('scripts/electron-runtime.mjs', path.join(root, 'scripts', 'electron-runtime.mjs'));
  writeFileSync(path.join(root, 'package.json'), '{"type":"module","devDependencies":{"secret":"1"}}');
  if (withBuild) {
    mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>处非工作台</title>');
    writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'a.js'), 'export {};');
    const main = path.join(root, 'dist-electron', 'main');
    mkdirSync(main, { recursive: true });
    compile('electron/main/csp.ts', path.join(main, 'csp.js'));
    compile('electron/main/static-files.ts', path.join(main, 'static-files.js'));
    writeFileSync(path.join(main, 'main.js'), '');
  }
  return root;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(port: number, rawPath: string, host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function start(root: string, port: number, extraEnv: Record<string, string> = {}): { child: ChildProcess; lines: Promise<string[]>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    env: { ...process.env, WORKSTATION_PORT: String(port), ...extraEnv },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = new Promise<string[]>((resolve, reject) => {
    const timer = setInterval(() => {
      const all = stdout.split('\n').filter(Boolean);
      if (all.some((line) => line.includes('http://')) || stderr !== '') {
        clearInterval(timer);
        if (stderr !== '') reject(new Error(stderr));
        else resolve(all);
      }
    }, 50);
  });
  return { child, lines, exit };
}

describe('npm start without the Electron runtime', () => {
  let port: number;
  let running: ReturnType<typeof start>;
  let output: string[];

  beforeAll(async () => {
    project = makeProject(true);
    port = await freePort();
    running = start(project, port);
    output = await running.lines;
  });

  afterAll(async () => {
    running.child.kill('SIGTERM');
    await running.exit;
    rmSync(project, { recursive: true, force: true });
  });

  it('says in one line that it runs in browser mode, why, and where to open it', () => {
    expect(output).toHaveLength(1);
    expect(output[0]).toContain('浏览器模式');
    expect(output[0]).toContain('Electron 软件包未安装');
    expect(output[0]).toContain(`http://127.0.0.1:${port}/`);
  });

  it('serves the built UI with the same CSP as the app:// handler', async () => {
    const reply = await get(port, '/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body).toContain('处非工作台');
    expect((await get(port, '/assets/a.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers client routes with index.html and missing assets with 404', async () => {
    expect((await get(port, '/cases/7')).body).toContain('处非工作台');
    expect((await get(port, '/assets/none.js')).status).toBe(404);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json'])(
    'never serves files outside dist/renderer: %s',
    async (rawPath) => {
      const reply = await get(port, rawPath);
      expect(reply.status).not.toBe(200);
      expect(reply.body).not.toContain('devDependencies');
    },
  );

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get(port, '/', `evil.example:${port}`)).status).toBe(421);
  });

  it('sends http://localhost to the one origin that holds the database instead of serving a second, empty one', async () => {
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) {
      const reply = await get(port, '/cases/7?x=1', host);
      expect(reply.status).toBe(308);
      expect(reply.headers.location).toBe(`http://127.0.0.1:${port}/cases/7?x=1`);
      expect(reply.body).not.toContain('处非工作台');
    }
  });

  it('stops on Ctrl-C (SIGINT) with exit code 0', async () => {
    const second = start(project, await freePort());
    await second.lines;
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });
});

describe('npm start before a build', () => {
  it('says to run npm run build, and exits 1', async () => {
    const root = makeProject(false);
    try {
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('请先运行 npm run build');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
