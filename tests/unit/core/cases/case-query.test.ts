import { describe, expect, it } from 'vitest';
import { isBacklogCase, isStockCase } from '../../../../renderer/src/core/cases/backlog';
import type { CaseFile } from '../../../../renderer/src/core/cases/case-file';
import { EMPTY_CASE_FILTER, filedYears, queryCases } from '../../../../renderer/src/core/cases/case-query';

function caseFile(id: string, patch: Partial<CaseFile>): CaseFile {
  return {
    id,
    caseNumber: id,
    title: `${id}案`,
    charge: '非法吸收公众存款',
    sector: '养老',
    district: '环翠区',
    leadUnit: '',
    officers: [],
    amountInvolvedFen: null,
    peopleInvolved: null,
    lossesRecoveredFen: null,
    filedDate: '2020-05-01',
    stage: '侦查',
    stageHistory: [],
    createdAt: '',
    updatedAt: '',
    ...patch,
  };
}

const items = [
  { caseFile: caseFile('A-1', { title: '某某养老服务有限公司涉嫌非法吸收公众存款案', filedDate: '2016-03-02' }), partyNames: ['王喆'] },
  { caseFile: caseFile('A-2', { sector: 'P2P网贷', district: '文登区', filedDate: '2017-12-31', stage: '审判' }), partyNames: [] },
  { caseFile: caseFile('A-3', { filedDate: '2018-01-01', charge: '集资诈骗' }), partyNames: ['李堃'] },
  { caseFile: caseFile('A-4', { filedDate: null, stage: '线索核查' }), partyNames: [] },
];

describe('backlog and stock rules', () => {
  it('marks a case filed on the cutoff day as backlog, and the day after as not', () => {
    expect(isBacklogCase('2017-12-31', '2017-12-31')).toBe(true);
    expect(isBacklogCase('2018-01-01', '2017-12-31')).toBe(false);
    expect(isBacklogCase(null, '2017-12-31')).toBe(false);
  });
  it('counts a case filed before the reporting year as stock', () => {
    expect(isStockCase('2020-12-31', 2021)).toBe(true);
    expect(isStockCase('2021-01-01', 2021)).toBe(false);
  });
});

describe('queryCases', () => {
  const ids = (filter: Partial<typeof EMPTY_CASE_FILTER>) =>
    queryCases(items, { ...EMPTY_CASE_FILTER, ...filter }, '2017-12-31').map((r) => r.caseFile.id);

  it('lists newest filing first, unfiled last, and marks backlog cases', () => {
    const rows = queryCases(items, EMPTY_CASE_FILTER, '2017-12-31');
    expect(rows.map((r) => r.caseFile.id)).toEqual(['A-3', 'A-2', 'A-1', 'A-4']);
    expect(rows.map((r) => r.backlog)).toEqual([false, true, true, false]);
  });
  it('filters by stage, district, sector, year and backlog', () => {
    expect(ids({ stage: '审判' })).toEqual(['A-2']);
    expect(ids({ district: '文登区' })).toEqual(['A-2']);
    expect(ids({ sector: 'P2P网贷' })).toEqual(['A-2']);
    expect(ids({ filedYear: 2016 })).toEqual(['A-1']);
    expect(ids({ backlogOnly: true })).toEqual(['A-2', 'A-1']);
  });
  it('searches number, title and party names', () => {
    expect(ids({ text: '养老服务' })).toEqual(['A-1']);
    expect(ids({ text: 'a-3' })).toEqual(['A-3']);
    expect(ids({ text: '堃' })).toEqual(['A-3']);
    expect(ids({ text: '不存在' })).toEqual([]);
  });
  it('offers only years that cases were filed in', () => {
    expect(filedYears(items.map((i) => i.caseFile))).toEqual([2018, 2017, 2016]);
  });

  it("finds a case by a party's 统一社会信用代码 or ID number, in whole or in part, but not by a short number", () => {
    const [first, second] = items;
    if (!first || !second) throw new Error('fixture');
    const withIds = [
      { ...first, partyIds: ['91371000MA3C0000AL', '37100219800101001X'] },
      { ...second, partyIds: [] },
    ];
    const find = (text: string) => queryCases(withIds, { ...EMPTY_CASE_FILTER, text }, '2017-12-31').map((i) => i.caseFile.id);
    expect(find('91371000MA3C0000AL')).toEqual(['A-1']);
    expect(find('91371000ma3c')).toEqual(['A-1']);
    expect(find('37100219800101001x')).toEqual(['A-1']);
    expect(find('3710 0219 8001')).toEqual(['A-1']);
    expect(find('91371000MA3C9999')).toEqual([]);
    // Four digits would match birth years and case numbers alike: IDs are searched from six on.
    expect(find('1001')).toEqual([]);
  });
});
