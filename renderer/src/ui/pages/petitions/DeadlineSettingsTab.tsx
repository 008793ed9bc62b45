import { Button, Callout, HTMLSelect, InputGroup, Intent, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCounting, HolidayEndRule, PetitionDeadlineSettings } from '../../../core/petitions/deadline-settings';
import { DEFAULT_PETITION_SETTINGS_SECTION, type PetitionSettingsSection, type SectionIssue } from '../../../core/petitions/settings-section';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import { HolidayTableEditor } from './HolidayTableEditor';

type NumberField = 'acceptWithinDays' | 'resolveWithinDays' | 'maxExtensionDays' | 'dueSoonDays';
const NUMBER_FIELDS: readonly NumberField[] = ['acceptWithinDays', 'resolveWithinDays', 'maxExtensionDays', 'dueSoonDays'];
const HINTS: Record<NumberField, string> = {
  acceptWithinDays: 'acceptHint',
  resolveWithinDays: 'resolveHint',
  maxExtensionDays: 'extensionHint',
  dueSoonDays: 'dueSoonHint',
};

/** Numbers as typed (so "1５" or "" is kept and refused with its field named, not silently coerced). */
type Draft = Omit<PetitionSettingsSection, 'deadlines'> & {
  readonly deadlines: Omit<PetitionDeadlineSettings, NumberField> & Record<NumberField, string>;
  readonly yearsText: string;
};

function toDraft(s: PetitionSettingsSection): Draft {
  const d = s.deadlines;
  return {
    ...s,
    deadlines: {
      ...d,
      acceptWithinDays: String(d.acceptWithinDays),
      resolveWithinDays: String(d.resolveWithinDays),
      maxExtensionDays: String(d.maxExtensionDays),
      dueSoonDays: String(d.dueSoonDays),
    },
    yearsText: s.holidays.years.join(', '),
  };
}

const toNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function fromDraft(d: Draft): PetitionSettingsSection {
  const years = d.yearsText.split(/[,，、\s]+/).filter(Boolean).map(toNumber);
  return {
    deadlines: {
      ...d.deadlines,
      acceptWithinDays: toNumber(d.deadlines.acceptWithinDays),
      resolveWithinDays: toNumber(d.deadlines.resolveWithinDays),
      maxExtensionDays: toNumber(d.deadlines.maxExtensionDays),
      dueSoonDays: toNumber(d.deadlines.dueSoonDays),
    },
    holidays: { ...d.holidays, years },
  };
}

export function DeadlineSettingsTab(props: { readonly section: PetitionSettingsSection; readonly onSaved: () => void }) {
  const { t } = useTranslation('petitions');
  const { repos } = useApp();
  const saved = useMemo(() => toDraft(props.section), [props.section]);
  const form = useFormDraft<Draft>('settings:petitions', saved, t('tabs.settings'));
  const draft = form.value ?? saved;
  const setDraft = form.set;
  const [issues, setIssues] = useState<readonly SectionIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const setDeadlines = (patch: Partial<Draft['deadlines']>) => setDraft((d) => ({ ...d, deadlines: { ...d.deadlines, ...patch } }));
  const issueAt = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message).join(' ') || undefined;

  const save = async () => {
    setSaving(true);
    try {
      const candidate = fromDraft(draft);
      // A typed "abc" is NaN: name the field with what was typed instead of "NaN".
      const typed: SectionIssue[] = NUMBER_FIELDS.filter((f) => Number.isNaN(candidate.deadlines[f])).map((f) => ({
        path: `deadlines.${f}`,
        message: /^\s*[-－−]/.test(draft.deadlines[f])
          ? `${t(`settings.${f}`)}不能为负数（填写的是 ${draft.deadlines[f].trim()}）：请填写 0 或正整数`
          : `${t(`settings.${f}`)}「${draft.deadlines[f]}」不是整数天数，请填写数字`,
      }));
      for (const y of draft.yearsText.split(/[,，、\s]+/).filter(Boolean)) {
        if (!/^\d{4}$/.test(y)) typed.push({ path: 'holidays.years', message: `${t('settings.years')}「${y}」不是四位年份，请改正` });
      }
      const r = typed.length > 0 ? { ok: false as const, issues: typed } : await repos.petitions.saveSettings(candidate);
      if (!r.ok) {
        setIssues(r.issues);
        return;
      }
      setIssues([]);
      form.clear();
      await notify(t('settings.saved'), 'success');
      props.onSaved();
    } finally {
      setSaving(false);
    }
  };

  const holidayIssues = issues.filter((i) => i.path.startsWith('holidays.') && !i.path.startsWith('holidays.years'));
  return (
    <section className="settings-form petition-settings">
      <DraftNotice draft={form} />
      {issues.length > 0 && (
        <Callout intent="danger" data-testid="settings-errors">
          {t('settings.issues', { count: issues.length })}
        </Callout>
      )}
      <h3>{t('settings.clock')}</h3>
      <div className="form-grid">
        {NUMBER_FIELDS.map((f) => (
          <FieldRow key={f} label={t(`settings.${f}`)} labelFor={`ps-${f}`} error={issueAt(`deadlines.${f}`)} hint={t(`settings.${HINTS[f]}`)}>
            <InputGroup id={`ps-${f}`} className="num" value={draft.deadlines[f]} intent={issueAt(`deadlines.${f}`) ? Intent.DANGER : Intent.NONE} onValueChange={(v) => setDeadlines({ [f]: v })} />
          </FieldRow>
        ))}
        <FieldRow label={t('settings.dayCounting')} labelFor="ps-dayCounting" error={issueAt('deadlines.dayCounting')}>
          <HTMLSelect id="ps-dayCounting" fill value={draft.deadlines.dayCounting} onChange={(e) => setDeadlines({ dayCounting: e.currentTarget.value as DayCounting })}>
            <option value="calendar">{t('settings.calendarDays')}</option>
            <option value="working">{t('settings.workingDays')}</option>
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('settings.endRule')} labelFor="ps-endRule" error={issueAt('deadlines.calendarEndOnNonWorkingDay')}>
          <HTMLSelect
            id="ps-endRule"
            fill
            value={draft.deadlines.calendarEndOnNonWorkingDay}
            disabled={draft.deadlines.dayCounting === 'working'}
            onChange={(e) => setDeadlines({ calendarEndOnNonWorkingDay: e.currentTarget.value as HolidayEndRule })}
          >
            <option value="next-working-day">{t('settings.endNext')}</option>
            <option value="keep">{t('settings.endKeep')}</option>
          </HTMLSelect>
        </FieldRow>
      </div>
      <h3>{t('settings.holidays')}</h3>
      <div className="form-grid">
        <FieldRow label={t('settings.years')} labelFor="ps-years" hint={t('settings.yearsHint')} error={issues.filter((i) => i.path.startsWith('holidays.years')).map((i) => i.message).join(' ') || undefined}>
          <InputGroup id="ps-years" value={draft.yearsText} onValueChange={(yearsText) => setDraft((d) => ({ ...d, yearsText }))} />
        </FieldRow>
      </div>
      <FieldRow label={t('settings.source')} labelFor="ps-source">
        <TextArea id="ps-source" fill rows={2} value={draft.holidays.source} onChange={(e) => { const source = e.currentTarget.value; setDraft((d) => ({ ...d, holidays: { ...d.holidays, source } })); }} />
      </FieldRow>
      {holidayIssues.length > 0 && (
        <Callout intent="danger" data-testid="holiday-errors">
          <ul className="petition-error-list">
            {holidayIssues.map((i) => (
              <li key={`${i.path}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </Callout>
      )}
      <HolidayTableEditor
        holidays={draft.holidays.holidays}
        makeUpWorkdays={draft.holidays.makeUpWorkdays}
        badPaths={new Set(issues.map((i) => i.path))}
        onChange={(holidays, makeUpWorkdays) => setDraft((d) => ({ ...d, holidays: { ...d.holidays, holidays, makeUpWorkdays } }))}
      />
      <div className="button-row">
        <Button intent="primary" icon="floppy-disk" text={t('translation:common.save')} loading={saving} onClick={() => void save()} />
        <Button text={t('settings.restoreDefaults')} onClick={() => setDraft(toDraft(DEFAULT_PETITION_SETTINGS_SECTION))} />
      </div>
    </section>
  );
}
