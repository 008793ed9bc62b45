// `npm start` (after `npm run build`): launches Electron on the built app, fetching its runtime
// first where it is missing and can be had (electron-runtime.mjs). Where it cannot, it says so and
// where to open the app in one line, and serves the same built renderer on http://127.0.0.1:PORT/
// instead, with the same security headers (CSP) and the same path rules as the app:// handler,
// until Ctrl-C. The database lives in the browser under that exact origin, so
// http://localhost:PORT/ is redirected there rather than served as a second, empty origin.
//
// Plain JavaScript so it runs without a compile step; the CSP and path rules are imported from the
// compiled main-process modules in dist-electron/, so browser mode can never drift from Electron.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureElectronRuntime } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const compiledMain = path.join(root, 'dist-electron', 'main');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (!existsSync(path.join(rendererDir, 'index.html'))) {
  fail('界面尚未构建 (dist/renderer/index.html missing)：请先运行 npm run build。');
}
if (!existsSync(path.join(compiledMain, 'main.js'))) {
  fail('主进程尚未编译 (dist-electron/main/main.js missing)：请先运行 npm run build。');
}

function launchElectron(binary) {
  const env = { ...process.env };
  // Would make the binary a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => fail(`无法启动 Electron (${binary}): ${error.message}`));
}

/** What to do with a request's Host header: serve, send to the one origin, or refuse. */
function routeHost(hostHeader, host, port) {
  if (hostHeader === `${host}:${port}`) return { kind: 'serve' };
  // Same machine, other name: a second origin would open a second, empty database.
  if (hostHeader === `localhost:${port}` || hostHeader === `[::1]:${port}`) return { kind: 'redirect', origin: `http://${host}:${port}` };
  return { kind: 'refuse' };
}

async function serveBrowserMode(reason) {
  const { SECURITY_HEADERS } = await import(pathToFileURL(path.join(compiledMain, 'csp.js')).href);
  const { isClientRoute, resolveStaticPath } = await import(
    pathToFileURL(path.join(compiledMain, 'static-files.js')).href
  );
  const host = '127.0.0.1';
  const port = Number(process.env.WORKSTATION_PORT ?? 5180);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`WORKSTATION_PORT=${process.env.WORKSTATION_PORT} 不是有效端口 (1–65535)。`);
  }

  function send(response, status, headers, body) {
    response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    response.end(body);
  }

  async function tryFile(response, method, filePath, mimeType) {
    try {
      const body = await readFile(filePath);
      send(response, 200, { 'Content-Type': mimeType, 'Content-Length': body.byteLength }, method === 'HEAD' ? undefined : body);
      return true;
    } catch (error) {
      if (error?.code === 'ENOENT' || error?.code === 'EISDIR') return false;
      throw error;
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      // Refuses pages of other sites that resolve their name to 127.0.0.1 (DNS rebinding): the
      // case data in this origin's IndexedDB is personal data.
      const route = routeHost(request.headers.host ?? '', host, port);
      if (route.kind === 'refuse') {
        send(response, 421, { 'Content-Type': 'text/plain; charset=utf-8' }, 'wrong host');
        return;
      }
      if (route.kind === 'redirect') {
        send(response, 308, { Location: `${route.origin}${request.url ?? '/'}`, 'Content-Type': 'text/plain; charset=utf-8' }, `moved to ${route.origin}`);
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        send(response, 405, { 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed');
        return;
      }
      const pathname = new URL(request.url ?? '/', `http://${host}`).pathname;
      const resolved = resolveStaticPath(rendererDir, pathname);
      if (resolved.kind === 'refused') {
        send(response, resolved.status, { 'Content-Type': 'text/plain; charset=utf-8' }, resolved.reason);
        return;
      }
      if (await tryFile(response, request.method, resolved.filePath, resolved.mimeType)) return;
      const index = resolveStaticPath(rendererDir, '/');
      if (isClientRoute(pathname) && (await tryFile(response, request.method, index.filePath, index.mimeType))) return;
      send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `not found: ${pathname}`);
    })().catch((error) => {
      send(response, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, String(error));
    });
  });

  server.on('error', (error) => {
    if (error.code === 'EADDRINUSE') {
      fail(`端口 ${port} 已被占用 (port in use)：程序可能已在运行；否则请设置 WORKSTATION_PORT 换一个端口。`);
    }
    fail(`无法启动本地服务 (server error): ${error.message}`);
  });
  server.listen(port, host, () => {
    process.stdout.write(`浏览器模式（${reason}）：请在浏览器中打开 http://${host}:${port}/ ，Ctrl-C 停止。\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

const runtime = await ensureElectronRuntime(root, {
  onDownloadStart: (source) => process.stdout.write(`正在下载 Electron 运行时（约 100 MB，只需一次）：${source}\n`),
});
if (runtime.binary) launchElectron(runtime.binary);
else await serveBrowserMode(runtime.reason);
