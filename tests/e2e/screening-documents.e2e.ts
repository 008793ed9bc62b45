import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { saveOfficeSettings } from './steps';

// 排查 (issue 14), what follows from a screened firm: a 整改通知书 prefilled from the firm, checked,
// issued with its 文号 into the registry and linked by the 整改 disposition; a 移送公安 that creates
// the case from the firm (refused first for a missing case number, the field named), the link shown
// on the firm and on the case; the keyword list edited in 设置 with its bad input refused and the
// edit audited.
const SHOTS = process.env.SCREENING_SHOTS;
const YEAR = new Date().getFullYear();

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function addFirm(page: Page) {
  await page.getByRole('menuitem', { name: /排查/ }).click();
  await page.getByRole('button', { name: '新增排查对象' }).click();
  const form = page.getByTestId('firm-form');
  await form.getByLabel('企业名称').fill('威海鑫源理财咨询有限公司');
  await form.getByLabel('统一社会信用代码').fill('91371000MA3C8X7P1P');
  await form.getByLabel('法定代表人').fill('赵堃');
  await form.getByLabel('住所').fill('威海市环翠区新威路17号');
  await form.getByLabel('所属区县').fill('环翠区');
  await form.getByLabel('责任部门').fill('环翠区处非办');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await page.locator('[data-firm="威海鑫源理财咨询有限公司"]').click();
  await expect(page.getByTestId('firm-detail')).toContainText('赵堃');
}

test('a 整改通知书 is issued from the firm’s page, prefilled from the firm, and the 整改 disposition links it', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await saveOfficeSettings(page);
  await addFirm(page);

  // 整改 without its notice is refused, naming the 整改通知书.
  await page.getByRole('button', { name: '处置', exact: true }).click();
  const disposition = page.getByTestId('disposition-form');
  await disposition.getByLabel('处置方式').selectOption('整改');
  await disposition.getByLabel('决定人').fill('环翠区处非办');
  await expect(disposition.getByLabel('关联整改通知书')).toContainText('尚未向该企业签发整改通知书');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition.getByText(/^整改通知书：整改处置须关联已签发的整改通知书/)).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();

  // The notice's form starts from the firm.
  await page.getByRole('button', { name: '出具文书' }).click();
  await page.getByRole('menuitem', { name: '整改通知书' }).click();
  await expect(page.getByTestId('firm-document-editor')).toBeVisible();
  await expect(page.locator('#doc-field-partyName')).toHaveValue('威海鑫源理财咨询有限公司');
  await expect(page.locator('#doc-field-partyCreditCode')).toHaveValue('91371000MA3C8X7P1P');
  await expect(page.locator('#doc-field-partyLegalRep')).toHaveValue('赵堃');
  await expect(page.locator('#doc-field-partyAddress')).toHaveValue('威海市环翠区新威路17号');
  await expect(page.locator('#doc-field-officeName')).toHaveValue('威海市防范和处置非法集资工作领导小组办公室');

  // Bad input: the required fields left empty are named.
  await page.getByRole('button', { name: '签发并编号' }).click();
  await expect(page.getByTestId('form-errors')).toContainText('发现的问题', { timeout: 60_000 });
  await page.locator('#doc-field-problems').fill('以“理财咨询”名义向社会公众宣传高收益产品');
  await page.locator('#doc-field-requirements').fill('立即停止宣传\n清理已发布的宣传材料');
  await page.locator('#doc-field-deadline').fill(`${YEAR + 1}-01-15`);
  await page.locator('#doc-field-consequences').fill('逾期不整改的，依法予以处理。');
  await page.locator('#doc-field-reviewBody').fill('威海市人民政府');
  await page.locator('#doc-field-court').fill('威海市环翠区人民法院');
  await page.locator('#doc-field-contactPhone').fill('0631-5288123');
  await shot(page, 'firm-notice-form');
  await page.getByRole('button', { name: '签发并编号' }).click();
  const number = `处非改〔${YEAR}〕1号`;
  await expect(page.getByTestId('issue-confirm')).toContainText(number, { timeout: 60_000 });
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByTestId('documents-notice')).toContainText(`已签发：${number}`, { timeout: 60_000 });
  const detail = page.getByTestId('document-detail');
  await expect(detail.getByTestId('detail-number')).toHaveText(number);
  const pdfDownload = page.waitForEvent('download');
  await detail.getByRole('button', { name: '保存 PDF' }).click();
  const pdf = readFileSync((await (await pdfDownload).path()) ?? '');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  if (SHOTS) writeFileSync(`${SHOTS}/firm-notice.pdf`, pdf);
  const docxDownload = page.waitForEvent('download');
  await detail.getByRole('button', { name: /保存 DOCX/ }).click();
  const docx = readFileSync((await (await docxDownload).path()) ?? '');
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  if (SHOTS) writeFileSync(`${SHOTS}/firm-notice.docx`, docx);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(detail).toBeHidden();
  await expect(page.getByTestId('documents-table')).toContainText(number);

  // The 整改 disposition links it; the registry lists it.
  await page.getByRole('button', { name: '处置', exact: true }).click();
  await disposition.getByLabel('处置方式').selectOption('整改');
  await disposition.getByLabel('决定人').fill('环翠区处非办');
  await expect(disposition.getByLabel('关联整改通知书').locator('option').nth(1)).toHaveText(new RegExp(`^${number} 整改通知书（\\d{4}-\\d{2}-\\d{2}）$`));
  await disposition.getByLabel('关联整改通知书').selectOption({ index: 1 });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition).toBeHidden();
  await expect(page.getByTestId('firm-dispositions')).toContainText(`整改通知书 ${number}`);
  await shot(page, 'firm-with-notice');
  await page.reload();
  await expect(page.getByTestId('firm-dispositions')).toContainText(`整改通知书 ${number}`);
  await expect(page.getByTestId('documents-table')).toContainText(number);
  await page.goto('#/documents');
  await expect(page.getByTestId('documents-table')).toContainText(number);
});

test('移送公安 creates the case from the firm; the firm and the case each show the other', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await saveOfficeSettings(page);
  await addFirm(page);
  await page.getByRole('button', { name: '处置', exact: true }).click();
  const disposition = page.getByTestId('disposition-form');
  await disposition.getByLabel('处置方式').selectOption('移送公安');
  await disposition.getByLabel('决定人').fill('市处非办主任办公会');
  const referral = page.getByTestId('referral-case');
  await expect(referral.getByLabel('案件名称')).toHaveValue('威海鑫源理财咨询有限公司涉嫌非法吸收公众存款案');
  await expect(referral.getByLabel('区县')).toHaveValue('环翠区');
  await expect(referral).toContainText('威海鑫源理财咨询有限公司（涉案企业）、赵堃（法定代表人）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition.getByText('请填写案件编号（按本单位的编号写法）。')).toBeVisible();
  await referral.getByLabel('所属领域').selectOption('投资理财');
  await referral.getByLabel('案件编号').fill('威公经〔2026〕88号');
  await shot(page, 'referral-form');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition).toBeHidden();
  await expect(page.getByTestId('firm-dispositions')).toContainText('移送公安');
  await page.getByTestId('firm-dispositions').getByRole('button', { name: '关联案件' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('威海鑫源理财咨询有限公司涉嫌非法吸收公众存款案');
  await expect(page.getByTestId('case-referrals')).toContainText('威海鑫源理财咨询有限公司');
  await shot(page, 'case-referral');
  await page.getByTestId('case-referrals').getByRole('link', { name: '威海鑫源理财咨询有限公司' }).click();
  await expect(page.getByTestId('firm-detail')).toContainText('移送公安');
});

test('the finance-keyword list is kept in 设置: a bad list is refused by line, a good one used by the check and audited', async ({ page }) => {
  await saveOfficeSettings(page);
  await page.goto('#/settings/keywords');
  const editor = page.getByTestId('keyword-settings');
  await expect(editor).toContainText('涉金融关键字样（32 个）');
  const list = editor.getByLabel('关键字样列表');
  await list.fill(`${await list.inputValue()}\n理財`);
  await page.getByRole('button', { name: '保存关键字样' }).click();
  await expect(page.getByTestId('keyword-errors')).toContainText('理財');
  await list.fill(`${(await list.inputValue()).replace(/\n理財$/, '')}\n养老服务`);
  await page.getByRole('button', { name: '保存关键字样' }).click();
  await expect(editor).toContainText('涉金融关键字样（33 个）');
  await expect(editor.getByRole('table')).toContainText('林淼');
  // The history names the list and the word added, not the setting's id.
  await expect(editor.getByRole('table')).toContainText('涉金融关键字样');
  await expect(editor.getByRole('table')).toContainText('增加：养老服务（共 33 个）');
  await expect(editor.getByRole('table')).not.toContainText('screening-keywords');
  // Its own entries numbered 1..n (序号), the office log's number beside as 日志编号.
  const history = editor.getByTestId('audit-table');
  await expect(history.locator('thead th').nth(0)).toHaveText('序号');
  await expect(history.locator('thead th').nth(1)).toHaveText('日志编号');
  const entries = history.locator('tbody tr[data-seq]');
  await expect(entries).toHaveCount(1);
  await expect(entries.first().locator('td').nth(0)).toHaveText('1');
  const logSeq = await entries.first().getAttribute('data-seq');
  expect(Number(logSeq)).toBeGreaterThan(1);
  await expect(entries.first().locator('td').nth(1)).toHaveText(String(logSeq));
  await shot(page, 'keyword-settings');
  // So does the office's audit log.
  await page.goto('#/settings/audit');
  await expect(page.getByRole('row').filter({ hasText: '涉金融关键字样' }).first()).toContainText('增加：养老服务');

  await page.goto('#/screening/keywords');
  await expect(page.getByTestId('keyword-list-note')).toContainText('养老服务');
  await page.getByLabel('待核查名单').fill('威海康乐养老服务有限公司');
  await page.getByRole('button', { name: '核查' }).click();
  await expect(page.getByTestId('keyword-result').locator('mark')).toHaveText(['养老服务']);
});
