import { expect, type Page, test } from '@playwright/test';
import { saveOfficeSettings } from './steps';

// 排查 end to end: a firm typed with a wrong credit code (refused, the field named), a small ledger
// imported with a bad row, a round with a screening record, a disposition, the risk ledger's overdue
// review on the home screen, the pasted-list keyword check, and everything still there after a reload.
const SHOTS = process.env.SCREENING_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const LEDGER = [
  '威海市市场主体排查名单',
  '序号,市场主体名称,统一社会信用代码,法定代表人,所属区县,责任部门,经营范围',
  '1,威海海川商贸有限公司,91371002MA3D2K5L4B,李娜,文登区,文登区处非办,日用百货销售',
  '2,威海鑫源理財咨詢有限公司,91371000MA3C8X7P1Q,王芳,环翠区,环翠区处非办,投资咨询',
  '3,威海海川餐饮有限公司,,赵强,环翠区,环翠区处非办,餐饮服务',
].join('\r\n');

test('firms are added and imported with checks, screened in a round, disposed of, watched, and survive a reload', async ({ page }) => {
  // A long walk through the whole area: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await saveOfficeSettings(page);
  await page.getByRole('menuitem', { name: /排查/ }).click();
  await expect(page.getByText('台账中还没有企业')).toBeVisible();

  // A firm with a mistyped credit code: refused, the field named in Chinese, what was typed kept.
  await page.getByRole('button', { name: '新增排查对象' }).click();
  const form = page.getByTestId('firm-form');
  await form.getByLabel('企业名称').fill('威海鑫源理财咨询有限公司');
  await form.getByLabel('统一社会信用代码').fill('91371000MA3C8X7P1X');
  await form.getByLabel('所属区县').fill('环翠区');
  await form.getByLabel('责任部门').fill('环翠区处非办');
  await form.getByLabel('经营范围').fill('企业管理咨询；投资咨询（不含证券、期货）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText(/统一社会信用代码：91371000MA3C8X7P1X 的校验位应为 P/)).toBeVisible();
  await expect(form.getByLabel('企业名称')).toHaveValue('威海鑫源理财咨询有限公司');
  // Counted above the form, as the app's other forms do.
  await expect(page.getByRole('dialog').getByTestId('form-errors')).toContainText('有 1 处需要修改');
  await shot(page, 'firm-bad-code');
  // 取消 keeps what was typed as a draft: the form opens with it again.
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('button', { name: '新增排查对象' }).click();
  await expect(form.getByLabel('企业名称')).toHaveValue('威海鑫源理财咨询有限公司');
  await expect(form.getByLabel('经营范围')).toHaveValue('企业管理咨询；投资咨询（不含证券、期货）');
  await shot(page, 'firm-draft-kept');
  // Enter saves, like the other forms.
  await form.getByLabel('统一社会信用代码').fill('91371000MA3C8X7P1P');
  await form.getByLabel('统一社会信用代码').press('Enter');
  await expect(form).toBeHidden();
  // Saved, the draft is gone: a new firm starts empty.
  await page.getByRole('button', { name: '新增排查对象' }).click();
  await expect(form.getByLabel('企业名称')).toHaveValue('');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('firm-table')).toContainText('理财、投资、期货、证券（待评估）');

  // A small ledger with a bad row: the report names the row and field; the good rows are imported.
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles({ name: '排查名单.csv', mimeType: 'text/csv', buffer: Buffer.from(LEDGER, 'utf8') });
  const report = page.getByTestId('import-report');
  await expect(page.getByTestId('import-summary')).toContainText('数据 3 行：正常 1，提示 1，错误 1');
  await expect(page.getByTestId('import-row-4')).toContainText('第 4 行 统一社会信用代码：91371000MA3C8X7P1Q 的校验位应为 P');
  await expect(page.getByTestId('import-row-5')).toContainText('待补充');
  await shot(page, 'import-report');
  await expect(report).toBeVisible();
  await page.getByRole('button', { name: '导入 2 家企业' }).click();
  await expect(report).toBeHidden();
  await expect(page.getByTestId('firm-count')).toHaveText('共 3 家');
  await expect(page.locator('[data-firm="威海海川餐饮有限公司"]')).toContainText('待补充');
  await shot(page, 'ledger');

  // A round, and a screening record for one firm from the not-yet-screened list.
  await page.getByRole('tab', { name: '排查轮次' }).click();
  await page.getByRole('button', { name: '新建排查轮次' }).click();
  const roundForm = page.getByTestId('round-form');
  await roundForm.getByLabel('轮次名称').fill('2026年11月月度排查');
  await roundForm.getByLabel('开始日期').fill('2026-11-01');
  await roundForm.getByLabel('结束日期').fill('2026-11-30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('round-progress')).toContainText('已排查 0 家 / 应排查 3 家（0.0%）');
  await page.getByTestId('not-screened-button').click();
  await page.getByTestId('not-screened').getByRole('row', { name: /威海海川商贸有限公司/ }).getByRole('button', { name: '登记排查记录' }).click();
  const recordForm = page.getByTestId('record-form');
  await recordForm.getByLabel('排查日期').fill('2026-11-20');
  await recordForm.getByLabel('排查人员').fill('林淼、王强');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(recordForm.getByText('分类：请选择实业投资、失联、空壳、税务异常、正常经营之一。')).toBeVisible();
  await recordForm.getByLabel('分类').selectOption('空壳');
  await recordForm.getByLabel('风险等级').selectOption('高');
  await recordForm.getByLabel('排查情况').fill('注册地址无实际经营');
  await recordForm.getByText('已签订拒绝组织参与非法集资承诺书').click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(recordForm).toBeHidden();
  await expect(page.getByTestId('round-progress')).toContainText('已排查 1 家 / 应排查 3 家（33.3%）');
  await expect(page.getByTestId('progress-district')).toContainText('文登区11100.0%');
  await expect(page.getByTestId('round-records')).toContainText('空壳');
  await shot(page, 'round');

  // A disposition needs who decided; then the firm goes onto the risk ledger with a past review date.
  await page.getByTestId('round-records').getByRole('link', { name: '威海海川商贸有限公司' }).click();
  await expect(page.getByTestId('firm-detail')).toContainText('注册地址无实际经营');
  await page.getByRole('button', { name: '处置', exact: true }).click();
  const disposition = page.getByTestId('disposition-form');
  await disposition.getByLabel('处置方式').selectOption('列入经营异常名录');
  await disposition.getByLabel('处置日期').fill('2026-11-25');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition.getByText('决定人：必须填写作出处置决定的人或会议')).toBeVisible();
  await disposition.getByLabel('决定人').fill('文登区市场监管局');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(disposition).toBeHidden();
  await expect(page.getByTestId('firm-dispositions')).toContainText('列入经营异常名录');
  await page.getByRole('button', { name: '纳入风险台账' }).click();
  const risk = page.getByTestId('risk-form');
  await risk.getByLabel('纳入原因').fill('空壳企业，注册地址无实际经营');
  await risk.getByLabel('纳入日期').fill('2026-11-20');
  await risk.getByLabel('跟踪责任人').fill('王强');
  await risk.getByLabel('下次复核日期').fill('2026-11-27');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(risk).toBeHidden();
  await shot(page, 'firm-detail');

  // The pasted-list check marks traditional and full-width forms, never across punctuation.
  await page.goto('#/screening/keywords');
  await page.getByLabel('待核查名单').fill('山東眾籌網絡科技有限公司\n青岛Ｐ２Ｐ信息服务有限公司\n五金、融合通信设备');
  await page.getByRole('button', { name: '核查' }).click();
  await expect(page.getByTestId('keyword-result')).toContainText('共 3 条，命中 2 条');
  await expect(page.getByTestId('keyword-result').locator('mark')).toHaveText(['眾籌', 'Ｐ２Ｐ']);
  await shot(page, 'keywords');

  // Everything is stored: after a reload the home screen shows the overdue review.
  await page.reload();
  await page.goto('#/cases');
  await expect(page.getByTestId('risk-alerts')).toContainText('威海海川商贸有限公司');
  await expect(page.getByTestId('risk-alerts')).toContainText('应于 2026-11-27 复核');
  await shot(page, 'home');
  await page.goto('#/screening/dispositions');
  await expect(page.getByTestId('disposition-counts')).toHaveText('列入经营异常名录 1');
  await page.goto('#/screening/rounds');
  await expect(page.getByTestId('rounds-table')).toContainText('1/3（33.3%）');
  await page.goto('#/screening/risk');
  await expect(page.getByTestId('risk-table')).toContainText('空壳企业，注册地址无实际经营');
  await shot(page, 'risk');

  // The 统计 dashboard carries the screening figures.
  await page.goto('#/dashboard');
  await expect(page.getByText('排查企业数').first()).toBeVisible();
  await shot(page, 'dashboard');
});

test('a city-sized ledger is checked in the background with the rows read shown, and 取消 leaves the ledger as it was', async ({ page }) => {
  test.slow();
  await saveOfficeSettings(page);
  await page.getByRole('menuitem', { name: /排查/ }).click();
  await expect(page.getByText('台账中还没有企业')).toBeVisible();
  const lines = ['市场主体名称,统一社会信用代码,所属区县,经营范围'];
  for (let i = 1; i <= 300_000; i++) lines.push(`威海第${i}号商贸有限公司,,环翠区,日用百货销售`);
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles({ name: '登记库导出.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') });
  const progress = page.getByTestId('firm-import-progress');
  await expect(progress).toContainText(/正在校验：已读到第 [\d,]+ 行/);
  // The window answers while the worker reads: a click on the dialog's own button goes through.
  await progress.screenshot({ path: test.info().outputPath('firm-import-progress.png') });
  await progress.getByRole('button', { name: '取消' }).click();
  // A cancel the user asked for is said in a neutral callout, not in the red of an error.
  const notice = page.getByTestId('firm-import-notice');
  await expect(notice).toHaveText('已取消校验，台账没有变化。');
  await expect(notice).toHaveClass(/intent-primary/);
  await expect(page.locator('[role="dialog"] [class*="intent-danger"]')).toHaveCount(0);
  await page.getByRole('dialog').screenshot({ path: test.info().outputPath('firm-import-cancelled.png') });
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  // The dialog is back at its first step: another file can be chosen, and the cancelled file's
  // report (its worker's last message still on its way) never arrives.
  await expect(page.getByRole('button', { name: /选择文件/ })).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  await expect(page.getByTestId('firm-import-progress')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('台账中还没有企业')).toBeVisible();
});
