// 办理时限 per warning level (设置 → 线索时限): working days from receipt to the verification result,
// counted on the office's working calendar (the holiday table of the petition clock settings).
import { addWorkingDays, type WorkingCalendar } from '../calendar/holiday-table';
import { compareDates, daysBetween } from '../calendar/iso-date';
import type { Clue, FieldError, WarningLevel } from './types';
import { WARNING_LEVELS } from './types';

export const CLUE_SETTINGS_SECTION = 'clue-time-limits';

export interface ClueTimeLimits {
  /** Working days from receipt to the 核查结论, per level. */
  readonly verifyDays: Readonly<Record<WarningLevel, number>>;
  /** Working days before the due date when a clue shows as 即将到期. */
  readonly warnDays: number;
}

export const DEFAULT_CLUE_TIME_LIMITS: ClueTimeLimits = { verifyDays: { 高: 3, 中: 10, 低: 30 }, warnDays: 2 };

export function normalizeClueTimeLimits(stored: Partial<ClueTimeLimits> | undefined): ClueTimeLimits {
  return { verifyDays: { ...DEFAULT_CLUE_TIME_LIMITS.verifyDays, ...(stored?.verifyDays ?? {}) }, warnDays: stored?.warnDays ?? DEFAULT_CLUE_TIME_LIMITS.warnDays };
}

export function checkClueTimeLimits(limits: ClueTimeLimits): FieldError[] {
  const errors: FieldError[] = [];
  for (const level of WARNING_LEVELS) {
    const d = limits.verifyDays[level];
    if (!Number.isInteger(d) || d < 1 || d > 180) errors.push({ field: `verifyDays.${level}`, message: `${level}等级线索的核查时限应为 1–180 个工作日的整数：请改正。` });
  }
  if (!Number.isInteger(limits.warnDays) || limits.warnDays < 0 || limits.warnDays > 30) {
    errors.push({ field: 'warnDays', message: '提前提醒天数应为 0–30 的整数：请改正。' });
  }
  if (limits.verifyDays.高 > limits.verifyDays.中 || limits.verifyDays.中 > limits.verifyDays.低) {
    errors.push({ field: 'verifyDays', message: '时限应按等级从高到低依次放宽（高 ≤ 中 ≤ 低）：请核对。' });
  }
  return errors;
}

export type ClueDeadlineState = 'done' | 'ok' | 'due-soon' | 'overdue';

export interface ClueDeadline {
  readonly dueOn: string;
  readonly state: ClueDeadlineState;
  /** Days past the due date (overdue) or left until it (otherwise); calendar days. */
  readonly days: number;
}

/** The verification due date of a clue and where it stands on `today`. */
export function clueDeadline(clue: Pick<Clue, 'receivedOn' | 'level' | 'verifiedOn' | 'disposition'>, limits: ClueTimeLimits, calendar: WorkingCalendar, today: string): ClueDeadline {
  const dueOn = addWorkingDays(clue.receivedOn, limits.verifyDays[clue.level], calendar);
  const doneOn = clue.verifiedOn ?? clue.disposition?.date ?? null;
  if (doneOn) return { dueOn, state: 'done', days: daysBetween(dueOn, doneOn) };
  if (compareDates(today, dueOn) > 0) return { dueOn, state: 'overdue', days: daysBetween(dueOn, today) };
  const warnFrom = limits.warnDays > 0 ? addWorkingDays(today, limits.warnDays, calendar) : today;
  return { dueOn, state: compareDates(warnFrom, dueOn) >= 0 ? 'due-soon' : 'ok', days: daysBetween(today, dueOn) };
}
