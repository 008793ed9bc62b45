// The petition figures of the 统计 dashboard (信访维稳), over the same definitions as the petitions
// page (figures.ts): a petition belongs to the period of its received date; batches count petitions,
// person-times add their person counts; on-time acceptance and resolution by petitionTimeliness.
// A petition counts in the district of its linked case; one not linked to a case only in the
// office's totals.
import type { FigurePetition, FigureRecords } from '../figures/records';
import { countResult, rateResult, within } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope } from '../figures/types';
import { petitionTimeliness, type Timeliness } from './figures';
import { calendarOf } from './settings-section';
import { PETITION_FORM_LABELS, type PetitionLevel } from './types';

const AREA = 'petitions';

interface Classified {
  readonly p: FigurePetition;
  readonly accept: Timeliness;
  readonly resolve: Timeliness;
}

function inPeriod(records: FigureRecords, scope: FigureScope): readonly FigurePetition[] {
  const { from, to } = scope.period;
  return scope.shared('petitions.inPeriod', () => records.petitions.filter((p) => within(p.receivedOn, from, to)));
}

function classified(records: FigureRecords, scope: FigureScope): readonly Classified[] {
  return scope.shared('petitions.timeliness', () => {
    const section = records.rules.petitions;
    const calendar = calendarOf(section);
    return inPeriod(records, scope).map((p) => ({ p, ...petitionTimeliness(p, section.deadlines, calendar, scope.asOf) }));
  });
}

function ref(p: FigurePetition, detail?: string): FigureRecordRef {
  const base = `${p.receivedOn} ${PETITION_FORM_LABELS[p.form]}访 ${p.personCount}人 ${p.level}`;
  return { kind: 'petition', id: p.id, detail: detail ? `${base}，${detail}` : base };
}

function tally(id: string, label: string, unit: 'batches' | 'personTimes', definition: string, keep: (p: FigurePetition) => boolean): FigureDefinition {
  return {
    id,
    area: AREA,
    label,
    unit,
    recordKind: 'petition',
    definition,
    compute: (records, scope) => {
      const list = inPeriod(records, scope).filter(keep);
      const value = unit === 'batches' ? list.length : list.reduce((s, p) => s + p.personCount, 0);
      return countResult(value, list.map((p) => ref(p)));
    },
  };
}

const ALL = (): boolean => true;
const COLLECTIVE = (p: FigurePetition): boolean => p.form === 'collective';
const AT = (level: PetitionLevel) => (p: FigurePetition) => p.level === level;

const TIMELINESS_TEXT: Record<Timeliness, string> = { 'on-time': '按期', late: '超期', 'not-due': '未到期' };

function onTime(id: string, label: string, step: 'accept' | 'resolve', definition: string): FigureDefinition {
  return {
    id,
    area: AREA,
    label,
    unit: 'rate',
    recordKind: 'petition',
    definition,
    compute: (records, scope) => {
      const due = classified(records, scope).filter((c) => c[step] !== 'not-due');
      const ok = due.filter((c) => c[step] === 'on-time').length;
      return rateResult(
        ok,
        due.length,
        due.map((c) => ref(c.p, TIMELINESS_TEXT[c[step]])),
        step === 'accept' ? '期间内没有已到受理期限的信访件。' : '期间内没有已到办理期限的信访件。',
      );
    },
  };
}

const resolution: FigureDefinition = {
  id: 'petitions.resolutionRate',
  area: AREA,
  label: '化解率',
  unit: 'rate',
  recordKind: 'petition',
  definition: '期间内收到的信访件中，结果为“化解”的件数 ÷ 已有调处结果（化解、部分化解、未化解）的件数，保留一位小数；部分化解不算化解。',
  compute: (records, scope) => {
    const withOutcome = inPeriod(records, scope).filter((p) => p.outcome !== undefined);
    const resolved = withOutcome.filter((p) => p.outcome === '化解').length;
    return rateResult(resolved, withOutcome.length, withOutcome.map((p) => ref(p, p.outcome)), '期间内收到的信访件还没有调处结果。');
  },
};

const PERIOD_RULE = '按收到日期计入统计期间（含起止日）。';

export const PETITION_FIGURES: FigureArea = {
  id: AREA,
  label: '信访维稳',
  figures: [
    tally('petitions.all.batches', '信访批次', 'batches', `期间内收到的信访件件数（个人访、集体访每件各计一批）。${PERIOD_RULE}`, ALL),
    tally('petitions.all.personTimes', '信访人次', 'personTimes', `期间内收到的信访件人数之和（集体访按登记人数计）。${PERIOD_RULE}`, ALL),
    tally('petitions.collective.batches', '集体访批次', 'batches', `期间内收到的集体访件数。${PERIOD_RULE}`, COLLECTIVE),
    tally('petitions.collective.personTimes', '集体访人次', 'personTimes', `期间内收到的集体访人数之和。${PERIOD_RULE}`, COLLECTIVE),
    tally('petitions.level.city', '到市信访批次', 'batches', `最高到达层级为“到市”的信访件件数（到省、进京另计）。${PERIOD_RULE}`, AT('到市')),
    tally('petitions.level.province', '到省信访批次', 'batches', `最高到达层级为“到省”的信访件件数。${PERIOD_RULE}`, AT('到省')),
    tally('petitions.level.beijing', '进京信访批次', 'batches', `层级为“进京”的信访件件数。${PERIOD_RULE}`, AT('进京')),
    onTime(
      'petitions.onTimeAcceptance',
      '按期受理率',
      'accept',
      '期间内收到的信访件中，在受理期限内作出受理或不予受理决定的件数 ÷ 已作出决定的件数与尚未决定但受理期限已过的件数之和；决定前已转办的不计。',
    ),
    onTime(
      'petitions.onTimeResolution',
      '按期办结率',
      'resolve',
      '期间内收到并已受理的信访件中，在办理期限（经批准延期的按延期后期限）内办结的件数 ÷ 已办结的件数与未办结但期限已过的件数之和；受理后转办且未办结的不计。',
    ),
    resolution,
  ],
};
