import { expect, test } from '@playwright/test';

// Settings → 文书字体: per GB/T 9704 role, the face the PDF uses (in a browser always the bundled
// open-licence faces: Electron would offer the office PC's own fonts) with a sample line set in it.
const SHOTS = process.env.DOCUMENT_SHOTS;

test('the fonts tab shows, per role, the face in use and a sample line in that face', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('#/settings/fonts');
  const table = page.getByTestId('fonts-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('face-body')).toHaveText('朱雀仿宋（内置）');
  await expect(page.getByTestId('face-title')).toContainText('代小标宋');
  await expect(page.getByTestId('face-heading1')).toContainText('代黑体');
  await expect(page.getByTestId('face-heading2')).toContainText('霞鹜文楷');
  await expect(page.getByTestId('face-fallback')).toContainText('补字');
  await expect(table.locator('tr[data-role="body"]')).toContainText('内置开源字体');
  await expect(table.locator('tr[data-role="body"]')).toContainText('王喆、李堃、于赟');
  // The sample line is really set in the bundled face (loaded from its bytes), not a system font.
  const family = await table.locator('tr[data-role="heading2"] .fonts-sample').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain('chufei-sample-heading2');
  expect(await page.evaluate(() => document.fonts.check('16px chufei-sample-heading2', '楷'))).toBe(true);
  await expect(page.getByTestId('fonts-panel')).toContainText('仿宋_GB2312');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/settings-fonts.png` });
});
