import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome, SATISFACTION_LEVELS, type Satisfaction } from '../../../core/petitions/types';
import type { PetitionEvent } from '../../../core/petitions/workflow';
import type { PetitionEventInput } from '../../../db/repositories/petition-repository';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { fieldSetter, useFormDraft } from '../../drafts/use-form-draft';

export type StepType = PetitionEvent['type'];

interface StepForm {
  readonly date: string;
  readonly reason: string;
  readonly note: string;
  readonly outcome: ResolutionOutcome;
  readonly satisfaction: Satisfaction;
  readonly toUnit: string;
  readonly approver: string;
  readonly days: string;
}

/** One workflow step: the fields that step needs, dated (today by default) and checked by the core. */
export function StepDialog(props: {
  readonly petitionId: string;
  readonly type: StepType;
  readonly maxExtensionDays: number;
  /** The petition as staff name it (its number), for the leave prompt. */
  readonly label: string;
  readonly onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation('petitions');
  const { repos, settings } = useApp();
  const { type } = props;
  const start = useMemo<StepForm>(
    () => ({ date: localIsoDate(new Date()), reason: '', note: '', outcome: '化解', satisfaction: '满意', toUnit: '', approver: '', days: String(props.maxExtensionDays) }),
    [props.maxExtensionDays],
  );
  // One draft per petition and step: closing the dialog keeps it until the step is saved.
  const form = useFormDraft<StepForm>(`petition:step:${props.petitionId}:${type}`, start, `${t(`step.${type}`)}（${props.label}）`, { fresh: true });
  const f = form.value ?? start;
  const on = fieldSetter(form);
  const { date, reason, note, outcome, satisfaction, toUnit, approver, days } = f;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const input = (): PetitionEventInput => {
    switch (type) {
      case 'accept':
      case 'startMediation':
      case 'close':
        return { type, date };
      case 'reject':
        return { type, date, reason };
      case 'recordOutcome':
        return { type, date, outcome, note };
      case 'followUp':
        return { type, date, satisfaction, note };
      case 'transfer':
        return { type, date, toUnit, reason };
      case 'extend':
        return { type, date, approver, reason, days: Number(days.trim()) };
    }
  };

  const submit = async () => {
    if (type === 'extend' && !/^\d+$/.test(days.trim())) {
      setError(
        /^\s*[-－−]/.test(days)
          ? `延期天数不能为负数（填写的是 ${days.trim()}）：应为 1–${props.maxExtensionDays} 的整数天`
          : `延期天数「${days}」无效：应为 1–${props.maxExtensionDays} 的整数天`,
      );
      return;
    }
    setSaving(true);
    try {
      const r = await repos.petitions.applyEvent(props.petitionId, input());
      if (!r.ok) setError(r.error);
      else {
        form.clear();
        props.onClose(true);
      }
    } finally {
      setSaving(false);
    }
  };

  const needsReason = type === 'reject' || type === 'transfer' || type === 'extend';
  const needsNote = type === 'recordOutcome' || type === 'followUp';
  return (
    <Dialog isOpen onClose={() => props.onClose(false)} title={t(`step.${type}`)} icon="flow-linear">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogBody>
          <DraftNotice draft={form} />
          {error && (
            <Callout intent="danger" data-testid="step-error">
              {error}
            </Callout>
          )}
          <FieldRow label={t('step.date')} labelFor="step-date" required>
            <DateField id="step-date" value={date} onValueChange={on('date')} autoFocus />
          </FieldRow>
          {type === 'recordOutcome' && (
            <FieldRow label={t('step.outcome')} labelFor="step-outcome" required>
              <HTMLSelect id="step-outcome" fill value={outcome} onChange={(e) => on('outcome')(e.currentTarget.value as ResolutionOutcome)}>
                {RESOLUTION_OUTCOMES.map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </HTMLSelect>
            </FieldRow>
          )}
          {type === 'followUp' && (
            <FieldRow label={t('step.satisfaction')} labelFor="step-satisfaction" required>
              <HTMLSelect id="step-satisfaction" fill value={satisfaction} onChange={(e) => on('satisfaction')(e.currentTarget.value as Satisfaction)}>
                {SATISFACTION_LEVELS.map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </HTMLSelect>
            </FieldRow>
          )}
          {type === 'transfer' && (
            <FieldRow label={t('step.toUnit')} labelFor="step-toUnit" required>
              <InputGroup id="step-toUnit" value={toUnit} onValueChange={on('toUnit')} />
            </FieldRow>
          )}
          {type === 'extend' && (
            <>
              <FieldRow label={t('step.approver')} labelFor="step-approver" required>
                <InputGroup id="step-approver" value={approver} onValueChange={on('approver')} />
              </FieldRow>
              <FieldRow label={t('step.days')} labelFor="step-days" hint={t('step.daysHint', { max: props.maxExtensionDays })} required>
                <InputGroup id="step-days" className="num" value={days} onValueChange={on('days')} />
              </FieldRow>
            </>
          )}
          {needsReason && (
            <FieldRow label={t('step.reason')} labelFor="step-reason" required>
              <TextArea id="step-reason" fill value={reason} onChange={(e) => on('reason')(e.currentTarget.value)} />
            </FieldRow>
          )}
          {needsNote && (
            <FieldRow label={t('step.note')} labelFor="step-note">
              <TextArea id="step-note" fill value={note} onChange={(e) => on('note')(e.currentTarget.value)} />
            </FieldRow>
          )}
          <p className="muted">{t('step.by', { name: settings.operatorName || '—' })}</p>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text={t('translation:common.cancel')} onClick={() => props.onClose(false)} />
              <Button type="submit" intent="primary" text={t('translation:common.save')} loading={saving} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
