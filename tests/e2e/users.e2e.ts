import { expect, type Page, test } from '@playwright/test';
import { GENESIS_HASH, sealAuditEntry } from '../../renderer/src/core/audit/audit-entry';
import { APPROVER, addUser, createCase, ensureSignedIn, OPERATOR, PASSPHRASE, seedCreditorRegister, signIn, switchUser } from './steps';

// Named users (issue 18): first start, signing in at start and after the idle lock, quick switching,
// what each role may do, and the audit log in Chinese (issue 11) with the signed-in user on every entry.

const shell = (page: Page) => page.locator('.app-lock-root:not(.app-lock-hidden) .app-navbar');

/** As if the app were started again: this window forgets its session and reloads. */
async function restart(page: Page) {
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
}

test('first start creates the 管理员; a new start asks to sign in, throttles wrong passphrases, and a reload keeps the session', async ({ page }) => {
  await page.goto('/');
  const first = page.getByTestId('first-start');
  await expect(first).toBeVisible();
  await expect(page.locator('.app-navbar')).toBeHidden();
  // Bad input is named field by field; nothing is created.
  await first.getByLabel('登录密码').fill('短');
  await first.getByLabel('确认密码').fill('短');
  await first.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(first).toContainText('姓名：请填写用户的姓名');
  await expect(first).toContainText('密码：至少需要 8 个字符');
  await ensureSignedIn(page);
  await expect(page.getByTestId('operator-tag')).toHaveText(OPERATOR);

  // A reload of the same window continues; a new start asks again.
  await page.reload();
  await expect(shell(page)).toBeVisible();
  await restart(page);
  const form = page.getByTestId('sign-in');
  await expect(form).toBeVisible();
  await expect(page.locator('.app-navbar')).toBeHidden();
  for (let i = 1; i <= 3; i++) {
    await form.getByLabel('密码').fill(`错误密码${i}`);
    await form.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText(`已连续错误 ${i} 次`);
  }
  await expect(form.getByRole('button', { name: /请等待 \d+ 秒/ })).toBeDisabled();
  // Restarting does not reset the wait: it is kept with the user.
  await restart(page);
  await expect(form.getByRole('button', { name: /请等待 \d+ 秒/ })).toBeDisabled();
  await expect(form.getByRole('button', { name: '登录' })).toBeEnabled({ timeout: 15_000 });
  await signIn(page, OPERATOR, PASSPHRASE);

  await page.goto('#/settings/audit');
  const audit = page.getByTestId('audit-table');
  await expect(audit.locator('tr', { hasText: '拒绝执行' }).filter({ hasText: '登录：密码错误' })).toHaveCount(3);
  await expect(audit.locator('tr', { hasText: '登录' }).filter({ hasText: '用户 林淼' }).first()).toBeVisible();
});

test('two people at one desk switch quickly; each sees what their roles allow and why', async ({ page }) => {
  await ensureSignedIn(page);
  await addUser(page, APPROVER, ['审批']);
  await page.screenshot({ path: test.info().outputPath('users-panel.png'), fullPage: true });
  await switchUser(page, APPROVER);
  await page.goto('#/settings/users');
  await expect(page.getByTestId('me')).toContainText('当前用户：周主任（审批）');
  // No user management for 审批; the table of permissions says why.
  await expect(page.getByRole('button', { name: '添加用户' })).toHaveCount(0);
  const table = page.getByTestId('permissions-table');
  await expect(table.locator('tr[data-permission="repayment.approve"]')).toHaveAttribute('data-allowed', 'true');
  await expect(table.locator('tr[data-permission="users.manage"]')).toHaveAttribute('data-allowed', 'false');
  await expect(table.locator('tr[data-permission="repayment.approve"]')).toContainText('审批人不能是计算该批次的人');
  await table.screenshot({ path: test.info().outputPath('permissions.png') });
  // A 审批 user cannot register a case: the page does not hide it, the repository refuses and says why.
  await page.goto('#/cases/new');
  await page.getByLabel('案件编号').fill('威公经立〔2021〕1号');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('操作未执行：你的角色（审批）不能登记和修改案件、涉案主体、办案阶段')).toBeVisible();
  await switchUser(page, OPERATOR);
  await expect(page.getByTestId('operator-tag')).toHaveText(OPERATOR);
  // Switching started the pages afresh: what 周主任 typed is not there for 林淼 to save under their name.
  await page.goto('#/cases/new');
  await expect(page.getByLabel('案件编号')).toHaveValue('');
});

test('the idle lock brings back the sign-in screen and keeps what was typed for the same user', async ({ page }) => {
  await page.clock.install();
  await ensureSignedIn(page);
  await page.goto('#/settings/users');
  await page.getByText('无操作一段时间后锁定，须重新登录').click();
  await page.getByLabel('空闲锁定时间（分钟）').fill('2');
  await page.getByTestId('lock-settings').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('空闲锁定设置已保存')).toBeVisible();
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill('尚未保存的名称');
  await page.clock.fastForward('01:30');
  await expect(page.getByTestId('sign-in')).toHaveCount(0);
  await page.clock.fastForward('01:00');
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await expect(page.getByTestId('sign-in')).toContainText('处非工作台已锁定');
  // A reload of a locked window still asks.
  await page.reload();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await signIn(page, OPERATOR);
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill('尚未保存的名称');
  await page.clock.fastForward('02:30');
  await signIn(page, OPERATOR);
  await expect(page.getByLabel('发文机关（文书落款）')).toHaveValue('尚未保存的名称');
});

test('the audit log reads in Chinese: names not ids, masked personal data, typed names marked; revealing is audited', async ({ page }) => {
  // An entry from before users existed (the operator typed in settings), written into a fresh store.
  await page.goto('/');
  await expect(page.getByTestId('first-start')).toBeVisible();
  const typed = sealAuditEntry({ seq: 1, at: '2026-01-05T02:00:00.000Z', operator: '林淼', action: 'settings', entity: 'settings', entityId: 'app', before: null, after: { officeName: '威海市处非办', operatorName: '林淼' }, prevHash: GENESIS_HASH });
  await page.evaluate(
    (entry) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          tx.objectStore('audit').put(entry);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    typed,
  );
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, [
    { cid: '1', name: '王喆', idType: 'resident', idNumber: '371002198001010010', bankName: '中国工商银行', bankAccount: '6222020200112200001', contracts: [{ principalFen: 600_000, returnedFen: 0, sourceRow: 2, note: '' }], principalFen: 600_000, returnedFen: 0, netClaimFen: 600_000, status: '已核实', exclusion: null },
  ]);

  // 林淼 changes the verified creditor's account: back to 待核实, and 林淼 may not verify it again.
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await page.getByRole('button', { name: '王喆' }).click();
  await page.getByTestId('creditor-panel').getByRole('button', { name: '编辑' }).click();
  await page.getByRole('dialog').getByLabel('银行账号').fill('6222020200199999999');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已改为“待核实”，须由修改人以外的人重新核实/)).toBeVisible();
  // Editing showed the full ID in the form only: the table stays masked.
  await expect(page.getByTestId('creditor-table')).toContainText('371002********0010');
  await expect(page.getByTestId('creditor-table')).not.toContainText('371002198001010010');
  await expect(page.getByTestId('pending-change')).toContainText('银行账号已由林淼在核实后修改');
  await page.getByTestId('creditor-panel').getByRole('button', { name: '核实' }).click();
  await page.getByTestId('verify-dialog').getByLabel('核实状态').selectOption('已核实');
  await page.getByRole('button', { name: '保存核实结果' }).click();
  await expect(page.getByTestId('verify-error')).toContainText('须由修改人以外的人重新核实');
  await expect(page.getByTestId('verify-dialog')).not.toContainText('371002198001010010');
  await page.getByRole('button', { name: '取消' }).click();

  await page.goto('#/settings/audit');
  const audit = page.getByTestId('audit-table');
  await expect(audit.locator('tr[data-seq="1"]')).toContainText('林淼（手填）');
  await expect(audit.locator('tr[data-seq="1"]')).toContainText('单位设置');
  const change = audit.locator('tr').filter({ has: page.locator('td:nth-child(4)', { hasText: /^修改$/ }) }).filter({ hasText: '集资参与人 王喆（威公经立〔2020〕15号）' });
  await expect(change).toHaveCount(1);
  await change.getByRole('button', { name: /查看详情/ }).click();
  const details = page.locator('[data-testid^="audit-details-"]');
  await expect(details).toContainText('银行账号');
  await expect(details).toContainText('6222 **** 9999');
  await expect(details).toContainText('待核实');
  await expect(details).not.toContainText('6222020200199999999');
  await expect(audit).not.toContainText(caseId);
  await expect(audit).not.toContainText('bankAccount');
  await expect(audit.locator('tr', { hasText: '拒绝执行' }).filter({ hasText: '须由修改人以外的人重新核实' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('audit-chinese.png'), fullPage: true });
  await details.getByRole('button', { name: /显示完整个人信息/ }).click();
  await expect(details).toContainText('6222020200199999999');
  await expect(audit.locator('tr', { hasText: '查看完整个人信息' }).filter({ hasText: '审计日志' })).toHaveCount(1);
  // Every entry, the typed one included, still verifies.
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('审计链完整');
});
