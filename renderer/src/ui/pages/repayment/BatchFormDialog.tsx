import { Button, Callout, Checkbox, Dialog, DialogBody, DialogFooter, InputGroup, Intent } from '@blueprintjs/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../core/money';
import type { BatchDraft, BatchField, FieldErrors, SaveResult } from '../../../db/repositories/repayment-types';
import type { RepaymentProgressReport } from '../../../workers/repayment-protocol';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { placeBatchErrors } from './batch-form-errors';
import { WorkingNote } from './WorkingNote';

/** The batch settings form, for a new batch and for recomputing a draft. Keeps what was typed on errors. */
export function BatchFormDialog(props: {
  readonly title: string;
  /** Where the draft is kept: one for a new batch of the case, one per batch recomputed. */
  readonly draftKey: string;
  /** What the form starts from (read once; a draft of another version is offered, not applied). */
  readonly initial: BatchDraft;
  readonly fundsAvailableFen: number;
  /** Runs in the repayment worker; reports its phases (read, allocate, write) while the window stays usable. */
  readonly onSubmit: (draft: BatchDraft, onProgress: (p: RepaymentProgressReport) => void) => Promise<SaveResult<BatchField>>;
  readonly onDone: (id: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('repayment');
  const form = useFormDraft<BatchDraft>(props.draftKey, props.initial, props.title, { fresh: props.draftKey.endsWith(':new') });
  const draft = form.value ?? props.initial;
  const setDraft = form.set;
  const [reported, setErrors] = useState<FieldErrors<BatchField>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RepaymentProgressReport | null>(null);
  const set = (patch: Partial<BatchDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProgress(null);
    try {
      const result = await props.onSubmit(draft, setProgress);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      form.clear();
      props.onDone(result.id);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  // Each message under the field it names; one about the whole batch above the fields.
  const { fields: errors, general } = placeBatchErrors(reported, { threshold: draft.smallClaimsFirst });
  const count = Object.keys(errors).length;
  return (
    // While the worker computes the window answers, but the batch is stored once it finishes: the dialog
    // stays until then rather than seeming to cancel what it cannot.
    <Dialog isOpen title={props.title} onClose={busy ? undefined : props.onClose} isCloseButtonShown={!busy} className="repayment-batch-dialog">
      <form onSubmit={submit} noValidate>
        <DialogBody>
          <DraftNotice draft={form} />
          {busy && <WorkingNote testId="batch-progress" text={t(`progress.${progress?.phase ?? 'read'}`)} value={progress ? (progress.done + 1) / (progress.total + 1) : null} />}
          {(count > 0 || general.length > 0) && (
            <Callout intent="danger" data-testid="batch-form-errors">
              {general.map((m) => (
                <p key={m}>{m}</p>
              ))}
              {count > 0 && t('translation:common.fixErrors', { count })}
            </Callout>
          )}
          <FieldRow label={t('form.amount')} labelFor="batch-amount" error={errors.amount} hint={t('form.amountHint', { available: formatFen(props.fundsAvailableFen) })} required>
            <InputGroup id="batch-amount" autoFocus className="num" value={draft.amountText} intent={errors.amount ? Intent.DANGER : Intent.NONE} onValueChange={(amountText) => set({ amountText })} />
          </FieldRow>
          <FieldRow label={t('form.date')} labelFor="batch-date" error={errors.date} required>
            <DateField id="batch-date" value={draft.date} intent={errors.date ? Intent.DANGER : Intent.NONE} onValueChange={(date) => set({ date })} />
          </FieldRow>
          <Checkbox label={t('form.smallFirst')} checked={draft.smallClaimsFirst} onChange={(e) => set({ smallClaimsFirst: e.currentTarget.checked })} />
          {draft.smallClaimsFirst && (
            <FieldRow label={t('form.threshold')} labelFor="batch-threshold" error={errors.threshold} required>
              <InputGroup id="batch-threshold" className="num" value={draft.thresholdText} intent={errors.threshold ? Intent.DANGER : Intent.NONE} onValueChange={(thresholdText) => set({ thresholdText })} />
            </FieldRow>
          )}
          <FieldRow label={t('form.minPayment')} labelFor="batch-min" error={errors.minPayment} hint={t('form.minPaymentHint')}>
            <InputGroup id="batch-min" className="num" value={draft.minPaymentText} intent={errors.minPayment ? Intent.DANGER : Intent.NONE} onValueChange={(minPaymentText) => set({ minPaymentText })} />
          </FieldRow>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text={t('translation:common.cancel')} disabled={busy} onClick={props.onClose} />
              <Button type="submit" intent="primary" icon="calculator" text={t('form.compute')} disabled={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
