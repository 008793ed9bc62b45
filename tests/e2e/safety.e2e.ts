import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { inspectBackup } from '../../renderer/src/core/backup';
import { forgePlainBackup } from '../unit/core/backup/forge';
import { ensureSignedIn, fillRestoreAdmin } from './steps';

// Browser mode: backups are downloads (no automatic backups), a restore reads a chosen file, checks
// it fully, shows it next to the current data, asks for a 管理员 of the backup's data, downloads a
// pre-restore backup (encrypted), then
// replaces the data, says what it restored from which file, and records the restore in the audit log.

/** The restore finished: after the reload and a sign-in to the restored data, the notice names the file. */
async function restoreDone(page: Page, fileName: string) {
  await expect(page.getByTestId('sign-in')).toContainText('数据已从备份恢复', { timeout: 30_000 });
  await ensureSignedIn(page);
  const done = page.getByTestId('restore-done');
  await expect(done).toContainText(`已用备份文件“${fileName}”替换了全部数据`, { timeout: 30_000 });
  await expect(done).toContainText('此次恢复已记入审计日志');
  await page.screenshot({ path: test.info().outputPath('restore-done.png') });
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(done).toHaveCount(0);
}

/** No readable personal data, and the file needs `passphrase` to open. */
async function expectEncryptedFile(file: string, passphrase: string, secrets: readonly string[]) {
  const bytes = readFileSync(file);
  for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  await expect(inspectBackup([new Uint8Array(bytes)])).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
  expect((await inspectBackup([new Uint8Array(bytes)], { passphrase })).encrypted).toBe(true);
}

async function setOffice(page: Page, officeName: string) {
  await ensureSignedIn(page);
  await page.goto('#/settings/office');
  await page.getByLabel('发文机关（文书落款）').fill(officeName);
  await page.getByLabel('区县列表（每行一个）').fill('环翠区\n文登区');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.app-navbar')).toContainText(officeName);
}

async function backupToFile(page: Page, passphrase: string | null): Promise<string> {
  await page.goto('#/settings/backup');
  await page.getByRole('button', { name: '备份到文件…' }).click();
  const encrypt = page.getByLabel(/加密备份/);
  if (passphrase === null) {
    await page.getByText(/^加密备份/).click();
    await expect(encrypt).not.toBeChecked();
    await expect(page.getByLabel('备份密码')).toHaveCount(0);
  } else {
    await page.getByLabel('备份密码').fill(passphrase);
    await page.getByLabel('确认密码').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-to-file-start').click();
  const file = path.join(tmpdir(), `safety-e2e-${Date.now()}-${(await download).suggestedFilename()}`);
  await (await download).saveAs(file);
  return file;
}

async function chooseBackupFile(page: Page, file: string) {
  await page.goto('#/settings/backup');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复…' }).click();
  await (await chooser).setFiles(file);
}

test('backup to a file, change the data, restore it back; broken files are refused and change nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setOffice(page, '威海市处置非法集资工作领导小组办公室');
  await page.goto('#/settings/backup');
  await expect(page.getByTestId('browser-backup-note')).toContainText('浏览器模式下没有自动备份');

  // A bad passphrase is refused with the field named, and nothing is downloaded.
  await page.getByRole('button', { name: '备份到文件…' }).click();
  await page.getByLabel('备份密码').fill('短');
  await page.getByTestId('backup-to-file-start').click();
  await expect(page.getByText('备份密码至少需要 8 个字符')).toBeVisible();
  await page.getByRole('button', { name: '取消' }).click();

  const plain = await backupToFile(page, null);
  expect(readFileSync(plain).subarray(1, 5).toString('latin1')).toBe('CFBK');
  await setOffice(page, '改过的名称');

  // A truncated copy: refused, with the reason, and the data is unchanged.
  const bytes = readFileSync(plain);
  const truncated = `${plain}.truncated.cfbak`;
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await chooseBackupFile(page, truncated);
  await expect(page.getByTestId('restore-refused')).toContainText('备份文件不完整');
  await expect(page.getByTestId('restore-refused')).toContainText('当前数据没有任何改动');
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // One flipped bit: refused as damaged.
  const flipped = `${plain}.flipped.cfbak`;
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length * 0.7);
  copy[at] = (copy[at] ?? 0) ^ 0x10;
  writeFileSync(flipped, copy);
  await chooseBackupFile(page, flipped);
  await expect(page.getByTestId('restore-refused')).toContainText('已损坏');
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.locator('.app-navbar')).toContainText('改过的名称');

  // The intact backup: shown next to the current data, its seal checked, then restored.
  await chooseBackupFile(page, plain);
  const comparison = page.getByTestId('restore-comparison');
  await expect(comparison).toContainText('备份文件完好');
  await expect(comparison).toContainText('审计日志');
  await expect(comparison).toContainText('完整');
  await expect(page.getByTestId('restore-seal')).toContainText('签名有效');
  // In a browser the pre-restore backup is a download: encrypted unless the user says otherwise.
  const plan = page.getByTestId('pre-restore-plan');
  await expect(plan).toContainText('下载');
  await expect(plan.getByLabel(/加密恢复前的备份/)).toBeChecked();
  await page.getByTestId('restore-confirm').click();
  await expect(plan).toContainText('备份密码至少需要 8 个字符');
  await plan.getByLabel('备份密码').fill('恢复前备份的密码2026');
  await plan.getByLabel('确认密码').fill('恢复前备份的密码2026');
  await page.screenshot({ path: test.info().outputPath('restore-ready.png') });
  await fillRestoreAdmin(page);
  const preRestore = page.waitForEvent('download');
  await page.getByTestId('restore-confirm').click();
  const preName = (await preRestore).suggestedFilename();
  expect(preName).toMatch(/^恢复前-处非工作台备份-.*-加密\.cfbak$/);
  const preFile = path.join(tmpdir(), `safety-e2e-pre-${Date.now()}.cfbak`);
  await (await preRestore).saveAs(preFile);
  await expectEncryptedFile(preFile, '恢复前备份的密码2026', ['改过的名称', '林淼']);
  await restoreDone(page, path.basename(plain));
  await expect(page.locator('.app-navbar')).toContainText('威海市处置非法集资工作领导小组办公室');
  await page.reload();
  await expect(page.locator('.app-navbar')).toContainText('威海市处置非法集资工作领导小组办公室');
  await expect(page.getByTestId('restore-done')).toHaveCount(0);
  await page.goto('#/settings/audit');
  await expect(page.getByTestId('audit-table')).toContainText(`用备份“${path.basename(plain)}”替换全部数据`);
  await expect(page.getByTestId('startup-checks')).toHaveCount(0);
});

test('an encrypted backup needs its passphrase; a wrong one is refused', async ({ page }) => {
  await page.goto('/');
  await setOffice(page, '荣成市处非办');
  const file = await backupToFile(page, '正确的备份密码2026');
  expect(readFileSync(file).includes(Buffer.from('荣成市处非办'))).toBe(false);
  await setOffice(page, '别的名称');
  await chooseBackupFile(page, file);
  await page.getByLabel('备份密码').fill('错误的备份密码2026');
  await page.getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('dialog')).toContainText('密码不正确');
  await page.getByLabel('备份密码').fill('正确的备份密码2026');
  await page.getByRole('button', { name: '打开' }).click();
  await expect(page.getByTestId('restore-comparison')).toContainText('加密内容认证通过');
  await expect(page.getByTestId('pre-restore-plan')).toContainText('相同的密码加密');
  await fillRestoreAdmin(page);
  const preRestore = page.waitForEvent('download');
  await page.getByTestId('restore-confirm').click();
  // Restoring from an encrypted backup leaves no plaintext copy: the pre-restore backup has its passphrase.
  const preFile = path.join(tmpdir(), `safety-e2e-pre-${Date.now()}.cfbak`);
  await (await preRestore).saveAs(preFile);
  expect((await preRestore).suggestedFilename()).toMatch(/-加密\.cfbak$/);
  await expectEncryptedFile(preFile, '正确的备份密码2026', ['别的名称', '林淼']);
  await restoreDone(page, path.basename(file));
  await expect(page.locator('.app-navbar')).toContainText('荣成市处非办');
});

test('a backup with a forged row is refused when sealed, and an unsealed one is restored only when the user vouches for it', async ({ page }) => {
  await page.goto('/');
  await setOffice(page, '乳山市处非办');
  const file = await backupToFile(page, null);
  await setOffice(page, '当前的名称');
  const bytes = new Uint8Array(readFileSync(file));
  const forge = (lines: string[]) => lines.map((l) => l.replace('乳山市处非办', '伪造的名称'));

  // One row changed and every hash recomputed; the seal cannot be recomputed without this browser's key.
  const forged = `${file}.forged.cfbak`;
  writeFileSync(forged, await forgePlainBackup(bytes, { recomputeHashes: true, editRows: (_, lines) => forge(lines) }));
  await chooseBackupFile(page, forged);
  await expect(page.getByTestId('restore-refused')).toContainText('签名不符');
  await expect(page.getByTestId('restore-refused')).toContainText('当前数据没有任何改动');
  await page.getByRole('button', { name: '关闭', exact: true }).click();

  // The same forgery with the seal stripped reads as unsealed: the dialog says it cannot prove anything.
  const stripped = `${file}.unsealed.cfbak`;
  const strip = (h: Record<string, unknown>) => {
    h.seal = null;
  };
  writeFileSync(stripped, await forgePlainBackup(bytes, { recomputeHashes: true, editRows: (_, lines) => forge(lines), editHeader: strip }));
  await chooseBackupFile(page, stripped);
  const seal = page.getByTestId('restore-seal');
  await expect(seal).toContainText('此备份没有签名');
  await expect(seal).toContainText('不能证明自己没有被改动');
  await expect(page.getByTestId('restore-confirm')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('restore-unsealed.png') });
  await page.getByText(/^我确认此备份文件来源可靠/).click();
  await expect(page.getByTestId('restore-confirm')).toBeEnabled();
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.locator('.app-navbar')).toContainText('当前的名称');
});

test('a database written by a newer version is not opened or wiped; restoring a backup opens the app again', async ({ page }) => {
  await page.goto('/');
  await setOffice(page, '环翠区处非办');
  const file = await backupToFile(page, null);
  // A newer app added a schema version (Dexie stores version × 10) and a table.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation', 990);
        open.onupgradeneeded = () => open.result.createObjectStore('futureThings');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await expect(page.getByTestId('schema-newer')).toContainText('数据库版本比本程序新');
  await expect(page.getByTestId('schema-newer')).toContainText('数据结构版本 99');
  // Nothing was deleted: the newer database is still there with its data.
  const stillThere = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('chufei-workstation');
        open.onsuccess = () => {
          resolve([...open.result.objectStoreNames]);
          open.result.close();
        };
      }),
  );
  expect(stillThere).toContain('futureThings');
  expect(stillThere).toContain('settings');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份恢复…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('restore-comparison')).toContainText('备份文件完好');
  // The user may keep the pre-restore download plain, and is told what that leaves behind.
  await page.getByTestId('pre-restore-plan').getByText(/^加密恢复前的备份/).click();
  await expect(page.getByTestId('pre-restore-plan')).toContainText('可直接读取全部个人信息');
  await fillRestoreAdmin(page);
  const preRestore = page.waitForEvent('download');
  await page.getByTestId('restore-confirm').click();
  expect((await preRestore).suggestedFilename()).not.toContain('加密');
  await restoreDone(page, path.basename(file));
  await expect(page.locator('.app-navbar')).toContainText('环翠区处非办');
});

/** A valid 18-digit resident ID (GB 11643 check character), distinct for every n. */
function idNumber(n: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `371002${born}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

async function fillCase(page: Page) {
  await page.goto('#/cases/new');
  await page.getByLabel('案件编号').fill('文公经立〔2021〕3号');
  await page.getByLabel('案件名称').fill('某某投资公司涉嫌非法吸收公众存款案');
  await page.getByLabel('涉嫌罪名/类型').selectOption('非法吸收公众存款');
  await page.getByLabel('领域').selectOption('养老');
  await page.getByLabel('区县').selectOption('文登区');
  await page.getByLabel('立案日期').fill('2021-03-01');
  await page.locator('#case-stage').selectOption('立案');
  await page.getByLabel('阶段日期').fill('2021-03-01');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('case-title')).toBeVisible();
}

async function importFile(page: Page, file: string) {
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 120_000 });
  const importButton = page.getByRole('button', { name: /^导入 [\d,]+ 行有效记录/ });
  const repeats = page.getByTestId('repeated-contracts');
  await expect(importButton.or(repeats).first()).toBeVisible();
  if (await repeats.isVisible()) {
    // The register already holds this file (an interrupted import that had in fact completed): adding
    // it again would double every claim, so the file replaces the register instead.
    await page.getByRole('button', { name: '用此文件替换本案名单' }).click();
    await page.getByRole('button', { name: /^替换本案名单（[\d,]+ 行有效记录）/ }).click();
    await page.getByRole('button', { name: '确定替换' }).click();
  } else await importButton.click();
}

function blockCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onsuccess = () => {
          const count = open.result.transaction('creditorBlocks').objectStore('creditorBlocks').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Blocks of creditors in the store, counted from the page through a second connection. */
function blocksWritten(page: Page, atLeast: number) {
  return page.waitForFunction(
    (n) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('chufei-workstation');
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('creditorBlocks').objectStore('creditorBlocks').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result >= n);
          };
        };
        open.onerror = () => resolve(false);
      }),
    atLeast,
    { polling: 10, timeout: 120_000 },
  );
}

test('closing the page, or killing the browser, in the middle of a large import leaves all of it or none', async ({ browserName }) => {
  test.setTimeout(300_000);
  expect(browserName).toBe('chromium');
  const rows = 120_000;
  const { utils, write } = await import('@e965/xlsx');
  const sheet = utils.aoa_to_sheet([
    ['序号', '姓名', '身份证号码', '联系电话', '投资金额（元）', '已获收益（元）'],
    ...Array.from({ length: rows }, (_, i) => [i + 1, `参与人${i + 1}`, idNumber(i), `138${String(i).padStart(8, '0')}`, 10_000 + (i % 500), 0]),
  ]);
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '名单');
  const file = path.join(tmpdir(), `safety-import-${Date.now()}.xlsx`);
  writeFileSync(file, write(book, { type: 'buffer', bookType: 'xlsx' }));
  const profile = mkdtempSync(path.join(tmpdir(), 'safety-profile-'));
  const config = test.info().project.use;
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...(config.launchOptions ?? {}),
      baseURL: config.baseURL,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });

  let context = await launch();
  let page = await context.newPage();
  await page.goto('/');
  await setOffice(page, '文登区处非办');
  await fillCase(page);
  await page.getByRole('menuitem', { name: /集资参与人/ }).click();
  await page.getByRole('link', { name: '文公经立〔2021〕3号' }).click();
  const registerUrl = page.url();
  const outcomes: string[] = [];

  for (const cut of ['close-page', 'kill-browser'] as const) {
    const before = await blockCount(page);
    await importFile(page, file);
    await blocksWritten(page, before + 1);
    if (cut === 'close-page') {
      await page.close({ runBeforeUnload: false });
    } else {
      // An unclean end: the browser process dies with transactions in flight.
      const pid = (context as unknown as { _browser?: { process?: () => { pid?: number } } })._browser?.process?.()?.pid;
      if (pid) process.kill(pid, 'SIGKILL');
      await context.close().catch(() => undefined);
      context = await launch();
    }
    page = await context.newPage();
    await page.goto(registerUrl);
    await ensureSignedIn(page);
    const total = page.getByTestId('total-count');
    await expect(total).toBeVisible({ timeout: 30_000 });
    // The previous state (0 or, after a completed import, every creditor) or the whole new one.
    await expect(total).toHaveText(/^(0|120,?000)$/);
    outcomes.push(`${cut}: ${await total.textContent()}`);
  }
  console.log(`[safety e2e] after an interrupted import the register shows ${outcomes.join('; ')} creditors (never a part)`);
  // Left-over blocks of the interrupted generations do not disturb a complete import.
  await importFile(page, file);
  await expect(page.getByTestId('total-count')).toHaveText(/^120,?000$/, { timeout: 120_000 });

  // Figures (printed, not asserted): an encrypted backup of the 120,000-creditor store, and a full
  // verify + restore of it, in this Chromium.
  let started = Date.now();
  const backup = await backupToFile(page, '性能测试用的备份密码');
  const backupMs = Date.now() - started;
  started = Date.now();
  await chooseBackupFile(page, backup);
  await page.getByLabel('备份密码').fill('性能测试用的备份密码');
  await page.getByRole('button', { name: '打开' }).click();
  await expect(page.getByTestId('restore-comparison')).toBeVisible({ timeout: 120_000 });
  const inspectMs = Date.now() - started;
  started = Date.now();
  await fillRestoreAdmin(page);
  const pre = page.waitForEvent('download');
  const reloaded = page.waitForEvent('load', { timeout: 180_000 });
  await page.getByTestId('restore-confirm').click();
  await pre;
  await reloaded;
  await page.goto(registerUrl);
  await ensureSignedIn(page);
  await expect(page.getByTestId('total-count')).toHaveText(/^120,?000$/, { timeout: 60_000 });
  const restoreMs = Date.now() - started;
  const mb = (readFileSync(backup).byteLength / 1024 / 1024).toFixed(1);
  console.log(
    `[safety e2e] 120,000 creditors: encrypted backup ${mb} MB in ${(backupMs / 1000).toFixed(1)} s; verify ${(inspectMs / 1000).toFixed(1)} s; pre-restore backup + stage + replace ${(restoreMs / 1000).toFixed(1)} s`,
  );
  await context.close();
});
