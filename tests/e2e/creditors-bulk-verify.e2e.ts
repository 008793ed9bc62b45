// Bulk verification on the register page (issue 17): the page updates its register in place instead
// of reading it again, so what it shows must be what storage holds — after a reload, and when
// something else wrote the register first (the app allows one window; a write straight into
// IndexedDB stands in for another writer). A refused verification changes nothing.
import { expect, type Page, test } from '@playwright/test';
import { addUser, createCase, ensureSignedIn, type SeedCreditor, seedCreditorRegister, switchUser } from './steps';

/** Few enough that every row is on the screen (the table draws only those). */
const COUNT = 12;

function creditors(count: number, first = 1): SeedCreditor[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return {
      cid: String(n),
      name: `参与人${n}`,
      idType: 'passport',
      idNumber: `E${String(10_000_000 + n)}`,
      contracts: [{ principalFen: 100_000, returnedFen: 0, sourceRow: n + 1, note: '' }],
      principalFen: 100_000,
      returnedFen: 0,
      netClaimFen: 100_000,
      status: '待核实',
      exclusion: null,
    };
  });
}

/**
 * Another writer, straight into IndexedDB (the pointer's updatedAt moves): `verify` sets creditor
 * `cid` of generation 1 to 已核实; `replace` makes generation 2 of `list` the case's register (an import).
 */
async function writeElsewhere(page: Page, caseId: string, change: { readonly verify: string } | { readonly replace: readonly SeedCreditor[] }): Promise<void> {
  await page.evaluate(
    ({ caseId, change }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chufei-workstation');
        open.onsuccess = () => {
          const tx = open.result.transaction(['creditorBlocks', 'creditorRegisters'], 'readwrite');
          const blocks = tx.objectStore('creditorBlocks');
          const registers = tx.objectStore('creditorRegisters');
          if ('verify' in change) {
            blocks.get(`${caseId}#1#0`).onsuccess = (e) => {
              const block = (e.target as IDBRequest).result as { creditors: { cid: string; status: string; statusNote?: string }[] };
              block.creditors = block.creditors.map((c) => (c.cid === change.verify ? { ...c, status: '已核实', statusNote: undefined } : c));
              blocks.put(block);
            };
            registers.get(caseId).onsuccess = (e) => {
              const pointer = (e.target as IDBRequest).result as { updatedAt: string };
              registers.put({ ...pointer, updatedAt: new Date(Date.parse(pointer.updatedAt) + 1_000).toISOString() });
            };
          } else {
            const list = change.replace;
            blocks.put({ id: `${caseId}#2#0`, caseId, generation: 2, seq: 0, creditors: list });
            const netClaimFen = list.reduce((s, c) => s + c.netClaimFen, 0);
            registers.put({ caseId, generation: 2, count: list.length, totals: { principalFen: netClaimFen, returnedFen: 0, netClaimFen }, nextCid: 1_000, updatedAt: new Date().toISOString() });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { caseId, change },
  );
}

const statusCells = (page: Page, status: string) => page.getByTestId('creditor-table').locator('.cell-status').filter({ hasText: status });

async function bulk(page: Page, scope: 'checked' | 'filter', action: '已核实' | '存疑（须写明原因）', note?: string) {
  await page.getByRole('button', { name: '批量核实…' }).click();
  const dialog = page.getByTestId('bulk-verify');
  await dialog.getByLabel(scope === 'checked' ? '勾选的' : '当前搜索和筛选结果', { exact: false }).check({ force: true });
  await dialog.getByLabel(action).check({ force: true });
  if (note) await dialog.getByLabel('存疑原因').fill(note);
  await dialog.getByRole('button', { name: /^确定（\d+ 人）$/ }).click();
  return dialog;
}

async function openRegister(page: Page, caseId: string) {
  await page.goto(`#/creditors/${encodeURIComponent(caseId)}`);
  await expect(page.getByTestId('total-count')).toBeVisible();
}

test('bulk verification shows at once what storage holds: after a reload, after another writer changed the register', async ({ page }) => {
  await ensureSignedIn(page);
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, creditors(COUNT));
  await openRegister(page, caseId);
  await expect(page.getByTestId('total-count')).toHaveText(String(COUNT));
  await expect(page.getByTestId('total-net')).toHaveText('12,000.00');

  // Everyone the filter shows (待核实: all 12) verified in one action; the page shows it at once.
  await page.getByLabel('核实状态').first().selectOption('待核实');
  await bulk(page, 'filter', '已核实');
  await expect(page.getByText(`已将 ${COUNT} 人设为“已核实”，已记入审计日志。`)).toBeVisible();
  await expect(page.getByText('没有符合条件的参与人。')).toBeVisible();
  await page.getByLabel('核实状态').first().selectOption('');
  await expect(statusCells(page, '已核实')).toHaveCount(COUNT);
  await expect(page.getByTestId('total-net')).toHaveText('12,000.00');

  // Two ticked rows set to 存疑 with a reason: their cells and the reason's tooltip, the rest unchanged.
  await page.getByLabel('勾选 参与人3', { exact: true }).check();
  await page.getByLabel('勾选 参与人5', { exact: true }).check();
  await bulk(page, 'checked', '存疑（须写明原因）', '合同原件待核对');
  await expect(page.getByText('已将 2 人设为“存疑”，已记入审计日志。')).toBeVisible();
  await expect(statusCells(page, '存疑')).toHaveCount(2);
  await expect(statusCells(page, '已核实')).toHaveCount(COUNT - 2);
  await expect(statusCells(page, '存疑').first().locator('[title]')).toHaveAttribute('title', '存疑原因：合同原件待核对');

  // 参与人3 is verified elsewhere; this page, which still shows it 存疑, verifies 参与人5: its
  // register was no longer the stored one, so it reads it again and shows both verified.
  await writeElsewhere(page, caseId, { verify: '3' });
  await page.getByLabel('勾选 参与人5', { exact: true }).check();
  await bulk(page, 'checked', '已核实');
  await expect(page.getByText('已将 1 人设为“已核实”，已记入审计日志。')).toBeVisible();
  await expect(statusCells(page, '存疑')).toHaveCount(0);
  await expect(statusCells(page, '已核实')).toHaveCount(COUNT);

  // After a restart of the page: the same.
  await page.reload();
  await ensureSignedIn(page);
  await openRegister(page, caseId);
  await expect(statusCells(page, '已核实')).toHaveCount(COUNT);
  await expect(page.getByTestId('total-net')).toHaveText('12,000.00');
});

test('a refused bulk verification changes nothing: a stale register, a user without 审核', async ({ page }) => {
  await ensureSignedIn(page);
  const caseId = await createCase(page);
  await seedCreditorRegister(page, caseId, creditors(COUNT));
  await openRegister(page, caseId);

  // Another writer replaced the register by a file of 8 others; this page still shows the old 12.
  await writeElsewhere(page, caseId, { replace: creditors(8, 101) });
  await bulk(page, 'filter', '已核实');
  await expect(page.getByTestId('bulk-error')).toHaveText(`有 ${COUNT} 名参与人已不在本案名单中（可能已被新的导入替换），请刷新名单后重试。`);
  await page.getByRole('button', { name: '取消' }).click();
  await expect(statusCells(page, '待核实')).toHaveCount(COUNT);

  // Nothing was stored: the page read again shows the 8, all still 待核实.
  await page.reload();
  await ensureSignedIn(page);
  await openRegister(page, caseId);
  await expect(page.getByTestId('total-count')).toHaveText('8');
  await expect(statusCells(page, '待核实')).toHaveCount(8);

  // A 经办 without 审核 is not offered bulk verification (the repository refuses it too: unit tests).
  await addUser(page, '孙经办', ['经办']);
  await switchUser(page, '孙经办');
  await openRegister(page, caseId);
  await expect(page.getByTestId('total-count')).toHaveText('8');
  await expect(page.getByRole('button', { name: '批量核实…' })).toHaveCount(0);
});
