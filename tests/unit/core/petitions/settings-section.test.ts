import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PETITION_SETTINGS_SECTION as D,
  normalizePetitionSettingsSection,
  validatePetitionSettingsSection,
} from '../../../../renderer/src/core/petitions/settings-section';

describe('petition settings section', () => {
  it('accepts the defaults (信访工作条例 2022 and the 2025–2026 holiday table)', () => {
    expect(validatePetitionSettingsSection(D)).toEqual([]);
    expect(D.deadlines).toMatchObject({ acceptWithinDays: 15, resolveWithinDays: 60, maxExtensionDays: 30, dayCounting: 'calendar' });
  });

  it('names every bad field by path with a Chinese message', () => {
    const issues = validatePetitionSettingsSection({
      deadlines: { ...D.deadlines, resolveWithinDays: 0, dueSoonDays: 61 },
      holidays: { ...D.holidays, years: [2025, 2026, 2026] },
    });
    expect(issues).toEqual([
      { path: 'deadlines.resolveWithinDays', message: '办理期限「0」应为 1–365 的整数天，条例规定为 60 天' },
      { path: 'deadlines.dueSoonDays', message: '临期提醒天数「61」应为 0–60 的整数' },
      { path: 'holidays.years[2]', message: '覆盖年份「2026」重复填写，请删去重复的一项' },
    ]);
  });

  it('asks for a year to be listed when the table has rows in it', () => {
    const issues = validatePetitionSettingsSection({
      ...D,
      holidays: { ...D.holidays, holidays: [...D.holidays.holidays, { name: '元旦', from: '2026-12-31', to: '2027-01-02' }] },
    });
    expect(issues).toEqual([
      { path: 'holidays.years', message: '节假日表中有 2027 年的日期，但「已录入年份」没有 2027：请在已录入年份中加上 2027（录全当年安排后）' },
    ]);
  });

  it('fills rules missing from an older stored section with their defaults', () => {
    const stored = { deadlines: { acceptWithinDays: 10 } } as unknown as Parameters<typeof normalizePetitionSettingsSection>[0];
    const s = normalizePetitionSettingsSection(stored);
    expect(s.deadlines).toEqual({ ...D.deadlines, acceptWithinDays: 10 });
    expect(s.holidays).toBe(D.holidays);
    expect(normalizePetitionSettingsSection(undefined)).toEqual(D);
  });
});
