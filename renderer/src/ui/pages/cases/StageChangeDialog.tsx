import { Button, Dialog, DialogBody, DialogFooter, HTMLSelect, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, type CaseFile, type CaseStage } from '../../../core/cases/case-file';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';

interface StageForm {
  readonly stage: CaseStage;
  readonly date: string;
  readonly note: string;
}

export function StageChangeDialog(props: { readonly caseFile: CaseFile; readonly isOpen: boolean; readonly onClose: (changedTo: CaseStage | null) => void }) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const { caseFile } = props;
  const start = useMemo<StageForm>(() => {
    const nextIndex = Math.min(CASE_STAGES.indexOf(caseFile.stage) + 1, CASE_STAGES.length - 1);
    return { stage: CASE_STAGES[nextIndex] ?? caseFile.stage, date: localIsoDate(new Date()), note: '' };
  }, [caseFile.stage]);
  // Closing the dialog keeps what was typed: it comes back when the dialog is opened again.
  const form = useFormDraft<StageForm>(`case:stage:${caseFile.id}`, start, `${t('cases.changeStage')}（${caseFile.caseNumber}）`, { fresh: true });
  const value = form.value ?? start;
  const set = (patch: Partial<StageForm>) => form.set((f) => ({ ...f, ...patch }));
  const [error, setError] = useState<{ field: 'stage' | 'date' | 'note'; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    try {
      const result = await repos.cases.changeStage(caseFile.id, value.stage, value.date, value.note);
      if (!result.ok) setError({ field: result.field, message: result.message });
      else {
        setError(null);
        form.clear();
        props.onClose(value.stage);
      }
    } finally {
      setSaving(false);
    }
  };
  const errorOf = (field: 'stage' | 'date' | 'note') => (error?.field === field ? error.message : undefined);

  return (
    <Dialog isOpen={props.isOpen} onClose={() => props.onClose(null)} title={t('cases.changeStage')} icon="flow-linear">
      <DialogBody>
        <DraftNotice draft={form} />
        <FieldRow label={t('cases.newStage')} labelFor="stage-new" error={errorOf('stage')}>
          <HTMLSelect id="stage-new" fill value={value.stage} onChange={(e) => set({ stage: e.currentTarget.value as CaseStage })}>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s} disabled={s === caseFile.stage}>
                {s}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('cases.stageDate')} labelFor="stage-date" error={errorOf('date')} hint={t('common.dateHint')}>
          <DateField id="stage-date" value={value.date} onValueChange={(date) => set({ date })} intent={errorOf('date') ? 'danger' : 'none'} />
        </FieldRow>
        <FieldRow label={t('cases.stageNote')} labelFor="stage-note" error={errorOf('note')}>
          <TextArea id="stage-note" fill value={value.note} intent={errorOf('note') ? 'danger' : 'none'} onChange={(e) => set({ note: e.currentTarget.value })} />
        </FieldRow>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('common.cancel')} onClick={() => props.onClose(null)} />
            <Button intent="primary" text={t('common.save')} loading={saving} onClick={() => void submit()} />
          </>
        }
      />
    </Dialog>
  );
}
