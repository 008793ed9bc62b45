import { expect, type Locator, type Page, test } from '@playwright/test';
import { sharedPath } from '../shared-dir';
import { approveRepaymentBatch, createCase, importRegisterFile, seedCreditor, seedCreditorRegister } from './steps';

// Rough edges a first-week clerk hit (w-edges): the import report's 说明 cut at the dialog's edge, a
// firm's name in the register cut to "威海某某…", an export whose file the browser's blob store could
// not hold reported in the browser's English. EDGES_SHOTS=<dir> keeps a screenshot of each screen.
const SHOTS = process.env.EDGES_SHOTS;
const FIXTURE = sharedPath('fixtures', 'creditors', 'messy-register.xlsx');

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test(`the import report's 说明 wraps inside the dialog at ${width}×${height}, and only the problem list scrolls`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const caseId = await createCase(page);
    // 排查 first: its own import report's styles are loaded too, and must not reach this one.
    await page.goto('#/screening');
    await expect(page.getByRole('button', { name: '导入名单' })).toBeVisible();
    await importRegisterFile(page, caseId, FIXTURE, { creditors: 12, atReport: async () => {
      const dialog = page.getByRole('dialog');
      const problems = page.getByTestId('import-problems');
      // The report is no scroll box of its own (a 320 px one cut row 10's 说明 after “或检”).
      expect(await page.getByTestId('import-report').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      // No sideways scrolling: the table is as wide as its box.
      expect(await problems.evaluate((el) => (el.parentElement as HTMLElement).scrollWidth <= (el.parentElement as HTMLElement).clientWidth)).toBe(true);
      const d = await box(dialog);
      const messages = problems.locator('tbody tr td:nth-child(5)');
      expect(await messages.count()).toBe(14);
      for (const cell of await messages.all()) {
        await cell.scrollIntoViewIfNeeded();
        const c = await box(cell);
        expect(c.x).toBeGreaterThanOrEqual(d.x);
        expect(c.x + c.width).toBeLessThanOrEqual(d.x + d.width);
        expect(c.y + c.height).toBeLessThanOrEqual(d.y + d.height);
        // The text wraps in its cell (nothing runs past the cell's right edge).
        expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      }
      const row10 = problems.locator('tr[data-row="10"] td:nth-child(5)');
      await expect(row10).toContainText('或检查是否填错了列；第 10 行');
      await expect(problems).not.toContainText('。；');
      await row10.scrollIntoViewIfNeeded();
      await shot(page, `import-report-${width}`);
    } });
  });
}

const creditor = seedCreditor;
const FIRM = '威海市环翠区某某投资管理有限公司';
const VERY_LONG = '威海市环翠区某某养老服务有限公司破产管理人（山东某某律师事务所）';

test('a firm’s name in the register: whole on hover and in its panel, and in the row once the clerk widens the column', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, [creditor(1, '张伟'), creditor(2, FIRM, true), creditor(3, VERY_LONG, true)]);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  const table = page.getByTestId('creditor-table');
  const nameCell = (name: string) => table.locator('td.cell-name').filter({ hasText: name });
  const whole = (name: string) => nameCell(name).locator('button').evaluate((el) => el.scrollWidth <= el.clientWidth);
  // At 1366 every column is in view, so a firm's name ends in … ("威海市环…"), the whole name on
  // hover over the cell.
  expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await whole(FIRM)).toBe(false);
  await expect(nameCell(FIRM)).toHaveAttribute('title', FIRM);
  await shot(page, 'register-firm-names-cut');
  // As in a spreadsheet: double-click the heading's edge and the column fits the longest name (16 字 at most).
  const edge = table.getByRole('separator', { name: /姓名\/名称.*列宽/ });
  await edge.dblclick();
  expect(await whole(FIRM)).toBe(true);
  expect(await whole('张伟')).toBe(true);
  // The click on the edge did not sort the list by name.
  await expect(table.locator('th.cell-seq')).toHaveAttribute('aria-sort', 'ascending');
  await shot(page, 'register-firm-names-fit');
  // Longer than 16 字: still … in the row, whole on hover and in the panel.
  expect(await whole(VERY_LONG)).toBe(false);
  await expect(nameCell(VERY_LONG)).toHaveAttribute('title', VERY_LONG);
  await nameCell(VERY_LONG).click();
  const heading = page.getByTestId('creditor-panel').getByRole('heading', { name: VERY_LONG });
  await expect(heading).toBeVisible();
  expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const panel = await box(page.getByTestId('creditor-panel'));
  const h = await box(heading);
  expect(h.x + h.width).toBeLessThanOrEqual(panel.x + panel.width);
  await shot(page, 'register-firm-panel');
  // Dragged by the mouse: the edge follows it, and the longest name reads whole in its row.
  await page.getByTestId('creditor-panel').getByRole('button', { name: '关闭' }).click();
  const e = await box(edge);
  await page.mouse.move(e.x + e.width / 2, e.y + e.height / 2);
  await page.mouse.down();
  await page.mouse.move(e.x + 250, e.y + e.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(await whole(VERY_LONG)).toBe(true);
  await shot(page, 'register-firm-names-dragged');
});

test('an export whose file the browser cannot hold (blob store full) says so in Chinese and what to do', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, [creditor(1, '张伟'), creditor(2, FIRM, true)]);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('total-count')).toHaveText('2');
  // Handing the file over fails as Chromium fails reading a Blob its store could not keep.
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError');
    };
  });
  await page.getByRole('button', { name: '导出名单' }).click();
  const toast = page.locator('.bp6-toast').filter({ hasText: '导出名单失败' });
  await expect(toast).toContainText('浏览器存放导出文件的临时空间已满');
  await expect(toast).toContainText('请先腾出磁盘空间');
  await expect(toast).toContainText('名单未受影响');
  await shot(page, 'export-blob-full');
  // Nothing was recorded as exported.
  await page.goto('#/settings/audit');
  await expect(page.getByTestId('audit-table').locator('tr', { hasText: '导出' }).filter({ hasText: '集资参与人名单' })).toHaveCount(0);
});

test('the bank list, when the browser cannot hold its file, says the same on the batch page and records no export', async ({ page }) => {
  test.setTimeout(240_000); // two users and an approval on a shared two-core machine
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, [
    { ...creditor(1, '张伟'), status: '已核实' },
    { ...creditor(2, FIRM, true), status: '已核实' },
  ]);
  await approveRepaymentBatch(page, caseId, { fundsYuan: '100000', batchYuan: '3000' });
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new DOMException('The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.', 'NotReadableError');
    };
  });
  await page.getByRole('button', { name: '导出银行代发清单' }).click();
  const problem = page.getByTestId('batch-problem');
  await expect(problem).toContainText('导出代发清单失败：浏览器存放导出文件的临时空间已满', { timeout: 60_000 });
  await expect(problem).toContainText('批次没有变化');
  await expect(problem).not.toContainText('permission');
  // No export was recorded (the list of exports appears with the first one).
  await expect(page.getByTestId('bank-exports')).toHaveCount(0);
  await shot(page, 'bank-list-blob-full');
});

test('the bank list, when the worker cannot build its file, says why on the batch page and records no export', async ({ page }) => {
  test.setTimeout(240_000); // two users and an approval on a shared two-core machine
  await page.setViewportSize({ width: 1366, height: 768 });
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, [
    { ...creditor(1, '张伟'), status: '已核实' },
    { ...creditor(2, FIRM, true), status: '已核实' },
  ]);
  await approveRepaymentBatch(page, caseId, { fundsYuan: '100000', batchYuan: '3000' });
  // From now on the repayment worker cannot make a Blob (as when the browser's blob store refuses one):
  // its script is served with Blob replaced, and the page reloaded so that a new worker starts.
  await page.route(/repayment\.worker-[^/]*\.js$/, async (route) => {
    const real = await route.fetch();
    const body = `globalThis.Blob = class { constructor() { throw new DOMException('The requested file could not be read.', 'NotReadableError'); } };\n${await real.text()}`;
    await route.fulfill({ response: real, body });
  });
  await page.reload();
  await page.getByRole('button', { name: '导出银行代发清单' }).click();
  const problem = page.getByTestId('batch-problem');
  await expect(problem).toContainText('导出代发清单失败：浏览器存放导出文件的临时空间已满', { timeout: 60_000 });
  await expect(problem).toContainText('批次没有变化');
  await expect(page.getByTestId('bank-exports')).toHaveCount(0);
  // The page still answers: the button is there to try again.
  await expect(page.getByRole('button', { name: '导出银行代发清单' })).toBeEnabled();
});
