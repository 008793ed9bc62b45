import { Button, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, type CaseFile, type CaseStage } from '../../../core/cases/case-file';
import { localIsoDate } from '../../../core/common/iso-date';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';

export function StageChangeDialog(props: { readonly caseFile: CaseFile; readonly isOpen: boolean; readonly onClose: (changedTo: CaseStage | null) => void }) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const { caseFile } = props;
  const nextIndex = Math.min(CASE_STAGES.indexOf(caseFile.stage) + 1, CASE_STAGES.length - 1);
  const [stage, setStage] = useState<CaseStage>(CASE_STAGES[nextIndex] ?? caseFile.stage);
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field: 'stage' | 'date'; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    try {
      const result = await repos.cases.changeStage(caseFile.id, stage, date, note);
      if (!result.ok) setError({ field: result.field, message: result.message });
      else {
        setError(null);
        props.onClose(stage);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog isOpen={props.isOpen} onClose={() => props.onClose(null)} title={t('cases.changeStage')} icon="flow-linear">
      <DialogBody>
        <FieldRow label={t('cases.newStage')} labelFor="stage-new" error={error?.field === 'stage' ? error.message : undefined}>
          <HTMLSelect id="stage-new" fill value={stage} onChange={(e) => setStage(e.currentTarget.value as CaseStage)}>
            {CASE_STAGES.map((s) => (
              <option key={s} value={s} disabled={s === caseFile.stage}>
                {s}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('cases.stageDate')} labelFor="stage-date" error={error?.field === 'date' ? error.message : undefined}>
          <InputGroup id="stage-date" type="date" value={date} onValueChange={setDate} intent={error?.field === 'date' ? 'danger' : 'none'} />
        </FieldRow>
        <FieldRow label={t('cases.stageNote')} labelFor="stage-note">
          <TextArea id="stage-note" fill value={note} onChange={(e) => setNote(e.currentTarget.value)} />
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
