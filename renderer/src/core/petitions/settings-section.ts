// The 'petitions' settings section (信访调解 → 时限设置): the clock rules and the holiday table the
// office edits, stored together so a deadline is always computed from one consistent pair.
import { buildWorkingCalendar, type HolidayTable, validateHolidayTable, type WorkingCalendar } from '../calendar/holiday-table';
import { CHINA_HOLIDAYS_2025_2026 } from '../calendar/holidays-cn';
import { DEFAULT_PETITION_DEADLINE_SETTINGS, type PetitionDeadlineSettings, validateDeadlineSettings } from './deadline-settings';

export const PETITION_SETTINGS_SECTION = 'petitions';

export interface PetitionSettingsSection {
  readonly deadlines: PetitionDeadlineSettings;
  readonly holidays: HolidayTable;
}

export const DEFAULT_PETITION_SETTINGS_SECTION: PetitionSettingsSection = {
  deadlines: DEFAULT_PETITION_DEADLINE_SETTINGS,
  holidays: CHINA_HOLIDAYS_2025_2026,
};

export interface SectionIssue {
  /** 'deadlines.acceptWithinDays', 'holidays.holidays[2].from' … so the form can point at the field. */
  readonly path: string;
  readonly message: string;
}

export function validatePetitionSettingsSection(s: PetitionSettingsSection): SectionIssue[] {
  const issues: SectionIssue[] = validateDeadlineSettings(s.deadlines).map((i) => ({ path: `deadlines.${i.field}`, message: i.message }));
  for (const i of validateHolidayTable(s.holidays)) issues.push({ path: `holidays.${i.path}`, message: i.message });
  const years = new Set<number>();
  for (const [i, y] of s.holidays.years.entries()) {
    if (years.has(y)) issues.push({ path: `holidays.years[${i}]`, message: `覆盖年份「${y}」重复填写，请删去重复的一项` });
    years.add(y);
  }
  // Rows for a year not listed would be used but the deadlines would still warn "weekends only":
  // ask for the year to be added so the table and its coverage agree.
  const dates = [...s.holidays.holidays.flatMap((h) => [h.from, h.to]), ...s.holidays.makeUpWorkdays.map((w) => w.date)];
  const missing = new Set<number>();
  for (const date of dates) {
    const y = Number(date.slice(0, 4));
    if (/^\d{4}-/.test(date) && !years.has(y)) missing.add(y);
  }
  for (const y of [...missing].sort()) {
    issues.push({ path: 'holidays.years', message: `节假日表中有 ${y} 年的日期，但「已录入年份」没有 ${y}：请在已录入年份中加上 ${y}（录全当年安排后）` });
  }
  return issues;
}

/**
 * A stored section merged over the defaults field by field: a section saved by an older version
 * that lacks a newer rule still gets that rule's default instead of `undefined`.
 */
export function normalizePetitionSettingsSection(stored: Partial<PetitionSettingsSection> | undefined): PetitionSettingsSection {
  const d = DEFAULT_PETITION_SETTINGS_SECTION;
  return {
    deadlines: { ...d.deadlines, ...(stored?.deadlines ?? {}) },
    holidays: stored?.holidays ?? d.holidays,
  };
}

export function calendarOf(section: PetitionSettingsSection): WorkingCalendar {
  return buildWorkingCalendar(section.holidays);
}
