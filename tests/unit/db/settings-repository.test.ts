import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { makeTestRepos } from './test-db';

describe('SettingsRepository', () => {
  it('starts from defaults (backlog cutoff 2017-12-31) before anything is saved', async () => {
    const { repos } = makeTestRepos();
    expect(await repos.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.backlogCutoff).toBe('2017-12-31');
  });

  it('saves trimmed settings, drops blank district lines, and audits the change', async () => {
    const { repos } = makeTestRepos();
    const result = await repos.settings.save({
      ...DEFAULT_SETTINGS,
      officeName: ' 威海市处非办 ',
      districts: ['环翠区', '', ' 文登区 '],
      documentPrefixes: { ...DEFAULT_SETTINGS.documentPrefixes, 'inquiry-notice': '威处非询' },
    });
    expect(result.ok).toBe(true);
    const saved = await repos.settings.get();
    expect(saved.officeName).toBe('威海市处非办');
    expect(saved.districts).toEqual(['环翠区', '文登区']);
    expect(saved.documentPrefixes['inquiry-notice']).toBe('威处非询');
    const [entry] = await repos.audit.page(0, 1);
    expect(entry).toMatchObject({ action: 'settings', before: null });
  });

  it('refuses a bad cutoff, duplicate districts and a prefix with a year, keeping the old settings', async () => {
    const { repos } = makeTestRepos();
    const result = await repos.settings.save({
      ...DEFAULT_SETTINGS,
      backlogCutoff: '2017-02-30',
      districts: ['环翠区', '环翠区'],
      documentPrefixes: { ...DEFAULT_SETTINGS.documentPrefixes, 'case-transfer': '威处非移〔2020〕' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.backlogCutoff).toContain('不是有效日期');
    expect(result.errors.districts).toContain('环翠区');
    expect(result.errors['prefix.case-transfer']).toContain('案件移送函');
    expect(await repos.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await repos.audit.count()).toBe(0);
  });

  it('keeps a campaign start date, accepts it empty and refuses one that is not a date', async () => {
    const { repos } = makeTestRepos();
    expect((await repos.settings.get()).campaignStart).toBe('');
    const bad = await repos.settings.save({ ...DEFAULT_SETTINGS, campaignStart: '2020-02-30' });
    expect(bad.ok ? null : bad.errors.campaignStart).toContain('专项行动开始日期不是有效日期');
    const good = await repos.settings.save({ ...DEFAULT_SETTINGS, campaignStart: ' 2020-01-01 ' });
    expect(good.ok).toBe(true);
    expect((await repos.settings.get()).campaignStart).toBe('2020-01-01');
  });
});
