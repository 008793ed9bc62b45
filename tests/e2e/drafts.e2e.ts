import { expect, test } from '@playwright/test';
import { saveOfficeSettings } from './steps';

// Work that survives (issue 11): a half-filled form comes back after a reload and after leaving the
// page, and leaving with unsaved changes asks first.

test('a new case form survives a reload and navigation, and leaving it asks first', async ({ page }) => {
  await page.goto('/');
  await saveOfficeSettings(page);
  await page.goto('#/cases/new');
  await page.getByLabel('案件编号').fill('威公经立〔2021〕3号');
  await page.getByLabel('案件名称').fill('威海某某理财公司涉嫌集资诈骗案');
  await page.getByLabel('领域').selectOption('投资理财');
  await page.getByRole('button', { name: '添加个人' }).click();
  await page.getByLabel('名称/姓名 1').fill('赵堃');

  // Reloading asks (the browser's own prompt), and the form comes back as it was.
  page.once('dialog', (d) => {
    expect(d.type()).toBe('beforeunload');
    void d.accept();
  });
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('案件编号')).toHaveValue('威公经立〔2021〕3号');
  await expect(page.getByLabel('案件名称')).toHaveValue('威海某某理财公司涉嫌集资诈骗案');
  await expect(page.getByLabel('领域')).toHaveValue('投资理财');
  await expect(page.getByLabel('名称/姓名 1')).toHaveValue('赵堃');

  // Leaving through the navigation asks; staying keeps the page.
  await page.getByRole('menuitem', { name: /信访调解/ }).click();
  const prompt = page.getByRole('dialog', { name: '有未保存的修改' });
  await expect(prompt).toContainText('新建案件');
  await prompt.getByRole('button', { name: '留在本页' }).click();
  await expect(page).toHaveURL(/#\/cases\/new$/);
  await expect(page.getByLabel('案件名称')).toHaveValue('威海某某理财公司涉嫌集资诈骗案');

  // Leaving keeps the draft: the form comes back when opened again.
  await page.getByRole('menuitem', { name: /信访调解/ }).click();
  await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '离开（保留草稿）' }).click();
  await expect(page).toHaveURL(/#\/petitions$/);
  await page.goto('#/cases/new');
  await expect(page.getByLabel('案件名称')).toHaveValue('威海某某理财公司涉嫌集资诈骗案');

  // Saved: the draft is gone and a new form is empty again.
  await page.getByLabel('涉嫌罪名/类型').selectOption('集资诈骗');
  await page.getByLabel('区县').selectOption('环翠区');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('威海某某理财公司涉嫌集资诈骗案');
  await page.goto('#/cases/new');
  await expect(page.getByLabel('案件名称')).toHaveValue('');
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});
