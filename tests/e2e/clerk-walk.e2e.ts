import { expect, type Page, test } from '@playwright/test';
import { sharedPath } from '../shared-dir';
import { approveRepaymentBatch, createCase, importRegisterFile, issueInquiryNotice } from './steps';

// A new clerk's first walk through the app at the office PC's 1366×768: a case, a small register
// from the shared fixtures, a fund and a batch, a document, a petition, 统计 and 报送. Each screen is
// saved (test-results/clerk-walk/) to be looked at, and none shows a program's words instead of
// Chinese (undefined, NaN, null, [object Object]).

const FIXTURE = sharedPath('fixtures', 'creditors', 'messy-register.xlsx');

async function look(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/clerk-walk/${name}.png`, fullPage: false });
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text, name).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]/);
}

test('a new clerk walks case → register → fund and batch → document → petition → 统计 → 报送', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  await look(page, '01-case');

  await importRegisterFile(page, caseId, FIXTURE, { creditors: 12, atReport: () => look(page, '02-import-report') });
  await look(page, '03-register');
  // Only verified creditors take part in a batch (the batch dialog says so otherwise).
  await page.getByRole('button', { name: '批量核实…' }).click();
  const bulk = page.getByTestId('bulk-verify');
  await bulk.getByLabel('已核实').check({ force: true });
  await look(page, '03b-bulk-verify');
  await bulk.getByRole('button', { name: '确定（12 人）' }).click();
  await expect(page.getByText('已将 12 人设为“已核实”，已记入审计日志。')).toBeVisible();

  await approveRepaymentBatch(page, caseId, { fundsYuan: '100000', batchYuan: '50000' });
  await look(page, '04-batch');
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await look(page, '05-repayment');

  const detail = await issueInquiryNotice(page, caseId);
  await expect(detail).toBeVisible();
  await look(page, '06-document');
  await page.keyboard.press('Escape');

  await page.goto('#/petitions');
  await look(page, '07-petitions');
  await page.getByRole('button', { name: '登记信访件' }).click();
  await look(page, '08-petition-form');

  await page.goto('#/dashboard');
  await look(page, '09-dashboard');
  await page.goto('#/exchange');
  await look(page, '10-exchange');
  await page.goto('#/settings/office');
  await look(page, '11-settings');
});
