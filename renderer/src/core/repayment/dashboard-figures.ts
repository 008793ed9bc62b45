// The refund figures of the 统计 dashboard (清退), over each case's refund facts (refund-facts.ts).
// Decisions (issue 13):
// - A refund counts in the period that holds its batch date; only approved or paid batches, and
//   only lines the bank reported as paid (a failed or returned payment refunded nothing).
// - Persons: creditors paid in the period, each counted once per case even when paid by several
//   batches of the period (not across cases: one person in two cases is two claims).
// - Refund rates are cumulative to the period's end, over the creditors eligible now (verified, not
//   excluded), truncated as on the case page, so 100% is shown only when paid in full.
import type { FigureRecords, FigureRefunds } from '../figures/records';
import { countResult, lazyRecords, type RecordsOf, rateResult, within } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope } from '../figures/types';
import { formatFen } from '../money/format-money';
import { formatRatePercent } from './rate';
import { distinctPersonsPaid, type RefundBatchFacts } from './refund-facts';

const AREA = 'refunds';

interface CaseInPeriod {
  readonly facts: FigureRefunds;
  readonly batches: readonly RefundBatchFacts[];
  readonly paidFen: number;
}

function paidInPeriod(records: FigureRecords, scope: FigureScope): readonly CaseInPeriod[] {
  const { from, to } = scope.period;
  return scope.shared('refunds.inPeriod', () =>
    records.refunds.flatMap((facts) => {
      const batches = facts.batches.filter((b) => within(b.date, from, to) && b.paidFen > 0);
      if (batches.length === 0) return [];
      return [{ facts, batches, paidFen: batches.reduce((s, b) => s + b.paidFen, 0) }];
    }),
  );
}

function batchRef(caseId: string, b: RefundBatchFacts): FigureRecordRef {
  return { kind: 'batch', id: b.batchId, caseId, detail: `第 ${b.number} 批（${b.date}）已清退 ${formatFen(b.paidFen)} 元，${b.paidPersons} 人` };
}

function batchRecords(list: readonly CaseInPeriod[]): RecordsOf {
  return { count: list.reduce((s, c) => s + c.batches.length, 0), build: () => list.flatMap((c) => c.batches.map((b) => batchRef(c.facts.caseId, b))) };
}

interface Cumulative {
  readonly facts: FigureRefunds;
  readonly paidToEligibleFen: number;
}

/** Cases with eligible claims, and what was paid to eligible creditors up to the period's end. */
function cumulative(records: FigureRecords, scope: FigureScope): readonly Cumulative[] {
  const to = scope.period.to;
  return scope.shared('refunds.cumulative', () =>
    records.refunds
      .filter((f) => f.eligibleNetClaimFen > 0)
      .map((facts) => ({ facts, paidToEligibleFen: facts.batches.reduce((s, b) => (b.date <= to ? s + b.paidToEligibleFen : s), 0) })),
  );
}

function rateRef(c: Cumulative): FigureRecordRef {
  const rate = formatRatePercent(c.paidToEligibleFen, c.facts.eligibleNetClaimFen);
  return { kind: 'repayment', id: c.facts.caseId, detail: `清退率 ${rate}（已清退 ${formatFen(c.paidToEligibleFen)} 元 / 核定 ${formatFen(c.facts.eligibleNetClaimFen)} 元）` };
}

const PERIOD_RULE = '按清退批次的批次日期计入统计期间；只计已审批批次中银行回单为“已支付”的款项。';

const amount: FigureDefinition = {
  id: 'refunds.amount',
  area: AREA,
  label: '清退金额',
  unit: 'fen',
  recordKind: 'batch',
  definition: `统计期间内已支付给集资参与人的清退款之和。${PERIOD_RULE}`,
  compute: (records, scope) => {
    const list = paidInPeriod(records, scope);
    return countResult(
      list.reduce((s, c) => s + c.paidFen, 0),
      batchRecords(list),
    );
  },
};

const persons: FigureDefinition = {
  id: 'refunds.persons',
  area: AREA,
  label: '清退人数',
  unit: 'persons',
  recordKind: 'batch',
  definition: `统计期间内收到清退款的集资参与人数；同一案件中期间内多个批次都收到的只计一次，不同案件分别计。${PERIOD_RULE}`,
  compute: (records, scope) => {
    const list = paidInPeriod(records, scope);
    return countResult(
      list.reduce((s, c) => s + distinctPersonsPaid(c.batches), 0),
      batchRecords(list),
    );
  },
};

const cases: FigureDefinition = {
  id: 'refunds.cases',
  area: AREA,
  label: '清退案件（机构）数',
  unit: 'cases',
  recordKind: 'repayment',
  definition: `统计期间内有清退款支付的案件数（一案一家涉案机构）。${PERIOD_RULE}`,
  compute: (records, scope) => {
    const list = paidInPeriod(records, scope);
    return countResult(
      list.length,
      lazyRecords(list, (c) => ({ kind: 'repayment', id: c.facts.caseId, detail: `期间内清退 ${formatFen(c.paidFen)} 元，${distinctPersonsPaid(c.batches)} 人` })),
    );
  },
};

const overallRate: FigureDefinition = {
  id: 'refunds.rate',
  area: AREA,
  label: '总体清退率',
  unit: 'rate',
  recordKind: 'repayment',
  definition:
    '截至统计期末，各案已支付给可参与清退的集资参与人（已核实、未排除）的清退款之和 ÷ 这些人的核定清退基数之和；保留一位小数，尾数舍去（不进位），与案件清退页一致。只计有清退方案且有核定清退基数的案件；明细列出各案清退率。',
  compute: (records, scope) => {
    const list = cumulative(records, scope);
    const paid = list.reduce((s, c) => s + c.paidToEligibleFen, 0);
    const claims = list.reduce((s, c) => s + c.facts.eligibleNetClaimFen, 0);
    return rateResult(paid, claims, lazyRecords(list, rateRef), '还没有核定清退基数的案件。', { truncate: true });
  },
};

const fullyRefunded: FigureDefinition = {
  id: 'refunds.fullyRefunded',
  area: AREA,
  label: '清退率达100%的案件数',
  unit: 'cases',
  recordKind: 'repayment',
  definition: '截至统计期末，已支付给可参与清退的集资参与人的清退款达到其核定清退基数之和（清退率100%）的案件数。',
  compute: (records, scope) => {
    const list = cumulative(records, scope).filter((c) => c.paidToEligibleFen >= c.facts.eligibleNetClaimFen);
    return countResult(list.length, lazyRecords(list, rateRef));
  },
};

export const REFUND_FIGURES: FigureArea = {
  id: AREA,
  label: '清退',
  figures: [amount, persons, cases, overallRate, fullyRefunded],
};
