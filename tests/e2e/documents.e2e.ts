import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { approveRepaymentBatch, createCase, seedCreditorRegister } from './steps';

const CASE_TITLE = '威海市安康颐养养老服务有限公司涉嫌非法吸收公众存款案';

// Documents through the UI: a case is created, a 联合执法询问通知书 is drafted from it (prefilled),
// refused while a field is missing or a character cannot print, previewed, issued (文号 assigned),
// saved, served, given a scan, voided; the registry survives a reload. Then refund notices for a
// whole approved repayment batch come out as one PDF and one DOCX.
const SHOTS = process.env.DOCUMENT_SHOTS;
const YEAR = new Date().getFullYear();

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

const CREDITORS = ['王喆', '李堃', '于赟'].map((name, i) => ({
  cid: String(i + 1),
  name,
  idType: 'resident',
  idNumber: `11010519600101${String(100 + i)}X`,
  bankName: '中国工商银行威海分行',
  bankAccount: `622202020011220000${i + 1}`,
  contracts: [{ principalFen: 300_000, returnedFen: 0, sourceRow: i + 2, note: '' }],
  principalFen: 300_000,
  returnedFen: 0,
  netClaimFen: 300_000,
  status: '已核实',
  exclusion: null,
}));


async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

test('a notice is drafted from the case, checked, previewed, issued with its 文号, saved, served, scanned, voided, and survives a reload', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  const caseId = await createCase(page, { title: CASE_TITLE });

  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByLabel('文书类型').selectOption({ label: '联合执法询问通知书' });
  await page.getByRole('button', { name: '新建文书' }).click();
  await expect(page.locator('#doc-field-officeName')).toHaveValue('威海市防范和处置非法集资工作领导小组办公室');
  await expect(page.locator('#doc-field-contactPerson')).toHaveValue('林淼');

  // Bad input: a character the font lacks (private use, from an old system) and missing fields.
  await page.locator('#doc-field-partyName').fill('威海市安康颐养\uE0A1养老服务有限公司');
  await page.getByRole('button', { name: '签发并编号' }).click();
  // The first check waits for the worker to load the document faces.
  await expect(page.getByTestId('glyph-errors')).toContainText('字符“\uE0A1”（U+E0A1）无法用文书字体打印', { timeout: 60_000 });
  await expect(page.getByTestId('form-errors')).toContainText('必填');
  await expect(page.locator('#doc-field-partyName')).toHaveValue('威海市安康颐养\uE0A1养老服务有限公司');
  await shot(page, 'form-errors');

  await page.locator('#doc-field-partyName').fill('威海市安康颐养养老服务有限公司');
  await page.locator('#doc-field-reason').fill('你单位涉嫌以预售养老床位、承诺高额返利为名向社会公众吸收资金');
  await page.locator('#doc-field-appointmentDate').fill('2026-12-18');
  await page.locator('#doc-field-appointmentTime').fill('上午9时30分');
  await page.locator('#doc-field-place').fill('威海市地方金融监督管理局三楼第一会议室');
  await page.locator('#doc-field-materials').fill('营业执照副本\n2019年以来的银行流水');
  await page.locator('#doc-field-contactPerson').fill('王喆');
  await page.locator('#doc-field-contactPhone').fill('0631-5288123');
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByTestId('document-preview')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('glyph-errors')).toBeHidden();
  await shot(page, 'preview');

  await page.getByRole('button', { name: '签发并编号' }).click();
  const number1 = `处非询〔${YEAR}〕1号`;
  await expect(page.getByTestId('issue-confirm')).toContainText(`将以文号 ${number1} 签发`);
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByTestId('documents-notice')).toContainText(`已签发：${number1}`, { timeout: 60_000 });
  const detail = page.getByTestId('document-detail');
  await expect(detail.getByTestId('detail-number')).toHaveText(number1);
  await expect(detail.getByTestId('detail-status')).toHaveText('已签发');
  const hash = (await detail.getByTestId('detail-sha256').textContent())?.trim() ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await shot(page, 'issued');

  const pdf = await download(page, () => detail.getByRole('button', { name: '保存 PDF' }).click());
  expect(pdf.name).toContain(number1);
  if (SHOTS) writeFileSync(`${SHOTS}/issued.pdf`, pdf.bytes);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(hash);
  const docx = await download(page, () => detail.getByRole('button', { name: /保存 DOCX/ }).click());
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');

  await detail.getByRole('button', { name: '标记为已送达' }).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('已送达');

  // The signed, sealed scan: a non-scan file is refused by name; a JPG is kept.
  let chooser = page.waitForEvent('filechooser');
  await detail.getByRole('button', { name: /附加签章扫描件/ }).click();
  await (await chooser).setFiles({ name: '回执.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await expect(detail.getByTestId('document-error')).toContainText('“回执.txt”不是 PDF 或 JPG 文件');
  chooser = page.waitForEvent('filechooser');
  await detail.getByRole('button', { name: /附加签章扫描件/ }).click();
  await (await chooser).setFiles({ name: '签章件.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]) });
  await expect(detail.getByTestId('document-attachments')).toContainText('签章件.jpg');

  // Void: a reason is required; the number stays.
  await detail.getByRole('button', { name: '作废', exact: true }).click();
  await detail.getByRole('button', { name: '确认作废' }).click();
  await expect(detail.getByTestId('document-error')).toContainText('作废原因：请填写作废原因');
  await page.getByLabel('作废原因').fill('被询问单位名称有误');
  await detail.getByRole('button', { name: '确认作废' }).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('作废');
  await expect(detail.getByTestId('detail-number')).toHaveText(number1);
  // Saved again, a voided document goes out only as a copy marked 作废; the registry keeps the original.
  const voidedPdf = await download(page, () => detail.getByRole('button', { name: '保存 PDF' }).click());
  expect(voidedPdf.name).toContain('（作废）');
  expect(voidedPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(createHash('sha256').update(voidedPdf.bytes).digest('hex')).not.toBe(hash);
  await expect(detail.getByTestId('detail-sha256')).toHaveText(hash);
  if (SHOTS) writeFileSync(`${SHOTS}/voided.pdf`, voidedPdf.bytes);
  await page.getByRole('button', { name: '关闭', exact: true }).click();


  // A second one, kept as a draft first (no number), then completed and issued with the next
  // number (no gap; the voided number is not reused).
  await page.getByRole('button', { name: '新建文书' }).click();
  await page.locator('#doc-field-partyName').fill('威海市安康颐养养老服务有限公司');
  await page.locator('#doc-field-reason').fill('核实吸收资金情况');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('documents-notice')).toContainText('草稿已保存');
  await expect(page.getByTestId('detail-number')).toHaveText('（草稿，未编号）');
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  // The draft is found again from the registry and opens in the case's editor.
  await page.goto('#/documents');
  await page.getByTestId('documents-table').getByText('（草稿，未编号）').click();
  await page.getByRole('button', { name: '继续编辑草稿' }).click();
  await expect(page.locator('#doc-field-reason')).toHaveValue('核实吸收资金情况');
  await page.locator('#doc-field-appointmentDate').fill('2026-12-20');
  await page.locator('#doc-field-appointmentTime').fill('下午2时');
  await page.locator('#doc-field-place').fill('威海市地方金融监督管理局');
  await page.locator('#doc-field-materials').fill('银行流水');
  await page.locator('#doc-field-contactPhone').fill('0631-5288123');
  await page.getByRole('button', { name: '签发并编号' }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByTestId('documents-notice')).toContainText(`已签发：处非询〔${YEAR}〕2号`, { timeout: 60_000 });
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // 送达回证 for the issued notice: its title, number and addressee come from the registry.
  await page.getByLabel('文书类型').selectOption({ label: '送达回证' });
  await page.getByLabel('送达的文书').selectOption({ index: 1 });
  await page.getByRole('button', { name: '新建文书' }).click();
  await expect(page.locator('#doc-field-servedNumber')).toHaveValue(`处非询〔${YEAR}〕2号`);
  await expect(page.locator('#doc-field-servedTitle')).toHaveValue('联合执法询问通知书');
  await expect(page.locator('#doc-field-recipient')).toHaveValue('威海市安康颐养养老服务有限公司');
  await expect(page.locator('#doc-field-method')).toHaveValue('直接送达');
  await page.getByRole('button', { name: '取消' }).click();
  
  // Survives a reload; the registry filters by status.
  await page.reload();
  await page.goto('#/documents');
  const table = page.getByTestId('documents-table');
  await expect(table).toContainText(number1);
  await expect(table).toContainText(`处非询〔${YEAR}〕2号`);
  await page.getByLabel('状态').selectOption('作废');
  await expect(table).toContainText(number1);
  await expect(table).not.toContainText(`处非询〔${YEAR}〕2号`);
  await shot(page, 'registry');
  await table.getByText(number1).click();
  await expect(page.getByTestId('document-attachments')).toContainText('签章件.jpg');
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // Templates: a copy with changed wording; an unknown placeholder is refused by name.
  await page.getByRole('tab', { name: '文书模板' }).click();
  await page.getByRole('button', { name: '复制为副本：联合执法询问通知书' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '修改文字：联合执法询问通知书（本单位）' }).click();
  const wording = page.getByTestId('wording-dialog');
  await wording.locator('#doc-wording-0').fill('联合执法询问通知书{nosuch}');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('wording-error')).toContainText('{nosuch} 不是本模板的字段');
  await wording.locator('#doc-wording-0').fill('询问通知书');
  await shot(page, 'template-wording');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('wording-dialog')).toBeHidden();
  await expect(page.getByTestId('templates-table')).toContainText('联合执法询问通知书（本单位）');
});

test('refund notices for every creditor of an approved batch come out as one PDF and one DOCX', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  const caseId = await createCase(page, { title: CASE_TITLE });
  // A fourth person of the register is a sales agent: no notice for them, and the dialog says why.
  const agent = { ...(CREDITORS[0] as (typeof CREDITORS)[number]), cid: '4', name: '董昇', idNumber: '110105196001014X', exclusion: 'agent' };
  await seedCreditorRegister(page, caseId, [...CREDITORS, agent]);
  await approveRepaymentBatch(page, caseId, { fundsYuan: '9000', batchYuan: '4500' });

  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '批量生成清退告知书' }).click();
  const dialog = page.getByRole('dialog');
  await expect(page.getByLabel('异议受理地点')).toHaveValue('威海市防范和处置非法集资工作领导小组办公室');
  await dialog.getByRole('button', { name: '生成 PDF 和 DOCX' }).click();
  await expect(dialog.getByText('联系电话：请填写告知书上的联系电话。')).toBeVisible();
  await page.getByLabel('联系电话').fill('0631-5288123');
  const downloads: { name: string; bytes: Buffer }[] = [];
  page.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) }));
  await dialog.getByRole('button', { name: '生成 PDF 和 DOCX' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('已生成 3 份清退告知书', { timeout: 90_000 });
  await expect(page.getByTestId('batch-left-out')).toContainText('1 名集资参与人未出具告知书：业务员，不参加清退 1 名（董昇）');
  await shot(page, 'refund-batch');
  await expect.poll(() => downloads.length).toBe(2);
  const pdf = downloads.find((d) => d.name.endsWith('.pdf'));
  if (SHOTS && pdf) writeFileSync(`${SHOTS}/batch.pdf`, pdf.bytes);
  expect(pdf?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(downloads.find((d) => d.name.endsWith('.docx'))?.bytes.subarray(0, 2).toString()).toBe('PK');
});

test('2,300 refund notices: progress shows, the window stays responsive, cancel leaves nothing, a full run gives one PDF of 2,300 pages', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  const caseId = await createCase(page, { title: CASE_TITLE });
  const many = Array.from({ length: 2_300 }, (_, i) => ({
    ...(CREDITORS[i % 3] as (typeof CREDITORS)[number]),
    cid: String(i + 1),
    name: `${['王喆', '李堃', '于赟', '董昇', '萧珺', '林淼'][i % 6]}${i + 1}`,
    idNumber: `110105196001${String(10000 + i)}X`,
  }));
  await seedCreditorRegister(page, caseId, many);
  await approveRepaymentBatch(page, caseId, { fundsYuan: '3450000', batchYuan: '3450000' });

  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '批量生成清退告知书' }).click();
  const dialog = page.getByRole('dialog');
  await page.getByLabel('联系电话').fill('0631-5288123');

  // First run: cancelled while the PDF is being laid out; the window answers meanwhile.
  await dialog.getByRole('button', { name: '生成 PDF 和 DOCX' }).click();
  await expect(page.getByTestId('batch-progress')).toContainText('生成 PDF', { timeout: 120_000 });
  const gaps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        let frames = 0;
        const tick = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (++frames < 60) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`longest frame gap while the PDF is laid out: ${gaps.toFixed(0)} ms`);
  await dialog.getByRole('button', { name: '取消生成' }).click();
  await expect(page.getByTestId('batch-failure')).toContainText('已取消：未生成任何文件');

  // Second run to the end.
  const downloads: { name: string; bytes: Buffer }[] = [];
  page.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) }));
  const started = Date.now();
  await dialog.getByRole('button', { name: '生成 PDF 和 DOCX' }).click();
  await expect(page.getByTestId('batch-done')).toContainText('已生成 2300 份清退告知书', { timeout: 480_000 });
  console.log(`2,300 notices (PDF + DOCX) in the app: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await expect.poll(() => downloads.length).toBe(2);
  const pdf = downloads.find((d) => d.name.endsWith('.pdf'));
  if (SHOTS && pdf) writeFileSync(`${SHOTS}/batch-2300.pdf`, pdf.bytes);
  expect(pdf?.name).toContain('（2300份）');
});
