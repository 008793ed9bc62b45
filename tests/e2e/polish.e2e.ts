import { expect, type Page, test } from '@playwright/test';
import { sharedPath } from '../shared-dir';
import { createCase, issueInquiryNotice } from './steps';

// Rough edges a first-week clerk hit (w-polish): times shown in UTC, records in the audit log named
// 「（记录已不存在）」 or in English, a built-in template not named. Walked the way a clerk works:
// a case, the shared register imported (and chosen again by mistake), a notice drafted from a
// built-in template and issued, then the audit log read.
const SHOTS = process.env.POLISH_SHOTS;
const FIXTURE = sharedPath('fixtures', 'creditors', 'messy-register.xlsx');

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const OFFICE_CLOCK = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** "2026-12-03 11:20" now on the office's clock, or a minute either side (the step may straddle a minute). */
function officeNow(): RegExp {
  const t = Date.now();
  return new RegExp([t - 60_000, t, t + 60_000].map((ms) => OFFICE_CLOCK.format(ms)).join('|'));
}

async function chooseRegister(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles(FIXTURE);
}

test('times read on the office clock and the audit log names every record in Chinese, built-in templates included', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  const caseId = await createCase(page);

  // The register imported, then the same file chosen again: the warning says when, on the office clock.
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '导入名单' }).click();
  await chooseRegister(page);
  await page.getByRole('button', { name: '校验' }).click();
  await page.getByRole('button', { name: /导入 \d+ 行有效记录/ }).click();
  await expect(page.getByTestId('total-count')).toHaveText('12', { timeout: 60_000 });
  const importedAt = officeNow();
  await page.getByRole('button', { name: '导入名单' }).click();
  await chooseRegister(page);
  const again = page.getByText(/这个文件（内容完全相同）已在 .* 导入过本案/);
  await expect(again).toBeVisible();
  await expect(again).toContainText(importedAt);
  await shot(page, 'same-file-office-time');
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // A notice from the built-in template, saved as a draft, then issued: its 状态记录 on the office clock.
  const detail = await issueInquiryNotice(page, caseId);
  const issuedAt = officeNow();
  await expect(detail.getByText(/已签发 林淼$/)).toContainText(issuedAt);
  await shot(page, 'document-history-office-time');
  await page.keyboard.press('Escape');

  // The audit log: the draft names the built-in template it came from, nothing reads 记录已不存在.
  await page.goto('#/settings/audit');
  const table = page.getByTestId('audit-table');
  const draftRow = table.locator('tr[data-seq]').filter({ hasText: '新建' }).filter({ hasText: '文书' });
  await expect(draftRow).toHaveCount(1);
  await draftRow.getByRole('button', { name: /查看详情/ }).click();
  const details = table.locator('.audit-details-row');
  await expect(details).toContainText('联合执法询问通知书（内置模板）');
  // The form's fields read as the form labelled them, the type by its name: no partyName, no inquiry-notice.
  await expect(details).toContainText('填写内容·被询问单位（人）');
  await expect(details).not.toContainText(/partyName|appointmentDate|inquiry-notice/);
  await expect(table).not.toContainText('记录已不存在');
  await shot(page, 'audit-builtin-template');
});
