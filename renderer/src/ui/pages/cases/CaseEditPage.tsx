import { Button, Callout, HTMLSelect, InputGroup, Intent } from '@blueprintjs/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDraft, type CaseField, emptyCaseDraft } from '../../../core/cases/case-draft';
import { CASE_CHARGES, CASE_SECTORS, CASE_STAGES, type CaseStage } from '../../../core/cases/case-file';
import type { FieldErrors } from '../../../core/common/field-errors';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import { caseDraftFromRecord } from './case-draft-from-record';
import { PartiesEditor } from './PartiesEditor';

export function CaseEditPage({ caseId, navigate }: { caseId: string | null; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const { repos, settings } = useApp();
  const empty = useMemo(() => (caseId ? null : emptyCaseDraft(localIsoDate(new Date()))), [caseId]);
  const [record, setRecord] = useState<{ draft: CaseDraft; caseNumber: string } | null>(null);
  const form = useFormDraft<CaseDraft>(
    caseId ? `case:edit:${caseId}` : 'case:new',
    caseId ? (record?.draft ?? null) : empty,
    caseId ? `${t('cases.edit')} ${record?.caseNumber ?? ''}`.trim() : t('cases.new'),
    { fresh: !caseId },
  );
  const draft = form.value;
  const [errors, setErrors] = useState<FieldErrors<CaseField>>({});
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    void repos.cases.get(caseId).then((found) => {
      if (found) setRecord({ draft: caseDraftFromRecord(found.caseFile, found.parties), caseNumber: found.caseFile.caseNumber });
      else setMissing(true);
    });
  }, [caseId, repos]);

  if (missing) return <Callout intent="warning">{t('cases.notFound')}</Callout>;
  if (!draft) return <p>{t('common.loading')}</p>;

  const set = (patch: Partial<CaseDraft>) => form.set((d) => ({ ...d, ...patch }));
  const text = (field: keyof CaseDraft & CaseField) => ({
    id: `case-${field}`,
    value: String(draft[field]),
    intent: errors[field] ? Intent.DANGER : Intent.NONE,
    onValueChange: (value: string) => set({ [field]: value }),
  });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const result = caseId ? await repos.cases.update(caseId, draft, settings.districts) : await repos.cases.create(draft, settings.districts);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors({});
      form.clear();
      await notify(caseId ? t('cases.updated') : t('cases.created'), 'success');
      navigate({ area: 'cases', view: 'detail', caseId: result.caseId });
    } finally {
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const districts = settings.districts.includes(draft.district) || !draft.district ? settings.districts : [draft.district, ...settings.districts];

  return (
    <form className="page case-form" onSubmit={save} noValidate>
      <header className="page-header">
        <h2>{caseId ? t('cases.edit') : t('cases.new')}</h2>
        <Button text={t('common.cancel')} onClick={() => navigate(caseId ? { area: 'cases', view: 'detail', caseId } : { area: 'cases', view: 'list' })} />
        <Button type="submit" intent="primary" icon="floppy-disk" text={t('common.save')} loading={saving} />
      </header>
      <DraftNotice draft={form} />
      {errorCount > 0 && (
        <Callout intent="danger" data-testid="form-errors">
          {t('common.fixErrors', { count: errorCount })}
        </Callout>
      )}
      <div className="form-grid">
        <FieldRow label={t('cases.caseNumber')} labelFor="case-caseNumber" error={errors.caseNumber} required>
          <InputGroup {...text('caseNumber')} autoFocus />
        </FieldRow>
        <FieldRow label={t('cases.title')} labelFor="case-title" error={errors.title} required>
          <InputGroup {...text('title')} />
        </FieldRow>
        <FieldRow label={t('cases.charge')} labelFor="case-charge" error={errors.charge} required>
          <HTMLSelect id="case-charge" fill value={draft.charge} onChange={(e) => set({ charge: e.currentTarget.value as CaseDraft['charge'] })}>
            <option value="">{t('cases.select')}</option>
            {CASE_CHARGES.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('cases.sector')} labelFor="case-sector" error={errors.sector} required>
          <HTMLSelect id="case-sector" fill value={draft.sector} onChange={(e) => set({ sector: e.currentTarget.value as CaseDraft['sector'] })}>
            <option value="">{t('cases.select')}</option>
            {CASE_SECTORS.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('cases.district')} labelFor="case-district" error={errors.district} required>
          {districts.length > 0 ? (
            <HTMLSelect id="case-district" fill value={draft.district} onChange={(e) => set({ district: e.currentTarget.value })}>
              <option value="">{t('cases.select')}</option>
              {districts.map((d) => (
                <option key={d} value={d}>{d}</option>
              ))}
            </HTMLSelect>
          ) : (
            <InputGroup {...text('district')} />
          )}
        </FieldRow>
        <FieldRow label={t('cases.leadUnit')} labelFor="case-leadUnit" error={errors.leadUnit}>
          <InputGroup {...text('leadUnit')} />
        </FieldRow>
        <FieldRow label={t('cases.officers')} labelFor="case-officers" error={errors.officers} hint={t('cases.officersHint')}>
          <InputGroup {...text('officers')} />
        </FieldRow>
        <FieldRow label={t('cases.amountInvolved')} labelFor="case-amountInvolvedYuan" error={errors.amountInvolvedYuan} hint={t('cases.amountHint')}>
          <InputGroup {...text('amountInvolvedYuan')} className="num" />
        </FieldRow>
        <FieldRow label={t('cases.peopleInvolved')} labelFor="case-peopleInvolved" error={errors.peopleInvolved}>
          <InputGroup {...text('peopleInvolved')} className="num" />
        </FieldRow>
        <FieldRow label={t('cases.lossesRecovered')} labelFor="case-lossesRecoveredYuan" error={errors.lossesRecoveredYuan} hint={t('cases.amountHint')}>
          <InputGroup {...text('lossesRecoveredYuan')} className="num" />
        </FieldRow>
        <FieldRow label={t('cases.filedDate')} labelFor="case-filedDate" error={errors.filedDate} hint={t('common.dateHint')}>
          <DateField id="case-filedDate" value={draft.filedDate} intent={errors.filedDate ? Intent.DANGER : Intent.NONE} onValueChange={(filedDate) => set({ filedDate })} />
        </FieldRow>
        {!caseId && (
          <>
            <FieldRow label={t('cases.stage')} labelFor="case-stage" error={errors.stage} required>
              <HTMLSelect id="case-stage" fill value={draft.stage} onChange={(e) => set({ stage: e.currentTarget.value as CaseStage })}>
                {CASE_STAGES.map((s) => (
                  <option key={s} value={s}>{s}</option>
                ))}
              </HTMLSelect>
            </FieldRow>
            <FieldRow label={t('cases.stageDate')} labelFor="case-stageDate" error={errors.stageDate} required>
              <DateField id="case-stageDate" value={draft.stageDate} intent={errors.stageDate ? Intent.DANGER : Intent.NONE} onValueChange={(stageDate) => set({ stageDate })} />
            </FieldRow>
          </>
        )}
      </div>
      <h3>{t('cases.parties')}</h3>
      <PartiesEditor parties={draft.parties} errors={errors} onChange={(parties) => set({ parties })} />
    </form>
  );
}
