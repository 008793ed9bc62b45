import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { computeByDistrict, computeFigures, previousYearPeriod } from '../../../../renderer/src/core/figures/compute';
import { figuresWorkbookBytes } from '../../../../renderer/src/core/figures/figures-xlsx';
import { exactValue, formatValue } from '../../../../renderer/src/core/figures/format';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import { caseOf, recordsOf, YEAR_2020 } from './helpers';

const records = recordsOf({
  districts: ['环翠区', '文登区'],
  cases: [
    // Typed 1,612 people, but a register of 1,203: the register counts, as on the dashboard.
    { ...caseOf('A', { district: '环翠区', filed: '2020-03-01', amountFen: 13_800_000_000, people: 1612 }), registeredPersons: 1203 },
    caseOf('D', { district: '文登区', filed: '2020-05-01', amountFen: 0, people: 35 }),
    caseOf('B', { district: '文登区', filed: '2019-03-01', amountFen: 100, people: 1 }),
    caseOf('C', { district: '文登区', filed: '2019-04-01', amountFen: 100, people: 1 }),
  ],
});

describe('the figures workbook', () => {
  const rows = computeFigures(OFFICE_FIGURES.figures, records, YEAR_2020, '2021-01-13');
  const bytes = figuresWorkbookBytes(rows, computeByDistrict(OFFICE_FIGURES.figures, records, YEAR_2020, '2021-01-13'), {
    officeName: '威海市处非办',
    period: YEAR_2020,
    previous: previousYearPeriod(YEAR_2020),
    district: null,
    generatedOn: '2021-01-13',
  });
  const book = XLSX.read(bytes, { type: 'array' });
  const table = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1 });

  it('lists every figure with this period, last year, the change and its definition', () => {
    const sheet = table('统计数据');
    expect(sheet[0]).toEqual(['威海市处非办2020年统计数据']);
    expect(sheet[2]).toEqual(['编号', '指标', '单位', '本期', '上年同期', '同比增减', '本期数据来源', '口径（统计定义）']);
    const count = sheet.find((r) => r[0] === 'cases.new.count');
    expect(count?.slice(0, 7)).toEqual(['cases.new.count', '新立案件数', '起', 2, 2, '持平', '']);
    expect(String(count?.[7])).toContain('立案日期在统计期间内');
    expect(sheet.find((r) => r[0] === 'cases.new.amount')?.slice(3, 5)).toEqual([138_000_000, 2]);
    // Nothing refunded either year: "—" rather than 0% or NaN for the change.
    expect(sheet.find((r) => r[0] === 'refunds.amount')?.slice(3, 6)).toEqual([0, 0, '—']);
    expect(sheet).toHaveLength(3 + OFFICE_FIGURES.figures.length);
  });

  it('gives a figure’s source as the dashboard shows it under the value (涉及人数: 名单 / 填报)', () => {
    const people = table('统计数据').find((r) => r[0] === 'cases.new.people');
    const onScreen = rows.find((r) => r.figure.id === 'cases.new.people')?.current.note;
    expect(onScreen).toBe('名单 1,203 人（1 起）；填报 35 人（1 起）');
    expect(people?.slice(3, 7)).toEqual([1238, 2, '上升61800.0%', onScreen]);
    expect(String(people?.[7])).toContain('已导入集资参与人名单的案件按名单人数');
  });

  it('leaves the source empty for a figure with one source, and still names why a value is missing', () => {
    const sheet = table('统计数据');
    expect(sheet.find((r) => r[0] === 'cases.new.amount')?.[6]).toBe('');
    // No campaign start date: the reason follows the definition, as before.
    expect(String(sheet.find((r) => r[0] === 'backlog.atCampaignStart')?.[7])).toContain('（本期：设置中还没有专项行动开始日期');
  });

  it('has each figure per district with the total', () => {
    const sheet = table('分区县');
    expect(sheet[1]).toEqual(['编号', '指标', '单位', '环翠区', '文登区', '合计']);
    expect(sheet.find((r) => r[0] === 'cases.new.count')?.slice(3)).toEqual([1, 1, 2]);
  });

  it('formats values for the page: the report’s money, exact money on hover, rates to one decimal', () => {
    const amount = rows.find((r) => r.figure.id === 'cases.new.amount');
    if (!amount) throw new Error('missing');
    expect(formatValue('fen', amount.current)).toBe('1.38亿元');
    expect(exactValue('fen', amount.current)).toBe('138,000,000.00 元');
    expect(formatValue('rate', { value: 810, records: [], recordCount: 0 })).toBe('81.0%');
    expect(formatValue('persons', { value: 1612, records: [], recordCount: 0 })).toBe('1,612人');
    expect(formatValue('rate', { value: null, records: [], recordCount: 0 })).toBe('—');
  });
});
