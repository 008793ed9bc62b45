import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../../renderer/src/core/figures/change';
import { computeByDistrict } from '../../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import { caseOf, figuresFor, ids, recordsOf, row, triple, YEAR_2020 } from './helpers';

// Hand-checked fixture (period 2020; the year before is 2019). Backlog cutoff 2017-12-31, campaign
// start 2020-03-01, districts 环翠区, 文登区, 荣成市. Each case's part in each figure is worked out
// beside it.
const cases = [
  // New in 2020 (环翠区); solved 2020-09-15 (first 移送审查起诉); recovered 200,000 元.
  caseOf('A', {
    district: '环翠区',
    filed: '2020-02-10',
    stages: [
      ['立案', '2020-02-10'],
      ['侦查', '2020-03-01'],
      ['移送审查起诉', '2020-09-15'],
    ],
    amountFen: 100_000_000,
    people: 50,
    lossesFen: 20_000_000,
  }),
  // New in 2020 on the last day, amount not yet known.
  caseOf('B', { district: '环翠区', filed: '2020-12-31', amountFen: null, people: 30 }),
  // Filed 2021-01-01: in no 2020 figure.
  caseOf('C', { district: '文登区', filed: '2021-01-01', amountFen: 50_000, people: 3 }),
  // New in 2019 (文登区), solved 2019-11-01 with 100,000 元 recovered; stock in 2020, concluded.
  caseOf('D', {
    district: '文登区',
    filed: '2019-05-05',
    stages: [
      ['立案', '2019-05-05'],
      ['移送审查起诉', '2019-11-01'],
    ],
    amountFen: 300_000_000,
    people: 200,
    lossesFen: 10_000_000,
  }),
  // Backlog: 审判 at the campaign start, 审结 2020-05-20 (reduced). First past 侦查终结 in 2019 (solved 2019).
  caseOf('E', {
    district: '荣成市',
    filed: '2016-03-01',
    stages: [
      ['立案', '2016-03-01'],
      ['审判', '2019-06-01'],
      ['审结', '2020-05-20'],
    ],
  }),
  // Backlog filed on the cutoff day; still 侦查 at the end of 2020: remaining.
  caseOf('F', {
    district: '环翠区',
    filed: '2017-12-31',
    stages: [
      ['立案', '2017-12-31'],
      ['侦查', '2018-01-10'],
    ],
  }),
  // Backlog already 审结 in 2018: not part of the campaign's backlog.
  caseOf('G', {
    district: '环翠区',
    filed: '2015-01-01',
    stages: [
      ['立案', '2015-01-01'],
      ['审结', '2018-06-01'],
    ],
  }),
  // Filed the day after the cutoff: not backlog; stock in 2020; solved 2020-03-01.
  caseOf('H', {
    district: '荣成市',
    filed: '2018-01-01',
    stages: [
      ['立案', '2018-01-01'],
      ['移送审查起诉', '2020-03-01'],
    ],
  }),
  // A clue under verification: no filing date, in no figure.
  caseOf('I', { district: '环翠区', filed: null, stages: [['线索核查', '2020-04-01']] }),
];

const records = recordsOf({ districts: ['环翠区', '文登区', '荣成市'], cases, campaignStart: '2020-03-01' });
const rows = figuresFor(records, YEAR_2020);

describe('new cases (新立案件) by filing date', () => {
  it('counts cases filed within the period, both ends included', () => {
    // 2020: A, B. 2019: D. (2 − 1) / 1 = +100.0%.
    expect(triple(rows, 'cases.new.count')).toEqual([2, 1, 1000]);
    expect(ids(rows, 'cases.new.count')).toEqual(['A', 'B']);
  });
  it('adds amounts (an unknown amount as 0, said in the records) and people', () => {
    // 1,000,000 元 vs 3,000,000 元: −66.67% → −66.7%; people 80 vs 200: −60.0%.
    expect(triple(rows, 'cases.new.amount')).toEqual([100_000_000, 300_000_000, -667]);
    expect(row(rows, 'cases.new.amount').current.records.find((r) => r.id === 'B')?.detail).toBe('涉案金额未填写');
    expect(triple(rows, 'cases.new.people')).toEqual([80, 200, -600]);
    expect(describeChange(row(rows, 'cases.new.amount').change)).toBe('下降66.7%');
  });
  it('gives the share of districts with no new case', () => {
    // 2020: 文登区 and 荣成市 have none: 2/3 = 66.7%; 2019: 环翠区, 荣成市: 66.7%, change 0 points.
    const z = row(rows, 'cases.zeroCaseDistricts');
    expect([z.current.value, z.current.ratio]).toEqual([667, { numerator: 2, denominator: 3 }]);
    expect(describeChange(z.change)).toBe('持平');
    expect(z.current.records.map((r) => [r.id, r.detail])).toEqual([
      ['环翠区', '新立案件 2 起'],
      ['文登区', '零发案'],
      ['荣成市', '零发案'],
    ]);
  });
  it('cannot give the share without a district list, and says where to set it', () => {
    const none = figuresFor(recordsOf({ districts: [], cases }), YEAR_2020);
    expect(row(none, 'cases.zeroCaseDistricts').current).toMatchObject({ value: null, unavailable: expect.stringContaining('区县列表') });
  });
});

describe('old backlog (陈案积案)', () => {
  it('counts backlog cases not yet 审结 at the campaign start', () => {
    // E (审判) and F (侦查); G was 审结 in 2018.
    expect(triple(rows, 'backlog.atCampaignStart')).toEqual([2, 2, 0]);
    expect(ids(rows, 'backlog.atCampaignStart')).toEqual(['E', 'F']);
  });
  it('counts the backlog remaining at the period’s end and the reduction rate', () => {
    // End of 2020: F remains (E 审结 2020-05-20). End of 2019: E and F.
    expect(triple(rows, 'backlog.remaining')).toEqual([1, 2, -500]);
    // 1 of the 2 at the start is 审结: 50.0%. For 2019 the period ends before the campaign: no rate.
    const r = row(rows, 'backlog.reductionRate');
    expect([r.current.value, r.current.ratio]).toEqual([500, { numerator: 1, denominator: 2 }]);
    expect(r.previous).toMatchObject({ value: null, unavailable: expect.stringContaining('早于专项行动开始日期') });
    expect(describeChange(r.change)).toBe('—');
  });
  it('asks for the campaign start date when it is not set', () => {
    const unset = figuresFor(recordsOf({ districts: ['环翠区'], cases }), YEAR_2020);
    expect(row(unset, 'backlog.reductionRate').current.unavailable).toContain('专项行动开始日期');
    expect(row(unset, 'backlog.remaining').current.value).toBe(1);
  });
});

describe('stock cases (存量案件) and cases solved (破案)', () => {
  it('counts stock cases and those past 侦查终结 at the period’s end', () => {
    // Filed before 2020: D, E, F, G, H; past 移送审查起诉 by 2020-12-31: D, E, G, H → 4/5 = 80.0%.
    // Before 2019: E, F, G, H; by 2019-12-31: E (审判), G (审结) → 2/4 = 50.0%; +30.0 points.
    expect(triple(rows, 'stock.count')).toEqual([5, 4, 250]);
    expect(triple(rows, 'stock.investigationConcluded')).toEqual([4, 2, 1000]);
    expect(triple(rows, 'stock.investigationConcludedRate')).toEqual([800, 500, 300]);
    expect(describeChange(row(rows, 'stock.investigationConcludedRate').change)).toBe('上升30.0个百分点');
  });
  it('counts cases first past 侦查终结 in the period, and their recovered losses', () => {
    // 2020: A (09-15), H (03-01); 2019: D (11-01), E (06-01, 审判). Losses 200,000 元 vs 100,000 元.
    expect(triple(rows, 'solved.count')).toEqual([2, 2, 0]);
    expect(ids(rows, 'solved.count')).toEqual(['A', 'H']);
    expect(triple(rows, 'solved.lossesRecovered')).toEqual([20_000_000, 10_000_000, 1000]);
  });
});

describe('per district', () => {
  it('computes each figure on the district’s own cases, adding up to the office', () => {
    const table = computeByDistrict(OFFICE_FIGURES.figures, records, YEAR_2020, '2030-01-01');
    expect(table.columns).toEqual(['环翠区', '文登区', '荣成市']);
    const values = (id: string) => table.cells.get(id)?.map((r) => r.value);
    expect(values('cases.new.count')).toEqual([2, 0, 0]);
    expect(values('stock.count')).toEqual([2, 1, 2]); // F, G | D | E, H
    // A district's zero-case share is 0% or 100% of itself.
    expect(values('cases.zeroCaseDistricts')).toEqual([0, 1000, 1000]);
  });
  it('adds a column for a district no longer in the list', () => {
    const moved = recordsOf({ districts: ['环翠区'], cases: [caseOf('X', { district: '高区', filed: '2020-01-02' })] });
    expect(computeByDistrict(OFFICE_FIGURES.figures, moved, YEAR_2020, '2030-01-01').columns).toEqual(['环翠区', '高区']);
  });
});
