import { expect, type Page } from '@playwright/test';

// Steps several areas' end-to-end tests take the same way a user would: office settings, a case.

export const OFFICE_NAME = '威海市防范和处置非法集资工作领导小组办公室';
export const OPERATOR = '林淼';

export async function saveOfficeSettings(page: Page, districts: readonly string[] = ['环翠区', '文登区']): Promise<void> {
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill(OFFICE_NAME);
  await page.getByLabel('经办人（写入审计日志）').fill(OPERATOR);
  await page.getByLabel('区县列表（每行一个）').fill(districts.join('\n'));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('operator-tag')).toContainText(OPERATOR);
}

/** Settings, then a case filed 2020-06-01 in 环翠区; returns the new case's id from the URL. */
export async function createCase(
  page: Page,
  options: {
    readonly title?: string;
    readonly districts?: readonly string[];
    /** Persons added as parties of the case, in order. */
    readonly persons?: readonly { readonly name: string; readonly role: string; readonly idNumber: string }[];
  } = {},
): Promise<string> {
  const title = options.title ?? '威海某某养老服务有限公司涉嫌非法吸收公众存款案';
  await saveOfficeSettings(page, options.districts);
  await page.goto('#/cases/new');
  await page.getByLabel('案件编号').fill('威公经立〔2020〕15号');
  await page.getByLabel('案件名称').fill(title);
  await page.getByLabel('涉嫌罪名/类型').selectOption('非法吸收公众存款');
  await page.getByLabel('领域').selectOption('养老');
  await page.getByLabel('区县').selectOption('环翠区');
  await page.getByLabel('立案日期').fill('2020-06-01');
  await page.locator('#case-stage').selectOption('立案');
  await page.getByLabel('阶段日期').fill('2020-06-01');
  for (const [i, person] of (options.persons ?? []).entries()) {
    await page.getByRole('button', { name: '添加个人' }).click();
    await page.getByLabel(`名称/姓名 ${i + 1}`).fill(person.name);
    await page.getByLabel(`角色 ${i + 1}`).selectOption(person.role);
    await page.getByLabel(`身份证号码 ${i + 1}`).fill(person.idNumber);
  }
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-title')).toHaveText(title);
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

export interface SeedCreditor {
  readonly cid: string;
  readonly netClaimFen: number;
  readonly [field: string]: unknown;
}

/**
 * Writes a creditor register straight into IndexedDB in the creditor repository's stored form (one
 * block of generation 1 and its pointer), for areas whose tests start from a register rather than an
 * import (the import itself is driven through the UI in creditors.e2e.ts).
 */
export async function seedCreditorRegister(page: Page, caseId: string, creditors: readonly SeedCreditor[]): Promise<void> {
  await page.evaluate(
    ({ caseId, creditors }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['creditorBlocks', 'creditorRegisters'], 'readwrite');
          tx.objectStore('creditorBlocks').put({ id: `${caseId}#1#0`, caseId, generation: 1, seq: 0, creditors });
          const netClaimFen = creditors.reduce((s, c) => s + c.netClaimFen, 0);
          tx.objectStore('creditorRegisters').put({
            caseId,
            generation: 1,
            count: creditors.length,
            totals: { principalFen: netClaimFen, returnedFen: 0, netClaimFen },
            nextCid: creditors.length + 1,
            updatedAt: new Date().toISOString(),
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { caseId, creditors },
  );
}

/** Records recovered funds and an approved batch through the 清退 pages. */
export async function approveRepaymentBatch(
  page: Page,
  caseId: string,
  amounts: { readonly fundsYuan: string; readonly batchYuan: string },
): Promise<void> {
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await page.getByRole('tab', { name: '追缴资金' }).click();
  await page.getByLabel('资金来源').selectOption({ label: '处置涉案资产' });
  await page.getByLabel('追缴金额（元）').fill(amounts.fundsYuan);
  await page.getByLabel('到账日期').fill('2026-11-01');
  await page.getByRole('button', { name: '登记追缴资金' }).click();
  await page.getByRole('tab', { name: '清退批次' }).click();
  await page.getByRole('button', { name: '新建清退批次' }).click();
  await page.getByLabel('本批清退金额（元）').fill(amounts.batchYuan);
  await page.getByLabel('批次日期').fill('2026-11-20');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('草稿', { timeout: 60_000 });
  await page.getByRole('button', { name: '审批' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已审批', { timeout: 60_000 });
}
