import { expect, type Page, test } from '@playwright/test';
import { createCase, ensureSignedIn } from './steps';

// Issue 12, "Tampering the audit chain must catch": edits made straight in the browser's IndexedDB,
// behind the app's back, are named by the verify button (and at the next start).

const SHOTS = process.env.E2E_SHOTS ?? '/tmp';

/** Runs `edit` on one object store of the case database, outside the app. */
function tamper(page: Page, store: string, edit: 'retitle' | 'drop-newest-2' | 'clear', caseId = ''): Promise<void> {
  return page.evaluate(
    ([store, edit, caseId]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          const s = tx.objectStore(store);
          if (edit === 'retitle') {
            const get = s.get(caseId);
            get.onsuccess = () => s.put({ ...get.result, title: '某某公司（已结案，无需清退）' });
          } else if (edit === 'clear') s.clear();
          else {
            const keys = s.getAllKeys();
            keys.onsuccess = () => {
              for (const k of (keys.result as number[]).slice(-2)) s.delete(k);
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, edit, caseId] as const,
  );
}

async function verify(page: Page) {
  await page.goto('#/settings/audit');
  await page.getByRole('button', { name: '校验审计链' }).click();
  return page.getByTestId('audit-verdict');
}

test('a title edited in IndexedDB, the newest entries deleted and the log cleared are each named', async ({ page }) => {
  const caseId = await createCase(page);
  const verdict = await verify(page);
  await expect(verdict).toContainText('审计链完整');
  await expect(verdict).toContainText('链头与数据库之外的锚点一致');

  // The case's title changed in the database: the chain still verifies, the record does not.
  await tamper(page, 'cases', 'retitle', caseId);
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(verdict).toContainText('案件 威公经立〔2020〕15号 的 案件名称 与审计记录不符');
  await page.screenshot({ path: `${SHOTS}/audit-tamper-title.png`, fullPage: true });

  // The newest two entries deleted: what is left still chains, the anchor outside says more existed.
  await tamper(page, 'audit', 'drop-newest-2');
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(verdict).toContainText('审计链被截断');
  await expect(verdict).toContainText('最新的 2 条审计记录被删除');
  await page.screenshot({ path: `${SHOTS}/audit-tamper-truncated.png`, fullPage: true });

  // Cleared: the next start says so before anyone works on, and the verify names it too.
  await tamper(page, 'audit', 'clear');
  await page.reload();
  await ensureSignedIn(page);
  await expect(page.locator('[data-check="audit-anchor"]')).toContainText('审计日志已被清空');
  await page.screenshot({ path: `${SHOTS}/audit-tamper-startup.png`, fullPage: true });
  await page.goto('#/settings/audit');
  // Said on the audit screen at once, not "no entries yet" alone.
  await expect(page.getByTestId('audit-anchor-problem')).toContainText(/审计日志已被清空|审计链被重新开始/);
  const again = await verify(page);
  // Signing in wrote entry 1 of a new chain: it is not taken for the old one.
  await expect(again).toContainText(/审计日志已被清空|审计链被重新开始/);
  await expect(again).toContainText('请从备份恢复');
  await page.screenshot({ path: `${SHOTS}/audit-tamper-cleared.png`, fullPage: true });
});
