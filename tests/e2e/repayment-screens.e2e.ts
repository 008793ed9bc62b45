import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { APPROVER, addUser, createCase, OPERATOR, recordFund, seedCreditorRegister, switchUser } from './steps';

// A register of 2,345 creditors: the batch page and the per-creditor figures show one screen of 50
// rows that the repayment worker answers; rows far down the list, found by paging or by search, carry
// the right names and amounts. Creditor n claims n × 10 元 and the batch pays exactly half of every
// eligible claim (参与人7 is unverified, so not in the batch), so each line is n × 5 元.
const COUNT = 2_345;
const CREDITORS = Array.from({ length: COUNT }, (_, i) => ({
  cid: String(i + 1),
  name: `参与人${i + 1}`,
  idType: 'resident',
  idNumber: `37100219800101${String(i).padStart(4, '0')}`,
  bankName: '威海市商业银行',
  bankAccount: `62220202${String(i).padStart(11, '0')}`,
  contracts: [{ principalFen: (i + 1) * 1000, returnedFen: 0, sourceRow: i + 2, note: '' }],
  principalFen: (i + 1) * 1000,
  returnedFen: 0,
  netClaimFen: (i + 1) * 1000,
  status: i === 6 ? '待核实' : '已核实',
  exclusion: null,
}));
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

/** Funds of 14,000,000 元 and a batch paying half of every eligible claim, computed by 林淼. */
async function halfBatch(page: Page): Promise<string> {
  await page.goto('/');
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, CREDITORS);
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await recordFund(page, '14,000,000');
  await expect(page.getByTestId('fund-table')).toContainText('14,000,000.00');
  await page.getByRole('tab', { name: '清退批次' }).click();
  await page.getByRole('button', { name: '新建清退批次' }).click();
  // Half of Σ eligible claims: (2,345 × 2,346 / 2 − 7) × 10 元 / 2.
  await page.getByLabel('本批清退金额（元）').fill('13,753,390');
  await page.getByLabel('批次日期').fill('2026-11-20');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('草稿', { timeout: 60_000 });
  return caseId;
}

test('the batch page and the creditor figures show the right names and amounts far down a 2,345-creditor list', async ({ page }) => {
  const caseId = await halfBatch(page);
  const lines = page.getByTestId('batch-lines');
  await expect(page.getByText('第 1 / 47 页，共 2344 行')).toBeVisible();
  await expect(lines.locator('tbody tr')).toHaveCount(50);
  // Line 10 is 参与人11 (参与人7 takes no part).
  await expect(page.getByTestId('line-11')).toContainText('参与人11');
  await expect(page.getByTestId('line-11')).toContainText(yuan(11 * 500));
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByText('第 4 / 47 页，共 2344 行')).toBeVisible();
  await expect(lines.locator('tbody tr').first()).toContainText('151');
  await expect(page.getByTestId('line-152')).toContainText('参与人152');
  await expect(page.getByTestId('line-152')).toContainText(yuan(152 * 500));
  await page.screenshot({ path: 'test-results/repayment-screens-batch.png', fullPage: true });

  // Search runs over every line, not the screen shown.
  await page.getByLabel('按姓名或证件号码搜索').fill('参与人2300');
  await expect(page.getByText('第 1 / 1 页，共 1 行')).toBeVisible();
  const far = page.getByTestId('line-2300');
  await expect(far).toContainText('2299'); // its 序号 in the batch
  await expect(far).toContainText(yuan(2300 * 1000)); // remaining claim before this batch
  await expect(far).toContainText(yuan(2300 * 500)); // this batch
  await expect(far).toContainText('50.0000%');
  await page.getByLabel('按姓名或证件号码搜索').fill('没有这个人');
  await expect(page.getByText('第 1 / 1 页，共 0 行')).toBeVisible();
  await expect(lines.locator('tbody tr')).toHaveCount(0);

  await page.getByRole('tab', { name: '不参与清退人员' }).click();
  await expect(page.getByTestId('excluded-table')).toContainText('参与人7');

  // The per-creditor figures of the case, a screen at a time.
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await page.getByRole('tab', { name: '参与人清退情况' }).click();
  const figures = page.getByTestId('creditor-figures');
  await expect(page.getByText('第 1 / 47 页，共 2345 行')).toBeVisible();
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(figures.locator('tbody tr').first()).toContainText('参与人51');
  await expect(figures.locator('tbody tr').first()).toContainText(yuan(51 * 1000));
  await page.getByLabel('按姓名或证件号码搜索').fill('参与人2345');
  await expect(page.getByText('第 1 / 1 页，共 1 行')).toBeVisible();
  await expect(figures.locator('tbody tr')).toHaveCount(1);
  await expect(figures.locator('tbody tr').first()).toContainText(yuan(2345 * 1000));
  await page.screenshot({ path: 'test-results/repayment-screens-figures.png', fullPage: true });
});

test('2,344 lines approved by a second user, the bank list exported and the bank’s reply read in the repayment worker: 250 refused rows counted, 200 listed, the rest registered', async ({ page }) => {
  test.setTimeout(180_000); // two users, a batch, a download and a file of 2,344 rows on a shared two-core machine
  await halfBatch(page);
  const batchUrl = page.url();
  await addUser(page, APPROVER, ['审批']);
  await switchUser(page, APPROVER);
  await page.goto(batchUrl);
  await page.getByRole('button', { name: '审批', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '审批', exact: true }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已审批', { timeout: 60_000 });
  await switchUser(page, OPERATOR);
  await page.goto(batchUrl);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出银行代发清单' }).click();
  const download = await downloadPromise;
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(readFileSync(await download.path()), { type: 'buffer' }).Sheets.代发清单 as XLSX.WorkSheet, { header: 1 }).slice(1);
  expect(rows).toHaveLength(2344);
  expect(rows[2343]?.[1]).toBe('参与人2345');
  expect(rows[2343]?.[4]).toBe('11725.00');
  await expect(page.getByTestId('bank-exports')).toContainText(OPERATOR);

  // The bank's reply: the first 250 rows with a status nobody can read, every 10th of the rest failed.
  const reply: string[][] = [['业务参考号', '户名', '金额（元）', '处理结果', '失败原因']];
  rows.forEach((r, i) => {
    reply.push([String(r[5]), String(r[1]), String(r[4]), i < 250 ? '处理中' : i % 10 === 0 ? '失败' : '成功', i % 10 === 0 ? '户名不符' : '']);
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(reply), '代发结果');
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入银行回单' }).click();
  await (await chooserPromise).setFiles({ name: '代发结果.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) });
  const failed = rows.filter((_, i) => i >= 250 && i % 10 === 0).length;
  await expect(page.getByTestId('bank-summary')).toContainText(`回单数据 2344 行，可登记 2094 行（成功 ${2094 - failed}，失败 ${failed}，退回 0）`);
  const rejected = page.getByTestId('bank-rejected');
  await expect(rejected).toContainText('以下 250 行未能对应，不会登记');
  await expect(rejected.locator('li')).toHaveCount(200);
  await expect(rejected.locator('li').first()).toContainText('第 2 行：状态“处理中”无法识别');
  await expect(rejected).toContainText('另有 50 行未能对应');
  await page.screenshot({ path: 'test-results/repayment-screens-bank.png', fullPage: true });
  await page.getByRole('button', { name: '登记 2094 条结果' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('tab', { name: '支付登记记录' }).click();
  await expect(page.getByTestId('payment-results')).toContainText('代发结果.xlsx');
  // Reading the page again shows what is stored (参与人7 takes no part, so row i is 参与人 i + 2 from the 7th row on):
  // 参与人252 (row 250) failed, 参与人253 paid, 参与人200 (row 198, unreadable) still waiting.
  await page.reload();
  const search = page.getByLabel('按姓名或证件号码搜索');
  await search.fill('参与人252');
  await expect(page.getByTestId('line-252')).toContainText('支付失败：户名不符');
  await search.fill('参与人253');
  await expect(page.getByTestId('line-253')).toContainText('已支付');
  await search.fill('参与人200');
  await expect(page.getByTestId('line-200')).not.toContainText('已支付');
  await expect(page.getByTestId('line-200')).not.toContainText('支付失败');
});
