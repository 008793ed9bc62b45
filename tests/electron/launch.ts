import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { chromiumArgsForThisUser, repoRoot } from './electron-runtime';

export interface LaunchedApp {
  readonly app: ElectronApplication;
  readonly window: Page;
  readonly userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the built app with a scratch userData folder, so tests never touch real data. Without
 * executablePath Playwright takes the binary from the electron package itself and adds its loader,
 * which holds 'ready' until the test is attached.
 */
export async function launchApp(options: { readonly userDataDir?: string } = {}): Promise<LaunchedApp> {
  // A given folder is a restart on the same data (the caller's earlier launch owns its removal).
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'chufei-electron-test-'));
  const app = await _electron.launch({
    args: [repoRoot, ...chromiumArgsForThisUser()],
    cwd: repoRoot,
    env: { ...process.env, WORKSTATION_USER_DATA_DIR: userDataDir, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return {
    app,
    window,
    userDataDir,
    close: async () => {
      await app.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
