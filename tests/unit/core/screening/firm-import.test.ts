import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { checkFirmFile, createKeywordMatcher, DEFAULT_FINANCE_KEYWORDS } from '../../../../renderer/src/core/screening';

const matcher = createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS);
const TODAY = '2026-11-26';
const utf8 = (text: string) => new TextEncoder().encode(text);

const CSV = [
  '威海市市场主体排查名单,,,,',
  '序号,市场主体名称,统一社会信用代码,法定代表人,所属区县,经营范围',
  '1,威海鑫源理财咨询有限公司,91371000MA3C8X7P1P,张伟,环翠区,投资咨询',
  '2,威海海川商贸有限公司,91371002MA3D2K5L4X,李娜,文登区,日用百货',
  '3,威海海川餐饮有限公司,,王芳,文登区,餐饮服务',
  '4,威海鑫源理财咨询有限公司,91371000MA3C8X7P1P,,,',
  '5,荣成某某建材有限公司,91371000MA3C8X7P1P,赵强,荣成市,建材',
  '合计,5,,,,',
].join('\n');

describe('ledger import', () => {
  it('gives one verdict per data row, numbered as Excel does, in Chinese', () => {
    const r = checkFirmFile(utf8(CSV), '名单.csv', { today: TODAY, matcher });
    expect(r.fatal).toBeUndefined();
    expect(r.headerRow).toBe(2);
    expect(r.rows.map((o) => [o.row, o.status, o.code])).toEqual([
      [3, 'warning', 'KEYWORD_HIT'],
      [4, 'error', 'CODE_INVALID'],
      [5, 'warning', 'CODE_PENDING'],
      [6, 'warning', 'DUPLICATE_IN_FILE'],
      [7, 'error', 'CODE_NAME_CONFLICT'],
    ]);
    expect(r.rows[1]?.message).toMatch(/^第 4 行 统一社会信用代码：.*校验位/);
    expect(r.rows[4]?.message).toContain('在第 3 行已登记为“威海鑫源理财咨询有限公司”');
    expect(r.rows[0]?.keywords).toEqual(['理财', '投资']);
    expect(r).toMatchObject({ dataRows: 5, errorRows: 2, warningRows: 3, keywordHits: 2, newFirms: 2, existingFirms: 0, skippedRows: 1 });
    expect(r.firms.map((f) => [f.row, f.value.name, f.value.codeStatus])).toEqual([
      [3, '威海鑫源理财咨询有限公司', '正常'],
      [5, '威海海川餐饮有限公司', '待补充'],
    ]);
  });

  it('detects firms already in the ledger by credit code, and pending firms by name', () => {
    const ledger = {
      byCode: new Map([['91371000MA3C8X7P1P', { id: 'f-1', name: '威海鑫源理财咨询有限公司' }]]),
      pendingByName: new Map([['威海海川餐饮有限公司', 'f-2']]),
    };
    const r = checkFirmFile(utf8(CSV), '名单.csv', { today: TODAY, matcher, ledger });
    expect(r.firms.map((f) => f.existingId)).toEqual(['f-1', 'f-2']);
    expect(r).toMatchObject({ newFirms: 0, existingFirms: 2 });
    expect(r.rows[0]?.issues.map((i) => i.code)).toEqual(['KEYWORD_HIT', 'ALREADY_IN_LEDGER']);
  });

  it('reads an xlsx sheet found by its header, with dates typed as Excel dates', () => {
    const ws = utils.aoa_to_sheet([
      ['说明：本表由区市场监管局导出'],
      ['企业名称', '统一社会信用代码', '成立日期', '住所'],
      ['威海海川商贸有限公司', '91371002MA3D2K5L4B', 43000, '环翠区青岛路1号'],
    ]);
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['封面']]), '封面');
    utils.book_append_sheet(book, ws, '企业名单');
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = checkFirmFile(bytes, 'a.xlsx', { today: TODAY, matcher });
    expect(r.sheetName).toBe('企业名单');
    expect(r.rows).toEqual([{ row: 3, status: 'ok', code: 'OK', message: '', keywords: [], issues: [] }]);
    expect(r.firms[0]?.value.registeredOn).toBe('2017-09-22');
  });

  it('says what is wrong with a file it cannot use', () => {
    expect(checkFirmFile(utf8('姓名,金额\n张三,1'), 'x.csv', { today: TODAY, matcher }).fatal?.code).toBe('HEADER_NOT_FOUND');
    expect(checkFirmFile(utf8('a,b'), 'x.csv', { today: TODAY, matcher, sheet: '第二页' }).fatal).toEqual({ code: 'SHEET_NOT_FOUND', message: 'CSV 文件只有一个工作表，没有“第二页”。' });
  });
});

describe('progress of a large ledger check', () => {
  it('tells the Excel row reached every 5,000 rows, so the import dialog can show it', () => {
    const lines = ['企业名称,统一社会信用代码,所属区县'];
    for (let i = 1; i <= 12_000; i++) lines.push(`威海第${i}商贸有限公司,,环翠区`);
    const reported: number[] = [];
    const result = checkFirmFile(new TextEncoder().encode(lines.join('\n')), 'big.csv', {
      today: '2026-12-02',
      matcher: createKeywordMatcher(DEFAULT_FINANCE_KEYWORDS),
      onProgress: (row) => reported.push(row),
    });
    expect(result.dataRows).toBe(12_000);
    expect(reported).toEqual([5_000, 10_000]);
  });
});
