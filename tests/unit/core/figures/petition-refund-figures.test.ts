import { describe, expect, it } from 'vitest';
import { computeByDistrict } from '../../../../renderer/src/core/figures/compute';
import { filterRecords } from '../../../../renderer/src/core/figures/filter';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import type { FigurePetition } from '../../../../renderer/src/core/figures/records';
import type { Petition } from '../../../../renderer/src/core/petitions/types';
import type { NumberedBatch } from '../../../../renderer/src/core/repayment/refund-facts';
import { distinctPersonsPaid, refundCaseFacts } from '../../../../renderer/src/core/repayment/refund-facts';
import { accept, close, make, mediate, outcome, run } from '../petitions/fixtures';
import { figuresFor, recordsOf, row, triple } from './helpers';

const H1_2026 = { from: '2026-01-01', to: '2026-06-30' };
const asOf = '2026-07-15';

function located(p: Petition, district: string | null): FigurePetition {
  const { mediationSessions: _s, ...rest } = p;
  return { ...rest, district };
}

// Deadlines as worked out in tests/unit/core/petitions/figures.test.ts (default clock, 2026 holidays).
const petitions = [
  // 环翠区 (case C1): accepted 03-10 within acceptBy 03-17, 化解, closed 04-25 before resolveBy 05-09.
  located(run(make('PA', '2026-03-02', { caseId: 'C1' }), [accept('2026-03-10'), mediate('2026-03-12'), outcome('2026-04-20', '化解'), close('2026-04-25')]), '环翠区'),
  // 环翠区: collective of 12 to the province; accepted 03-20, after acceptBy 03-17; open past resolveBy 05-19.
  located(run(make('PB', '2026-03-02', { persons: 12, level: '到省', caseId: 'C1' }), [accept('2026-03-20')]), '环翠区'),
  // 文登区: collective of 5 to Beijing, never decided; acceptBy 05-21 < asOf: late.
  located(make('PC', '2026-05-06', { persons: 5, level: '进京', caseId: 'C2' }), '文登区'),
  // Not linked to a case: acceptBy 07-15 = asOf, not yet due.
  located(make('PD', '2026-06-30', { level: '到县区' }), null),
  // The same half of 2025: 2 batches, 5 person-times (one collective of 4).
  located(make('PE', '2025-03-01'), null),
  located(make('PF', '2025-06-30', { persons: 4, level: '到省' }), '环翠区'),
  // Outside both periods.
  located(make('PG', '2026-07-01', { persons: 9 }), null),
];

describe('petition figures on the dashboard', () => {
  const rows = figuresFor(recordsOf({ districts: ['环翠区', '文登区'], petitions }), H1_2026, asOf);
  it('counts batches and person-times against the same period a year before', () => {
    // 4 vs 2 batches (+100%); 1 + 12 + 5 + 1 = 19 vs 5 person-times (+280%).
    expect(triple(rows, 'petitions.all.batches')).toEqual([4, 2, 1000]);
    expect(triple(rows, 'petitions.all.personTimes')).toEqual([19, 5, 2800]);
    // Collective: PB, PC = 2 batches, 17 person-times vs PF (1, 4): +100%, +325%.
    expect(triple(rows, 'petitions.collective.batches')).toEqual([2, 1, 1000]);
    expect(triple(rows, 'petitions.collective.personTimes')).toEqual([17, 4, 3250]);
  });
  it('counts each level a petition reached as its highest', () => {
    expect(triple(rows, 'petitions.level.city')).toEqual([1, 1, 0]); // PA | PE
    expect(triple(rows, 'petitions.level.province')).toEqual([1, 1, 0]); // PB | PF
    expect(triple(rows, 'petitions.level.beijing')).toEqual([1, 0, null]); // PC | none: "—"
    expect(row(rows, 'petitions.level.beijing').current.records.map((r) => r.id)).toEqual(['PC']);
  });
  it('gives on-time acceptance, on-time resolution and the resolution rate', () => {
    // Acceptance due: PA on time, PB late, PC late (undecided past acceptBy); PD not yet due → 1/3.
    expect(row(rows, 'petitions.onTimeAcceptance').current).toMatchObject({ value: 333, ratio: { numerator: 1, denominator: 3 } });
    expect(row(rows, 'petitions.onTimeAcceptance').current.records.map((r) => r.detail?.split('，')[1])).toEqual(['按期', '超期', '超期']);
    // Resolution due: PA closed on time, PB open past its deadline → 1/2.
    expect(row(rows, 'petitions.onTimeResolution').current.value).toBe(500);
    // Outcomes: PA 化解 → 100.0%; a year before nothing had an outcome: no rate, no change.
    expect(triple(rows, 'petitions.resolutionRate')).toEqual([1000, null, null]);
  });
  it('counts a petition in the district of its linked case, and an unlinked one only in the total', () => {
    const table = computeByDistrict(OFFICE_FIGURES.figures, recordsOf({ districts: ['环翠区', '文登区'], petitions }), H1_2026, asOf);
    expect(table.columns).toEqual(['环翠区', '文登区', null]);
    expect(table.cells.get('petitions.all.batches')?.map((r) => r.value)).toEqual([2, 1, 1]);
  });
});

// Refund facts from creditors and batches, as the case page reads them.
const creditorsR1 = [
  { id: 'c1', netClaimFen: 100_000, status: '已核实' as const, exclusion: null },
  { id: 'c2', netClaimFen: 300_000, status: '已核实' as const, exclusion: null },
  { id: 'c3', netClaimFen: 50_000, status: '待核实' as const, exclusion: null },
  { id: 'c4', netClaimFen: 50_000, status: '已核实' as const, exclusion: 'employee' as const },
];
function batch(id: string, number: number, date: string, status: NumberedBatch['status'], lines: [string, number, 'pending' | 'paid' | 'failed' | 'returned'][]): NumberedBatch {
  return {
    id,
    number,
    date,
    amountFen: lines.reduce((s, l) => s + l[1], 0),
    rule: { smallClaimThresholdFen: 0, minPaymentFen: 0 },
    status,
    lines: lines.map(([creditorId, amountFen, payment]) => ({ creditorId, amountFen, payment })),
    unallocatedFen: 0,
    approvedBy: status === 'draft' ? null : '王主任',
    approvedAt: status === 'draft' ? null : `${date}T09:00:00.000Z`,
    paidAt: null,
  };
}
const r1 = refundCaseFacts('R1', creditorsR1, [
  // c4 was paid before being excluded as an employee: money out, but not toward the refund rate.
  batch('b1', 1, '2026-02-01', 'approved', [
    ['c1', 20_000, 'paid'],
    ['c2', 60_000, 'paid'],
    ['c4', 10_000, 'paid'],
  ]),
  batch('b2', 2, '2026-05-01', 'paid', [
    ['c1', 80_000, 'paid'],
    ['c2', 240_000, 'failed'],
  ]),
  batch('b3', 3, '2026-06-01', 'draft', [['c2', 100, 'pending']]),
]);
const r2 = refundCaseFacts('R2', [{ id: 'd1', netClaimFen: 100_000, status: '已核实', exclusion: null }], [batch('d', 1, '2025-12-31', 'paid', [['d1', 100_000, 'paid']])]);
const r3 = refundCaseFacts('R3', [{ id: 'e1', netClaimFen: 200_000, status: '已核实', exclusion: null }], []);
const refunds = [
  { ...r1, district: '环翠区' },
  { ...r2, district: '文登区' },
  { ...r3, district: '文登区' },
];

describe('refund facts of a case', () => {
  it('keep approved and paid batches, paid lines only, and the eligible claims', () => {
    expect(r1.eligibleNetClaimFen).toBe(400_000); // c1 + c2
    expect(r1.batches.map((b) => [b.number, b.paidFen, b.paidToEligibleFen, b.paidPersons])).toEqual([
      [1, 90_000, 80_000, 3],
      [2, 80_000, 80_000, 1],
    ]);
    expect(distinctPersonsPaid(r1.batches)).toBe(3); // c1 twice, c2, c4
  });
});

describe('refund figures on the dashboard', () => {
  const rows = figuresFor(recordsOf({ districts: ['环翠区', '文登区'], refunds }), H1_2026, asOf);
  it('adds what was paid in batches dated in the period, persons counted once per case', () => {
    // R1: 90,000 + 80,000 fen; R2's batch is dated 2025-12-31. A year before: nothing paid → "—".
    expect(triple(rows, 'refunds.amount')).toEqual([170_000, 0, null]);
    expect(triple(rows, 'refunds.persons')).toEqual([3, 0, null]);
    expect(triple(rows, 'refunds.cases')).toEqual([1, 0, null]);
    expect(row(rows, 'refunds.amount').current.records.map((r) => [r.kind, r.id, r.caseId])).toEqual([
      ['batch', 'b1', 'R1'],
      ['batch', 'b2', 'R1'],
    ]);
  });
  it('gives the overall refund rate to the period’s end, truncated, and the cases at 100%', () => {
    // Paid to eligible: R1 160,000 + R2 100,000 + R3 0 = 260,000 of 700,000 = 37.14…% → 37.1%.
    expect(row(rows, 'refunds.rate').current).toMatchObject({ value: 371, ratio: { numerator: 260_000, denominator: 700_000 } });
    expect(row(rows, 'refunds.rate').current.records.map((r) => r.detail?.slice(0, 10))).toEqual(['清退率 40.00%', '清退率 100.00', '清退率 0.00%（']);
    expect(triple(rows, 'refunds.fullyRefunded')).toEqual([1, 0, null]); // R2 (paid 2025-12-31)
  });
  it('filters to one district through the district each record carries', () => {
    const part = filterRecords(recordsOf({ districts: ['环翠区', '文登区'], refunds }), { district: '文登区' });
    const rows2 = figuresFor(part, { from: '2025-01-01', to: '2025-12-31' });
    expect(triple(rows2, 'refunds.amount')).toEqual([100_000, 0, null]);
    expect(row(rows2, 'refunds.rate').current.value).toBe(333); // 100,000 / 300,000 truncated
  });
});
