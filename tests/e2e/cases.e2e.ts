import { expect, test } from '@playwright/test';
import { ensureSignedIn, saveOfficeSettings } from './steps';


test('a case is registered with two parties, moves stage, survives a reload, is found, and leaves an audit trail', async ({ page }) => {
  await page.goto('/');
  await saveOfficeSettings(page);

  await page.getByRole('menuitem', { name: /案件/ }).click();
  await page.getByRole('button', { name: '新建案件' }).click();

  // First a bad save: every problem is named, nothing typed is lost.
  await page.getByLabel('案件编号').fill('威公经立〔2020〕15号');
  await page.getByLabel('涉案金额（元）').fill('1000.005');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-errors')).toBeVisible();
  await expect(page.getByText('请填写案件名称')).toBeVisible();
  await expect(page.getByText(/涉案金额：/)).toBeVisible();
  await expect(page.getByLabel('案件编号')).toHaveValue('威公经立〔2020〕15号');

  await page.getByLabel('案件名称').fill('威海某某养老服务有限公司涉嫌非法吸收公众存款案');
  await page.getByLabel('涉嫌罪名/类型').selectOption('非法吸收公众存款');
  await page.getByLabel('领域').selectOption('养老');
  await page.getByLabel('区县').selectOption('环翠区');
  await page.getByLabel('涉案金额（元）').fill('13,800万');
  await page.getByLabel('涉及人数').fill('1600');
  await page.getByLabel('立案日期').fill('2016-06-01');
  await page.locator('#case-stage').selectOption('立案');
  await page.getByLabel('阶段日期').fill('2016-06-01');
  await page.getByRole('button', { name: '添加企业' }).click();
  await page.getByLabel('名称/姓名 1').fill('威海某某养老服务有限公司');
  await page.getByLabel('统一社会信用代码 1').fill('91371000MA3C0000AZ');
  await page.getByRole('button', { name: '添加个人' }).click();
  await page.getByLabel('名称/姓名 2').fill('王喆');
  await page.getByLabel('角色 2').selectOption('实际控制人');
  await page.getByLabel('身份证号码 2').fill('371002198001010010');
  await page.getByRole('button', { name: '保存' }).click();
  // A wrong check character on the credit code is refused with the row named.
  await expect(page.getByText(/第 1 个涉案主体：统一社会信用代码/)).toBeVisible();
  await page.getByLabel('统一社会信用代码 1').fill('91371000MA3C0000AL');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByTestId('case-title')).toHaveText('威海某某养老服务有限公司涉嫌非法吸收公众存款案');
  await expect(page.getByTestId('party-table')).toContainText('王喆');
  await expect(page.getByTestId('party-table')).toContainText('371002********0010');
  await expect(page.getByText('陈案积案')).toBeVisible();

  await page.getByRole('button', { name: '变更阶段' }).click();
  await page.getByLabel('新阶段').selectOption('侦查');
  await page.getByLabel('阶段日期').fill('2016-07-15');
  await page.getByLabel('说明').fill('转入侦查');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('侦查');

  await page.reload();
  await expect(page.getByTestId('case-stage')).toHaveText('侦查');
  await expect(page.getByTestId('stage-history')).toContainText('2016-07-15');
  await expect(page.getByTestId('stage-history')).toContainText('转入侦查');

  await page.goto('#/cases');
  await page.getByLabel('搜索').fill('王喆');
  await expect(page.getByTestId('case-table')).toContainText('威公经立〔2020〕15号');
  await page.getByLabel('搜索').fill('没有这个人');
  await expect(page.getByText('没有符合条件的案件。')).toBeVisible();

  await page.goto('#/settings/audit');
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('变更阶段');
  await expect(audit).toContainText('新建');
  await expect(audit).toContainText('修改设置');
  await expect(audit).toContainText('林淼');
  await page.getByRole('button', { name: '校验审计链' }).click();
  // Creating the first 管理员, signing in, the settings, the case and its stage change.
  await expect(page.getByTestId('audit-verdict')).toContainText('审计链完整：共 5 条记录');

  // Tamper with the stored audit row behind the app's back: verification must name it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(2);
          get.onsuccess = () => store.put({ ...get.result, operator: '他人' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('第 2 条审计记录');
});

test('a second window on the same data is refused instead of writing alongside the first', async ({ page, context }) => {
  await page.goto('/');
  await ensureSignedIn(page);
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText('已在另一个窗口中打开')).toBeVisible();
});
