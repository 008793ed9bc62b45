// Issue 11, the creditor register at office scale: the same register as .xls then .xlsx does not
// double the claims; a corrected file replaces the register on purpose; a reviewer verifies a whole
// filter in one action; a passport number is found by search.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { addUser, createCase, ensureSignedIn, switchUser } from './steps';

const REVIEWER = '钱审核';
const HEADER = ['序号', '姓名', '证件类型', '证件号码', '投资金额（元）', '已获收益（元）', '开户银行', '银行账号', '备注'];

function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, ch, i) => s + Number(ch) * (weights[i] ?? 0), 0);
  return body17 + ('10X98765432'[sum % 11] ?? '');
}

/** Five contracts of four people, 432,345.00 yuan in all; John Smith holds a passport. */
const ROWS: (string | number)[][] = [
  [1, '张伟', '', residentId('37100219800101001'), 100000, 0, '中国银行', '6222020200112233441', 'HT-001'],
  [2, '李娜', '', residentId('37100219850505002'), 150000, 0, '', '', 'HT-002'],
  [3, '李娜', '', residentId('37100219850505002'), 50000, 0, '', '', 'HT-003'],
  [4, 'John Smith', '护照', 'E12345678', 50000, 0, '', '', 'HT-004'],
  [5, '王芳', '', residentId('37100219900909003'), 82345, 0, '', '', 'HT-005'],
];

function register(dir: string, name: string, rows: (string | number)[][], bookType: 'xls' | 'xlsx'): string {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([['某某公司集资参与人名单'], HEADER, ...rows]), '名单');
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(write(book, { type: 'array', bookType }) as ArrayBuffer));
  return path;
}

async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles(path);
}

async function validate(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: '导入名单' }).click();
  await chooseFile(page, path);
  await expect(page.getByTestId('detected-header')).toHaveText('识别到表头在第 2 行');
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
}

test('the same register as .xls then .xlsx keeps the total; a corrected file replaces it; a filter is verified at once; a passport is found', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'creditors-week-'));
  const xls = register(dir, '名单.xls', ROWS, 'xls');
  const xlsx = register(dir, '名单.xlsx', ROWS, 'xlsx');
  const corrected = register(dir, '名单（更正）.xlsx', ROWS.slice(0, 4), 'xlsx');

  await ensureSignedIn(page);
  await addUser(page, REVIEWER, ['审核']);
  const caseId = await createCase(page);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await expect(page.getByText('本案还没有集资参与人')).toBeVisible();

  // The dialog offers a blank template and a guide to the columns before a file is chosen.
  await page.getByRole('button', { name: '导入名单' }).click();
  await expect(page.getByTestId('column-guide')).toContainText('证件号码');
  await expect(page.getByRole('button', { name: '下载空白名单模板（xlsx）' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();

  // First the .xls.
  await validate(page, xls);
  await page.getByRole('button', { name: '导入 5 行有效记录' }).click();
  await expect(page.getByTestId('total-count')).toHaveText('4');
  await expect(page.getByTestId('total-net')).toHaveText('432,345.00');

  // Then the same register as .xlsx: every contract is a repeat, skipped; nothing to import.
  await validate(page, xlsx);
  await expect(page.getByTestId('repeated-contracts')).toContainText('本文件有 5 行合同已在本案名单中');
  await expect(page.getByTestId('import-problems').locator('tr[data-row="3"]')).toContainText('本次跳过');
  await expect(page.getByRole('button', { name: '本文件的合同都已在本案名单中，没有需要导入的新合同。' })).toBeDisabled();
  // Adding them on purpose is a choice the user makes, and the report says so.
  await page.getByLabel('仍然添加重复合同（确认是另外签订的合同）').click({ force: true });
  await expect(page.getByTestId('repeated-contracts')).toContainText('已按您的选择');
  await expect(page.getByRole('button', { name: '导入 5 行有效记录' })).toBeEnabled();
  await page.getByLabel('仍然添加重复合同（确认是另外签订的合同）').click({ force: true });
  await expect(page.getByRole('button', { name: '导入 5 行有效记录' })).toHaveCount(0);
  await page.screenshot({ path: join(dir, 'repeats.png') });
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByTestId('total-net')).toHaveText('432,345.00');

  // A corrected file (王芳 was entered by mistake) replaces the register: confirmed, then done.
  await validate(page, corrected);
  await page.getByRole('button', { name: '用此文件替换本案名单' }).click();
  await expect(page.getByTestId('replace-mode')).toContainText('原名单中有 1 人不在本文件中，将被移除');
  await page.getByRole('button', { name: '替换本案名单（4 行有效记录）' }).click();
  await expect(page.getByTestId('confirm-replace')).toContainText('替换后共 3 人，核定清退基数合计 350,000.00 元');
  await page.getByRole('button', { name: '确定替换' }).click();
  await expect(page.getByTestId('creditor-table')).toBeVisible();
  await expect(page.getByTestId('total-count')).toHaveText('3');
  await expect(page.getByTestId('total-net')).toHaveText('350,000.00');

  // A passport number is found, and the table says which document it is.
  const search = page.getByLabel('按姓名、证件号码或手机号开头搜索');
  await search.fill('E12345678');
  await expect(page.getByTestId('total-count')).toHaveText('1');
  await expect(page.getByTestId('creditor-table')).toContainText('John Smith');
  await expect(page.getByTestId('creditor-table').locator('.id-type-tag')).toHaveText('护照');
  await search.fill('李');
  await expect(page.getByTestId('total-count')).toHaveText('1');
  await search.fill('');

  // Another person, with the 审核 role, verifies everyone the filter shows in one action.
  await switchUser(page, REVIEWER);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await page.getByLabel('核实状态').first().selectOption('待核实');
  await expect(page.getByTestId('total-count')).toHaveText('3');
  await page.getByRole('button', { name: '批量核实…' }).click();
  const bulk = page.getByTestId('bulk-verify');
  await expect(bulk).toContainText('当前搜索和筛选结果 3 人');
  await bulk.getByLabel('存疑（须写明原因）').check({ force: true });
  await bulk.getByRole('button', { name: '确定（3 人）' }).click();
  await expect(page.getByTestId('bulk-error')).toContainText('存疑原因：请写明存疑的原因');
  await bulk.getByLabel('已核实').check({ force: true });
  await expect(page.getByTestId('bulk-summary')).toContainText('将把 3 人设为“已核实”');
  await page.screenshot({ path: join(dir, 'bulk.png') });
  await bulk.getByRole('button', { name: '确定（3 人）' }).click();
  await expect(page.getByText('已将 3 人设为“已核实”，已记入审计日志。')).toBeVisible();
  await expect(page.getByText('没有符合条件的参与人。')).toBeVisible();
  await page.getByLabel('核实状态').first().selectOption('已核实');
  await expect(page.getByTestId('total-count')).toHaveText('3');

  // It survives a reload: the register, the statuses.
  await page.reload();
  await ensureSignedIn(page, REVIEWER);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('total-net')).toHaveText('350,000.00');
  await expect(page.getByTestId('creditor-table').locator('.cell-status').filter({ hasText: '已核实' })).toHaveCount(3);
  await page.screenshot({ path: join(dir, 'register.png'), fullPage: true });
  console.log(`screenshots in ${dir}`);
});

/** aria-label, title and placeholder values on the page that are English words (Blueprint's defaults). */
async function englishLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr);
        if (v && /^[A-Za-z][A-Za-z .,'-]*[A-Za-z]$/.test(v.trim()) && !/^(SHA-256|PDF|DOCX|XLSX|CSV)$/i.test(v.trim())) found.add(`${el.tagName.toLowerCase()}[${attr}="${v}"]`);
      }
    }
    return [...found];
  });
}

test('no English accessibility labels on the creditor pages, their dialogs and toasts', async ({ page }) => {
  await ensureSignedIn(page);
  const caseId = await createCase(page);
  const seen: string[] = [];
  for (const hash of ['#/cases', `#/cases/${encodeURIComponent(caseId)}`, '#/creditors', `#/creditors/${encodeURIComponent(caseId)}`, '#/settings/office']) {
    await page.goto(hash);
    await page.waitForTimeout(500);
    seen.push(...(await englishLabels(page)));
  }
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '导入名单' }).click();
  await expect(page.getByTestId('column-guide')).toBeVisible();
  seen.push(...(await englishLabels(page)));
  await expect(page.getByRole('dialog').getByRole('button', { name: '关闭对话框' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByRole('button', { name: '新增参与人' }).click();
  seen.push(...(await englishLabels(page)));
  expect(seen).toEqual([]);
});
