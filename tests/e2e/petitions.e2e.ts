import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { createCase, saveOfficeSettings, seedCreditorRegister } from './steps';

// Dates are fixed in October/November 2026 (steps may not be dated after today): the first
// petition's acceptance deadline has passed, its extended resolution deadline (2027-01-08) not yet.
const SHOTS = process.env.PETITION_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}


async function step(page: Page, name: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByTestId('petition-actions').getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('a petition is registered, accepted, mediated, extended; deadlines, alerts, settings and figures work and survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  await saveOfficeSettings(page);

  await page.getByRole('menuitem', { name: /信访调解/ }).click();
  await expect(page.getByTestId('deadline-alerts')).toContainText('没有超期或 5 天内到期的信访件');
  await page.getByRole('button', { name: '登记信访件' }).click();

  // A bad save first: every problem is named in Chinese, and what was typed stays.
  await page.getByLabel('收到日期').fill('2026-10-09');
  await page.getByLabel('人数').fill('12');
  await page.getByLabel('信访人 1 姓名').fill('张建国');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('form-errors')).toBeVisible();
  await expect(page.getByText('个人信访的人数应为 1；12 人同来请把信访形式改为「集体」')).toBeVisible();
  await expect(page.getByText('诉求：请填写信访人的诉求')).toBeVisible();
  await expect(page.getByLabel('信访人 1 姓名')).toHaveValue('张建国');
  await shot(page, 'form-errors');

  await page.getByLabel('信访渠道').selectOption('来访');
  await page.getByLabel('信访层级').selectOption('到省');
  await page.getByLabel('信访形式').selectOption('collective');
  await page.getByLabel('紧急程度').selectOption('紧急');
  await page.getByLabel('联系电话（可不填） 1').fill('13806311234');
  await page.getByRole('button', { name: '添加信访人' }).click();
  await page.getByLabel('信访人 2 姓名').fill('李秀英');
  await page.getByLabel('诉求').fill('要求加快资产处置、尽快清退本金');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByTestId('petition-status')).toHaveText('登记');
  await expect(page.getByTestId('accept-by')).toContainText('2026-10-26');
  await expect(page.getByTestId('petition-deadlines').locator('[data-deadline="overdue"]')).toBeVisible();
  // Personal data masked; showing it is a deliberate, audited click.
  await expect(page.getByTestId('petitioners')).toContainText('138****1234');
  await page.getByRole('button', { name: '显示 张建国 的完整电话' }).click();
  await expect(page.getByTestId('petitioners')).toContainText('13806311234');
  await shot(page, 'detail-registered');

  await step(page, '受理', async (d) => {
    await d.getByLabel('日期').fill('2026-10-10');
  });
  await expect(page.getByTestId('petition-status')).toHaveText('受理');
  await expect(page.getByTestId('resolve-by')).toContainText('2026-12-09');

  // A step dated before the previous one is refused with the reason, and the dialog stays open.
  await page.getByTestId('petition-actions').getByRole('button', { name: '开始调处', exact: true }).click();
  await page.getByRole('dialog').getByLabel('日期').fill('2026-10-01');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('step-error')).toContainText('开始调处日期 2026-10-01 早于上一步的日期 2026-10-10');
  await page.getByRole('dialog').getByLabel('日期').fill('2026-10-12');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petition-status')).toHaveText('调处中');

  // Mediation: a session without place or terms is refused, then recorded.
  await page.getByRole('button', { name: '登记调解' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调解日期').fill('2026-10-20');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('session-errors')).toContainText('调解地点：请填写');
  await expect(page.getByTestId('session-errors')).toContainText('协议条款：调解结果为达成协议时，请逐条填写协议内容');
  await dialog.getByLabel('调解地点').fill('环翠区人民调解委员会');
  await dialog.getByLabel('参加人员').fill('张建国（信访人代表）\n某公司清算组王某');
  await dialog.getByLabel('被申请人').fill('威海某某养老服务有限公司清算组');
  await dialog.getByLabel('协议条款').fill('清算组于2026年12月31日前按38%比例清退\n信访人不再就同一事项重复信访');
  await shot(page, 'session-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('session-table')).toContainText('环翠区人民调解委员会');
  await expect(page.getByTestId('agreement-summary')).toContainText('一、清算组于2026年12月31日前按38%比例清退');
  await expect(page.getByTestId('agreement-summary')).toContainText('威海市防范和处置非法集资工作领导小组办公室');

  await step(page, '延期', async (d) => {
    await d.getByLabel('日期').fill('2026-11-20');
    await d.getByLabel('审批人（批准延期的负责人）').fill('王主任');
    await d.getByLabel('延期天数').fill('30');
    await d.getByLabel('理由').fill('涉及资产处置，情况复杂');
  });
  await expect(page.getByTestId('extended-by')).toHaveText('2027-01-08');
  await expect(page.getByTestId('petition-actions').getByRole('button', { name: '延期', exact: true })).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('petition-status')).toHaveText('调处中');
  const history = page.getByTestId('petition-history');
  for (const text of ['登记', '受理', '开始调处', '调解', '延期 30 天，王主任批准：涉及资产处置，情况复杂', '林淼']) {
    await expect(history).toContainText(text);
  }
  await expect(page.getByTestId('extended-by')).toHaveText('2027-01-08');
  await expect(page.getByTestId('audit-table')).toContainText('查看');
  await shot(page, 'detail-mediating');

  // A second petition, still undecided long after its acceptance deadline: it shows in the alerts.
  await page.goto('#/petitions/new');
  await page.getByLabel('收到日期').fill('2026-11-02');
  await page.getByLabel('信访人 1 姓名').fill('王芳');
  await page.getByLabel('诉求').fill('询问清退进度');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petition-status')).toHaveText('登记');

  await page.goto('#/petitions');
  const alerts = page.getByTestId('deadline-alerts');
  await expect(alerts).toContainText('王芳');
  await expect(alerts).not.toContainText('处非信〔2026〕1号');
  await page.getByText('只看超期').click();
  await expect(page.getByTestId('petition-table')).toContainText('王芳');
  await expect(page.getByTestId('petition-table')).not.toContainText('张建国');
  await page.getByText('只看超期').click();
  await page.getByLabel('搜索信访件').fill('李秀英');
  await expect(page.getByTestId('petition-table')).toContainText('处非信〔2026〕1号');
  await expect(page.getByTestId('petition-table')).not.toContainText('王芳');
  await page.getByLabel('搜索信访件').fill('');
  await page.getByLabel('层级').selectOption('到省');
  await expect(page.getByTestId('petition-table')).not.toContainText('王芳');
  await page.getByLabel('层级').selectOption('');
  await shot(page, 'list');

  // 时限设置: a bad number is refused with the field named; a good one is saved and kept.
  await page.getByRole('tab', { name: '时限设置' }).click();
  await page.getByLabel('受理期限（天）').fill('十五');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-errors')).toBeVisible();
  await expect(page.getByText('受理期限（天）「十五」不是整数天数，请填写数字')).toBeVisible();
  await page.getByLabel('受理期限（天）').fill('15');
  await page.getByRole('button', { name: '添加放假' }).click();
  await page.getByLabel('节假日 14 名称').fill('元旦');
  await page.getByLabel('节假日 14 开始').fill('2027-01-03');
  await page.getByLabel('节假日 14 结束').fill('2027-01-01');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('holiday-errors')).toContainText('节假日第 14 行（元旦）：结束日期早于开始日期');
  await page.getByLabel('节假日 14 开始').fill('2027-01-01');
  await page.getByLabel('节假日 14 结束').fill('2027-01-03');
  await page.getByLabel('临期提醒（天）').fill('7');
  await page.getByRole('button', { name: '保存' }).click();
  // Rows for 2027 while the covered years stop at 2026: asked to add the year.
  await expect(page.getByText('节假日表中有 2027 年的日期，但「已录入年份」没有 2027')).toBeVisible();
  await page.getByLabel('已录入年份').fill('2025, 2026, 2027');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('时限设置已保存')).toBeVisible();
  await shot(page, 'settings');
  await page.reload();
  await expect(page.getByLabel('临期提醒（天）')).toHaveValue('7');
  await expect(page.getByLabel('节假日 14 名称')).toHaveValue('元旦');
  await expect(page.getByLabel('已录入年份')).toHaveValue('2025, 2026, 2027');

  // Figures for the year: 2 batches, 13 person-times; one reached the province; export the ledger.
  await page.getByRole('tab', { name: '数据统计' }).click();
  await page.getByLabel('统计开始日期').fill('2026-01-01');
  await page.getByLabel('统计结束日期').fill('2026-11-25');
  const summary = page.getByTestId('figures-summary');
  await expect(summary.getByRole('row', { name: /^批次/ })).toContainText('2');
  await expect(summary.getByRole('row', { name: /^人次/ })).toContainText('13');
  await expect(page.getByTestId('high-level-alert')).toContainText('到省、进京信访 1 批 12 人次');
  await shot(page, 'figures');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出台账（xlsx）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('信访台账_2026-01-01_2026-11-25.xlsx');
  // The workbook opens: title, the ledger's headers, one row per petition, oldest first.
  const book = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
  const sheet = book.Sheets.信访台账;
  expect(sheet).toBeDefined();
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheet ?? {}, { header: 1 });
  expect(rows[0]).toEqual(['信访台账（2026-01-01 至 2026-11-25）']);
  expect(rows[1]?.slice(0, 8)).toEqual(['序号', '登记编号', '收到日期', '信访渠道', '信访层级', '信访形式', '人数', '信访人']);
  expect(rows).toHaveLength(4);
  expect(rows[2]?.slice(0, 8)).toEqual([1, '处非信〔2026〕1号', '2026-10-09', '来访', '到省', '集体', 12, '张建国、李秀英']);
  expect(rows[3]?.slice(0, 8)).toEqual([2, '处非信〔2026〕2号', '2026-11-02', '来访', '到县区', '个人', 1, '王芳']);
  await expect(page.getByText(/已导出 信访台账_2026-01-01_2026-11-25\.xlsx（2 行）/)).toBeVisible();

  // A period that ends before it starts is refused, naming the dates.
  await page.getByLabel('统计结束日期').fill('2025-12-01');
  await expect(page.getByTestId('figures-error')).toContainText('统计期间的开始日期 2026-01-01 晚于结束日期 2025-12-01');

  await page.goto('#/settings/audit');
  await expect(page.getByTestId('audit-table')).toContainText('导出');
});

test('petitioners are picked from the linked case, a rejection needs a reason, and figures count by case', async ({ page }) => {
  await page.goto('/');
  await createCase(page, { persons: [{ name: '王喆', role: '实际控制人', idNumber: '371002198001010010' }] });

  await page.goto('#/petitions/new');
  await page.getByLabel('收到日期').fill('2026-11-20');
  await page.getByLabel('关联案件').selectOption({ label: '威公经立〔2020〕15号 威海某某养老服务有限公司涉嫌非法吸收公众存款案' });
  await page.getByLabel('从案件涉案主体中选择').selectOption({ label: '王喆（实际控制人）' });
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await expect(page.getByLabel('信访人 1 姓名')).toHaveValue('王喆');
  await page.getByLabel('诉求').fill('要求公开资产处置进展');
  await page.getByRole('button', { name: '保存' }).click();

  await expect(page.getByTestId('petition-status')).toHaveText('登记');
  await expect(page.getByTestId('petitioners')).toContainText('王喆');
  await expect(page.getByTestId('petitioners')).toContainText('371002********0010');
  await expect(page.getByRole('link', { name: '威海某某养老服务有限公司涉嫌非法吸收公众存款案' })).toBeVisible();

  // 不予受理 without a reason is refused; with one the petition ends and no step is left.
  await page.getByTestId('petition-actions').getByRole('button', { name: '不予受理', exact: true }).click();
  await page.getByRole('dialog').getByLabel('日期').fill('2026-11-21');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('step-error')).toHaveText('不予受理：请填写不予受理的理由（将书面告知信访人）');
  await page.getByRole('dialog').getByLabel('理由').fill('属于司法程序处理事项，已告知向法院反映');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petition-status')).toHaveText('不予受理');
  await expect(page.getByTestId('petition-actions')).toContainText('本件已办理完毕');
  await expect(page.getByText('属于司法程序处理事项，已告知向法院反映').first()).toBeVisible();

  await page.goto('#/petitions/figures');
  await page.getByLabel('统计开始日期').fill('2026-11-01');
  await page.getByLabel('统计结束日期').fill('2026-11-25');
  await expect(page.getByTestId('figures-cases')).toContainText('威海某某养老服务有限公司涉嫌非法吸收公众存款案');
  await expect(page.getByTestId('figures-rates')).toContainText('100.0%');
});

test('newly overdue petitions are announced once a day, not again after a reload', async ({ page }) => {
  // A stand-in for the desktop notification the browser bridge raises.
  await page.addInitScript(() => {
    const notices: { title: string; body: string }[] = [];
    Object.assign(window, { __notices: notices });
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor(title: string, options?: { body?: string }) {
        notices.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
  });
  const notices = () => page.evaluate(() => (window as unknown as { __notices: { title: string; body: string }[] }).__notices);

  await page.goto('/');
  await saveOfficeSettings(page);
  await page.goto('#/petitions/new');
  await page.getByLabel('收到日期').fill('2026-11-02');
  await page.getByLabel('信访人 1 姓名').fill('王芳');
  await page.getByLabel('诉求').fill('询问清退进度');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petition-status')).toHaveText('登记');

  await page.goto('#/petitions');
  await expect(page.getByTestId('deadline-alerts')).toContainText('王芳');
  await expect.poll(notices).toHaveLength(1);
  const [notice] = await notices();
  expect(notice?.title).toBe('信访件超期提醒：新增 1 件超期');
  expect(notice?.body).toContain('处非信〔2026〕1号 王芳（受理期限 2026-11-17）');

  await page.reload();
  await expect(page.getByTestId('deadline-alerts')).toContainText('王芳');
  // Give the check time to run; it must find today's record and stay quiet.
  await page.waitForTimeout(500);
  expect(await notices()).toEqual([]);
});

test('a petitioner is found among 3,000 creditors as the mediator types (name, ID end, phone), and the mediation agreement brings their ID', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  const caseId = await createCase(page);
  const creditor = (i: number, name: string, idNumber: string, phone?: string) => ({
    cid: String(i + 1),
    name,
    idType: 'resident',
    idNumber,
    ...(phone ? { phone } : {}),
    contracts: [{ principalFen: 100_000, returnedFen: 0, sourceRow: i + 2, note: '' }],
    principalFen: 100_000,
    returnedFen: 0,
    netClaimFen: 100_000,
    status: '已核实',
    exclusion: null,
  });
  const register = Array.from({ length: 3_000 }, (_, i) => creditor(i, `张伟${i + 1}`, `1101051960${String(1_000_000 + i).slice(1)}1X`));
  register[2_000] = creditor(2_000, '李堃', '370102198001011234', '13906312222');
  await seedCreditorRegister(page, caseId, register);

  await page.goto('#/petitions/new');
  await page.getByLabel('收到日期').fill('2026-11-20');
  await page.getByLabel('关联案件').selectOption({ label: '威公经立〔2020〕15号 威海某某养老服务有限公司涉嫌非法吸收公众存款案' });
  const search = page.getByLabel('从案件集资参与人中查找');
  const matches = page.getByTestId('creditor-matches');
  // A common name: the first eight are listed, and how many there are.
  await search.fill('张伟');
  await expect(matches).toContainText('共找到 2999 人，只列出前 8 个，请输入更多字缩小范围', { timeout: 30_000 });
  await expect(matches.getByRole('menuitem')).toHaveCount(9);
  await expect(matches).toContainText('张伟1');
  await expect(matches).toContainText('110105********001X');
  await shot(page, 'creditor-picker-many');
  // The ID number's last digits, and the phone number's first digits, find the one person.
  await search.fill('011234');
  await expect(matches.getByRole('menuitem')).toHaveText([/李堃.*370102\*+1234/]);
  await search.fill('1390631');
  await expect(matches.getByRole('menuitem')).toHaveText([/李堃/]);
  await search.fill('王某某');
  await expect(matches).toHaveText('没有找到匹配的集资参与人');
  await search.fill('李堃');
  await expect(matches.getByRole('menuitem')).toHaveText([/李堃/]);
  await shot(page, 'creditor-picker');
  await matches.getByText('李堃').click();
  await expect(page.getByLabel('信访人 1 姓名')).toHaveValue('李堃');
  // Once picked, the same person is not offered again.
  await search.fill('李堃');
  await expect(matches).toHaveText('没有找到匹配的集资参与人');
  await search.fill('');
  await page.getByLabel('诉求').fill('要求按比例清退');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('petitioners')).toContainText('李堃');

  await step(page, '受理', async (d) => {
    await d.getByLabel('日期').fill('2026-11-21');
  });
  await step(page, '开始调处', async (d) => {
    await d.getByLabel('日期').fill('2026-11-22');
  });
  await page.getByRole('button', { name: '登记调解' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('调解日期').fill('2026-11-23');
  await dialog.getByLabel('调解地点').fill('环翠区人民调解委员会');
  await dialog.getByLabel('参加人员').fill('李堃（信访人）');
  await dialog.getByLabel('被申请人').fill('威海某某养老服务有限公司清算组');
  await dialog.getByLabel('协议条款').fill('清算组于2026年12月31日前按38%比例清退');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // The agreement drafted from that session names the creditor with the ID number of the register
  // (read by its cid, not by loading the register).
  await page.goto(`#/documents/${encodeURIComponent(caseId)}`);
  await page.getByLabel('文书类型').selectOption({ label: '调解协议书' });
  await page.getByLabel('来自信访调解记录').selectOption({ index: 1 });
  await page.getByRole('button', { name: '新建文书' }).click();
  await expect(page.locator('#doc-field-applicant')).toHaveValue('李堃');
  await expect(page.getByLabel('申请人证件号码')).toHaveValue('370102198001011234');
});
