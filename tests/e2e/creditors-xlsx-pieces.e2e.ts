// Issue 17: a large .xlsx sheet is parsed in pieces on several workers. The app's report and
// register must be exactly what the import core makes of the whole sheet in one piece, including a
// person whose two contracts lie on either side of the cut and problem rows in every piece.
import { utils, write } from '@e965/xlsx';
import { expect, test } from '@playwright/test';
import { checkCreditorFile } from '../../renderer/src/core/creditors';
import { formatFen } from '../../renderer/src/core/money';
import { createCase } from './steps';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function residentId(i: number, good = true): string {
  const body = `3710021980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const sum = W.reduce((s, w, k) => s + w * Number(body[k]), 0);
  const check = '10X98765432'[sum % 11] ?? '';
  return body + (good ? check : check === '0' ? '1' : '0');
}

/** 15,000 rows (a 5 MB sheet, stored as SheetJS writes it): big enough to be cut. */
function register(): Uint8Array {
  const aoa: Array<Array<string | number>> = [['序号', '姓名', '身份证号码', '联系电话', '投资金额（元）', '已获收益（元）', '开户银行', '银行卡号', '住址']];
  for (let i = 1; i <= 15_000; i++) {
    // Row 12 and row 14,012 are the same person (two contracts, one on each side of the cut).
    const same = i === 14_011;
    const id = same ? residentId(11) : residentId(i, i % 1_000 !== 500);
    aoa.push([i, same ? '参与人11' : `参与人${i}`, id, `138${String(i).padStart(8, '0')}`, (i % 97) * 1000 + 500, i % 5 === 0 ? 100.5 : 0, '中国工商银行威海分行', `62220${String(i).padStart(14, '0')}`, `山东省威海市环翠区海滨北路${i}号`]);
  }
  const sheet = utils.aoa_to_sheet(aoa);
  // An array formula (序号 1 as =1) is something our own reader gives up on (sheet-xml-rows.ts): the
  // sheet then goes through SheetJS, cut into pieces. A plain sheet is read in one pass instead.
  const first = sheet['!data']?.[1]?.[0] ?? sheet.A2;
  if (first) Object.assign(first, { f: '1', F: 'A2:A2' });
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '集资参与人');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('a large xlsx parsed in pieces gives the same report and register as the whole sheet read at once', async ({ page }) => {
  test.slow();
  const bytes = register();
  expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
  const whole = await checkCreditorFile(bytes, '大名单.xlsx');
  expect(whole.errorRows).toBe(15);
  expect(whole.creditors).toHaveLength(14_984);

  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await createCase(page);
  await page.goto('#/creditors');
  await page.getByRole('link', { name: '威公经立〔2020〕15号' }).click();
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles({ name: '大名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
  // A sheet of several MB: under a loaded machine its parse takes longer than expect's 5 s.
  await expect(page.getByTestId('detected-header')).toHaveText('识别到表头在第 1 行', { timeout: 60_000 });
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('error-rows')).toHaveText(new RegExp(`${whole.errorRows}$`));
  await expect(page.getByTestId('warning-rows')).toHaveText(new RegExp(`${whole.warningRows}$`));
  await expect(page.getByTestId('import-creditors')).toContainText(`本文件参与人 ${whole.creditors.length} 人`);
  // It was cut: a piece worker ran beside the import worker (this machine has two cores or more).
  expect(workers.some((url) => url.includes('creditor-sheet-piece'))).toBe(true);
  // Problem rows from the first and the last piece, by their Excel row numbers.
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tr[data-row="501"]')).toContainText('身份证');
  await expect(problems.locator('tr[data-row="14501"]')).toContainText('身份证');
  await expect(problems.locator('tbody tr')).toHaveCount(whole.rows.filter((r) => r.status !== 'ok').length);

  await page.getByRole('button', { name: /导入 \d+ 行有效记录/ }).click();
  await expect(page.getByTestId('total-count')).toHaveText(whole.creditors.length.toLocaleString('zh-CN'), { timeout: 60_000 });
  await expect(page.getByTestId('total-net')).toHaveText(formatFen(whole.totalNetClaimFen));
  // The person on both sides of the cut is one creditor with two contracts.
  await page.getByLabel('按姓名、证件号码或手机号开头搜索').fill('参与人11');
  await page.getByRole('button', { name: '参与人11', exact: true }).click();
  await expect(page.getByTestId('contract-table').locator('tbody')).toHaveCount(2);
});
