import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findElectronRuntime } from './electron-runtime';
import { type LaunchedApp, launchApp } from './launch';

// Issue 12 in the real shell: the store record lives in userData as a private file, survives the
// IndexedDB being dropped, and the next start names the loss and offers the newest automatic backup.
const runtime = findElectronRuntime();
test.skip(!runtime.available, runtime.available ? '' : runtime.reason);

let launched: LaunchedApp;

test.afterAll(async () => {
  await launched?.close().catch(() => undefined);
});

test('a dropped IndexedDB is named at the next start, with the newest automatic backup offered', async () => {
  launched = await launchApp();
  const page = launched.window;
  await page.evaluate(() => {
    window.location.hash = '#/settings/office';
  });
  await page.getByLabel('发文机关（文书落款）').fill('威海市处非办');
  await page.getByLabel('经办人（写入审计日志）').fill('林淼');
  await page.getByRole('button', { name: '保存' }).click();
  await page.evaluate(() => {
    window.location.hash = '#/settings/backup';
  });
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/备份完成：chufei-\d{8}-\d{9}Z-manual\.cfbak/)).toBeVisible();

  const recordFile = path.join(launched.userDataDir, 'store-record.json');
  await expect.poll(() => readFileSync(recordFile, 'utf8')).toContain('-manual.cfbak');
  if (process.platform !== 'win32') expect(statSync(recordFile).mode & 0o777).toBe(0o600);
  if (process.platform !== 'win32') expect(statSync(path.join(launched.userDataDir, 'backups')).mode & 0o777).toBe(0o700);

  // What Chromium does to a store it drops: its IndexedDB folder goes, the rest of userData stays.
  const userDataDir = launched.userDataDir;
  await launched.app.close();
  rmSync(path.join(userDataDir, 'IndexedDB'), { recursive: true, force: true });
  launched = await launchApp({ userDataDir });
  await expect(launched.window.getByTestId('store-lost')).toBeVisible();
  // The quit backup written as the window closed may be the newest by now.
  await expect(launched.window.getByTestId('store-lost-backup')).toContainText(/chufei-\d{8}-\d{9}Z-(manual|quit)\.cfbak/);
  await expect(launched.window.getByRole('button', { name: /从最新的自动备份恢复（chufei-/ })).toBeVisible();
});
