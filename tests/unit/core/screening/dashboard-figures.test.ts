import { describe, expect, it } from 'vitest';
import { filterRecords } from '../../../../renderer/src/core/figures/filter';
import type { FigureFirm } from '../../../../renderer/src/core/figures/records';
import { figuresFor, recordsOf, row, triple, YEAR_2020 } from '../figures/helpers';

const firm = (id: string, district: string | null, patch: Partial<FigureFirm>): FigureFirm => ({
  id,
  name: `企业${id}`,
  district,
  addedOn: '2020-01-01',
  keywordHits: [],
  records: [],
  dispositions: [],
  risk: [],
  ...patch,
});

// Hand-computed: 2020 (the period) and 2019 (the year before).
const firms: FigureFirm[] = [
  firm('a', '环翠区', {
    records: [
      { date: '2020-03-01', classification: '正常经营' },
      { date: '2020-09-01', classification: '空壳' },
      { date: '2019-05-01', classification: '正常经营' },
    ],
    dispositions: [
      { date: '2020-10-01', kind: '列入经营异常名录' },
      { date: '2020-11-01', kind: '督导注销' },
    ],
    risk: [{ since: '2020-09-02', removedOn: null }],
    keywordHits: ['理财'],
  }),
  firm('b', '文登区', {
    records: [{ date: '2020-04-01', classification: '失联' }],
    dispositions: [{ date: '2019-12-31', kind: '行政吊销' }],
    risk: [{ since: '2019-01-01', removedOn: '2020-12-31' }],
    addedOn: '2019-06-01',
    keywordHits: ['投资'],
  }),
  firm('c', '文登区', { risk: [{ since: '2020-06-01', removedOn: '2020-07-01' }] }),
];

describe('screening figures on the dashboard', () => {
  const rows = figuresFor(recordsOf({ districts: ['环翠区', '文登区'], firms }), YEAR_2020);

  it('counts firms screened, firm-visits and the latest classification in the period', () => {
    expect(triple(rows, 'screening.firms.screened').slice(0, 2)).toEqual([2, 1]);
    expect(triple(rows, 'screening.firms.visits').slice(0, 2)).toEqual([3, 1]);
    // 实业投资, 失联, 空壳, 税务异常, 正常经营: a's latest 2020 record is 空壳 (not its earlier 正常经营).
    expect(['industrial', 'unreachable', 'shell', 'taxAbnormal', 'normal'].map((c) => row(rows, `screening.class.${c}`).current.value)).toEqual([0, 1, 1, 0, 0]);
  });

  it('counts dispositions by date, the risk ledger at the period’s end, keyword hits by entry date', () => {
    expect(triple(rows, 'screening.dispositions').slice(0, 2)).toEqual([2, 1]);
    // b was removed on 2020-12-31 itself, c left in July: only a is on the ledger at 2020-12-31; in 2019 b was.
    expect(triple(rows, 'screening.risk.size').slice(0, 2)).toEqual([1, 1]);
    expect(triple(rows, 'screening.keywords.hits').slice(0, 2)).toEqual([1, 1]);
    expect(row(rows, 'screening.firms.screened').current.records.map((r) => [r.kind, r.id])).toEqual([
      ['firm', 'a'],
      ['firm', 'b'],
    ]);
  });

  it('gives each district its own firms', () => {
    const records = recordsOf({ districts: ['环翠区', '文登区'], firms });
    const wendeng = figuresFor(filterRecords(records, { district: '文登区' }), YEAR_2020);
    expect(row(wendeng, 'screening.firms.screened').current.value).toBe(1);
    expect(row(wendeng, 'screening.class.unreachable').current.value).toBe(1);
  });
});
