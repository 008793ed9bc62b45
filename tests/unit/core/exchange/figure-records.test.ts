import { describe, expect, it } from 'vitest';
import { withReceivedRecords } from '../../../../renderer/src/core/exchange';
import { computeFigures } from '../../../../renderer/src/core/figures/compute';
import { filterRecords } from '../../../../renderer/src/core/figures/filter';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import type { FigureCase, FigureRecords } from '../../../../renderer/src/core/figures/records';

// The city's figures are the sum of its own cases and its districts' reported cases, by district.
const rules = { backlogCutoff: '2017-12-31', campaignStart: '', petitions: {} } as unknown as FigureRecords['rules'];

function figureCase(id: string, district: string, filedDate: string): FigureCase {
  return { id, caseNumber: id, title: id, district, filedDate, stage: '立案', amountInvolvedFen: 100, peopleInvolved: 1, lossesRecoveredFen: 0, stageHistory: [{ stage: '立案', date: filedDate }] };
}

const own: FigureRecords = { districts: ['高区'], rules, cases: [figureCase('c-1', '高区', '2026-02-01')], petitions: [], refunds: [], monitoring: [], firms: [] };

describe('withReceivedRecords', () => {
  it('adds the offices’ cases marked with the office, keeping same source ids apart, districts unioned', () => {
    const merged = withReceivedRecords(
      own,
      [
        { office: 'huancui', kind: 'case', district: '环翠区', data: { ...figureCase('c-1', '环翠区', '2026-03-01') } },
        { office: 'wendeng', kind: 'case', district: '文登区', data: { ...figureCase('c-1', '文登区', '2025-03-01') } },
      ],
      ['环翠区', '文登区', '荣成市'],
    );
    expect(merged.cases.map((c) => `${c.office ?? 'own'}:${c.id}:${c.district}`)).toEqual(['own:c-1:高区', 'huancui:huancui|c-1:环翠区', 'wendeng:wendeng|c-1:文登区']);
    expect(merged.districts).toEqual(['高区', '环翠区', '文登区', '荣成市']);
    expect(filterRecords(merged, { office: 'huancui' }).cases).toHaveLength(1);
    const rows = computeFigures(OFFICE_FIGURES.figures, merged, { from: '2026-01-01', to: '2026-12-31' }, '2026-12-01');
    const newCases = rows.find((r) => r.figure.id === 'cases.new.count');
    expect(newCases?.current.value).toBe(2);
    // Zero-case districts over the four: 文登区 (its case was 2025) and 荣成市 (no report of cases).
    const zero = rows.find((r) => r.figure.id === 'cases.zeroCaseDistricts');
    expect(zero?.current.ratio).toEqual(expect.objectContaining({ numerator: 2, denominator: 4 }));
  });

  it('without received records the office’s own input is returned as it is', () => {
    expect(withReceivedRecords(own, [])).toBe(own);
  });
});
