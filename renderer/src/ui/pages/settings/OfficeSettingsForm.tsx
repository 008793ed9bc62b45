import { Button, Callout, HTMLTable, InputGroup, Radio, RadioGroup, TextArea } from '@blueprintjs/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../core/common/field-errors';
import { localIsoDate } from '../../../core/common/iso-date';
import { type AppSettings, DEFAULT_PETITION_PREFIX, DOCUMENT_TYPES, type DocumentFontPreset } from '../../../core/settings/app-settings';
import type { SettingsField } from '../../../core/settings/validate-settings';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import './office-settings.css';

export function OfficeSettingsForm() {
  const { t } = useTranslation();
  const { repos, settings, reloadSettings } = useApp();
  const saved = useMemo(() => ({ settings, districtsText: settings.districts.join('\n') }), [settings]);
  const draft = useFormDraft('settings:office', saved, t('settings.office'));
  const form = draft.value?.settings ?? settings;
  const districtsText = draft.value?.districtsText ?? saved.districtsText;
  const setForm = (next: AppSettings) => draft.set((d) => ({ ...d, settings: next }));
  const setDistrictsText = (text: string) => draft.set((d) => ({ ...d, districtsText: text }));
  const [nextPetitionNumber, setNextPetitionNumber] = useState<string | null>(null);
  // Read again after each save (the prefix may have changed).
  const savedPrefix = settings.petitionPrefix;
  useEffect(() => {
    void repos.petitions.peekNumber(localIsoDate(new Date())).then((peek) => setNextPetitionNumber(peek.ok && savedPrefix !== undefined ? peek.number : null));
  }, [repos, savedPrefix]);
  const [errors, setErrors] = useState<FieldErrors<SettingsField>>({});
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      // The operator is the signed-in user now (never typed): nothing of it is stored with the settings.
      const result = await repos.settings.save({ ...form, operatorName: '', districts: districtsText.split(/\r?\n/) });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors({});
      draft.set({ settings: result.value, districtsText: result.value.districts.join('\n') });
      draft.clear();
      await reloadSettings();
      await notify(t('common.saved'), 'success');
    } finally {
      setSaving(false);
    }
  };
  const errorCount = Object.keys(errors).length;

  return (
    <form className="settings-form" onSubmit={save} noValidate>
      <DraftNotice draft={draft} />
      {errorCount > 0 && <Callout intent="danger">{t('common.fixErrors', { count: errorCount })}</Callout>}
      {!settings.officeName.trim() && (
        <Callout intent="warning" icon="warning-sign" data-testid="office-name-missing">
          {t('settings.officeNameMissing')}
        </Callout>
      )}
      <div className="form-grid">
        <FieldRow label={t('settings.officeName')} labelFor="set-office" error={errors.officeName}>
          <InputGroup id="set-office" value={form.officeName} onValueChange={(officeName) => setForm({ ...form, officeName })} />
        </FieldRow>
        <FieldRow label={t('settings.backlogCutoff')} labelFor="set-cutoff" error={errors.backlogCutoff} hint={t('settings.backlogHint')}>
          <DateField id="set-cutoff" value={form.backlogCutoff} onValueChange={(backlogCutoff) => setForm({ ...form, backlogCutoff })} />
        </FieldRow>
        <FieldRow label={t('settings.campaignStart')} labelFor="set-campaign" error={errors.campaignStart} hint={t('settings.campaignHint')}>
          <DateField id="set-campaign" value={form.campaignStart ?? ''} onValueChange={(campaignStart) => setForm({ ...form, campaignStart })} />
        </FieldRow>
        <FieldRow label={t('settings.districts')} labelFor="set-districts" error={errors.districts}>
          <TextArea id="set-districts" fill rows={6} value={districtsText} onChange={(e) => setDistrictsText(e.currentTarget.value)} />
        </FieldRow>
      </div>
      <h3>{t('settings.prefixes')}</h3>
      <p className="muted">{t('settings.prefixHint')}</p>
      <HTMLTable compact className="prefix-table" data-testid="prefix-table">
        <tbody>
          {DOCUMENT_TYPES.map((type) => (
            <tr key={type.id}>
              <td>
                <label className="prefix-label" htmlFor={`set-prefix-${type.id}`}>
                  {type.label}
                </label>
              </td>
              <td>
                <InputGroup
                  id={`set-prefix-${type.id}`}
                  aria-label={`${type.label} 文号前缀`}
                  value={form.documentPrefixes[type.id]}
                  intent={errors[`prefix.${type.id}`] ? 'danger' : 'none'}
                  onValueChange={(v) => setForm({ ...form, documentPrefixes: { ...form.documentPrefixes, [type.id]: v } })}
                />
                {errors[`prefix.${type.id}`] && <div className="inline-error">{errors[`prefix.${type.id}`]}</div>}
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <label className="prefix-label" htmlFor="set-prefix-petition">
                {t('settings.petitionNumber')}
              </label>
            </td>
            <td>
              <InputGroup
                id="set-prefix-petition"
                aria-label={t('settings.petitionPrefix')}
                value={form.petitionPrefix ?? DEFAULT_PETITION_PREFIX}
                intent={errors.petitionPrefix ? 'danger' : 'none'}
                onValueChange={(petitionPrefix) => setForm({ ...form, petitionPrefix })}
              />
              {errors.petitionPrefix && <div className="inline-error">{errors.petitionPrefix}</div>}
            </td>
            <td className="muted prefix-label" data-testid="next-petition-number">
              {nextPetitionNumber && t('settings.nextNumber', { number: nextPetitionNumber })}
            </td>
          </tr>
        </tbody>
      </HTMLTable>
      <h3>{t('settings.fontPreset')}</h3>
      <RadioGroup
        selectedValue={form.documentFontPreset}
        onChange={(e) => setForm({ ...form, documentFontPreset: e.currentTarget.value as DocumentFontPreset })}
      >
        <Radio value="official" label={t('settings.fontOfficial')} />
        <Radio value="stockWindows" label={t('settings.fontStock')} />
      </RadioGroup>
      <Button type="submit" intent="primary" icon="floppy-disk" text={t('common.save')} loading={saving} />
    </form>
  );
}
