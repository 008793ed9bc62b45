// The case figures of the 统计 dashboard (案件查处). Decisions written once (issue 13):
// - A case belongs to a period by its filing date (立案日期); cases without one (线索核查) are in no
//   period's new cases, stock or backlog.
// - A case counts in the district it is recorded under now, in every period: the district is not
//   kept as history, and comparing the same set of cases with last year matters more.
// - Stages are read as of a day from the dated stage history (stage-dates.ts), never the current
//   stage. 侦查终结 = reached 移送审查起诉 or later; 审结 = reached 审结 or later (审结, 执行清退, 结案).
// - Solved (破案) = first reached 侦查终结 (移送审查起诉 or later) within the period: the stage list
//   has no separate 破案 step, and the report's 破案 figures are the cases the police finished.
// - Backlog at the campaign start = cases filed on or before the cutoff not yet 审结 at the start of
//   the campaign's first day; the reduction rate is the share of those 审结 by the period's end.
import { groupedCount as persons } from '../figures/format';
import type { FigureCase, FigureRecords } from '../figures/records';
import { countResult, lazyRecords, rateResult, unavailableResult, within, withRecords } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope } from '../figures/types';
import { formatFen as yuan } from '../money/format-money';
import { atOrBeyond, firstReached, stageAsOf } from './stage-dates';

const AREA = 'cases';
const INVESTIGATION_DONE = '移送审查起诉';
const CONCLUDED = '审结';

function ref(c: FigureCase, detail: string): FigureRecordRef {
  return { kind: 'case', id: c.id, detail };
}

function newCases(records: FigureRecords, scope: FigureScope): readonly FigureCase[] {
  const { from, to } = scope.period;
  return scope.shared('cases.new', () => records.cases.filter((c) => within(c.filedDate, from, to)));
}


const newCount: FigureDefinition = {
  id: 'cases.new.count',
  area: AREA,
  label: '新立案件数',
  unit: 'cases',
  recordKind: 'case',
  definition: '立案日期在统计期间内（含起止日）的案件起数。没有立案日期的案件（线索核查）不计。案件按现在登记的区县统计。',
  compute: (records, scope) => {
    const list = newCases(records, scope);
    return countResult(list.length, lazyRecords(list, (c) => ref(c, `立案 ${c.filedDate}`)));
  },
};

const newAmount: FigureDefinition = {
  id: 'cases.new.amount',
  area: AREA,
  label: '新立案件涉案金额',
  unit: 'fen',
  recordKind: 'case',
  definition: '统计期间内新立案件的涉案金额之和。涉案金额尚未填写的案件按 0 计，并在明细中注明“未填写”。',
  compute: (records, scope) => {
    const list = newCases(records, scope);
    const total = list.reduce((s, c) => s + (c.amountInvolvedFen ?? 0), 0);
    return countResult(total, lazyRecords(list, (c) => ref(c, c.amountInvolvedFen === null ? '涉案金额未填写' : `涉案金额 ${yuan(c.amountInvolvedFen)} 元`)));
  },
};

/** Where a case's 涉及人数 comes from: its creditor register, else the typed figure (填报), else none. */
export type PeopleSource = 'register' | 'typed' | 'none';

/**
 * A case's people involved as the figures count them: the distinct 集资参与人 of its register where
 * one exists (a register is the record of who put money in; the typed figure is an early estimate),
 * otherwise the figure typed on the case, marked 填报; a case with neither counts 0.
 */
export function casePeople(c: Pick<FigureCase, 'peopleInvolved' | 'registeredPersons'>): { readonly count: number; readonly source: PeopleSource } {
  if (c.registeredPersons !== undefined && c.registeredPersons !== null && c.registeredPersons > 0) return { count: c.registeredPersons, source: 'register' };
  if (c.peopleInvolved !== null) return { count: c.peopleInvolved, source: 'typed' };
  return { count: 0, source: 'none' };
}

function peopleDetail(c: FigureCase): string {
  const p = casePeople(c);
  if (p.source === 'register') {
    const typed = c.peopleInvolved !== null && c.peopleInvolved !== p.count ? `（案件填报 ${persons(c.peopleInvolved)} 人，未采用）` : '';
    return `名单 ${persons(p.count)} 人${typed}`;
  }
  // A case from an office's package made before packages carried register counts: whether that
  // office holds a register is not known here, so "尚未导入名单" would claim too much.
  const why = c.registerNotReported ? '报送包未附名单人数' : '尚未导入名单';
  return p.source === 'typed' ? `填报 ${persons(p.count)} 人（${why}）` : `涉及人数未填写、${why}，按 0 计`;
}

const newPeople: FigureDefinition = {
  id: 'cases.new.people',
  area: AREA,
  label: '新立案件涉及人数',
  unit: 'persons',
  recordKind: 'case',
  definition:
    '统计期间内新立案件涉及的集资参与人人数之和：已导入集资参与人名单的案件按名单人数（同一证件号码计 1 人）；尚无名单的按案件登记的涉及人数（填报）；两者都没有的按 0 计，并在明细中注明。各案相加，不跨案去重。',
  compute: (records, scope) => {
    const list = newCases(records, scope);
    const sums: Record<PeopleSource, { cases: number; persons: number }> = { register: { cases: 0, persons: 0 }, typed: { cases: 0, persons: 0 }, none: { cases: 0, persons: 0 } };
    for (const c of list) {
      const p = casePeople(c);
      sums[p.source].cases++;
      sums[p.source].persons += p.count;
    }
    const total = sums.register.persons + sums.typed.persons;
    const parts = [
      sums.register.cases > 0 ? `名单 ${persons(sums.register.persons)} 人（${sums.register.cases} 起）` : '',
      sums.typed.cases > 0 ? `填报 ${persons(sums.typed.persons)} 人（${sums.typed.cases} 起）` : '',
      sums.none.cases > 0 ? `未填写 ${sums.none.cases} 起` : '',
    ].filter((x) => x !== '');
    // withRecords keeps the records lazy (spreading a result would build them).
    return withRecords({ value: total, ...(parts.length > 0 ? { note: parts.join('；') } : {}) }, lazyRecords(list, (c) => ref(c, peopleDetail(c))));
  },
};

const zeroCaseDistricts: FigureDefinition = {
  id: 'cases.zeroCaseDistricts',
  area: AREA,
  label: '零发案区县占比',
  unit: 'rate',
  recordKind: 'district',
  definition: '统计期间内没有新立案件的区县数 ÷ 设置中区县列表的区县数，保留一位小数。不在区县列表中的区县不计。',
  compute: (records, scope) => {
    if (records.districts.length === 0) return unavailableResult('设置中还没有区县列表，请在“设置 → 单位与经办人”中填写。');
    const counts = new Map<string, number>(records.districts.map((d) => [d, 0]));
    for (const c of newCases(records, scope)) {
      const n = counts.get(c.district);
      if (n !== undefined) counts.set(c.district, n + 1);
    }
    const refs = [...counts].map(([d, n]) => ({ kind: 'district', id: d, detail: n === 0 ? '零发案' : `新立案件 ${n} 起` }));
    const zero = [...counts.values()].filter((n) => n === 0).length;
    return rateResult(zero, records.districts.length, refs, '没有区县。');
  },
};

function backlogCases(records: FigureRecords, scope: FigureScope): readonly FigureCase[] {
  const cutoff = records.rules.backlogCutoff;
  return scope.shared('cases.backlog', () => records.cases.filter((c) => c.filedDate !== null && c.filedDate <= cutoff));
}

/** Backlog cases not yet 审结 when the campaign began; null when no start date is set. */
function backlogAtStart(records: FigureRecords, scope: FigureScope): readonly FigureCase[] | null {
  const start = records.rules.campaignStart;
  if (start === '') return null;
  return scope.shared('cases.backlogAtStart', () => backlogCases(records, scope).filter((c) => !atOrBeyond(stageAsOf(c.stageHistory, start, true), CONCLUDED)));
}

const NO_CAMPAIGN = '设置中还没有专项行动开始日期，请在“设置 → 单位与经办人”中填写。';

function stageText(c: FigureCase, date: string): string {
  return stageAsOf(c.stageHistory, date) ?? '未记录阶段';
}

const backlogStart: FigureDefinition = {
  id: 'backlog.atCampaignStart',
  area: AREA,
  label: '专项行动开始时陈案积案数',
  unit: 'cases',
  recordKind: 'case',
  definition:
    '立案日期在设置的陈案积案截止日期当天或之前、且在专项行动开始日期当天开始时尚未审结（未到“审结”及以后阶段）的案件起数。与统计期间无关。',
  compute: (records, scope) => {
    const list = backlogAtStart(records, scope);
    if (list === null) return unavailableResult(NO_CAMPAIGN);
    return countResult(list.length, lazyRecords(list, (c) => ref(c, `立案 ${c.filedDate}，开始时阶段：${stageAsOf(c.stageHistory, records.rules.campaignStart, true) ?? '未记录阶段'}`)));
  },
};

const backlogRemaining: FigureDefinition = {
  id: 'backlog.remaining',
  area: AREA,
  label: '陈案积案剩余数',
  unit: 'cases',
  recordKind: 'case',
  definition: '立案日期在陈案积案截止日期当天或之前、到统计期末仍未审结（未到“审结”及以后阶段）的案件起数。',
  compute: (records, scope) => {
    const to = scope.period.to;
    const list = backlogCases(records, scope).filter((c) => !atOrBeyond(stageAsOf(c.stageHistory, to), CONCLUDED));
    return countResult(list.length, lazyRecords(list, (c) => ref(c, `立案 ${c.filedDate}，期末阶段：${stageText(c, to)}`)));
  },
};

const backlogReduction: FigureDefinition = {
  id: 'backlog.reductionRate',
  area: AREA,
  label: '陈案压降率',
  unit: 'rate',
  recordKind: 'case',
  definition: '专项行动开始时的陈案积案中，到统计期末已审结的起数 ÷ 专项行动开始时的陈案积案数，保留一位小数。统计期末早于专项行动开始日期时不计算。',
  compute: (records, scope) => {
    const list = backlogAtStart(records, scope);
    if (list === null) return unavailableResult(NO_CAMPAIGN);
    const to = scope.period.to;
    if (to < records.rules.campaignStart) return unavailableResult(`统计期末 ${to} 早于专项行动开始日期 ${records.rules.campaignStart}，压降率无从计算。`);
    const done = list.filter((c) => atOrBeyond(stageAsOf(c.stageHistory, to), CONCLUDED)).length;
    const refs = lazyRecords(list, (c) =>
      atOrBeyond(stageAsOf(c.stageHistory, to), CONCLUDED)
        ? ref(c, `已审结（${firstReached(c.stageHistory, CONCLUDED)}）`)
        : ref(c, `未审结，期末阶段：${stageText(c, to)}`),
    );
    return rateResult(done, list.length, refs, '专项行动开始时没有陈案积案。');
  },
};

function stockCases(records: FigureRecords, scope: FigureScope): readonly FigureCase[] {
  const from = scope.period.from;
  return scope.shared('cases.stock', () => records.cases.filter((c) => c.filedDate !== null && c.filedDate < from));
}

const stockCount: FigureDefinition = {
  id: 'stock.count',
  area: AREA,
  label: '存量案件数',
  unit: 'cases',
  recordKind: 'case',
  definition: '立案日期早于统计期间开始日的案件起数（存量案件）。',
  compute: (records, scope) => {
    const list = stockCases(records, scope);
    return countResult(list.length, lazyRecords(list, (c) => ref(c, `立案 ${c.filedDate}`)));
  },
};

function concludedAtEnd(c: FigureCase, to: string): boolean {
  return atOrBeyond(stageAsOf(c.stageHistory, to), INVESTIGATION_DONE);
}

function concludedStock(records: FigureRecords, scope: FigureScope): readonly FigureCase[] {
  const to = scope.period.to;
  return scope.shared('cases.stockConcluded', () => stockCases(records, scope).filter((c) => concludedAtEnd(c, to)));
}

const stockConcluded: FigureDefinition = {
  id: 'stock.investigationConcluded',
  area: AREA,
  label: '存量案件侦查终结数',
  unit: 'cases',
  recordKind: 'case',
  definition: '存量案件中，到统计期末处于“移送审查起诉”及以后阶段（侦查终结）的起数，含期间以前已侦查终结的。',
  compute: (records, scope) => {
    const to = scope.period.to;
    const list = concludedStock(records, scope);
    return countResult(list.length, lazyRecords(list, (c) => ref(c, `${firstReached(c.stageHistory, INVESTIGATION_DONE)} 侦查终结，期末阶段：${stageText(c, to)}`)));
  },
};

const stockRate: FigureDefinition = {
  id: 'stock.investigationConcludedRate',
  area: AREA,
  label: '存量案件侦结率',
  unit: 'rate',
  recordKind: 'case',
  definition: '存量案件侦查终结数 ÷ 存量案件数，保留一位小数。',
  compute: (records, scope) => {
    const to = scope.period.to;
    const stock = stockCases(records, scope);
    const done = concludedStock(records, scope).length;
    const refs = lazyRecords(stock, (c) =>
      concludedAtEnd(c, to)
        ? ref(c, `已侦查终结（${firstReached(c.stageHistory, INVESTIGATION_DONE)}）`)
        : ref(c, `未侦查终结，期末阶段：${stageText(c, to)}`),
    );
    return rateResult(done, stock.length, refs, '统计期间以前没有立案的案件。');
  },
};

function solvedCases(records: FigureRecords, scope: FigureScope): readonly { c: FigureCase; on: string }[] {
  const { from, to } = scope.period;
  return scope.shared('cases.solved', () =>
    records.cases.flatMap((c) => {
      const on = firstReached(c.stageHistory, INVESTIGATION_DONE);
      return within(on, from, to) ? [{ c, on: on as string }] : [];
    }),
  );
}

const solvedCount: FigureDefinition = {
  id: 'solved.count',
  area: AREA,
  label: '破案数',
  unit: 'cases',
  recordKind: 'case',
  definition: '统计期间内首次到达“移送审查起诉”及以后阶段（侦查终结）的案件起数，按到达该阶段的日期计入期间。',
  compute: (records, scope) => {
    const list = solvedCases(records, scope);
    return countResult(list.length, lazyRecords(list, ({ c, on }) => ref(c, `${on} 侦查终结`)));
  },
};

const solvedLosses: FigureDefinition = {
  id: 'solved.lossesRecovered',
  area: AREA,
  label: '挽回经济损失',
  unit: 'fen',
  recordKind: 'case',
  definition: '统计期间内破案的案件登记的挽回经济损失之和（按案件登记的金额，不按到账日期分期）。未填写的按 0 计。',
  compute: (records, scope) => {
    const list = solvedCases(records, scope);
    const total = list.reduce((s, { c }) => s + (c.lossesRecoveredFen ?? 0), 0);
    return countResult(total, lazyRecords(list, ({ c }) => ref(c, c.lossesRecoveredFen === null ? '挽回经济损失未填写' : `挽回 ${yuan(c.lossesRecoveredFen)} 元`)));
  },
};

export const CASE_FIGURES: FigureArea = {
  id: AREA,
  label: '案件查处',
  figures: [
    newCount,
    newAmount,
    newPeople,
    zeroCaseDistricts,
    backlogStart,
    backlogRemaining,
    backlogReduction,
    stockCount,
    stockConcluded,
    stockRate,
    solvedCount,
    solvedLosses,
  ],
};
