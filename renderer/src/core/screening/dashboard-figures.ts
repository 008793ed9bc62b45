// The screening figures of the 统计 dashboard (排查): firms screened and firm-visits in the period,
// the firms by the classification of their latest screening, dispositions, the risk ledger's size at
// the period's end, and firms whose name or scope hit a finance keyword. A firm counts in its district.
import type { FigureFirm, FigureRecords } from '../figures/records';
import { countResult, lazyRecords, within } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope } from '../figures/types';
import { CLASSIFICATIONS, type Classification, DISPOSITION_KINDS } from './types';

const AREA = 'screening';

function ref(f: FigureFirm, detail: string): FigureRecordRef {
  return { kind: 'firm', id: f.id, detail: `${f.name}，${detail}` };
}

interface Screened {
  readonly firm: FigureFirm;
  readonly visits: number;
  readonly latest: { readonly date: string; readonly classification: Classification };
}

function screened(records: FigureRecords, scope: FigureScope): readonly Screened[] {
  const { from, to } = scope.period;
  return scope.shared('screening.screened', () => {
    const out: Screened[] = [];
    for (const firm of records.firms) {
      let visits = 0;
      let latest: Screened['latest'] | null = null;
      for (const r of firm.records) {
        if (!within(r.date, from, to)) continue;
        visits++;
        if (!latest || r.date >= latest.date) latest = r;
      }
      if (latest) out.push({ firm, visits, latest });
    }
    return out;
  });
}

const firmsScreened: FigureDefinition = {
  id: 'screening.firms.screened',
  area: AREA,
  label: '排查企业数',
  unit: 'firms',
  recordKind: 'firm',
  definition: '期间内有排查记录（按排查日期）的企业家数，同一企业排查多次只算一家。',
  compute: (records, scope) => {
    const list = screened(records, scope);
    return countResult(list.length, lazyRecords(list, (s) => ref(s.firm, `排查 ${s.visits} 次，最近 ${s.latest.date}`)));
  },
};

const firmVisits: FigureDefinition = {
  id: 'screening.firms.visits',
  area: AREA,
  label: '排查家次',
  unit: 'firmVisits',
  recordKind: 'firm',
  definition: '期间内排查记录的条数（按排查日期）：同一企业排查几次算几家次。',
  compute: (records, scope) => {
    const list = screened(records, scope);
    let visits = 0;
    for (const s of list) visits += s.visits;
    return countResult(visits, lazyRecords(list, (s) => ref(s.firm, `${s.visits} 家次`)));
  },
};

const CLASS_IDS: Readonly<Record<Classification, string>> = { 实业投资: 'industrial', 失联: 'unreachable', 空壳: 'shell', 税务异常: 'taxAbnormal', 正常经营: 'normal' };

function byClassification(c: Classification): FigureDefinition {
  return {
    id: `screening.class.${CLASS_IDS[c]}`,
    area: AREA,
    label: `分类为“${c}”的企业`,
    unit: 'firms',
    recordKind: 'firm',
    definition: `期间内排查过的企业中，期间内最近一次排查分类为“${c}”的家数。`,
    compute: (records, scope) => {
      const list = screened(records, scope).filter((s) => s.latest.classification === c);
      return countResult(list.length, lazyRecords(list, (s) => ref(s.firm, `${s.latest.date} 排查`)));
    },
  };
}

const dispositions: FigureDefinition = {
  id: 'screening.dispositions',
  area: AREA,
  label: '处置次数',
  unit: 'measures',
  recordKind: 'firm',
  definition: `期间内（按处置日期）登记的处置：${DISPOSITION_KINDS.join('、')}，每登记一次算一项。`,
  compute: (records, scope) => {
    const { from, to } = scope.period;
    const hits: { firm: FigureFirm; kind: string; date: string }[] = [];
    for (const firm of records.firms) for (const d of firm.dispositions) if (within(d.date, from, to)) hits.push({ firm, kind: d.kind, date: d.date });
    return countResult(hits.length, lazyRecords(hits, (h) => ref(h.firm, `${h.date} ${h.kind}`)));
  },
};

const riskLedger: FigureDefinition = {
  id: 'screening.risk.size',
  area: AREA,
  label: '风险动态管理台账企业数',
  unit: 'firms',
  recordKind: 'firm',
  definition: '期间最后一天在风险动态管理台账中的企业家数：纳入日期不晚于该日，且该日尚未移出。',
  compute: (records, scope) => {
    const end = scope.period.to;
    const list = records.firms.filter((f) => f.risk.some((r) => r.since <= end && (r.removedOn === null || r.removedOn > end)));
    return countResult(list.length, lazyRecords(list, (f) => ref(f, '在台账中')));
  },
};

const keywordHits: FigureDefinition = {
  id: 'screening.keywords.hits',
  area: AREA,
  label: '命中涉金融关键字样的企业',
  unit: 'firms',
  recordKind: 'firm',
  definition: '期间内登记或导入台账（按登记日期）的企业中，名称或经营范围含涉金融关键字样的家数。',
  compute: (records, scope) => {
    const { from, to } = scope.period;
    const list = records.firms.filter((f) => f.keywordHits.length > 0 && within(f.addedOn, from, to));
    return countResult(list.length, lazyRecords(list, (f) => ref(f, f.keywordHits.join('、'))));
  },
};

export const SCREENING_FIGURES: FigureArea = {
  id: AREA,
  label: '排查整治',
  figures: [firmsScreened, firmVisits, ...CLASSIFICATIONS.map((c) => byClassification(c)), dispositions, riskLedger, keywordHits],
};
