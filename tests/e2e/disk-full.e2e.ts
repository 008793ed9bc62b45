import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { sharedPath } from '../shared-dir';
import { createCase } from './steps';

// Issue 12, tried the way the probe did: the browser profile on a small tmpfs, the disk filled, a
// large creditor import started, the browser restarted. Every trial must end all-or-nothing (the
// register empty or complete, the case and its audit log still there) and tell the user the real
// cause (磁盘空间不足), never 「已取消」. Needs root to mount a tmpfs (CI runs as root on Debian);
// elsewhere it skips and prints why.

const ROWS = 300_000;
/** Rows the generated list imports (make-creditors repeats a few IDs under other names: refused). */
const REGISTER_TEXT = /^(0|299,808)$/;
/** Chromium lets an origin use about 60% of a disk: 1 GB leaves the room check passing at 700 MB free. */
const TMPFS_MB = 1024;

let mountPoint = '';
let csv = '';
let skipReason: string | null = null;

function tryMount(): string | null {
  if (process.platform !== 'linux') return 'not Linux (tmpfs needed)';
  if (process.getuid?.() !== 0) return 'not root: mounting a tmpfs needs root (CI runs as root)';
  mountPoint = mkdtempSync(path.join(tmpdir(), 'disk-full-e2e-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    rmSync(mountPoint, { recursive: true, force: true });
    mountPoint = '';
    return `mount -t tmpfs failed (${String(error).split('\n')[0]})`;
  }
}

const freeBytes = () => {
  const s = statfsSync(mountPoint);
  return s.bavail * s.bsize;
};

/** Leaves about `mb` MB free on the tmpfs (filler files, removed by `unfill`). */
function fill(mb: number, n = 0): void {
  if (n === 0) unfill();
  const size = freeBytes() - mb * 1024 * 1024;
  if (size <= 0) return;
  try {
    execFileSync('fallocate', ['-l', String(size), path.join(mountPoint, `filler-${n}`)], { stdio: 'pipe' });
  } catch {
    // The browser wrote meanwhile: fill what is left.
    if (n < 5) fill(mb, n + 1);
  }
}

function unfill(): void {
  for (let n = 0; n <= 5; n++) rmSync(path.join(mountPoint, `filler-${n}`), { force: true });
}

test.beforeAll(() => {
  skipReason = tryMount();
  if (skipReason) {
    console.log(`[disk-full.e2e] SKIPPED: ${skipReason}`);
    return;
  }
  csv = path.join(mkdtempSync(path.join(tmpdir(), 'disk-full-csv-')), 'creditors-300k.csv');
  execFileSync(process.execPath, [sharedPath('tools', 'make-creditors.mjs'), String(ROWS), csv]);
});

test.afterAll(() => {
  if (csv) rmSync(path.dirname(csv), { recursive: true, force: true });
  if (!mountPoint) return;
  execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

async function launch(baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const options = test.info().project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(path.join(mountPoint, 'profile'), {
    ...(options.executablePath ? { executablePath: options.executablePath } : {}),
    args: options.args ?? [],
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') console.log(`[disk-full.e2e] browser: ${message.text()}`);
  });
  return { context, page };
}

async function openRegister(page: Page): Promise<void> {
  await page.goto('#/creditors');
  await page.getByRole('link', { name: '威公经立〔2020〕15号' }).click();
  await expect(page.getByRole('button', { name: '导入名单' })).toBeVisible();
}

/** Starts the import; `beforeCommit` runs once the report is on screen. Returns what the user was told. */
async function importLargeList(page: Page, beforeCommit: () => void): Promise<string> {
  await page.getByRole('button', { name: '导入名单' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择文件/ }).click();
  await (await chooser).setFiles(csv);
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 240_000 });
  beforeCommit();
  const refusedAhead = await page.getByTestId('import-space').isVisible();
  const told: string[] = [];
  if (refusedAhead) told.push((await page.getByTestId('import-space').textContent()) ?? '');
  await page.getByRole('button', { name: /导入 \d+ 行有效记录/ }).click();
  const outcome = page.getByTestId('import-error').or(page.getByTestId('creditor-table'));
  await expect(outcome.first()).toBeVisible({ timeout: 240_000 });
  if (await page.getByTestId('import-error').isVisible()) told.push((await page.getByTestId('import-error').textContent()) ?? '');
  else told.push('imported');
  await expect(page.getByText('已取消，本案名单没有变化。')).toHaveCount(0);
  return told.join('\n');
}

test('a full disk during a large import is all-or-nothing, and the user is told every time', async ({ baseURL }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(20 * 60_000);
  const base = baseURL ?? '';
  let { context, page } = await launch(base);
  await createCase(page);

  // Free space left before the import; the last trial fills the disk only once the report is shown,
  // while the blocks are being written ahead of the commit.
  const trials: { freeMb: number; fillDuringWrite: boolean }[] = [
    { freeMb: 6, fillDuringWrite: false },
    { freeMb: 10, fillDuringWrite: false },
    { freeMb: 700, fillDuringWrite: true },
    { freeMb: 40, fillDuringWrite: false },
    { freeMb: 700, fillDuringWrite: false },
  ];
  const outcomes: string[] = [];
  let losses = 0;
  for (const trial of trials) {
    fill(trial.freeMb);
    await openRegister(page);
    const told = await importLargeList(page, () => {
      if (trial.fillDuringWrite) fill(2);
    });
    outcomes.push(told);
    console.log(`[disk-full.e2e] ${trial.freeMb} MB free${trial.fillDuringWrite ? ', filled during the write' : ''}: ${told.replace(/\n/g, ' | ')}`);
    if (told !== 'imported') expect(told).toMatch(/磁盘空间不足|磁盘写入出错/);
    if (told.includes('磁盘空间不足：本次导入')) expect(told).toMatch(/约需 \d+ MB.*请腾出/);

    // Restart the browser on the same profile with the disk freed again.
    await context.close();
    unfill();
    ({ context, page } = await launch(base));
    await page.goto('#/cases');
    const lost = page.getByTestId('store-lost');
    await expect(lost.or(page.getByTestId('case-table')).first()).toBeVisible();
    if (await lost.isVisible()) {
      // Chromium dropped the whole store after the failed write (a plain browser shows a page no
      // disk figure to refuse with). The user must be told at start, with what it held.
      losses++;
      await expect(page.getByTestId('store-lost-cause')).toContainText('案件 1 件');
      await expect(page.getByTestId('store-lost-browser')).toContainText('备份文件');
      console.log(`[disk-full.e2e] ${trial.freeMb} MB free: the browser dropped the store; told at start: ${await page.getByTestId('store-lost-cause').textContent()}`);
      await page.getByRole('button', { name: '不恢复，使用空数据库' }).click();
      await page.getByRole('button', { name: '确定，使用空数据库' }).click();
      await createCase(page);
      continue;
    }
    await expect(page.getByTestId('case-table')).toContainText('威公经立〔2020〕15号');
    await openRegister(page);
    // A register of 300,000 takes a while to load on a busy machine.
    await expect(page.getByTestId('total-count')).toHaveText(REGISTER_TEXT, { timeout: 120_000 });
    if (told === 'imported') break;
  }
  console.log(`[disk-full.e2e] ${outcomes.length} trials, stores dropped by the browser: ${losses}`);
  // With room, the same import goes through.
  expect(outcomes.at(-1)).toBe('imported');
  await context.close();
});

test('a store emptied under the app is said plainly at start, with what it held and what to keep', async ({ page }) => {
  // Needs no tmpfs: what Chromium does to a store it finds damaged is done by hand (the database
  // is deleted, the rest of the profile stays).
  await createCase(page);
  await page.goto('#/cases');
  await expect(page.getByTestId('case-table')).toContainText('威公经立〔2020〕15号');
  // The record follows the data a few seconds after it changed.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('chufei-workstation:store-record') ?? ''), { timeout: 15_000 })
    .toContain('"cases":1');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('chufei-workstation');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.reload();
  await expect(page.getByTestId('store-lost')).toBeVisible();
  await expect(page.getByTestId('store-lost-cause')).toContainText('现在数据库是空的');
  await expect(page.getByTestId('store-lost-cause')).toContainText('案件 1 件');
  await expect(page.getByTestId('store-lost-backup')).toHaveText('没有记录到备份。');
  await expect(page.getByTestId('store-lost-browser')).toContainText('浏览器模式没有自动备份');
  await expect(page.getByRole('button', { name: '选择备份文件恢复…' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('store-lost.png') });
  // Nothing was created meanwhile: a reload says the same.
  await page.reload();
  await expect(page.getByTestId('store-lost')).toBeVisible();
  await page.getByRole('button', { name: '不恢复，使用空数据库' }).click();
  await page.getByRole('button', { name: '确定，使用空数据库' }).click();
  await expect(page.getByText('共 0 件')).toBeVisible();
  await page.reload();
  await expect(page.getByText('共 0 件')).toBeVisible();
  await expect(page.getByTestId('store-lost')).toHaveCount(0);
});
