import { expect, type Page, test } from '@playwright/test';
import { OFFICE_NAME, saveOfficeSettings, seedCreditorRegister } from './steps';

// What a first-week user hit (issue 11): long case titles, dates on an English PC, petition numbers,
// petitioners picked from the case's creditors, search by ID, Chinese labels and messages.

// Exactly 200 字, the limit: a title that long must still fit the list and the case page.
const LONG_TITLE = `${`威海某某养老服务有限公司及其关联企业威海某某健康管理有限公司、威海某某旅游发展有限公司${'以养老公寓预售和旅游产品返利为名向社会不特定公众吸收资金'.repeat(6)}`.slice(0, 189)}涉嫌非法吸收公众存款案`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/first-week/${name}.png`, fullPage: true });
}

/** A case filed 2016-06-01 (so it is 陈案积案) with a firm party, typed the way a clerk would. */
async function createBacklogCase(page: Page, title: string, caseNumber = '威公经立〔2016〕8号'): Promise<string> {
  await page.goto('#/cases/new');
  await page.getByLabel('案件编号').fill(caseNumber);
  await page.getByLabel('案件名称').fill(title);
  await page.getByLabel('涉嫌罪名/类型').selectOption('非法吸收公众存款');
  await page.getByLabel('领域').selectOption('养老');
  await page.getByLabel('区县').selectOption('环翠区');
  await page.getByLabel('立案日期').fill('2016年6月1日');
  await page.locator('#case-stage').selectOption('立案');
  await page.getByLabel('阶段日期').fill('2016/6/1');
  await page.getByRole('button', { name: '添加企业' }).click();
  await page.getByLabel('名称/姓名 1').fill('威海某某养老服务有限公司');
  await page.getByLabel('统一社会信用代码 1').fill('91371000MA3C0000AL');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-title')).toHaveText(title);
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

test('a 200-字 case title is kept readable on the list and the case page; a longer one is refused with the limit named', async ({ page }) => {
  await page.goto('/');
  await saveOfficeSettings(page);
  await page.goto('#/cases/new');
  await page.getByLabel('案件名称').fill(`${LONG_TITLE}案`);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('案件名称：不能超过 200 字（现有 201 字），请精简。')).toBeVisible();
  // The refused save kept what was typed; it is fixed and saved without leaving the page.
  await page.getByLabel('案件名称').fill('');
  const caseId = await createBacklogCase(page, LONG_TITLE);

  // Case page: the title takes at most two lines; the stage, the tag and the buttons stay in view.
  const heading = page.getByTestId('case-title');
  await expect(heading).toHaveAttribute('title', LONG_TITLE);
  const headingBox = await heading.boundingBox();
  const lineHeight = await heading.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 24);
  expect(headingBox?.height ?? 999).toBeLessThanOrEqual(lineHeight * 2 + 4);
  for (const name of ['变更阶段', '编辑']) await expect(page.getByRole('button', { name })).toBeInViewport();
  await expect(page.getByTestId('case-stage')).toBeInViewport();
  await shot(page, 'case-page-long-title');

  // List: the title ends in … with the whole title on hover, the 陈案积案 tag is whole, headers are not clipped.
  await page.goto('#/cases');
  const row = page.getByTestId('case-table').locator('tbody tr').first();
  const title = row.locator('.title-cell .truncate');
  await expect(title).toHaveAttribute('title', LONG_TITLE);
  expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const tag = row.getByText('陈案积案');
  await expect(tag).toBeVisible();
  expect(await tag.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await row.evaluate((tr) => tr.getBoundingClientRect().height)).toBeLessThan(40);
  const clipped = await page
    .getByTestId('case-table')
    .locator('th')
    .evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth).map((th) => th.textContent));
  expect(clipped).toEqual([]);
  await shot(page, 'case-list-long-title');

  // The other pages that name the case keep their layout too; a long creditor name ends in … in
  // its cell instead of widening or scrolling the table.
  const longName = `${'威海某某养老服务有限公司'.repeat(8)}`.slice(0, 90);
  await seedCreditorRegister(page, caseId, [
    { cid: '1', name: longName, idType: 'org', idNumber: '91371000MA3C0000AL', netClaimFen: 100_000, principalFen: 100_000, returnedFen: 0, contracts: [], status: '已核实', exclusion: null },
    { cid: '2', name: '王喆', idType: 'resident', idNumber: '110105196001011001', netClaimFen: 50_000, principalFen: 50_000, returnedFen: 0, contracts: [], status: '已核实', exclusion: null },
  ]);
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  const nameCell = page.getByText(longName, { exact: true }).first();
  await expect(nameCell).toBeVisible();
  const sideways = await page.locator('.creditor-row .cell').evaluateAll((cells) =>
    cells.filter((c) => getComputedStyle(c).overflowX === 'auto' || getComputedStyle(c).overflowX === 'scroll').length,
  );
  expect(sideways).toBe(0);
  // The whole name on hover: the title sits on the name's cell (the button inside has none of its own).
  await expect(page.locator('.cell-name', { has: page.getByRole('button', { name: longName }) })).toHaveAttribute('title', longName);
  await expect(page.getByRole('button', { name: longName })).not.toHaveAttribute('title', /.+/);
  const clippedHeads = await page.locator('.creditor-head .cell').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
  expect(clippedHeads).toEqual([]);
  for (const [area, name] of [
    ['creditors', 'creditors'],
    ['repayment', 'repayment'],
    ['documents', 'documents'],
  ] as const) {
    await page.goto(`#/${area}/${encodeURIComponent(caseId)}`);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(1280);
    await shot(page, `${name}-long-title`);
  }

  // Search finds the case by its party's 统一社会信用代码 (in part, in lower case) as well as by name.
  await page.goto('#/cases');
  await page.getByLabel('搜索').fill('91371000ma3c0000');
  await expect(page.getByTestId('case-table')).toContainText('威公经立〔2016〕8号');
  await page.getByLabel('搜索').fill('91371000MA3C9999');
  await expect(page.getByText('没有符合条件的案件。')).toBeVisible();
});

test('petitions are numbered on registration by year, never reused; petitioners come from the case creditors', async ({ page }) => {
  await page.goto('/');
  await saveOfficeSettings(page);
  await page.getByLabel('信访件编号前缀').fill('威处非信');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('next-petition-number')).toContainText(/威处非信〔\d{4}〕1号/);
  const caseId = await createBacklogCase(page, '威海某某养老服务有限公司涉嫌非法吸收公众存款案');
  await seedCreditorRegister(page, caseId, [
    { cid: '1', name: '王喆', idType: 'resident', idNumber: '110105196001011001', netClaimFen: 100_000, principalFen: 100_000, returnedFen: 0, contracts: [], status: '已核实', exclusion: null },
    { cid: '2', name: '李堃', idType: 'resident', idNumber: '110105196001011002', netClaimFen: 50_000, principalFen: 50_000, returnedFen: 0, contracts: [], status: '已核实', exclusion: null },
  ]);

  const register = async (receivedOn: string, name: string): Promise<void> => {
    await page.goto('#/petitions/new');
    await page.getByLabel('收到日期').fill(receivedOn);
    await page.getByLabel('信访人 1 姓名').fill(name);
    await page.getByLabel('诉求').fill('要求尽快清退本金');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('petition-status')).toHaveText('登记');
  };
  await register('2026-03-02', '张建国');
  await expect(page.getByTestId('petition-title')).toHaveText('威处非信〔2026〕1号');
  await register('2025-12-30', '李秀英');
  await expect(page.getByTestId('petition-title')).toHaveText('威处非信〔2025〕1号');

  // The form shows the number it will give; a refused save takes none.
  await page.goto('#/petitions/new');
  await page.getByLabel('收到日期').fill('2026-03-05');
  await page.getByLabel('收到日期').blur();
  await expect(page.getByTestId('petition-number-preview')).toContainText('威处非信〔2026〕2号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-errors')).toBeVisible();

  // A petitioner picked from the linked case's creditors, found by name or by the ID's last digits.
  await page.getByLabel('关联案件').selectOption({ index: 1 });
  await page.getByLabel('从案件集资参与人中查找').fill('1002');
  await page.getByTestId('creditor-matches').getByText('李堃').click();
  await expect(page.getByLabel('信访人 1 姓名')).toHaveValue('李堃');
  await expect(page.locator('.petitioner-rows').getByText('集资参与人', { exact: true })).toBeVisible();
  await page.getByLabel('诉求').fill('要求公布清退方案');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petition-title')).toHaveText('威处非信〔2026〕2号');
  await expect(page.getByTestId('petitioners')).toContainText('李堃');
  await shot(page, 'petition-numbered');

  // The ledger lists them by number; settings show the next one.
  await page.goto('#/petitions');
  for (const n of ['威处非信〔2026〕1号', '威处非信〔2026〕2号', '威处非信〔2025〕1号']) await expect(page.getByTestId('petition-table')).toContainText(n);
  await page.goto('#/settings/office');
  await expect(page.getByTestId('next-petition-number')).toContainText(/威处非信〔\d{4}〕\d+号/);
});

test('settings warn while the issuing authority is empty; Blueprint dialogs are labelled in Chinese; messages say what is wrong', async ({ page }) => {
  await page.goto('#/settings/office');
  await expect(page.getByTestId('office-name-missing')).toContainText('尚未填写发文机关');
  await saveOfficeSettings(page);
  await page.goto('#/settings/office');
  await expect(page.getByTestId('office-name-missing')).toHaveCount(0);
  await expect(page.getByText(OFFICE_NAME).first()).toBeVisible();

  const caseId = await createBacklogCase(page, '威海某某养老服务有限公司涉嫌非法吸收公众存款案');
  await page.getByRole('button', { name: '变更阶段' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: '关闭对话框' })).toBeVisible();
  await expect(page.getByRole('button', { name: '关闭提示' }).first()).toBeVisible();
  await expect(page.locator('[aria-label="Close"]')).toHaveCount(0);
  await dialog.getByRole('button', { name: '关闭对话框' }).click();

  // A negative count says so; an unchosen fund source says it is missing.
  await page.goto('#/cases/new');
  await page.getByLabel('涉及人数').fill('-5');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('涉及人数：不能为负数，请填写 0 或正整数，例如 1600。')).toBeVisible();
  await page.goto('#/cases/new');
  // Leaving the half-filled form asks; this time its changes are discarded.
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '放弃修改并离开' }).click();
  await page.getByRole('tab', { name: '追缴资金' }).click();
  await page.getByLabel('追缴金额（元）').fill('1000');
  await page.getByRole('button', { name: '登记追缴资金' }).click();
  await expect(page.getByText(/^资金来源：未选择，请从以下类别中选择/)).toBeVisible();
  await expect(page.getByText(/资金来源.*无效/)).toHaveCount(0);
});

test.describe('on a PC with an English locale and another time zone', () => {
  test.use({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });

  test('dates are typed and shown as 2026-12-02 (or 2026年12月2日), times in the office time zone', async ({ page }) => {
    await page.goto('/');
    await saveOfficeSettings(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await createBacklogCase(page, '威海某某养老服务有限公司涉嫌非法吸收公众存款案');

    // The typed 2016年6月1日 and 2016/6/1 were read as dates and are shown the office's way (screens: 2016-06-01).
    await expect(page.getByTestId('stage-history')).toContainText('2016-06-01');
    await page.goto('#/cases');
    await expect(page.getByTestId('case-table')).toContainText('2016-06-01');
    await page.goto('#/cases/new');
    const filed = page.getByLabel('立案日期');
    await expect(filed).toHaveAttribute('type', 'text');
    await expect(filed).toHaveAttribute('placeholder', '年-月-日');
    await filed.fill('2020.12.2');
    await filed.blur();
    await expect(filed).toHaveValue('2020-12-02');
    await expect(page.getByLabel('阶段日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);

    // The audit log shows times in China Standard Time, not the PC's Pacific time.
    const shanghai = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d).slice(0, 13);
    const before = shanghai(new Date(Date.now() - 60_000));
    const after = shanghai(new Date(Date.now() + 60_000));
    await page.goto('#/settings/audit');
    await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '离开（保留草稿）' }).click();
    const at = ((await page.getByTestId('audit-table').locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '').trim();
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect([before, after]).toContain(at.slice(0, 13));
    await shot(page, 'audit-en-us');
  });
});
