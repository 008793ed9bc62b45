import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkAdvertAction, checkAdvertFile, checkRiskNotice, parseAdvertDate } from '../../../../renderer/src/core/clues';

const TODAY = '2026-11-26';

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), '监测结果');
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const HEADER = ['序号', '发布平台', '广告主名称', '统一社会信用代码', '监测日期', '广告内容', '链接', '监测结论'];

describe('advert import', () => {
  it('reads a monitoring export with aliases, an Excel date serial, and reports bad rows by row number', () => {
    const bytes = xlsx([
      ['2026年第三季度金融广告监测结果'],
      HEADER,
      [1, '某短视频平台', '威海某某理财咨询有限公司', '91371000MA3C5XKP64', '2026-09-03', '年化收益18%保本保息', 'https://v.example/1', '涉嫌非法集资'],
      [2, '微信公众号', '某某养老服务中心', '', 46270, '预存养老金送床位', '', '违规金融广告'],
      [3, '', '某公司', '', '2026/9/5', '高息理财', '', ''],
      [4, '网站', '某网贷公司', '91371000MA3C5XKP6A', '2026年9月6日', '稳赚不赔', '', ''],
      [5, '网站', '某公司', '', '2026-13-01', '内容', '', ''],
      ['合计', '', '', '', '', '', '', ''],
    ]);
    const r = checkAdvertFile(bytes, 'ads.xlsx', { today: TODAY });
    expect(r.fatal).toBeNull();
    expect(r.headerRow).toBe(2);
    expect(r.rows.map((x) => [x.row, x.status, x.code])).toEqual([
      [3, 'ok', 'OK'],
      [4, 'ok', 'OK'],
      [5, 'error', 'MEDIUM_MISSING'],
      [6, 'error', 'ORG_CODE_INVALID'],
      [7, 'error', 'DATE_INVALID'],
    ]);
    expect(r.rows[2]?.message).toContain('第 5 行：发布媒介为空');
    expect(r.adverts[1]?.date).toBe('2026-09-05');
    expect(r.errorRows).toBe(3);
    expect(r.skipped).toBe(1);
  });

  it('detects a re-import: rows already in the ledger are warnings and not returned again', () => {
    const bytes = xlsx([HEADER, [1, '网站', '某公司', '', '2026-09-03', '高息', '', '']]);
    const first = checkAdvertFile(bytes, 'a.xlsx', { today: TODAY });
    const known = new Set(first.adverts.map((a) => a.fingerprint));
    const again = checkAdvertFile(bytes, 'a.xlsx', { today: TODAY, known });
    expect(again.adverts).toEqual([]);
    expect(again.rows[0]).toMatchObject({ status: 'warning', code: 'ALREADY_IMPORTED' });
  });

  it('reads CSV (GB18030 detection is core/creditors\') and says what is missing from the header', () => {
    const csv = new TextEncoder().encode('广告主,发布媒介,广告内容\n某公司,网站,高息\n');
    const r = checkAdvertFile(csv, 'a.csv', { today: TODAY });
    expect(r.fatal?.code).toBe('COLUMN_MISSING');
    expect(r.fatal?.message).toContain('监测日期');
  });

  it('parses the usual date forms', () => {
    expect(parseAdvertDate('2026年3月5日')).toEqual({ ok: true, date: '2026-03-05' });
    expect(parseAdvertDate('2026.3.5 10:20')).toEqual({ ok: true, date: '2026-03-05' });
    expect(parseAdvertDate('2026-02-30').ok).toBe(false);
  });

  it('checks actions and risk notices', () => {
    expect(checkAdvertAction({ kind: '移送公安', date: '2026-10-01', documentNo: '', note: '' }, TODAY).map((e) => e.field)).toEqual(['documentNo']);
    expect(checkRiskNotice({ date: '2026-10-01', sector: '', title: '', channels: [], text: '' }, TODAY).errors.map((e) => e.field)).toEqual(['title', 'sector', 'channels', 'text']);
  });
});
