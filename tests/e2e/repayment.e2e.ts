import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { APPROVER, addUser, createCase, OPERATOR, seedCreditorRegister, switchUser } from './steps';

// The creditor register is another area's feature: the case is created through the UI, its five
// creditors are written the way the creditor repository stores them (one block + the register pointer),
// and everything about repayment is then driven through the 清退 pages.
const CREDITORS = [
  { cid: '1', name: '王喆', net: 600_000, status: '已核实', exclusion: null },
  { cid: '2', name: '李堃', net: 300_000, status: '已核实', exclusion: null },
  { cid: '3', name: '赵赟', net: 100_000, status: '已核实', exclusion: null },
  { cid: '4', name: '钱昇', net: 900_000, status: '已核实', exclusion: 'employee' },
  { cid: '5', name: '孙珺', net: 200_000, status: '待核实', exclusion: null },
].map((c, i) => ({
  cid: c.cid,
  name: c.name,
  idType: 'resident',
  idNumber: `11010519600101${String(100 + i)}X`,
  bankName: '中国工商银行威海分行',
  bankAccount: `622202020011220000${i + 1}`,
  contracts: [{ principalFen: c.net, returnedFen: 0, sourceRow: i + 2, note: '' }],
  principalFen: c.net,
  returnedFen: 0,
  netClaimFen: c.net,
  status: c.status,
  exclusion: c.exclusion,
}));

async function setUp(page: Page): Promise<string> {
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, CREDITORS);
  return caseId;
}

function bankResult(rows: (string | number)[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '代发结果');
  return Buffer.from(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('funds are recorded, a batch is computed, approved, paid through the bank files, and a failed payment comes back', async ({ page }) => {
  await page.goto('/');
  const caseId = await setUp(page);

  await page.goto('#/repayment');
  await page.getByTestId('repayment-case-table').getByRole('link', { name: '威公经立〔2020〕15号' }).click();
  await expect(page.getByTestId('repayment-case-title')).toContainText('威公经立〔2020〕15号');

  // Recovered funds: a bad entry first (named, kept), then a good one.
  await page.getByRole('tab', { name: '追缴资金' }).click();
  await page.getByLabel('追缴金额（元）').fill('1万元整');
  await page.getByRole('button', { name: '登记追缴资金' }).click();
  await expect(page.getByText(/^资金来源：/)).toBeVisible();
  await expect(page.getByText(/^追缴金额：/)).toBeVisible();
  await expect(page.getByLabel('追缴金额（元）')).toHaveValue('1万元整');
  await page.getByLabel('资金来源').selectOption({ label: '处置涉案资产' });
  await page.getByLabel('追缴金额（元）').fill('10,000');
  await page.getByLabel('到账日期').fill('2026-11-01');
  await page.getByLabel('备注').fill('拍卖办公楼');
  await page.getByRole('button', { name: '登记追缴资金' }).click();
  await expect(page.getByTestId('fund-table')).toContainText('10,000.00');
  await expect(page.getByTestId('figure-available')).toContainText('10,000.00 元');

  // A batch above the funds available is refused; what was typed stays.
  await page.getByRole('tab', { name: '清退批次' }).click();
  await page.getByRole('button', { name: '新建清退批次' }).click();
  await page.getByLabel('本批清退金额（元）').fill('20000');
  await page.getByLabel('批次日期').fill('2026-11-20');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByText(/超过可用资金 10,000\.00 元/)).toBeVisible();
  await expect(page.getByLabel('本批清退金额（元）')).toHaveValue('20000');
  await page.getByLabel('本批清退金额（元）').fill('5000');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();

  await expect(page.getByTestId('batch-title')).toContainText('第 1 批清退');
  await expect(page.getByTestId('batch-status')).toHaveText('草稿');
  await expect(page.getByTestId('line-1')).toContainText('3,000.00');
  await expect(page.getByTestId('line-1')).toContainText('50.0000%');
  await expect(page.getByTestId('line-1')).toContainText('5,000.00 × 6,000.00 ÷ 10,000.00');
  await expect(page.getByTestId('line-1')).toContainText('110105********100X');
  await page.getByRole('button', { name: '显示完整号码 王喆' }).click();
  await expect(page.getByTestId('line-1')).toContainText('11010519600101100X');
  await page.getByRole('tab', { name: '不参与清退人员' }).click();
  await expect(page.getByTestId('excluded-table')).toContainText('钱昇');
  await expect(page.getByTestId('excluded-table')).toContainText('员工');
  await expect(page.getByTestId('excluded-table')).toContainText('待核实');
  await page.getByRole('tab', { name: '分配明细' }).click();

  // Recompute with small claims first: 赵赟 in full, 4,000 元 shared 6:3.
  await page.getByRole('button', { name: '重新计算' }).click();
  await page.getByText('小额优先：剩余债权不超过标准的先全额清退').click();
  await page.getByLabel('小额标准（元）').fill('1000');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByTestId('line-1')).toContainText('2,666.67');
  await expect(page.getByTestId('line-2')).toContainText('1,333.33');
  await expect(page.getByTestId('line-3')).toContainText('全额清偿');

  // Four eyes: 林淼 computed the batch and may not approve it (refused and audited)…
  const batchUrl = page.url();
  await page.getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('approve-as')).toContainText('林淼');
  await page.getByRole('dialog').getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('approve-error')).toContainText('第 1 批由你（林淼）计算，须由另一位具有“审批”角色的用户审批');
  await expect(page.getByTestId('batch-status')).toHaveText('草稿');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  // …周主任 (审批 only) approves it, and 林淼 carries on with the bank files.
  await addUser(page, APPROVER, ['审批']);
  await switchUser(page, APPROVER);
  await page.goto(batchUrl);
  await expect(page.getByRole('button', { name: '导出银行代发清单' })).toHaveCount(0);
  await page.getByRole('button', { name: '审批' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已审批');
  await expect(page.getByTestId('batch-facts')).toContainText('周主任');
  await expect(page.getByTestId('batch-facts')).toContainText('林淼');
  await switchUser(page, OPERATOR);
  await page.goto(batchUrl);

  // Bank disbursement list.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出银行代发清单' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('清退代发清单-第1批-2026-11-20.xlsx');
  const book = XLSX.read(readFileSync(await download.path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.代发清单 as XLSX.WorkSheet, { header: 1 });
  expect(rows[0]).toEqual(['序号', '户名', '账号', '开户行', '金额（元）', '业务参考号']);
  const summary = XLSX.utils.sheet_to_json<string[]>(book.Sheets.汇总 as XLSX.WorkSheet, { header: 1 });
  expect(summary).toEqual(expect.arrayContaining([['审批人', '周主任'], ['导出人', '林淼']]));
  expect(rows.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual([
    ['王喆', '6222020200112200001', '2666.67'],
    ['李堃', '6222020200112200002', '1333.33'],
    ['赵赟', '6222020200112200003', '1000.00'],
  ]);
  const refs = rows.slice(1).map((r) => String(r[5]));
  // The facts say who exported the list, without reloading the page.
  await expect(page.getByTestId('bank-exports')).toContainText('林淼');

  // Bank results: 王喆 paid, 李堃 failed, one row of another batch refused by name.
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入银行回单' }).click();
  const chooser = await chooserPromise;
  await chooser.setFiles({
    name: '代发结果.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bankResult([
      ['业务参考号', '户名', '金额', '处理结果', '失败原因'],
      [refs[0] ?? '', '王喆', '2666.67', '成功', ''],
      [refs[1] ?? '', '李堃', '1333.33', '失败', '账户冻结'],
      ['QT7-ABCDEF-000001', '周镕', '10.00', '成功', ''],
      [refs[2] ?? '', '赵赟', '1000.00', '成功', ''],
    ]),
  });
  await expect(page.getByTestId('bank-summary')).toContainText('可登记 3 行（成功 2，失败 1，退回 0）');
  await expect(page.getByTestId('bank-rejected')).toContainText('第 4 行：本批次（第 1 批）没有业务参考号“QT7-ABCDEF-000001”');
  await page.getByRole('button', { name: '登记 3 条结果' }).click();
  await expect(page.getByTestId('line-2')).toContainText('支付失败：账户冻结');
  await expect(page.getByTestId('line-1')).toContainText('已支付');
  await page.getByRole('button', { name: '标记为已支付' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已支付');
  // Later the bank sends 赵赟's payment back: recorded by hand with the reason.
  await page.getByTestId('line-3').getByRole('button', { name: '退回' }).click();
  await page.getByLabel('失败/退回原因').fill('银行退票');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('line-3')).toContainText('已退回：银行退票');

  await page.reload();
  await expect(page.getByTestId('batch-status')).toHaveText('已支付');
  await expect(page.getByTestId('line-2')).toContainText('支付失败');

  // Figures: paid 2,666.67 of 10,000 eligible; the failed 1,333.33 and returned 1,000 are available again.
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('figure-paid')).toContainText('2,666.67 元');
  await expect(page.getByTestId('figure-available')).toContainText('7,333.33 元');
  await expect(page.getByTestId('figure-rate')).toContainText('26.66%');
  await expect(page.getByTestId('figure-reissue')).toContainText('2,333.33 元（2 笔）');
  await page.getByRole('tab', { name: '参与人清退情况' }).click();
  await expect(page.getByTestId('creditor-figures')).toContainText('2,666.67');
  await expect(page.getByTestId('creditor-figures')).toContainText('44.44%');

  // The failed payment is owed again in batch 2.
  await page.getByRole('tab', { name: '清退批次' }).click();
  await page.getByRole('button', { name: '新建清退批次' }).click();
  await page.getByLabel('本批清退金额（元）').fill('1000');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByTestId('batch-title')).toContainText('第 2 批清退');
  await expect(page.getByTestId('line-2')).toContainText('3,000.00');
  await expect(page.getByTestId('line-3')).toContainText('1,000.00');

  await page.goto('#/settings/audit');
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('审批');
  await expect(audit).toContainText('导出');
  await expect(audit).toContainText('导入');
  await expect(audit).toContainText('查看完整个人信息');
  await expect(audit.locator('tr', { hasText: '拒绝执行' }).filter({ hasText: '第 1 批由你（林淼）计算' })).toHaveCount(1);
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('审计链完整');
});
