// Petition figures for a period and the same period a year before (信访数据统计).
// Definitions (each tested in tests/unit/core/petitions/figures.test.ts):
// - A petition belongs to the period when its received date is within [from, to] (both included).
// - Batches (批次/件) count petitions; person-times (人次) add up their person counts.
// - "Same period a year before" shifts both ends back one year (29 Feb → 28 Feb).
// - On-time acceptance: petitions decided (受理 or 不予受理) on or before acceptBy, over petitions
//   decided plus those still undecided whose acceptBy is before `asOf`. Petitions transferred out
//   before a decision are left out (the clock moved to the other unit).
// - On-time resolution: accepted petitions closed (办结) on or before their deadline (extended when
//   an extension was approved), over those closed plus those still open whose deadline is before
//   `asOf`. Petitions transferred out after acceptance without being closed are left out.
// - Resolution rate (化解率): 化解 over all petitions with an outcome (化解 + 部分化解 + 未化解);
//   partial resolutions are reported beside it, not counted as resolved.
import type { WorkingCalendar } from '../calendar/holiday-table';
import { compareDates, type IsoDate, shiftYears } from '../calendar/iso-date';
import type { PetitionDeadlineSettings } from './deadline-settings';
import { computePetitionDeadlines } from './deadlines';
import { type Rate, rate, type YearOnYear, yearOnYear } from './percent';
import {
  PETITION_LEVELS,
  type Petition,
  type PetitionLevel,
  RESOLUTION_OUTCOMES,
  type ResolutionOutcome,
  SATISFACTION_LEVELS,
  type Satisfaction,
} from './types';

/** The figures never read mediation sessions, so the stored petition (without them) is enough. */
export type PetitionForFigures = Omit<Petition, 'mediationSessions'>;

export interface DatePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface Tally {
  readonly batches: number;
  readonly personTimes: number;
}

export interface PeriodCounts {
  readonly all: Tally;
  /** 集体访 */
  readonly collective: Tally;
  readonly byLevel: Readonly<Record<PetitionLevel, Tally>>;
}

export interface CaseTally extends Tally {
  readonly caseId: string | null;
}

export interface PetitionFigures {
  readonly period: DatePeriod;
  readonly previousPeriod: DatePeriod;
  readonly current: PeriodCounts;
  readonly previous: PeriodCounts;
  readonly change: {
    readonly batches: YearOnYear;
    readonly personTimes: YearOnYear;
    readonly collectiveBatches: YearOnYear;
    readonly collectivePersonTimes: YearOnYear;
  };
  /** 到省、进京: leaders must see any at all, so the ids are listed. */
  readonly provinceOrBeijing: Tally & { readonly petitionIds: readonly string[] };
  /** Largest first; caseId null = not linked to a case. */
  readonly byCase: readonly CaseTally[];
  readonly onTimeAcceptance: Rate;
  readonly onTimeResolution: Rate;
  readonly resolution: Rate;
  readonly outcomes: Readonly<Record<ResolutionOutcome, number>>;
  readonly satisfaction: Readonly<Record<Satisfaction, number>>;
}

export function previousYearPeriod(p: DatePeriod): DatePeriod {
  return { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) };
}

export function inPeriod(date: IsoDate, p: DatePeriod): boolean {
  return compareDates(date, p.from) >= 0 && compareDates(date, p.to) <= 0;
}

function add(t: Tally, p: PetitionForFigures): Tally {
  return { batches: t.batches + 1, personTimes: t.personTimes + p.personCount };
}

const ZERO: Tally = { batches: 0, personTimes: 0 };

export function countPeriod(petitions: readonly PetitionForFigures[], period: DatePeriod): PeriodCounts {
  let all = ZERO;
  let collective = ZERO;
  const byLevel = Object.fromEntries(PETITION_LEVELS.map((l) => [l, ZERO])) as Record<PetitionLevel, Tally>;
  for (const p of petitions) {
    if (!inPeriod(p.receivedOn, period)) continue;
    all = add(all, p);
    if (p.form === 'collective') collective = add(collective, p);
    byLevel[p.level] = add(byLevel[p.level], p);
  }
  return { all, collective, byLevel };
}

/** 'not-due': left out of the on-time rate (not yet due, or transferred out before the step). */
export type Timeliness = 'on-time' | 'late' | 'not-due';

/** Where one petition stands against its two deadlines, by the definitions at the top of this file. */
export function petitionTimeliness(
  p: PetitionForFigures,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
  asOf: IsoDate,
  deadlinesOf: typeof computePetitionDeadlines = computePetitionDeadlines,
): { readonly accept: Timeliness; readonly resolve: Timeliness } {
  const d = deadlinesOf(p, settings, calendar);
  const decidedOn = p.acceptedOn ?? p.rejectedOn;
  // Valid ISO dates compare as text (this runs for every petition of a period on the dashboard).
  let accept: Timeliness = 'not-due';
  if (decidedOn !== undefined) accept = decidedOn <= d.acceptBy ? 'on-time' : 'late';
  else if (!p.transfer && d.acceptBy < asOf) accept = 'late';
  let resolve: Timeliness = 'not-due';
  const resolveBy = d.extendedResolveBy ?? d.resolveBy;
  if (resolveBy !== undefined) {
    if (p.closedOn !== undefined) resolve = p.closedOn <= resolveBy ? 'on-time' : 'late';
    else if (!p.transfer && resolveBy < asOf) resolve = 'late';
  }
  return { accept, resolve };
}

export function computePetitionFigures(
  petitions: readonly PetitionForFigures[],
  period: DatePeriod,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
  asOf: IsoDate,
): PetitionFigures {
  if (compareDates(period.from, period.to) > 0) {
    throw new RangeError(`统计期间的开始日期 ${period.from} 晚于结束日期 ${period.to}，请改正`);
  }
  const previousPeriod = previousYearPeriod(period);
  const current = countPeriod(petitions, period);
  const previous = countPeriod(petitions, previousPeriod);
  const inScope = petitions.filter((p) => inPeriod(p.receivedOn, period));

  const high = inScope.filter((p) => p.level === '到省' || p.level === '进京');
  const cases = new Map<string | null, Tally>();
  for (const p of inScope) cases.set(p.caseId, add(cases.get(p.caseId) ?? ZERO, p));
  const byCase = [...cases.entries()]
    .map(([caseId, t]) => ({ caseId, ...t }))
    .sort((a, b) => b.batches - a.batches || b.personTimes - a.personTimes || String(a.caseId).localeCompare(String(b.caseId)));

  let acceptOnTime = 0;
  let acceptDue = 0;
  let resolveOnTime = 0;
  let resolveDue = 0;
  const outcomes = Object.fromEntries(RESOLUTION_OUTCOMES.map((o) => [o, 0])) as Record<ResolutionOutcome, number>;
  const satisfaction = Object.fromEntries(SATISFACTION_LEVELS.map((s) => [s, 0])) as Record<Satisfaction, number>;
  for (const p of inScope) {
    const t = petitionTimeliness(p, settings, calendar, asOf);
    if (t.accept !== 'not-due') acceptDue++;
    if (t.accept === 'on-time') acceptOnTime++;
    if (t.resolve !== 'not-due') resolveDue++;
    if (t.resolve === 'on-time') resolveOnTime++;
    if (p.outcome) outcomes[p.outcome]++;
    if (p.followUp) satisfaction[p.followUp.satisfaction]++;
  }
  const outcomeTotal = outcomes.化解 + outcomes.部分化解 + outcomes.未化解;

  return {
    period,
    previousPeriod,
    current,
    previous,
    change: {
      batches: yearOnYear(current.all.batches, previous.all.batches),
      personTimes: yearOnYear(current.all.personTimes, previous.all.personTimes),
      collectiveBatches: yearOnYear(current.collective.batches, previous.collective.batches),
      collectivePersonTimes: yearOnYear(current.collective.personTimes, previous.collective.personTimes),
    },
    provinceOrBeijing: {
      batches: high.length,
      personTimes: high.reduce((s, p) => s + p.personCount, 0),
      petitionIds: high.map((p) => p.id),
    },
    byCase,
    onTimeAcceptance: rate(acceptOnTime, acceptDue),
    onTimeResolution: rate(resolveOnTime, resolveDue),
    resolution: rate(outcomes.化解, outcomeTotal),
    outcomes,
    satisfaction,
  };
}
