// Finds the Electron binary for the _electron tests. On machines installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 (the build machines) there is none, and the tests skip with
// this reason instead of failing.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const preloadFile = path.join(repoRoot, 'dist-electron', 'preload', 'preload.cjs');
export const mainFile = path.join(repoRoot, 'dist-electron', 'main', 'main.js');
export const rendererIndex = path.join(repoRoot, 'dist', 'renderer', 'index.html');

export type ElectronRuntime =
  | { readonly available: true; readonly executablePath: string }
  | { readonly available: false; readonly reason: string };

export function findElectronRuntime(): ElectronRuntime {
  let candidate: unknown;
  try {
    candidate = createRequire(import.meta.url)('electron');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `Electron binary not installed (npm package present, binary skipped: ${detail}). Run npm run electron:fetch (or npm start once) to fetch it and run these tests.`,
    };
  }
  if (typeof candidate !== 'string' || !existsSync(candidate)) {
    return { available: false, reason: `Electron binary not found at ${String(candidate)}.` };
  }
  return { available: true, executablePath: candidate };
}

/**
 * Chromium refuses to start as root with its OS sandbox (CI containers run as root). Only there,
 * and only for tests, the OS-level sandbox is switched off; the renderer sandbox preference that
 * the tests check is unaffected. Normal starts never pass this.
 */
export function chromiumArgsForThisUser(): string[] {
  return process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}
