// The source report's 2020 figures (../shared/seed/), rebuilt from whole records, as closely as
// whole records allow. Where the report cannot be matched exactly, the test says why:
// - New cases −65.6%: 13 against 38 gives −65.8%, against 37 −64.9%: no whole count gives −65.6%.
// - 零发案 56%: 5 of 9 districts is 55.6%, which the report rounds to a whole percent.
// - Stock 侦结率 "70%以上" with 38 concluded: the 38 cases filed in 2019 (needed for −65.6%) and the 21
//   backlog cases are already 59 stock cases, so 38 concluded can be at most 64.4%; we keep the 38.
// - Petitions 31 batches / 53 person-times, −15% / −84%: 31 collective batches of at least 2 persons
//   each cannot make 53 person-times, so they are matched on all petitions (22 collective of 2, 9
//   individual); 31 against 36 is −13.9%, against 37 −16.2%: no whole count gives −15%.
import { describe, expect, it } from 'vitest';
import type { CaseStage } from '../../../../renderer/src/core/cases/case-file';
import { computeFigures } from '../../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import type { FigurePetition, FigureRefunds } from '../../../../renderer/src/core/figures/records';
import { workReportData } from '../../../../renderer/src/core/figures/work-report';
import { caseOf, figuresFor, recordsOf, triple, YEAR_2020 } from './helpers';

const DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区', '好运角'];
const N = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
const stages = (...s: [CaseStage, string][]) => s;

const cases = [
  // 13 new cases in 2020 in 4 districts; 1.38亿元; 1,612 people (13 × 124).
  ...N(13, (i) =>
    caseOf(`N20-${i}`, { district: DISTRICTS[i % 4] as string, filed: `2020-${String((i % 12) + 1).padStart(2, '0')}-10`, amountFen: i === 0 ? 1_800_000_000 : 1_000_000_000, people: 124 }),
  ),
  // 38 new cases in 2019: 4.326亿元, 8,956 people. 5 solved in 2019; 8 solved in 2020 with 2036.8万元 recovered.
  ...N(38, (i) => {
    const solved2019 = i < 5;
    const solved2020 = i >= 5 && i < 13;
    return caseOf(`N19-${i}`, {
      district: DISTRICTS[i % 9] as string,
      filed: '2019-03-01',
      stages: stages(['立案', '2019-03-01'], ...(solved2019 ? [['移送审查起诉', '2019-10-01'] as [CaseStage, string]] : []), ...(solved2020 ? [['移送审查起诉', '2020-08-01'] as [CaseStage, string]] : [])),
      amountFen: i === 0 ? 2_560_000_000 : 1_100_000_000,
      people: i === 0 ? 224 : 236,
      lossesFen: solved2020 ? (i === 5 ? 2_036_800_000 - 7 * 250_000_000 : 250_000_000) : null,
    });
  }),
  // 21 backlog cases (filed by 2017, in trial at the campaign start); 17 concluded in 2020, 4 remain.
  ...N(21, (i) =>
    caseOf(`B-${i}`, {
      district: '荣成市',
      filed: '2016-05-01',
      stages: stages(['立案', '2016-05-01'], ['移送审查起诉', '2018-04-01'], ['审判', '2019-02-01'], ...(i < 17 ? [['审结', '2020-06-30'] as [CaseStage, string]] : [])),
    }),
  ),
  // 4 cases of 2018 past investigation in 2018: with the above, 21 + 5 + 8 + 4 = 38 stock cases concluded.
  ...N(4, (i) => caseOf(`S18-${i}`, { district: '文登区', filed: '2018-02-01', stages: stages(['立案', '2018-02-01'], ['移送审查起诉', '2018-09-01']) })),
] as ReturnType<typeof caseOf>[];

function bits(persons: number): Uint8Array {
  const b = new Uint8Array(Math.ceil(persons / 8));
  for (let i = 0; i < persons; i++) b[i >> 3] = (b[i >> 3] as number) | (1 << (i & 7));
  return b;
}
function refundCase(id: string, paidFen: number, persons: number, claimFen: number): FigureRefunds {
  return {
    caseId: id,
    district: '环翠区',
    eligibleNetClaimFen: claimFen,
    eligibleCount: persons,
    batches: [{ batchId: `${id}-1`, number: 1, date: '2020-09-30', paidFen, paidToEligibleFen: paidFen, paidPersons: persons, paidBits: bits(persons) }],
  };
}
// 23 institutions refunded 2.2亿元 to 2,318 people; the 2 P2P platforms (1.3亿元) at 100%.
const refunds = [
  refundCase('P2P-1', 6_500_000_000, 500, 6_500_000_000),
  refundCase('P2P-2', 6_500_000_000, 500, 6_500_000_000),
  ...N(21, (i) => refundCase(`R-${i}`, i === 20 ? 428_571_420 : 428_571_429, i === 20 ? 58 : 63, 2_000_000_000)),
] as FigureRefunds[];

let seq = 0;
function petition(receivedOn: string, persons: number): FigurePetition {
  seq++;
  return {
    id: `X${seq}`,
    receivedOn,
    channel: '来访',
    level: '到市',
    form: persons > 1 ? 'collective' : 'individual',
    personCount: persons,
    petitioners: [],
    caseId: null,
    demands: '要求退还本金',
    urgency: '一般',
    handler: '李调解',
    status: '登记',
    history: [],
    district: null,
  };
}
const petitions = [
  // 2020: 22 collective of 2 and 9 individual = 31 batches, 53 person-times; none to the province or Beijing.
  ...N(22, () => petition('2020-05-01', 2)),
  ...N(9, () => petition('2020-06-01', 1)),
  // 2019: 36 batches, 331 person-times.
  ...N(30, () => petition('2019-05-01', 1)),
  ...N(5, () => petition('2019-06-01', 50)),
  petition('2019-07-01', 51),
] as FigurePetition[];

const records = recordsOf({ districts: DISTRICTS, cases, refunds, petitions, campaignStart: '2020-01-01' });
const rows = figuresFor(records, YEAR_2020, '2021-01-13');

describe('the source report’s 2020 figures from whole records', () => {
  it('new cases: 13, 1.38亿元, 1,612 people; −65.8% (report −65.6%, see above), −68.1%, −82.0%', () => {
    expect(triple(rows, 'cases.new.count')).toEqual([13, 38, -658]);
    expect(triple(rows, 'cases.new.amount')).toEqual([13_800_000_000, 43_260_000_000, -681]);
    expect(triple(rows, 'cases.new.people')).toEqual([1612, 8956, -820]);
  });
  it('零发案 districts 5 of 9 (55.6%), backlog 4 left of 21 (81.0%), 38 stock cases concluded', () => {
    expect(rows.get('cases.zeroCaseDistricts')?.current.value).toBe(556);
    expect(triple(rows, 'backlog.remaining')[0]).toBe(4);
    expect(rows.get('backlog.reductionRate')?.current).toMatchObject({ value: 810, ratio: { numerator: 17, denominator: 21 } });
    expect(triple(rows, 'stock.investigationConcluded')[0]).toBe(38);
    expect(triple(rows, 'stock.count')[0]).toBe(63);
  });
  it('8 cases solved, 2036.8万元 recovered, solved +60%', () => {
    expect(triple(rows, 'solved.count')).toEqual([8, 5, 600]);
    expect(triple(rows, 'solved.lossesRecovered')[0]).toBe(2_036_800_000);
  });
  it('refunds: 2.2亿元 to 2,318 people by 23 institutions, 2 at 100%', () => {
    expect(triple(rows, 'refunds.amount')[0]).toBe(22_000_000_000);
    expect(triple(rows, 'refunds.persons')[0]).toBe(2318);
    expect(triple(rows, 'refunds.cases')[0]).toBe(23);
    expect(triple(rows, 'refunds.fullyRefunded')[0]).toBe(2);
  });
  it('petitions: 31 batches −13.9% (report −15%, see above), 53 person-times −84.0%, none to the province or Beijing', () => {
    expect(triple(rows, 'petitions.all.batches')).toEqual([31, 36, -139]);
    expect(triple(rows, 'petitions.all.personTimes')).toEqual([53, 331, -840]);
    expect(triple(rows, 'petitions.level.province')[0]).toBe(0);
    expect(triple(rows, 'petitions.level.beijing')[0]).toBe(0);
  });
  it('writes the work report’s phrases the way the report does', () => {
    const data = workReportData(computeFigures(OFFICE_FIGURES.figures, records, YEAR_2020, '2021-01-13'), {
      period: YEAR_2020,
      officeName: '威海市防范和处置非法集资工作领导小组办公室',
      backlogCutoff: '2017-12-31',
      issueDate: '2021-01-13',
    });
    expect(data).toMatchObject({
      title: '2020年打击非法集资工作情况报告',
      newCaseCount: '13',
      newCaseAmount: '1.38亿元',
      newCasePeople: '1600余人',
      newCaseChange: '同比分别减少65.8%、68.1%、82%',
      zeroCaseShare: '55.6%',
      backlogCutoff: '2017年底',
      backlogRemaining: '4',
      backlogReduction: '81%',
      stockConcluded: '38',
      solvedCount: '8',
      lossesRecovered: '2036.8万元',
      solvedChange: '上升60%',
      refundCases: '20余家',
      refundAmount: '2.2亿元',
      refundPersons: '2300余人',
      fullyRefunded: '2',
      petitionBatches: '31',
      petitionPersonTimes: '53',
      petitionChange: '同比分别下降13.9%和84%',
      highLevel: '未发生到省进京信访问题',
    });
  });
});
