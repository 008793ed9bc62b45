import * as XLSX from '@e965/xlsx';
import { expect, type Page, test } from '@playwright/test';
import { clueStep, ensureSignedIn } from './steps';

// 线索监测 end to end: a clue with a bad phone is refused naming the field, cannot be closed before
// a disposition, is disposed and closed; the reporter is revealed (audited); an advert list with a
// bad row is imported; everything is still there after a reload.
const SHOTS = process.env.CLUE_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}


function advertFile(): Buffer {
  const wb = XLSX.utils.book_new();
  const rows = [
    ['序号', '发布平台', '广告主名称', '统一社会信用代码', '监测日期', '广告内容', '监测结论'],
    [1, '某短视频平台', '威海某某理财咨询有限公司', '91371000MA3C5XKP64', '2026-09-03', '年化收益18%保本保息', '涉嫌非法集资'],
    [2, '微信公众号', '', '', '2026-09-04', '预存养老金送床位', '违规金融广告'],
    [3, '网站', '某网贷公司', '', '2026年9月6日', '稳赚不赔', '违规金融广告'],
  ];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '监测结果');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

test('a clue is registered, refused closing before disposition, disposed and closed; reporter reveal is audited; adverts import; data survives reload', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await ensureSignedIn(page);
  await page.goto('#/clues');
  await expect(page.getByText('还没有线索')).toBeVisible();
  await shot(page, '01-empty');
  await page.getByRole('button', { name: '登记线索' }).click();
  await page.getByLabel('来源渠道').selectOption('热线');
  await page.getByLabel('主体名称').fill('威海某某养老服务有限公司');
  await page.getByLabel('统一社会信用代码').fill('91371000MA3C5XKP64');
  await page.getByLabel('反映内容').fill('以预售养老床位名义承诺高额返利，向老年人吸收资金');
  await page.getByLabel('预警等级').selectOption('高');
  await page.getByLabel('定级理由').fill('仍在吸收资金，涉及老年人较多');
  await page.getByLabel('举报人姓名').fill('王秀兰');
  await page.getByLabel('举报人联系电话').fill('12345');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('clue-form-errors')).toContainText('举报人联系电话');
  await expect(page.getByTestId('clue-form-errors')).toContainText('“12345”不是有效的手机号');
  await shot(page, '02-bad-phone');
  await page.getByLabel('举报人联系电话').fill('138 0631 1234');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const year = new Date().getFullYear();
  await expect(page.getByTestId('clue-no')).toHaveText(`线索〔${year}〕1号`);
  // Masked everywhere until deliberately revealed.
  await expect(page.getByTestId('clue-reporter')).toContainText('王*兰');
  await expect(page.getByTestId('clue-reporter')).toContainText('138****1234');
  await expect(page.getByTestId('clue-reporter')).not.toContainText('王秀兰');

  await clueStep(page, '办结', async () => {}, '办结前须先记录处置方式');
  await clueStep(page, '分派', async (d) => d.getByLabel('承办人').fill('环翠区处非办'));
  await clueStep(page, '核查记录', async (d) => d.getByLabel('核查情况').fill('实地走访，门店仍在营业'));
  await clueStep(page, '核查结论', async (d) => d.getByRole('combobox', { name: /核查结论/ }).selectOption('属实'));
  await clueStep(page, '处置', async (d) => {
    await d.getByLabel('处置方式').selectOption('移送');
    await d.getByLabel('移送单位').fill('市公安局经侦支队');
    await d.getByLabel('移送函文号').fill('威处非移〔2026〕3号');
  });
  await expect(page.getByTestId('clue-disposition')).toContainText('移送');
  await clueStep(page, '办结', async () => {});
  await expect(page.getByTestId('clue-status')).toHaveText('已办结');

  await page.getByRole('button', { name: '查看完整信息' }).click();
  await expect(page.getByTestId('clue-reporter')).toContainText('王秀兰 13806311234');
  await shot(page, '03-detail');

  // The reveal left a trace in the audit log.
  await page.goto('#/settings/audit');
  await expect(page.getByRole('row').filter({ hasText: '查看完整个人信息' }).first()).toContainText('线索〔');
  await shot(page, '04-audit');

  await page.goto('#/clues/adverts');
  const file = advertFile();
  await page.getByLabel('选择广告监测文件').setInputFiles({ name: '监测结果.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  const report = page.getByTestId('advert-report');
  await expect(report).toContainText('可导入 2 条');
  await expect(report).toContainText('第 3 行：广告主为空');
  await shot(page, '05-advert-report');
  await page.getByRole('button', { name: '导入 2 条有效广告' }).click();
  await expect(page.getByTestId('advert-notice')).toContainText('2 条广告；1 行有错误未导入');
  await expect(page.getByTestId('advert-summary')).toContainText('监测广告 2 条');
  // The same file again is recognised.
  await page.getByLabel('选择广告监测文件').setInputFiles({ name: '监测结果.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await expect(report).toContainText('由 林淼 导入过');
  await expect(report).toContainText('可导入 0 条');
  await shot(page, '06-adverts');

  await page.reload();
  await ensureSignedIn(page);
  await page.goto('#/clues');
  await expect(page.getByTestId('clue-table')).toContainText('威海某某养老服务有限公司');
  await expect(page.getByTestId('clue-table')).toContainText('已办结');
  await shot(page, '07-list');
  await page.goto('#/clues/adverts');
  await expect(page.getByTestId('advert-summary')).toContainText('监测广告 2 条');
});
