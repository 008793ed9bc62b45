import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { packageLayout } from '../../renderer/src/core/exchange/package-file';
import { createCase, ensureSignedIn, seedCreditorRegister } from './steps';

// 报送 between two offices, each its own browser context (its own store): 环翠区 makes a signed
// package; the city adds 环翠区's key file, previews and imports it, and reads the records read-only.
// The package carries the case's creditor register (masked): the city opens it from the case, pages
// and searches it. The same package twice changes nothing; a tampered copy is refused in Chinese.
// EXCHANGE_SHOTS=<dir> saves screenshots of each screen.
const SHOTS = process.env.EXCHANGE_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

// 60 creditors as the creditor repository stores them; the 41st is 欧阳娜娜 (found by a search for 欧**娜).
const REGISTER = Array.from({ length: 60 }, (_, i) => ({
  cid: String(i + 1),
  name: i === 40 ? '欧阳娜娜' : i % 2 === 0 ? '王秀兰' : '李建国',
  idType: 'resident',
  idNumber: i === 40 ? '37100219800101777X' : `37100219800101${1000 + i}`,
  phone: '13806311234',
  contracts: [{ principalFen: 300_000 + 10_000 * (i % 2), returnedFen: 10_000 * (i % 2), sourceRow: i + 2, note: '' }],
  principalFen: 300_000 + 10_000 * (i % 2),
  returnedFen: 10_000 * (i % 2),
  netClaimFen: 300_000,
  status: '已核实',
  exclusion: null,
}));

async function setIdentity(page: Page, name: string, level: 'city' | 'district', district = '') {
  await page.goto('#/settings/exchange');
  await page.getByLabel('单位名称').fill(name);
  await page.getByLabel(level === 'city' ? '市级（接收各区县报送）' : '区县级（向市级报送）').check({ force: true });
  if (level === 'district') await page.getByLabel('所辖区县').fill(district);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('own-fingerprint')).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5}$/);
}

async function importFile(page: Page, path: string) {
  await page.goto('#/exchange/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择报送包…' }).click();
  await (await chooser).setFiles(path);
}

test('exchange: district makes a package, city trusts its key, previews, imports, sees records read-only; twice changes nothing; tampered is refused', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const district = await (await browser.newContext()).newPage();
  const city = await (await browser.newContext()).newPage();

  // ── 环翠区: a case with a person involved and 60 creditors, the office's identity, its key file and a package.
  const caseId = await createCase(district, { persons: [{ name: '王建军', role: '实际控制人', idNumber: '371002198001011232' }] });
  await seedCreditorRegister(district, caseId, REGISTER);
  await setIdentity(district, '环翠区处非办', 'district', '环翠区');
  const fingerprint = (await district.getByTestId('own-fingerprint').textContent()) ?? '';
  await shot(district, 'exchange-settings-district');
  const keyDownload = district.waitForEvent('download');
  await district.getByRole('button', { name: '导出公钥文件' }).click();
  const keyPath = info.outputPath('环翠区处非办-公钥.cfkey');
  await (await keyDownload).saveAs(keyPath);

  await district.goto('#/exchange/make');
  await district.getByLabel('年度').selectOption('2020');
  await district.getByLabel('季度').selectOption('2');
  await expect(district.getByTestId('ex-period-label')).toHaveText('2020年第二季度');
  await district.getByRole('checkbox', { name: /威公经立〔2020〕15号.*（60 人）/ }).check({ force: true });
  const pkgDownload = district.waitForEvent('download');
  await district.getByRole('button', { name: '生成并保存报送包' }).click();
  const pkgPath = info.outputPath('package.cfpkg');
  await (await pkgDownload).saveAs(pkgPath);
  await expect(district.getByTestId('make-summary')).toContainText('个人信息已脱敏');
  await expect(district.getByTestId('make-summary')).toContainText(fingerprint);
  await shot(district, 'exchange-make');

  // ── The city: unknown sender first (nothing stored), then the key file, then the import.
  await ensureSignedIn(city);
  await setIdentity(city, '威海市处非办', 'city');
  await importFile(city, pkgPath);
  await expect(city.getByTestId('import-refused')).toContainText('不在本机的报送单位名单中，未导入');
  await expect(city.getByTestId('import-refused')).toContainText(fingerprint);

  await city.goto('#/settings/exchange');
  const keyChooser = city.waitForEvent('filechooser');
  await city.getByRole('button', { name: '从公钥文件添加…' }).click();
  await (await keyChooser).setFiles(keyPath);
  await expect(city.getByTestId('exchange-offices')).toContainText('环翠区处非办');
  await expect(city.getByTestId('exchange-offices')).toContainText(fingerprint);
  await shot(city, 'exchange-settings-city');

  await importFile(city, pkgPath);
  const preview = city.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-sender')).toHaveText('环翠区处非办');
  await expect(preview).toContainText('2020年第二季度');
  await expect(preview.getByTestId('preview-changes').locator('tr', { hasText: '案件' })).toContainText('1');
  await shot(city, 'exchange-import-preview');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await expect(city.getByTestId('import-done')).toContainText('已导入：新增');

  // ── The city's 统计 counts 环翠区's case with its register's 60 people (the count the package carries), marked 名单 as at the district; the xlsx says so too.
  await city.goto('#/dashboard/p/2020-04-01/2020-06-30');
  await expect(city.getByTestId('value-cases.new.count')).toHaveText('1起');
  await expect(city.getByTestId('value-cases.new.people')).toHaveText('60人');
  await expect(city.getByTestId('note-cases.new.people')).toHaveText('名单 60 人（1 起）');
  await shot(city, 'exchange-city-dashboard');
  const xlsxDownload = city.waitForEvent('download');
  await city.getByRole('button', { name: '导出 Excel' }).click();
  const book = XLSX.read(readFileSync(await (await xlsxDownload).path()), { type: 'buffer' });
  const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.统计数据 as XLSX.WorkSheet, { header: 1 });
  expect(sheet[2]?.[6]).toBe('本期数据来源');
  expect(sheet.find((r) => r[0] === 'cases.new.people')?.slice(3, 7)).toEqual([60, 0, '—', '名单 60 人（1 起）']);
  await city.getByTestId('value-cases.new.people').click();
  await expect(city.getByText('名单 60 人').first()).toBeVisible();
  // Which office sent the case, and in which package (made moments ago, on the office clock).
  await expect(city.getByTestId('record-from')).toHaveText(/^环翠区处非办（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
  await shot(city, 'exchange-city-people-records');

  await city.goto('#/exchange/records');
  const records = city.getByTestId('received-records');
  const caseRow = records.locator('tr[data-kind="case"]', { hasText: '威公经立〔2020〕15号' });
  await expect(caseRow).toContainText('环翠区处非办');
  await expect(caseRow).toContainText('只读');
  await expect(caseRow).toContainText('环翠区');
  const before = await records.locator('tbody tr').count();
  await expect(caseRow.getByTestId('register-cell')).toContainText('60 人 · 核定 180,000.00 元');
  await shot(city, 'exchange-records');

  // ── The case's register, as received: masked names and ID numbers, a page of 50, searchable.
  await caseRow.getByRole('button', { name: '查看名单' }).click();
  const register = city.getByTestId('received-register');
  await expect(register.getByTestId('register-count')).toHaveText('60');
  await expect(register.getByTestId('register-net')).toHaveText('180,000.00');
  await expect(register.getByTestId('register-masking')).toContainText('个人信息已脱敏');
  await expect(register).toContainText('环翠区处非办');
  const table = register.getByTestId('register-table');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.locator('tbody tr').first()).toContainText('王*兰');
  await expect(table.locator('tbody tr').first()).toContainText('371002********1000');
  await expect(table.locator('tbody tr').first()).toContainText('138****1234');
  await expect(table).not.toContainText('王秀兰');
  await expect(table).not.toContainText('371002198001011000');
  await expect(register.getByTestId('register-page')).toHaveText('第 1 / 2 页（共 60 人）');
  await shot(city, 'exchange-register');
  await register.getByRole('button', { name: '下一页' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(table.locator('tbody tr').last()).toContainText('60');
  await register.getByLabel('按姓名、证件号码、手机号或编号搜索').fill('欧**娜');
  await register.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('371002********777X');
  await shot(city, 'exchange-register-search');
  await register.getByLabel('按姓名、证件号码、手机号或编号搜索').fill('王秀兰');
  await register.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(register.getByTestId('register-page')).toContainText('名单中没有与「王秀兰」相符的参与人');
  await register.getByRole('button', { name: '返回已收数据' }).click();
  await expect(city.getByTestId('received-records')).toBeVisible();

  // ── The same package again: the preview says so and importing changes nothing.
  await importFile(city, pkgPath);
  await expect(city.getByTestId('import-preview')).toContainText('该报送包此前已导入');
  await city.getByTestId('import-preview').getByRole('button', { name: '确认导入' }).click();
  await expect(city.getByTestId('import-done')).toHaveText('该报送包此前已导入，本次没有任何改动。');
  await city.goto('#/exchange/records');
  await expect(city.getByTestId('received-records').locator('tbody tr')).toHaveCount(before);
  await expect(city.getByTestId('received-packages').locator('tbody tr')).toHaveCount(1);

  // ── A copy with one bit changed in the records (the body, found from the file's layout): refused, in Chinese.
  const bytes = readFileSync(pkgPath);
  const { body } = packageLayout(bytes);
  const at = Math.floor((body.start + body.end) / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x04;
  const tampered = info.outputPath('tampered.cfpkg');
  writeFileSync(tampered, bytes);
  await importFile(city, tampered);
  await expect(city.getByTestId('import-refused')).toContainText('报送包的内容与签名时不一致（文件已被改动或损坏），未导入。请联系「环翠区处非办」重新发送。');
  await expect(city.getByTestId('import-preview')).toHaveCount(0);
  await shot(city, 'exchange-refused');

  // ── The overview: 环翠区 reported 2020 Q2 (late: received long after the due date).
  await city.goto('#/exchange/overview');
  await city.getByLabel('年度').selectOption('2020');
  await expect(city.getByTestId('overview-grid').locator('tr', { hasText: '环翠区处非办' }).locator('td[data-state="late"]')).toHaveCount(1);
  await shot(city, 'exchange-overview');

  // ── Data survives a restart of the city's app.
  await city.reload();
  await ensureSignedIn(city);
  await city.goto('#/exchange/records');
  await expect(city.getByTestId('received-records').locator('tr[data-kind="case"]', { hasText: '威公经立〔2020〕15号' })).toContainText('环翠区处非办');
});

async function exportKey(page: Page, path: string) {
  await page.goto('#/settings/exchange');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公钥文件' }).click();
  await (await download).saveAs(path);
}

async function addKey(page: Page, path: string, name: string) {
  await page.goto('#/settings/exchange');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从公钥文件添加…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('exchange-offices')).toContainText(name);
}

test('exchange: the city sends a notice and assigns a clue; the district imports it and the clue lands in its own list', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const district = await (await browser.newContext()).newPage();
  const city = await (await browser.newContext()).newPage();
  await ensureSignedIn(district);
  await setIdentity(district, '环翠区处非办', 'district', '环翠区');
  await ensureSignedIn(city);
  await setIdentity(city, '威海市处非办', 'city');
  const districtKey = info.outputPath('district.cfkey');
  const cityKey = info.outputPath('city.cfkey');
  await exportKey(district, districtKey);
  await exportKey(city, cityKey);
  await addKey(city, districtKey, '环翠区处非办');
  await addKey(district, cityKey, '威海市处非办');

  // ── The city registers a clue, then assigns it to 环翠区 with a notice.
  await city.goto('#/clues');
  await city.getByRole('button', { name: '登记线索' }).click();
  await city.getByLabel('来源渠道').selectOption('热线');
  await city.getByLabel('主体名称').fill('威海某某养老服务有限公司');
  await city.getByLabel('统一社会信用代码').fill('91371000MA3C5XKP64');
  await city.getByLabel('反映内容').fill('以预售养老床位名义承诺高额返利，向老年人吸收资金');
  await city.getByLabel('预警等级').selectOption('高');
  await city.getByLabel('定级理由').fill('仍在吸收资金，涉及老年人较多');
  await city.getByLabel('举报人姓名').fill('王秀兰');
  await city.getByLabel('举报人联系电话').fill('138 0631 1234');
  await city.getByRole('button', { name: '登记', exact: true }).click();
  const year = new Date().getFullYear();
  await expect(city.getByTestId('clue-no')).toHaveText(`线索〔${year}〕1号`);

  await city.goto('#/exchange/notice');
  const form = city.getByTestId('exchange-notice');
  await form.getByLabel('接收单位').selectOption({ label: '环翠区处非办' });
  await form.getByLabel('通知标题').fill('关于开展第四季度排查工作的通知');
  await form.getByLabel('通知正文').fill('请各区县于12月20日前报送排查结果。');
  await form.getByRole('checkbox', { name: new RegExp(`线索〔${year}〕1号`) }).check({ force: true });
  await form.getByRole('button', { name: '生成并保存通知包' }).click();
  await expect(form).toContainText('请填写交办要求（如：请于10个工作日内核查并报送结果）。');
  await shot(city, 'exchange-notice-error');
  await form.getByLabel('交办要求').fill('请于10个工作日内核查并报送结果');
  const download = city.waitForEvent('download');
  await form.getByRole('button', { name: '生成并保存通知包' }).click();
  const noticePath = info.outputPath('notice.cfpkg');
  await (await download).saveAs(noticePath);
  await expect(form.getByTestId('notice-made')).toContainText('威海市处非办-致环翠区处非办-通知交办');
  await shot(city, 'exchange-notice');

  // ── 环翠区 imports it: the preview lists the notice and the assignment; the clue lands in its list.
  await importFile(district, noticePath);
  const preview = district.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-sender')).toHaveText('威海市处非办');
  await expect(preview.getByTestId('preview-changes').locator('tr', { hasText: '交办事项' })).toContainText('1');
  await shot(district, 'exchange-notice-preview');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await expect(district.getByTestId('import-done')).toContainText(`交办线索 线索〔${year}〕1号 已登记为本单位线索 线索〔${year}〕1号。`);
  await district.goto('#/exchange/records');
  await expect(district.getByTestId('received-records')).toContainText('关于开展第四季度排查工作的通知');
  await shot(district, 'exchange-notice-records');
  await district.goto('#/clues');
  await expect(district.getByText('威海某某养老服务有限公司').first()).toBeVisible();
  await shot(district, 'exchange-notice-clues');

  // ── The same file again lands nothing more; after a restart the clue is still there.
  await importFile(district, noticePath);
  await expect(district.getByTestId('import-preview')).toContainText('该报送包此前已导入');
  await district.reload();
  await ensureSignedIn(district);
  await district.goto('#/clues');
  await expect(district.getByText('威海某某养老服务有限公司')).toHaveCount(1);

  // ── 环翠区 reports a case whose register it does not send: the count travels, never a creditor.
  const caseId = await createCase(district);
  await seedCreditorRegister(district, caseId, REGISTER);
  await district.goto('#/exchange/make');
  await district.getByLabel('年度').selectOption('2020');
  await district.getByLabel('季度').selectOption('2');
  await expect(district.getByRole('checkbox', { name: /威公经立〔2020〕15号.*（60 人）/ })).not.toBeChecked();
  const reportDownload = district.waitForEvent('download');
  await district.getByRole('button', { name: '生成并保存报送包' }).click();
  const reportPath = info.outputPath('report-without-register.cfpkg');
  await (await reportDownload).saveAs(reportPath);
  await importFile(city, reportPath);
  await city.getByTestId('import-preview').getByRole('button', { name: '确认导入' }).click();
  await expect(city.getByTestId('import-done')).toContainText('已导入');
  await city.goto('#/exchange/records');
  const caseRow = city.getByTestId('received-records').locator('tr[data-kind="case"]', { hasText: '威公经立〔2020〕15号' });
  await expect(caseRow.getByTestId('register-count-only')).toHaveText('名单 60 人（名单未随包报送）');
  await expect(city.getByTestId('received-records').locator('tr[data-kind="creditors"]')).toHaveCount(0);
  await shot(city, 'exchange-records-count-only');
  await city.goto('#/dashboard/p/2020-04-01/2020-06-30');
  await expect(city.getByTestId('value-cases.new.people')).toHaveText('60人');
  await expect(city.getByTestId('note-cases.new.people')).toHaveText('名单 60 人（1 起）');
});
