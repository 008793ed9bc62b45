// The statutory clock as data (期限设置). Defaults from 信访工作条例 (2022):
// - 第二十四条 (acceptance): decide whether to accept within 15 days of receiving the petition;
// - 第三十二条 (handling): finish within 60 days of acceptance; in complex cases, with the approval
//   of the unit's head, extend once by at most 30 days and tell the petitioner why.
// How days are counted (民法典 第二百零一条、第二百零三条):
// - the day of receipt / acceptance is not counted: the day after is day 1;
// - when a calendar-day period ends on a 法定休假日 (holiday or weekend, per the holiday table),
//   the period ends on the next working day ('next-working-day', the default). 'keep' leaves the
//   deadline on the holiday for offices that count strictly.
// - 'working' counting counts only working days (days 1..N are the next N working days), so the end
//   date is always a working day and the holiday rule does not apply.

export type DayCounting = 'calendar' | 'working';
export type HolidayEndRule = 'next-working-day' | 'keep';

export interface PetitionDeadlineSettings {
  readonly acceptWithinDays: number;
  readonly resolveWithinDays: number;
  readonly maxExtensionDays: number;
  readonly dayCounting: DayCounting;
  /** Only used with calendar-day counting. */
  readonly calendarEndOnNonWorkingDay: HolidayEndRule;
  /** Home screen: a deadline within this many days counts as "due soon" (即将到期). */
  readonly dueSoonDays: number;
}

export const DEFAULT_PETITION_DEADLINE_SETTINGS: PetitionDeadlineSettings = {
  acceptWithinDays: 15,
  resolveWithinDays: 60,
  maxExtensionDays: 30,
  dayCounting: 'calendar',
  calendarEndOnNonWorkingDay: 'next-working-day',
  dueSoonDays: 5,
};

export interface SettingsIssue {
  readonly field: keyof PetitionDeadlineSettings;
  readonly message: string;
}

function wholeInRange(v: number, lo: number, hi: number): boolean {
  return Number.isInteger(v) && v >= lo && v <= hi;
}

export function validateDeadlineSettings(s: PetitionDeadlineSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (!wholeInRange(s.acceptWithinDays, 1, 365)) {
    issues.push({ field: 'acceptWithinDays', message: `受理期限「${s.acceptWithinDays}」应为 1–365 的整数天，条例规定为 15 天` });
  }
  if (!wholeInRange(s.resolveWithinDays, 1, 365)) {
    issues.push({ field: 'resolveWithinDays', message: `办理期限「${s.resolveWithinDays}」应为 1–365 的整数天，条例规定为 60 天` });
  }
  if (!wholeInRange(s.maxExtensionDays, 0, 365)) {
    issues.push({ field: 'maxExtensionDays', message: `最长延期「${s.maxExtensionDays}」应为 0–365 的整数天，条例规定不超过 30 天` });
  }
  if (s.dayCounting !== 'calendar' && s.dayCounting !== 'working') {
    issues.push({ field: 'dayCounting', message: '计日方式只能选「自然日」或「工作日」' });
  }
  if (s.calendarEndOnNonWorkingDay !== 'next-working-day' && s.calendarEndOnNonWorkingDay !== 'keep') {
    issues.push({ field: 'calendarEndOnNonWorkingDay', message: '期限末日遇节假日的处理只能选「顺延至下一个工作日」或「不顺延」' });
  }
  if (!wholeInRange(s.dueSoonDays, 0, 60)) {
    issues.push({ field: 'dueSoonDays', message: `临期提醒天数「${s.dueSoonDays}」应为 0–60 的整数` });
  }
  return issues;
}
