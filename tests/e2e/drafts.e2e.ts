import { expect, test } from '@playwright/test';
import { createCase, saveOfficeSettings } from './steps';

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

test('the document form has its own address: a reload returns to the form with what was typed', async ({ page }) => {
  await page.goto('/');
  const caseId = await createCase(page);
  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByLabel('文书类型').selectOption({ label: '联合执法询问通知书' });
  await page.getByRole('button', { name: '新建文书' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${caseId}/new/`));
  await page.locator('#doc-field-reason').fill('你单位涉嫌以预售养老床位为名向社会公众吸收资金');
  await page.locator('#doc-field-appointmentDate').fill('2026年12月18日');

  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId('document-form')).toBeVisible();
  await expect(page.locator('#doc-field-reason')).toHaveValue('你单位涉嫌以预售养老床位为名向社会公众吸收资金');
  await expect(page.locator('#doc-field-appointmentDate')).toHaveValue('2026-12-18');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  // The prefill from the case and settings is still there under the draft.
  await expect(page.locator('#doc-field-officeName')).toHaveValue('威海市防范和处置非法集资工作领导小组办公室');

  // Cancelling with changes asks; discarding removes the draft, and the list comes back.
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${caseId}$`));
  await page.getByRole('button', { name: '新建文书' }).click();
  await expect(page.locator('#doc-field-reason')).toHaveValue('');
});

test('a dialog keeps its draft when closed and after a reload (stage change)', async ({ page }) => {
  await page.goto('/');
  await createCase(page);
  await page.getByRole('button', { name: '变更阶段' }).click();
  await page.getByLabel('新阶段').selectOption('侦查');
  await page.getByLabel('说明').fill('经侦支队已立案侦查，待调取银行流水');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await page.getByRole('button', { name: '变更阶段' }).click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('说明')).toHaveValue('经侦支队已立案侦查，待调取银行流水');
  await expect(page.getByLabel('新阶段')).toHaveValue('侦查');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-stage')).toHaveText('侦查');
  // Saved: no draft is left behind.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft:')))).toEqual([]);
});
