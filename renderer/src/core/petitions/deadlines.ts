// Statutory deadlines of one petition and their state on a given day (rules in deadline-settings.ts).
import {
  addWorkingDays,
  nextWorkingDayOnOrAfter,
  uncoveredYears,
  type WorkingCalendar,
} from '../calendar/holiday-table';
import { addDays, compareDates, daysBetween, type IsoDate } from '../calendar/iso-date';
import type { PetitionDeadlineSettings } from './deadline-settings';
import type { Petition } from './types';

/** The facts the clock needs; a full Petition fits, and so do the CLI's flags. */
export interface PetitionClockInput {
  readonly receivedOn: IsoDate;
  readonly acceptedOn?: IsoDate;
  readonly extension?: { readonly days: number };
}

export interface PetitionDeadlines {
  /** Last day to decide on acceptance (受理期限). */
  readonly acceptBy: IsoDate;
  /** Last day to finish (办理期限), only once accepted. */
  readonly resolveBy?: IsoDate;
  /** Last day after the approved extension (延期后期限). */
  readonly extendedResolveBy?: IsoDate;
  /** Chinese notes the user must see, e.g. the holiday table does not cover a year. */
  readonly warnings: readonly string[];
}

interface Period {
  /** Day N counted from the day after the start, before any holiday shift. */
  readonly rawEnd: IsoDate;
  readonly end: IsoDate;
}

function periodEnd(
  start: IsoDate,
  days: number,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
): Period {
  if (settings.dayCounting === 'working') {
    const end = addWorkingDays(start, days, calendar);
    return { rawEnd: end, end };
  }
  const rawEnd = addDays(start, days);
  const end =
    settings.calendarEndOnNonWorkingDay === 'next-working-day' ? nextWorkingDayOnOrAfter(rawEnd, calendar) : rawEnd;
  return { rawEnd, end };
}

function coverageWarning(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): string[] {
  const years = uncoveredYears(from, to, calendar);
  if (years.length === 0) return [];
  return [
    `节假日表未包含 ${years.join('、')} 年，这些年份只按周末计算，期限可能不准：请在「信访调解 → 时限设置」中补录当年国务院放假安排`,
  ];
}

/** Sanity bound for a stored extension; the settings' maximum (≤ 365) applies when granting. */
const MAX_RECORDED_EXTENSION_DAYS = 365;

/**
 * Deadlines of one petition. Throws RangeError on an extension outside 1..365 days or an
 * acceptance date before receipt: callers validate user input first (see validation.ts / workflow.ts).
 */
export function computePetitionDeadlines(
  petition: PetitionClockInput,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
): PetitionDeadlines {
  const accept = periodEnd(petition.receivedOn, settings.acceptWithinDays, settings, calendar);
  const warnings = new Set(coverageWarning(petition.receivedOn, accept.end, calendar));
  if (petition.acceptedOn === undefined) {
    if (petition.extension) throw new RangeError('延期只能用于已受理的信访件：请先填写受理日期');
    return { acceptBy: accept.end, warnings: [...warnings] };
  }
  if (compareDates(petition.acceptedOn, petition.receivedOn) < 0) {
    throw new RangeError(`受理日期 ${petition.acceptedOn} 早于收到日期 ${petition.receivedOn}，请改正`);
  }
  const resolve = periodEnd(petition.acceptedOn, settings.resolveWithinDays, settings, calendar);
  for (const w of coverageWarning(petition.acceptedOn, resolve.end, calendar)) warnings.add(w);
  if (!petition.extension) return { acceptBy: accept.end, resolveBy: resolve.end, warnings: [...warnings] };
  const { days } = petition.extension;
  // The settings' maximum is enforced when an extension is granted (workflow.ts, the CLI), not
  // here: an extension approved under last year's rules must still count after the office
  // tightens them, or every screen showing that petition would fail.
  if (!Number.isInteger(days) || days < 1 || days > MAX_RECORDED_EXTENSION_DAYS) {
    throw new RangeError(`延期天数「${days}」应为 1–${MAX_RECORDED_EXTENSION_DAYS} 的整数`);
  }
  // The extension lengthens the period itself, so it is counted from the unshifted end: a period
  // ending on a Saturday and shifted to Monday, extended by 30 days, ends 30 days after Saturday.
  const extended = periodEnd(resolve.rawEnd, days, settings, calendar);
  for (const w of coverageWarning(resolve.rawEnd, extended.end, calendar)) warnings.add(w);
  return {
    acceptBy: accept.end,
    resolveBy: resolve.end,
    extendedResolveBy: extended.end,
    warnings: [...warnings],
  };
}

export type DeadlineState = 'overdue' | 'due-soon' | 'on-track';

/** overdue: today is after the last day; due-soon: 0..dueSoonDays days left (the last day included). */
export function classifyDeadline(dueOn: IsoDate, today: IsoDate, dueSoonDays: number): DeadlineState {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'on-track';
}

export interface RunningClock {
  readonly petitionId: string;
  readonly handler: string;
  /** Which decision is due: 受理 (accept/reject) or 办结 (finish). */
  readonly clock: 'accept' | 'resolve';
  readonly dueOn: IsoDate;
  /** Calendar days from today to the last day (negative when overdue). */
  readonly daysLeft: number;
  readonly state: DeadlineState;
}

const RESOLUTION_RUNNING = new Set(['受理', '调处中', '化解', '部分化解', '未化解']);

/** Statuses with a clock running (受理 due at 登记, 办结 due at the others): the deadline panel reads only these. */
export const CLOCK_RUNNING_STATUSES: readonly string[] = ['登记', ...RESOLUTION_RUNNING];

/** The clock running for a petition on `today`, or null when nothing is due (closed, rejected, transferred). */
export function runningClock(
  petition: Petition,
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
  today: IsoDate,
): RunningClock | null {
  let clock: RunningClock['clock'];
  if (petition.status === '登记') clock = 'accept';
  else if (RESOLUTION_RUNNING.has(petition.status)) clock = 'resolve';
  else return null;
  const d = computePetitionDeadlines(petition, settings, calendar);
  const dueOn = clock === 'accept' ? d.acceptBy : (d.extendedResolveBy ?? d.resolveBy);
  if (dueOn === undefined) return null;
  return {
    petitionId: petition.id,
    handler: petition.handler,
    clock,
    dueOn,
    daysLeft: daysBetween(today, dueOn),
    state: classifyDeadline(dueOn, today, settings.dueSoonDays),
  };
}

/**
 * The home screen's list: overdue and due-soon petitions, most urgent first.
 * Pass `handler` for "mine", omit it for all.
 */
export function deadlineAlerts(
  petitions: readonly Petition[],
  settings: PetitionDeadlineSettings,
  calendar: WorkingCalendar,
  today: IsoDate,
  handler?: string,
): RunningClock[] {
  const out: RunningClock[] = [];
  for (const p of petitions) {
    if (handler !== undefined && p.handler !== handler) continue;
    const c = runningClock(p, settings, calendar, today);
    if (c && c.state !== 'on-track') out.push(c);
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.petitionId.localeCompare(b.petitionId));
}

/**
 * Overdue petitions not yet named in a desktop notification; the caller keeps `alreadyNotified`
 * (e.g. per day in settings) so each newly overdue item is announced once.
 */
export function newlyOverdue(alerts: readonly RunningClock[], alreadyNotified: ReadonlySet<string>): RunningClock[] {
  return alerts.filter((a) => a.state === 'overdue' && !alreadyNotified.has(`${a.petitionId}:${a.clock}`));
}
