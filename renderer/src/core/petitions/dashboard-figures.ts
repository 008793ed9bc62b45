// The petition figures of the 统计 dashboard (信访维稳), over the same definitions as the petitions
// page (figures.ts): a petition belongs to the period of its received date; batches count petitions,
// person-times add their person counts; on-time acceptance and resolution by petitionTimeliness.
// A petition counts in the district of its linked case; one not linked to a case only in the
// office's totals.
import type { FigurePetition, FigureRecords } from '../figures/records';
import { countResult, lazyRecords, rateResult, within } from '../figures/results';
import type { FigureArea, FigureDefinition, FigureRecordRef, FigureScope } from '../figures/types';
import { computePetitionDeadlines, type PetitionDeadlines } from './deadlines';
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
    // The acceptance deadline depends on the received date only, the resolution deadline on the
    // acceptance date and extension only: a year's petitions share a few hundred of each.
    const accept = new Map<string, string>();
    const resolve = new Map<string, PetitionDeadlines>();
    const deadlinesOf: typeof computePetitionDeadlines = (p, settings, cal) => {
      // Contradictory dates go the long way, which refuses them with its message.
      if (p.acceptedOn === undefined ? p.extension !== undefined : p.acceptedOn < p.receivedOn) return computePetitionDeadlines(p, settings, cal);
      let acceptBy = accept.get(p.receivedOn);
      if (acceptBy === undefined) {
        acceptBy = computePetitionDeadlines({ receivedOn: p.receivedOn }, settings, cal).acceptBy;
        accept.set(p.receivedOn, acceptBy);
      }
      if (p.acceptedOn === undefined) return { acceptBy, warnings: [] };
      const key = `${p.acceptedOn}|${p.extension?.days ?? ''}`;
      let later = resolve.get(key);
      if (!later) {
        later = computePetitionDeadlines({ receivedOn: p.acceptedOn, acceptedOn: p.acceptedOn, ...(p.extension ? { extension: p.extension } : {}) }, settings, cal);
        resolve.set(key, later);
      }
      return { ...later, acceptBy };
    };
    return inPeriod(records, scope).map((p) => ({ p, ...petitionTimeliness(p, section.deadlines, calendar, scope.asOf, deadlinesOf) }));
  });
}

function ref(p: FigurePetition, detail?: string): FigureRecordRef {
  const base = `${p.receivedOn} ${PETITION_FORM_LABELS[p.form]}访 ${p.personCount}人 ${p.level}`;
  return { kind: 'petition', id: p.id, detail: detail ? `${base}，${detail}` : base };
}

interface Tallies {
  readonly all: readonly FigurePetition[];
  readonly collective: readonly FigurePetition[];
  readonly byLevel: ReadonlyMap<PetitionLevel, readonly FigurePetition[]>;
}

/** The period's petitions split once by form and level; the tally figures read these lists. */
function tallies(records: FigureRecords, scope: FigureScope): Tallies {
  return scope.shared('petitions.tallies', () => {
    const all = inPeriod(records, scope);
    const collective: FigurePetition[] = [];
    const byLevel = new Map<PetitionLevel, FigurePetition[]>();
    for (const p of all) {
      if (p.form === 'collective') collective.push(p);
      const list = byLevel.get(p.level);
      if (list) list.push(p);
      else byLevel.set(p.level, [p]);
    }
    return { all, collective, byLevel };
  });
}

function tally(id: string, label: string, unit: 'batches' | 'personTimes', definition: string, pick: (t: Tallies) => readonly FigurePetition[]): FigureDefinition {
  return {
    id,
    area: AREA,
    label,
    unit,
    recordKind: 'petition',
    definition,
    compute: (records, scope) => {
      const list = pick(tallies(records, scope));
      let value = list.length;
      if (unit === 'personTimes') {
        value = 0;
        for (const p of list) value += p.personCount;
      }
      return countResult(value, lazyRecords(list, (p) => ref(p)));
    },
  };
}

const ALL = (t: Tallies) => t.all;
const COLLECTIVE = (t: Tallies) => t.collective;
const AT = (level: PetitionLevel) => (t: Tallies) => t.byLevel.get(level) ?? [];

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
        lazyRecords(due, (c) => ref(c.p, TIMELINESS_TEXT[c[step]])),
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
    return rateResult(resolved, withOutcome.length, lazyRecords(withOutcome, (p) => ref(p, p.outcome)), '期间内收到的信访件还没有调处结果。');
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
