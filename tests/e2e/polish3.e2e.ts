import { chromium, expect, type Page, test } from '@playwright/test';
import { createCase, issueInquiryNotice, seedCreditorRegister } from './steps';

// Rough edges of the first week (w-polish3). POLISH_SHOTS=<dir> keeps a screenshot of each screen.
const SHOTS = process.env.POLISH_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** An investor with four contracts, two of them eight-figure sums, one entered by hand with a long note. */
const INVESTOR = {
  cid: '1',
  name: '欧阳晓梅',
  idType: 'resident',
  idNumber: '371002198001011234',
  phone: '13806310001',
  bankName: '威海市商业银行环翠支行',
  bankAccount: '6222020200112233445',
  address: '山东省威海市环翠区文化西路 88 号',
  contracts: [
    { principalFen: 1_234_567_890, returnedFen: 98_765_432, sourceRow: 12_345, note: '' },
    { principalFen: 50_000_000, returnedFen: 0, sourceRow: 12_346, note: '' },
    { principalFen: 9_999_999_999, returnedFen: 1_234_567_899, sourceRow: 104_857, note: '' },
    { principalFen: 300_000, returnedFen: 12_000, sourceRow: 0, note: '2019年3月现金交付，收据编号 WH-2019-0311-0042，经办人已离职，由财务科补记' },
  ],
  principalFen: 11_284_867_889,
  returnedFen: 1_333_345_331,
  netClaimFen: 9_951_522_558,
  status: '已核实',
  exclusion: null,
};

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the creditor panel shows every contract in full at ${size.width}×${size.height}: no sideways scroll, sums right-aligned`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const caseId = await createCase(page);
    await seedCreditorRegister(page, caseId, [INVESTOR]);
    await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
    await page.getByTestId('creditor-table').locator('[data-cid="1"]').click();
    const panel = page.getByTestId('creditor-panel');
    await expect(panel).toBeVisible();
    const contracts = panel.getByTestId('contract-table');
    await expect(contracts).toContainText('99,999,999.99');
    await expect(contracts).toContainText('12,345,678.99');
    await expect(contracts).toContainText('原表第 104857 行');
    await expect(contracts).toContainText('手工录入');
    await expect(contracts).toContainText('收据编号 WH-2019-0311-0042');
    // Under the contracts, their sums.
    await expect(panel.getByTestId('contracts-principal')).toHaveText('112,848,678.89');
    await expect(panel.getByTestId('contracts-returned')).toHaveText('13,333,453.31');
    await shot(page, `creditor-panel-${size.width}`);
    // Nothing of the panel runs past its right edge: no sideways scroll bar, every cell inside it.
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const box = await panel.boundingBox();
    if (!box) throw new Error('panel not laid out');
    for (const cell of await contracts.locator('td, th').all()) {
      const c = await cell.boundingBox();
      if (!c) continue;
      expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width);
      // Each sum whole in its cell (no text cut off inside).
      expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    // Sums right-aligned, as elsewhere in the app: the right edges of a column's figures line up.
    const rights = await contracts.locator('[data-money="principal"]').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.round(range.getBoundingClientRect().right);
      }),
    );
    expect(rights.length).toBe(4);
    expect(new Set(rights).size).toBe(1);
  });
}

// Printing in browser mode. Headless Chromium has no print window, and print() of the PDF frame
// crashed the whole page there: the app now says what to do instead and stays usable.
test('打印 in a headless browser says to save the PDF and print it from a reader, and the page stays usable', async ({ page }) => {
  test.setTimeout(180_000);
  let crashed = false;
  page.on('crash', () => {
    crashed = true;
  });
  const caseId = await createCase(page);
  const detail = await issueInquiryNotice(page, caseId);
  await detail.getByRole('button', { name: '打印' }).click();
  await expect(detail.getByTestId('document-error')).toHaveText('无法打印：这是没有打印窗口的无界面浏览器。请先点击“保存 PDF”保存文件，再用 WPS 或其他 PDF 阅读器打开后打印。');
  await shot(page, 'print-headless');
  expect(crashed).toBe(false);
  // What the message says to do works: the PDF is saved.
  const download = page.waitForEvent('download');
  await detail.getByRole('button', { name: '保存 PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await expect(detail.getByTestId('document-error')).toHaveCount(0);
});

// A headed Chromium (the full browser, print preview included) drawn with no display:
// --ozone-platform=headless. Its own browser, since the configuration's is headless.
test('打印 in a headed Chromium opens the browser’s print preview of the issued PDF and the page does not crash', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const browser = await chromium.launch({
    headless: false,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--ozone-platform=headless', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await (await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    const caseId = await createCase(page);
    const detail = await issueInquiryNotice(page, caseId);
    await detail.getByRole('button', { name: '打印' }).click();
    const cdp = await browser.newBrowserCDPSession();
    const preview = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] }).targetInfos.some((t) => t.url.startsWith('chrome://print'));
    await expect.poll(preview, { timeout: 30_000 }).toBe(true);
    expect(crashed).toBe(false);
    await expect(detail.getByTestId('document-error')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
