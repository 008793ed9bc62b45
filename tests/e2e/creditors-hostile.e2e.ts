// Issue 12 in the app: hostile files reach the wizard through the worker and are refused with the
// limit or the place named; nothing is stored. Files are generated here, never committed.
import { expect, type Page, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { createCase } from './steps';

const enc = (s: string) => new TextEncoder().encode(s);
const NS = 'http://schemas.openxmlformats.org';

/** A one-sheet xlsx whose sheet part the zip directory says inflates to 2 GiB. */
function bombXlsx(): Buffer {
  const zip = zipSync({
    '[Content_Types].xml': enc(`<Types xmlns="${NS}/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    '_rels/.rels': enc(`<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': enc(`<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': enc(`<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': enc(`<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData/></worksheet>`),
  });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = enc('xl/worksheets/sheet1.xml');
  for (let p = 0; p + 46 < zip.length; p++) {
    if (view.getUint32(p, true) === 0x02014b50 && view.getUint16(p + 28, true) === name.length && name.every((b, i) => zip[p + 46 + i] === b)) view.setUint32(p + 24, 2 ** 31, true);
  }
  return Buffer.from(zip);
}

async function openWizard(page: Page): Promise<void> {
  await createCase(page);
  await page.goto('#/creditors');
  await page.getByRole('link', { name: '威公经立〔2020〕15号' }).click();
  await page.getByRole('button', { name: '导入名单' }).click();
}

async function choose(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

test('a spreadsheet bomb is refused at once, naming the limit and the claim', async ({ page }) => {
  await openWizard(page);
  await choose(page, '名单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bombXlsx());
  await expect(page.getByTestId('import-error')).toContainText('解压后有 2,048 MB，超过导入上限 500 MB');
  await expect(page.getByTestId('import-error')).not.toContainText('“”');
  await page.getByRole('button', { name: '关闭' }).first().click();
  await expect(page.getByText('本案还没有集资参与人')).toBeVisible();
});

test('an unclosed quote and an invisible character are named; a Latin name keeps its space', async ({ page }) => {
  await openWizard(page);
  const rows = ['序号,姓名,证件类型,证件号码,投资金额', '1,John  Smith,护照,E12345678,1000', '2,"王五,身份证,371002198001010010,500', '3,李四,身份证,371002198001010037,200'];
  await choose(page, '引号.csv', 'text/csv', Buffer.from(rows.join('\n'), 'utf8'));
  await expect(page.getByTestId('import-error')).toContainText('第 3 行第 2 列的引号（"）没有配对');

  await choose(page, '名单.csv', 'text/csv', Buffer.from([rows[0], rows[1], '2,张\u200b三,身份证,371002198001010010,500'].join('\n'), 'utf8'));
  await expect(page.getByTestId('detected-header')).toBeVisible();
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-problems')).toContainText('U+200B（零宽空格）');
  await page.getByRole('button', { name: /导入 2 行有效记录/ }).click();
  await expect(page.getByTestId('creditor-table')).toContainText('John Smith');
  // Stored without the zero-width space (a ZWSP inside would not match this text).
  await expect(page.getByTestId('creditor-table')).toContainText('张三371002');
});
