import { defineConfig } from '@playwright/test';

// Playwright `_electron` tests of the real shell: web preferences, blocked navigation and
// window.open, the app:// origin and CSP, IPC refused from a foreign origin, single instance.
// They need the Electron binary and the build (`npm run build`); where the binary is absent they
// skip with the reason printed by global-setup.ts, and the run exits 0.
export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.ts',
  globalSetup: './global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
