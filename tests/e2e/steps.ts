import { expect, type Locator, type Page } from '@playwright/test';

// Steps several areas' end-to-end tests take the same way a user would: signing in, office
// settings, a case, an approved batch.

export const OFFICE_NAME = '威海市防范和处置非法集资工作领导小组办公室';
/** The first 管理员, created at first start with every role (经办、审核、审批、管理员). */
export const OPERATOR = '林淼';
export const PASSPHRASE = '林淼的登录密码2026';
/** A colleague with the 审批 role only: approves what 林淼 computed (four eyes). */
export const APPROVER = '周主任';
const INITIAL = '初始密码请当面告知';

const shell = (page: Page) => page.locator('.app-lock-root:not(.app-lock-hidden) .app-navbar');
/** Users added in this page's database who still have the initial passphrase. */
const fresh = new WeakMap<Page, Set<string>>();

/**
 * Whatever the app shows at start: the first-start screen (creates 林淼, all roles), the sign-in
 * screen (signs in as `name`, choosing a new passphrase when a 管理员 set the first one), or the app.
 */
export async function ensureSignedIn(page: Page, name = OPERATOR): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  const first = page.getByTestId('first-start');
  const form = page.getByTestId('sign-in');
  await expect(first.or(form).or(shell(page))).toBeVisible({ timeout: 30_000 });
  if (await first.isVisible()) {
    await first.getByLabel('姓名').fill(OPERATOR);
    await first.getByLabel('登录密码').fill(PASSPHRASE);
    await first.getByLabel('确认密码').fill(PASSPHRASE);
    await first.getByRole('button', { name: '创建管理员并登录' }).click();
  } else if (await form.isVisible()) {
    await signIn(page, name);
    return;
  }
  await expect(shell(page)).toBeVisible();
}

/** On the sign-in screen: signs in as `name` (a new user sets their own passphrase first). */
export async function signIn(page: Page, name: string, passphrase = name === OPERATOR ? PASSPHRASE : `${name}的密码2026`): Promise<void> {
  const form = page.getByTestId('sign-in');
  await form.getByLabel('用户').selectOption({ label: await optionLabel(page, name) });
  const mustChange = page.getByTestId('must-change');
  // A colleague added with the initial passphrase signs in with it once, then sets their own.
  const first = fresh.get(page)?.has(name) === true;
  await form.getByLabel('密码').fill(first ? INITIAL : passphrase);
  await form.getByRole('button', { name: '登录' }).click();
  if (first) {
    await expect(mustChange).toBeVisible();
    fresh.get(page)?.delete(name);
    await mustChange.getByLabel('新密码', { exact: true }).fill(passphrase);
    await mustChange.getByLabel('确认新密码').fill(passphrase);
    await mustChange.getByRole('button', { name: '设置新密码并继续' }).click();
  }
  await expect(shell(page)).toBeVisible();
  await expect(page.getByTestId('operator-tag')).toHaveText(name);
}

async function optionLabel(page: Page, name: string): Promise<string> {
  const option = page.getByTestId('sign-in').getByLabel('用户').locator('option').filter({ hasText: new RegExp(`^${name}（`) });
  await expect(option).toHaveCount(1);
  return (await option.textContent()) ?? name;
}

/** Quick switching: the user menu's 切换用户, then the other person signs in. */
export async function switchUser(page: Page, name: string): Promise<void> {
  await page.getByTestId('operator-tag').click();
  await page.getByRole('menuitem', { name: '切换用户' }).click();
  await signIn(page, name);
}

/** A colleague added by the signed-in 管理员 in 设置 → 用户与权限 (initial passphrase, to be changed). */
export async function addUser(page: Page, name: string, roles: readonly string[]): Promise<void> {
  await page.goto('#/settings/users');
  await expect(page.getByTestId('users-table').locator('tr[data-user]').first()).toBeVisible();
  if ((await page.getByTestId('users-table').locator(`tr[data-user="${name}"]`).count()) > 0) return;
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill(name);
  for (const role of ['经办', '审核', '审批', '管理员']) await dialog.getByLabel(role, { exact: true }).setChecked(roles.includes(role), { force: true });
  await dialog.getByLabel('登录密码').fill(INITIAL);
  await dialog.getByLabel('确认密码').fill(INITIAL);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('users-table').locator(`tr[data-user="${name}"]`)).toBeVisible();
  fresh.set(page, new Set([...(fresh.get(page) ?? []), name]));
}

/** In the restore dialog: the 管理员 of the backup's data (every backup made in these tests has 林淼). */
export async function fillRestoreAdmin(page: Page, name = OPERATOR, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('备份中的管理员姓名').fill(name);
  await page.getByLabel('该管理员的密码（备份时的密码）').fill(passphrase);
}

export async function saveOfficeSettings(page: Page, districts: readonly string[] = ['环翠区', '文登区']): Promise<void> {
  await ensureSignedIn(page);
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill(OFFICE_NAME);
  await page.getByLabel('区县列表（每行一个）').fill(districts.join('\n'));
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('operator-tag')).toContainText(OPERATOR);
  await expect(page.locator('.app-navbar')).toContainText(OFFICE_NAME);
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

/**
 * A register file imported through the wizard on the case's 集资参与人 page, as a clerk does it:
 * 导入名单, the file chosen, 校验, the report shown (`atReport` runs then: checks, a screenshot),
 * the valid rows imported; returns once the register shows `creditors` people.
 */
export async function importRegisterFile(
  page: Page,
  caseId: string,
  file: string,
  options: { readonly creditors: number; readonly atReport?: () => Promise<void> },
): Promise<void> {
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await options.atReport?.();
  await page.getByRole('button', { name: /导入 \d+ 行有效记录/ }).click();
  await expect(page.getByTestId('total-count')).toHaveText(String(options.creditors), { timeout: 60_000 });
}

/**
 * Creditor n of a seeded register, 待核实, with an account at one bank and n × 1,000 元 claimed: a
 * person with a resident ID or, with `org`, a firm with a 统一社会信用代码.
 */
export const seedCreditor = (n: number, name: string, org = false) => ({
  cid: String(n),
  name,
  idType: org ? 'org' : 'resident',
  idNumber: org ? `91371000MA3C000${n}XX` : `11010519600101${100 + n}X`,
  bankName: '中国工商银行威海分行',
  bankAccount: `62220202001122000${n}`,
  contracts: [{ principalFen: 100_000 * n, returnedFen: 0, sourceRow: n + 1, note: '' }],
  principalFen: 100_000 * n,
  returnedFen: 0,
  netClaimFen: 100_000 * n,
  status: '待核实',
  exclusion: null,
});

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

/**
 * On a case's 清退 page: 追缴资金 of `yuan` (as a clerk types it, e.g. '14,000,000') from 处置涉案资产,
 * arrived 2026-11-01, recorded; waits until the fund table lists it (the page reloads the case's
 * figures after the save, and a tab clicked before that lands may be lost).
 */
export async function recordFund(page: Page, yuan: string, options: { readonly source?: string; readonly date?: string } = {}): Promise<void> {
  await page.getByRole('tab', { name: '追缴资金' }).click();
  await expect(page.getByLabel('资金来源')).toBeVisible();
  const rows = page.getByTestId('fund-table').locator('tbody tr');
  const before = await rows.count();
  await page.getByLabel('资金来源').selectOption({ label: options.source ?? '处置涉案资产' });
  await page.getByLabel('追缴金额（元）').fill(yuan);
  await page.getByLabel('到账日期').fill(options.date ?? '2026-11-01');
  await page.getByRole('button', { name: '登记追缴资金' }).click();
  await expect(rows).toHaveCount(before + 1);
}

/**
 * Records recovered funds and computes a batch through the 清退 pages as 林淼, then has it approved
 * by 王审批 (four eyes: who computes does not approve) and switches back to 林淼.
 */
export async function approveRepaymentBatch(
  page: Page,
  caseId: string,
  amounts: { readonly fundsYuan: string; readonly batchYuan: string },
): Promise<void> {
  await page.goto(`#/repayment/${encodeURIComponent(caseId)}`);
  await recordFund(page, amounts.fundsYuan);
  await page.getByRole('tab', { name: '清退批次' }).click();
  await page.getByRole('button', { name: '新建清退批次' }).click();
  await page.getByLabel('本批清退金额（元）').fill(amounts.batchYuan);
  await page.getByLabel('批次日期').fill('2026-11-20');
  await page.getByRole('dialog').getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('草稿', { timeout: 60_000 });
  const batchUrl = page.url();
  await addUser(page, APPROVER, ['审批']);
  await switchUser(page, APPROVER);
  await page.goto(batchUrl);
  await page.getByRole('button', { name: '审批' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '审批' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('已审批', { timeout: 60_000 });
  await switchUser(page, OPERATOR);
  await page.goto(batchUrl);
}

/** A step of a clue (分派, 核查记录 …): its dialog filled and saved; with `expectError`, refused with that message. */
export async function clueStep(page: Page, name: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>, expectError?: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: '保存' }).click();
  if (expectError) {
    await expect(dialog.getByTestId('step-error')).toContainText(expectError);
    await dialog.getByRole('button', { name: '取消' }).click();
  }
  await expect(dialog).toBeHidden();
}

/**
 * A 联合执法询问通知书 from the built-in template for the case, saved as a draft, then issued
 * (签发并编号); returns the document dialog, left open.
 */
export async function issueInquiryNotice(page: Page, caseId: string): Promise<Locator> {
  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByLabel('文书类型').selectOption({ label: '联合执法询问通知书' });
  await page.getByRole('button', { name: '新建文书' }).click();
  await page.locator('#doc-field-partyName').fill('威海某某养老服务有限公司');
  await page.locator('#doc-field-reason').fill('你单位涉嫌以预售养老床位、承诺高额返利为名向社会公众吸收资金');
  await page.locator('#doc-field-appointmentDate').fill('2026-12-18');
  await page.locator('#doc-field-appointmentTime').fill('上午9时30分');
  await page.locator('#doc-field-place').fill('威海市地方金融监督管理局三楼第一会议室');
  await page.locator('#doc-field-materials').fill('营业执照副本');
  await page.locator('#doc-field-contactPhone').fill('0631-5288123');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('documents-notice')).toContainText('草稿已保存', { timeout: 60_000 });
  await page.getByTestId('document-detail').getByRole('button', { name: '继续编辑草稿' }).click();
  await page.getByRole('button', { name: '签发并编号' }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  const detail = page.getByTestId('document-detail');
  await expect(detail.getByTestId('detail-status')).toHaveText('已签发', { timeout: 90_000 });
  return detail;
}
