import { describe, expect, it } from 'vitest';
import { choiceOf, periodOf } from '../../../../renderer/src/core/figures/periods';
import type { FigurePetition } from '../../../../renderer/src/core/figures/records';
import { newCasesByMonth, petitionsByMonth, refundProgress } from '../../../../renderer/src/core/figures/series';
import { dashboardRoute, parseDashboardRest } from '../../../../renderer/src/ui/pages/dashboard/dashboard-route';
import { caseOf, recordsOf } from './helpers';

describe('chart series by month against the same months a year before', () => {
  const records = recordsOf({
    districts: ['环翠区'],
    cases: [
      caseOf('A', { district: '环翠区', filed: '2020-01-15', amountFen: 100 }),
      caseOf('B', { district: '环翠区', filed: '2020-03-31', amountFen: 200 }),
      caseOf('C', { district: '环翠区', filed: '2019-03-01', amountFen: 50 }),
      caseOf('D', { district: '环翠区', filed: '2019-04-01', amountFen: 7 }), // outside Q1 2019
    ],
    petitions: [
      { id: 'p1', receivedOn: '2020-02-02', personCount: 3, district: null } as FigurePetition,
      { id: 'p2', receivedOn: '2019-02-28', personCount: 1, district: null } as FigurePetition,
    ],
  });
  const q1 = { from: '2020-01-01', to: '2020-03-31' };
  it('counts new cases and amounts per month of the period and of last year', () => {
    const s = newCasesByMonth(records, q1);
    expect(s.count).toEqual({ months: ['2020-01', '2020-02', '2020-03'], current: [1, 0, 1], previous: [0, 0, 1] });
    expect(s.amountFen.current).toEqual([100, 0, 200]);
    expect(s.amountFen.previous).toEqual([0, 0, 50]);
  });
  it('counts petition batches and person-times per month', () => {
    const s = petitionsByMonth(records, q1);
    expect(s.batches.current).toEqual([0, 1, 0]);
    expect(s.personTimes.current).toEqual([0, 3, 0]);
    expect(s.batches.previous).toEqual([0, 1, 0]);
  });
  it('gives each case’s refund progress to the period’s end, largest claims first', () => {
    const bits = new Uint8Array(1);
    const withRefunds = recordsOf({
      districts: [],
      refunds: [
        { caseId: 'R1', district: null, eligibleNetClaimFen: 1000, eligibleCount: 1, batches: [{ batchId: 'b', number: 1, date: '2020-02-01', paidFen: 333, paidToEligibleFen: 333, paidPersons: 1, paidBits: bits }] },
        { caseId: 'R2', district: null, eligibleNetClaimFen: 5000, eligibleCount: 1, batches: [{ batchId: 'c', number: 1, date: '2020-06-01', paidFen: 5000, paidToEligibleFen: 5000, paidPersons: 1, paidBits: bits }] },
      ],
    });
    expect(refundProgress(withRefunds, q1).map((p) => [p.caseId, p.rate])).toEqual([
      ['R2', '0.00%'], // paid after the period
      ['R1', '33.30%'],
    ]);
  });
});

describe('the dashboard’s address', () => {
  it('reads back the period, district and figure it was given', () => {
    for (const view of [
      { period: periodOf({ kind: 'quarter', year: 2020, quarter: 3 }), district: undefined },
      { period: { from: '2020-01-01', to: '2020-12-31' }, district: '环翠区' },
      { period: { from: '2020-01-01', to: '2020-12-31' }, district: null, figureId: 'cases.new.count' },
    ]) {
      const route = dashboardRoute(view);
      expect(route.area === 'dashboard' && parseDashboardRest(route.rest, '2026-12-02')).toEqual(view);
    }
  });
  it('falls back to this year for an address it cannot read', () => {
    expect(parseDashboardRest(['p', '2020-13-01', '2020-12-31'], '2026-12-02')).toEqual({ period: { from: '2026-01-01', to: '2026-12-31' }, district: undefined });
  });
  it('shows a period as the choice it was made from', () => {
    expect(choiceOf({ from: '2020-07-01', to: '2020-09-30' })).toEqual({ kind: 'quarter', year: 2020, quarter: 3 });
    expect(choiceOf({ from: '2020-02-01', to: '2020-02-29' })).toEqual({ kind: 'month', year: 2020, month: 2 });
    expect(choiceOf({ from: '2020-02-03', to: '2020-02-29' })).toEqual({ kind: 'custom', from: '2020-02-03', to: '2020-02-29' });
  });
});
