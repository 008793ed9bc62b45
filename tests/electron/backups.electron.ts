import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findElectronRuntime } from './electron-runtime';
import { type LaunchedApp, launchApp } from './launch';

// Backups in the real shell: the page streams, main writes into <userData>/backups; restore from
// the list; a path from the page is refused; closing the window writes the quit backup first.
const runtime = findElectronRuntime();
test.skip(!runtime.available, runtime.available ? '' : runtime.reason);

let launched: LaunchedApp;

test.beforeAll(async () => {
  if (runtime.available) launched = await launchApp();
});

test.afterAll(async () => {
  await launched?.close().catch(() => undefined); // the last test closed the window already
});

const backupFiles = () => readdirSync(path.join(launched.userDataDir, 'backups')).filter((n) => n.endsWith('.cfbak'));

test('a manual backup lands in the backups folder, and restoring it from the list puts the data back', async () => {
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
  expect(backupFiles().some((n) => n.endsWith('-manual.cfbak'))).toBe(true);
  expect(readdirSync(path.join(launched.userDataDir, 'backups')).filter((n) => n.endsWith('.tmp'))).toEqual([]);

  await page.evaluate(() => {
    window.location.hash = '#/settings/office';
  });
  await page.getByLabel('发文机关（文书落款）').fill('改过的名称');
  await page.getByRole('button', { name: '保存' }).click();
  await page.evaluate(() => {
    window.location.hash = '#/settings/backup';
  });
  await page.locator('tr', { hasText: '手动备份' }).getByRole('button', { name: '查看并恢复…' }).first().click();
  await expect(page.getByTestId('restore-comparison')).toContainText('备份文件完好');
  // Sealed with the key main keeps in userData (600), outside the database and the backups folder.
  await expect(page.getByTestId('restore-seal')).toContainText('签名有效');
  expect(statSync(path.join(launched.userDataDir, 'backup-seal.key')).mode & 0o777).toBe(0o600);
  await expect(page.getByTestId('pre-restore-plan')).toContainText(path.join(launched.userDataDir, 'backups'));
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toContainText('替换了全部数据', { timeout: 30_000 });
  await expect(page.getByTestId('restore-done')).toContainText('-pre-restore.cfbak');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('.app-navbar')).toContainText('威海市处非办', { timeout: 30_000 });
  expect(backupFiles().some((n) => n.endsWith('-pre-restore.cfbak'))).toBe(true);
});

test('the page cannot name a path outside the backups folder', async () => {
  const refused = await launched.window.evaluate(async () => {
    const api = (window as unknown as { workstation: { backupOpen(r: unknown): Promise<unknown> } }).workstation;
    const results: string[] = [];
    for (const fileName of ['../Preferences', '/etc/passwd', 'chufei-x/../../Local State']) {
      results.push(await api.backupOpen({ source: 'auto', fileName }).then(() => 'opened', (e: Error) => e.message));
    }
    return results;
  });
  for (const message of refused) expect(message).toMatch(/备份文件名 \(fileName\)/);
});

test('closing the window writes the quit backup first', async () => {
  const before = backupFiles().filter((n) => n.endsWith('-quit.cfbak')).length;
  await launched.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect.poll(() => backupFiles().filter((n) => n.endsWith('-quit.cfbak')).length, { timeout: 30_000 }).toBe(before + 1);
});
