import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';

// Browser mode: backups are downloads (no automatic backups), a restore reads a chosen file, checks
// it fully, shows it next to the current data, downloads a pre-restore backup, then replaces the data.

async function setOffice(page: Page, officeName: string) {
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill(officeName);
  await page.getByLabel('经办人（写入审计日志）').fill('林淼');
  await page.getByLabel('区县列表（每行一个）').fill('环翠区\n文登区');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.app-navbar')).toContainText(officeName);
}

async function backupToFile(page: Page, passphrase: string | null): Promise<string> {
  await page.goto('#/settings/backup');
  await page.getByRole('button', { name: '备份到文件…' }).click();
  const encrypt = page.getByLabel(/加密备份/);
  if (passphrase === null) {
    await page.getByText(/^加密备份/).click();
    await expect(encrypt).not.toBeChecked();
    await expect(page.getByLabel('备份密码')).toHaveCount(0);
  } else {
    await page.getByLabel('备份密码').fill(passphrase);
    await page.getByLabel('确认密码').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-to-file-start').click();
  const file = path.join(tmpdir(), `safety-e2e-${Date.now()}-${(await download).suggestedFilename()}`);
  await (await download).saveAs(file);
  return file;
}

async function chooseBackupFile(page: Page, file: string) {
  await page.goto('#/settings/backup');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复…' }).click();
  await (await chooser).setFiles(file);
}

test('backup to a file, change the data, restore it back; broken files are refused and change nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setOffice(page, '威海市处置非法集资工作领导小组办公室');
  await page.goto('#/settings/backup');
  await expect(page.getByTestId('browser-backup-note')).toContainText('浏览器模式下没有自动备份');

  // A bad passphrase is refused with the field named, and nothing is downloaded.
  await page.getByRole('button', { name: '备份到文件…' }).click();
  await page.getByLabel('备份密码').fill('短');
  await page.getByTestId('backup-to-file-start').click();
  await expect(page.getByText('备份密码至少需要 8 个字符')).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();

  const plain = await backupToFile(page, null);
  expect(readFileSync(plain).subarray(1, 5).toString('latin1')).toBe('CFBK');
  await setOffice(page, '改过的名称');

  // A truncated copy: refused, with the reason, and the data is unchanged.
  const bytes = readFileSync(plain);
  const truncated = `${plain}.truncated.cfbak`;
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await chooseBackupFile(page, truncated);
  await expect(page.getByTestId('restore-refused')).toContainText('备份文件不完整');
  await expect(page.getByTestId('restore-refused')).toContainText('当前数据没有任何改动');
  await page.getByRole('button', { name: '关闭' }).click();

  // One flipped bit: refused as damaged.
  const flipped = `${plain}.flipped.cfbak`;
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length * 0.7);
  copy[at] = (copy[at] ?? 0) ^ 0x10;
  writeFileSync(flipped, copy);
  await chooseBackupFile(page, flipped);
  await expect(page.getByTestId('restore-refused')).toContainText('已损坏');
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.app-navbar')).toContainText('改过的名称');

  // The intact backup: shown next to the current data, then restored.
  await chooseBackupFile(page, plain);
  const comparison = page.getByTestId('restore-comparison');
  await expect(comparison).toContainText('备份文件完好');
  await expect(comparison).toContainText('审计日志');
  await expect(comparison).toContainText('完整');
  const preRestore = page.waitForEvent('download');
  await page.getByTestId('restore-confirm').click();
  expect((await preRestore).suggestedFilename()).toMatch(/^恢复前-处非工作台备份-.*\.cfbak$/);
  await expect(page.locator('.app-navbar')).toContainText('威海市处置非法集资工作领导小组办公室', { timeout: 30_000 });
  await page.reload();
  await expect(page.locator('.app-navbar')).toContainText('威海市处置非法集资工作领导小组办公室');
  await page.goto('#/settings/audit');
  await expect(page.getByTestId('startup-checks')).toHaveCount(0);
});

test('an encrypted backup needs its passphrase; a wrong one is refused', async ({ page }) => {
  await page.goto('/');
  await setOffice(page, '荣成市处非办');
  const file = await backupToFile(page, '正确的备份密码2026');
  expect(readFileSync(file).includes(Buffer.from('荣成市处非办'))).toBe(false);
  await setOffice(page, '别的名称');
  await chooseBackupFile(page, file);
  await page.getByLabel('备份密码').fill('错误的备份密码2026');
  await page.getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('dialog')).toContainText('密码不正确');
  await page.getByLabel('备份密码').fill('正确的备份密码2026');
  await page.getByRole('button', { name: '打开' }).click();
  await expect(page.getByTestId('restore-comparison')).toContainText('加密内容认证通过');
  const preRestore = page.waitForEvent('download');
  await page.getByTestId('restore-confirm').click();
  await preRestore;
  await expect(page.locator('.app-navbar')).toContainText('荣成市处非办', { timeout: 30_000 });
});

test('the app lock asks for the passphrase after a reload and throttles wrong ones', async ({ page }) => {
  await page.goto('/#/settings/lock');
  await page.getByLabel('解锁密码').fill('短');
  await page.getByLabel('确认密码').fill('短');
  await page.getByRole('button', { name: '启用应用锁' }).click();
  await expect(page.getByText('解锁密码至少需要 8 个字符')).toBeVisible();
  await page.getByLabel('解锁密码').fill('锁屏密码12345');
  await page.getByLabel('确认密码').fill('锁屏密码12345');
  await page.getByLabel('空闲锁定时间（分钟）').fill('0');
  await page.getByRole('button', { name: '启用应用锁' }).click();
  await expect(page.getByTestId('lock-settings')).toContainText('应用锁已启用');

  await page.reload();
  const lock = page.getByTestId('app-lock');
  await expect(lock).toBeVisible();
  await expect(page.locator('.app-navbar')).toBeHidden();
  for (let i = 1; i <= 3; i++) {
    await lock.getByLabel('解锁密码').fill(`错误密码${i}`);
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByTestId('app-lock-error')).toContainText(`已连续错误 ${i} 次`);
  }
  await expect(page.getByRole('button', { name: /请等待 \d+ 秒/ })).toBeDisabled();
  // A reload does not reset the wait.
  await page.reload();
  await expect(page.getByRole('button', { name: /请等待 \d+ 秒/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: '解锁' })).toBeEnabled({ timeout: 10_000 });
  await lock.getByLabel('解锁密码').fill('锁屏密码12345');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.locator('.app-navbar')).toBeVisible();
});
