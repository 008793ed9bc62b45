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
//
// Robust under load (it once failed on a loaded machine and passed alone), without loosening what
// it checks: every request opens its own connection (the default keep-alive agent may reuse a
// socket the server is just closing after its 5 s idle timeout, an ECONNRESET that only long
// pauses between tests expose); a port taken between freePort() and the child's listen() is
// retried with another port (only on that exact refusal); waiting for the child has its own
// generous limit and fails with the child's output, also when the child exits without a URL.

let project: string;
/** Starting node under load can take seconds; vitest's default hook limit (10 s) is too short. */
const START_LIMIT_MS = 60_000;

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
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers: { host }, agent: false }, (res) => {
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

interface Started {
  readonly child: ChildProcess;
  readonly lines: Promise<string[]>;
  readonly exit: Promise<number | null>;
}

function start(root: string, port: number, extraEnv: Record<string, string> = {}): Started {
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
  let exited = false;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // 'close' comes after the child's last output has been read, so its last words are never missed.
  child.on('close', () => {
    exited = true;
  });
  const startedAt = Date.now();
  const lines = new Promise<string[]>((resolve, reject) => {
    const timer = setInterval(() => {
      const all = stdout.split('\n').filter(Boolean);
      const done = all.some((line) => line.includes('http://')) || stderr !== '';
      if (done) {
        clearInterval(timer);
        if (stderr !== '') reject(new Error(stderr));
        else resolve(all);
      } else if (exited || Date.now() - startedAt > START_LIMIT_MS) {
        clearInterval(timer);
        reject(new Error(`start.mjs printed no URL (${exited ? 'exited' : `still silent after ${START_LIMIT_MS} ms`}); stdout: ${JSON.stringify(stdout)}`));
      }
    }, 50);
  });
  return { child, lines, exit };
}

/** Starts browser mode on a free port; another port only when the chosen one was taken meanwhile. */
async function startOnFreePort(root: string): Promise<{ running: Started; port: number; output: string[] }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const running = start(root, port);
    try {
      return { running, port, output: await running.lines };
    } catch (error) {
      const taken = error instanceof Error && error.message.includes(`端口 ${port} 已被占用`);
      if (!taken || attempt === 3) throw error;
      await running.exit;
    }
  }
}

describe('npm start without the Electron runtime', () => {
  let port: number;
  let running: Started | undefined;
  let output: string[];

  beforeAll(async () => {
    project = makeProject(true);
    ({ running, port, output } = await startOnFreePort(project));
  }, START_LIMIT_MS + 5_000);

  afterAll(async () => {
    running?.child.kill('SIGTERM');
    await running?.exit;
    rmSync(project, { recursive: true, force: true });
  }, START_LIMIT_MS);

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
    const second = (await startOnFreePort(project)).running;
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, START_LIMIT_MS + 5_000);
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
