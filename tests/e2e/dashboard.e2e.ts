import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { createCase } from './steps';

// The 统计 dashboard as a leader uses it: a period, a district, a figure's records, the xlsx and the
// work report. FIGURE_SHOTS=<dir> saves screenshots of each screen.
const SHOTS = process.env.FIGURE_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const row = (page: Page, id: string) => page.locator(`tr[data-figure="${id}"]`);

test('dashboard: period and district, a figure’s records, xlsx export and the work report', async ({ page }) => {
  test.setTimeout(180_000);
  // One case filed 2020-06-01 in 环翠区 (districts 环翠区, 文登区).
  const caseId = await createCase(page);
  await page.goto('#/dashboard');
  await expect(page.getByTestId('figure-table')).toBeVisible();

  // 2020: one new case against none in 2019; the change is "—", never ∞.
  await page.getByLabel('年份').selectOption('2020');
  await expect(page).toHaveURL(/#\/dashboard\/p\/2020-01-01\/2020-12-31$/);
  await expect(page.getByTestId('value-cases.new.count')).toHaveText('1起');
  await expect(page.getByTestId('previous-cases.new.count')).toHaveText('0起');
  await expect(page.getByTestId('change-cases.new.count')).toHaveText('—');
  // 文登区 had no new case: half the districts are zero-case districts.
  await expect(page.getByTestId('value-cases.zeroCaseDistricts')).toHaveText('50.0%');
  // The definition shows on hover.
  await row(page, 'cases.new.count').getByRole('button', { name: /新立案件数/ }).hover();
  await expect(page.locator('.dashboard-definition')).toContainText('立案日期在统计期间内');
  await shot(page, 'dashboard-2020');

  // A quarter, then back to the year.
  await page.getByLabel('期间类型').selectOption('quarter');
  await page.getByLabel('季度').selectOption('2');
  await expect(page).toHaveURL(/2020-04-01\/2020-06-30$/);
  await expect(page.getByTestId('value-cases.new.count')).toHaveText('1起');
  await page.getByLabel('季度').selectOption('3');
  await expect(page.getByTestId('value-cases.new.count')).toHaveText('0起');
  await page.getByLabel('期间类型').selectOption('year');
  await page.getByLabel('年份').selectOption('2020');

  // A custom period that ends before it starts is refused with the field named.
  await page.getByLabel('期间类型').selectOption('custom');
  await page.getByLabel('开始日期').fill('2020-12-31');
  await page.getByLabel('结束日期').fill('2020-01-01');
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('period-picker').getByRole('alert')).toHaveText('结束日期 2020-01-01 早于开始日期 2020-12-31，请改正。');
  await page.getByLabel('期间类型').selectOption('year');
  await page.getByLabel('年份').selectOption('2020');

  // District filter.
  await page.getByLabel('区县').selectOption('文登区');
  await expect(page).toHaveURL(/2020-12-31\/%E6%96%87%E7%99%BB%E5%8C%BA$/);
  await expect(page.getByTestId('value-cases.new.count')).toHaveText('0起');
  await page.getByLabel('区县').selectOption('');
  await expect(page.getByTestId('value-cases.new.count')).toHaveText('1起');

  // Per-district table and the charts.
  await page.getByRole('tab', { name: '分区县' }).click();
  const table = page.getByTestId('district-table');
  await expect(table.locator('tr', { hasText: '新立案件数' }).locator('td')).toHaveText(['新立案件数', '1起', '0起', '1起']);
  await shot(page, 'dashboard-districts');
  await page.getByRole('tab', { name: '图表' }).click();
  await expect(page.getByTestId('chart-new-cases').locator('svg')).toBeVisible();
  await expect(page.getByTestId('chart-districts').locator('svg')).toContainText('环翠区');
  await shot(page, 'dashboard-charts');
  await page.getByRole('tab', { name: '指标' }).click();

  // The figure's records, each opening its own page.
  await page.getByTestId('value-cases.new.count').click();
  await expect(page.getByTestId('figure-records')).toContainText('新立案件数：明细');
  await expect(page.getByTestId('figure-records')).toContainText('立案 2020-06-01');
  await shot(page, 'dashboard-records');
  await page.getByRole('link', { name: /威公经立〔2020〕15号/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${caseId}$`));
  await page.goBack();
  await page.getByRole('button', { name: '返回统计' }).click();

  // xlsx: every figure with the previous year and its definition.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('统计数据_2020-01-01_2020-12-31.xlsx');
  const book = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.统计数据 as XLSX.WorkSheet, { header: 1 });
  expect(rows.find((r) => r[0] === 'cases.new.count')?.slice(0, 6)).toEqual(['cases.new.count', '新立案件数', '起', 1, 0, '—']);
  expect(String(rows.find((r) => r[0] === 'cases.new.count')?.[7])).toContain('立案日期');
  // Where a value comes from, as shown under it on the page: the case has neither register nor typed 涉及人数.
  expect(rows.find((r) => r[0] === 'cases.new.people')?.[6]).toBe('未填写 1 起');
  expect(book.SheetNames).toEqual(['统计数据', '分区县']);

  // The work report: phrases from the figures, DOCX and PDF through the document engine.
  await page.getByRole('button', { name: '工作情况报告' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('新立案件数')).toHaveValue('1');
  await expect(dialog.getByLabel('新立案件同比')).toHaveValue('去年同期均为0');
  await dialog.getByLabel('总体情况').fill('2020年，我市专项整治行动取得阶段性成效。');
  await shot(page, 'dashboard-report-dialog');
  const pdfDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('2020年打击非法集资工作情况报告.pdf');
  const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('新立非法集资案件1起');
  expect(text).toContain('2020年，我市专项整治行动取得阶段性成效。');
  const docxDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '生成 DOCX' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe('2020年打击非法集资工作情况报告.docx');
  expect(readFileSync(await docx.path()).subarray(0, 2).toString()).toBe('PK');
  if (SHOTS) {
    execFileSync('cp', [await pdf.path(), `${SHOTS}/work-report.pdf`]);
    execFileSync('cp', [await docx.path(), `${SHOTS}/work-report.docx`]);
  }
});
