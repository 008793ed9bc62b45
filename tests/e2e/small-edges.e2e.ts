import { expect, type Locator, type Page, test } from '@playwright/test';
import { createCase, issueInquiryNotice, saveOfficeSettings } from './steps';

// Rough edges a first-week clerk meets: the 文号前缀 names beside their boxes, a case's own
// history numbered from 1.

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `test-results/small-edges/${name}.png`, fullPage: true });
}

/** Vertical middle of the text itself (a range over the element's contents), not of its box. */
async function textMiddle(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.top + r.height / 2;
  });
}

test('设置: each 文号前缀 name sits on the line of its box, and clicking it goes to the box', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await saveOfficeSettings(page);
  const rows = page.locator('tr').filter({ has: page.locator('input[aria-label$="文号前缀"]') });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const name = row.locator('td').first();
    const input = row.locator('input[aria-label$="文号前缀"]');
    const box = await input.boundingBox();
    if (!box) throw new Error(`row ${i + 1}: no box`);
    const label = await textMiddle(name);
    // Within 2 px of the box's middle; before, the name stood at the top of its cell (6 px higher).
    expect(Math.abs(label - (box.y + box.height / 2)), `row ${i + 1}: ${await name.textContent()}`).toBeLessThanOrEqual(2);
  }
  await rows.first().locator('td').first().locator('label').click();
  await expect(rows.first().locator('input')).toBeFocused();
  // The 信访件编号 row too.
  const petition = page.getByLabel('信访件编号前缀');
  const petitionBox = await petition.boundingBox();
  if (!petitionBox) throw new Error('no 信访件编号前缀 box');
  const petitionName = page.locator('tr').filter({ has: petition }).locator('td').first();
  expect(Math.abs((await textMiddle(petitionName)) - (petitionBox.y + petitionBox.height / 2))).toBeLessThanOrEqual(2);
  await shot(page, 'settings-prefixes');
});

test('a case’s 操作记录 numbers its own entries 1..n and shows the log’s number as 日志编号', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createCase(page);
  const history = page.getByTestId('audit-table');
  await expect(history).toBeVisible();
  await expect(history.locator('thead th').nth(0)).toHaveText('序号');
  await expect(history.locator('thead th').nth(1)).toHaveText('日志编号');
  const rows = history.locator('tbody tr[data-seq]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(0)).toHaveText('1');
  // The first administrator, the sign-in and the settings came first in the office's log.
  const logSeq = Number(await rows.first().getAttribute('data-seq'));
  expect(logSeq).toBeGreaterThan(1);
  await expect(rows.first().locator('td').nth(1)).toHaveText(String(logSeq));

  await page.getByRole('button', { name: '变更阶段' }).click();
  await page.getByLabel('新阶段').selectOption('侦查');
  await page.getByLabel('阶段日期').fill('2020-07-15');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).locator('td').nth(0)).toHaveText('2');
  await shot(page, 'case-history');

  // The whole log in 设置 keeps its one number column: the log's own.
  await page.goto('#/settings/audit');
  const log = page.getByTestId('audit-table');
  await expect(log.locator('thead th').nth(1)).toHaveText('时间');
  await expect(log.locator(`tr[data-seq="${logSeq}"] td`).first()).toHaveText(String(logSeq));
});

test('a print the browser refuses stays recorded as 打印, then 打印未完成 with the reason, in the document’s history after a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  const detail = await issueInquiryNotice(page, caseId);
  const number = (await detail.getByTestId('detail-number').textContent()) ?? '';
  await detail.getByRole('button', { name: '打印' }).click();
  const refusal = '无法打印：这是没有打印窗口的无界面浏览器。请先点击“保存 PDF”保存文件，再用 WPS 或其他 PDF 阅读器打开后打印。';
  await expect(detail.getByTestId('document-error')).toHaveText(refusal);
  const history = detail.getByTestId('document-history');
  // 草稿, 已签发, then the print recorded first and its not completing.
  await expect(history.locator('li')).toHaveCount(4);
  await expect(history.locator('li').nth(1)).toContainText('已签发 林淼');
  await expect(history.locator('li').nth(2)).toContainText(/打印 林淼 .+\.pdf$/);
  await expect(history.locator('li').nth(3)).toContainText(`打印未完成 林淼 原因：${refusal}`);
  await shot(page, 'document-print-not-completed');

  // Kept: after a reload the document's history and the office's log still say so.
  await page.reload();
  await page.getByTestId('documents-table').getByText(number).click();
  await expect(page.getByTestId('document-history').locator('li').nth(3)).toContainText('打印未完成');
  await page.keyboard.press('Escape');
  await page.goto('#/settings/audit');
  await expect(page.getByTestId('audit-table')).toContainText('打印未完成');
});
