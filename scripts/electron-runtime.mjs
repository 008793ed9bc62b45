// The Electron runtime for `npm start`: find it, or fetch it where it can be had.
//
// npm never runs dependency install scripts in this project (.npmrc ignore-scripts): Electron's
// own script downloads ~100 MB from outside the npm registry, and where that download is
// unreachable it failed the whole `npm install` after minutes. Instead `npm start` runs that same
// script itself (so mirrors set as ELECTRON_MIRROR or electron_mirror in .npmrc, proxies and the
// download cache all work as Electron documents), after a short check that the download source
// answers at all. A failure is remembered for a day so every later start is immediate; the
// caller then serves browser mode and says why in one line. No variable needs to be known:
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (CI) only skips the attempt.
//
// Plain JavaScript: it runs before anything is compiled.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

export const DEFAULT_SOURCE = 'https://github.com/electron/electron/releases/download/';
/** A failed fetch is not tried again for this long (`npm run electron:fetch` tries at once). */
export const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const PROBE_TIMEOUT_MS = 8000;
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

/** The Electron executable, or undefined when only the npm package (no binary) is installed. */
export function findElectronBinary(root) {
  try {
    const candidate = createRequire(path.join(root, 'package.json'))('electron');
    return typeof candidate === 'string' && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** Where Electron's installer downloads from: the mirror settings it honours, else GitHub. */
export function downloadSource(env) {
  return (
    env.ELECTRON_MIRROR ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_config_electron_mirror ||
    env.npm_package_config_electron_mirror ||
    DEFAULT_SOURCE
  );
}

function memoFile(root) {
  return path.join(root, 'node_modules', '.cache', 'chufei-workstation', 'electron-runtime.json');
}

export function readFailureMemo(root) {
  try {
    const memo = JSON.parse(readFileSync(memoFile(root), 'utf8'));
    return typeof memo?.failedAt === 'string' && typeof memo?.source === 'string' && typeof memo?.reason === 'string' ? memo : null;
  } catch {
    return null;
  }
}

function writeFailureMemo(root, memo) {
  try {
    mkdirSync(path.dirname(memoFile(root)), { recursive: true });
    writeFileSync(memoFile(root), `${JSON.stringify(memo)}\n`);
  } catch {
    // Not remembering only costs the next start one more short check.
  }
}

/** A recent failure for the same source means: do not try again yet. Pure. */
export function recentFailure(memo, source, nowMs) {
  if (!memo || memo.source !== source) return null;
  const at = Date.parse(memo.failedAt);
  return Number.isFinite(at) && nowMs - at >= 0 && nowMs - at < RETRY_AFTER_MS ? memo : null;
}

/** Electron's download cache (@electron/get), where an earlier download may already lie. */
function cacheRoots(env) {
  if (env.electron_config_cache) return [env.electron_config_cache];
  if (process.platform === 'win32') return [path.join(env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')];
  if (process.platform === 'darwin') return [path.join(homedir(), 'Library', 'Caches', 'electron')];
  return [path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'electron')];
}

function hasCachedDownload(env, version) {
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  for (const root of cacheRoots(env)) {
    try {
      for (const entry of readdirSync(root)) {
        if (entry === zip || existsSync(path.join(root, entry, zip))) return true;
      }
    } catch {
      // no cache folder
    }
  }
  return false;
}

/** Resolves with null when the source answers (any HTTP status), else with the reason in Chinese. */
export function probeSource(source, timeoutMs = PROBE_TIMEOUT_MS) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(source);
    } catch {
      resolve(`下载地址“${source}”无效`);
      return;
    }
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const req = request(url, { method: 'HEAD', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(null);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => {
      const code = error.code ?? error.message;
      const detail = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? '域名无法解析' : code === 'timeout' ? `${Math.round(timeoutMs / 1000)} 秒无应答` : `连接失败 ${code}`;
      resolve(`${url.host} 无法访问（${detail}）`);
    });
    req.end();
  });
}

function runInstaller(root, env) {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: path.dirname(installer), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`下载程序无法运行：${error.message}`);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(null);
      else {
        const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
        resolve(signal ? `下载超过 ${INSTALL_TIMEOUT_MS / 60000} 分钟未完成` : `下载失败：${firstLine.trim().slice(0, 160) || `退出码 ${code}`}`);
      }
    });
  });
}

/**
 * The Electron executable, fetched first where it is missing and can be had. Returns
 * { binary } or { reason } (Chinese, one clause) saying why browser mode is used instead.
 * `force` ignores a remembered failure (npm run electron:fetch).
 */
export async function ensureElectronRuntime(root, { env = process.env, now = Date.now(), force = false, onDownloadStart = () => {} } = {}) {
  const found = findElectronBinary(root);
  if (found) return { binary: found };
  const packageFile = path.join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(packageFile)) return { reason: 'Electron 软件包未安装（请先运行 npm install）' };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: '已按 ELECTRON_SKIP_BINARY_DOWNLOAD 跳过 Electron 运行时' };
  const source = downloadSource(env);
  const remembered = force ? null : recentFailure(readFailureMemo(root), source, now);
  if (remembered) return { reason: `Electron 运行时无法下载：${remembered.reason}；24 小时内不再尝试，npm run electron:fetch 可立即重试` };
  const version = JSON.parse(readFileSync(packageFile, 'utf8')).version;
  const proxied = Boolean(env.ELECTRON_GET_USE_PROXY || env.HTTPS_PROXY || env.https_proxy || env.GLOBAL_AGENT_HTTPS_PROXY);
  let failure = proxied || hasCachedDownload(env, version) ? null : await probeSource(source);
  if (failure === null) {
    onDownloadStart(source);
    const installerEnv = { ...env };
    delete installerEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
    failure = await runInstaller(root, installerEnv);
  }
  const binary = failure === null ? findElectronBinary(root) : undefined;
  if (binary) return { binary };
  const reason = failure ?? '下载完成但未找到 Electron 程序文件';
  writeFailureMemo(root, { failedAt: new Date(now).toISOString(), source, reason });
  return { reason: `Electron 运行时无法下载：${reason}` };
}
