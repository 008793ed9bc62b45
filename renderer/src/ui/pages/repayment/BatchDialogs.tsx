import { Button, Callout, Dialog, DialogBody, DialogFooter, InputGroup } from '@blueprintjs/core';
import '../settings/users-messages';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../core/money';
import type { RepaymentBatchRow } from '../../../db/records';
import type { BankResultSummary } from '../../../db/repositories/repayment-bank';
import type { ActionResult } from '../../../db/repositories/repayment-types';
import type { RepaymentProgressReport } from '../../../workers/repayment-protocol';
import { FieldRow } from '../../components/FieldRow';
import { WorkingNote } from './WorkingNote';

/**
 * Approval by the signed-in user (never a typed name): the batch's totals, who computed it and the
 * four-eyes rule. The repository refuses (and audits) an approval by one who computed the batch.
 * The check runs in the repayment worker (the draft recomputed on the whole register): a still
 * bar with its phase meanwhile, no spinner (see WorkingNote).
 */
export function ApproveDialog(props: {
  readonly batch: RepaymentBatchRow;
  readonly approverName: string;
  readonly onApprove: (onProgress: (p: RepaymentProgressReport) => void) => Promise<ActionResult>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('repayment');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RepaymentProgressReport | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const result = await props.onApprove(setProgress);
      if (!result.ok) setError(result.message);
    } finally {
      setBusy(false);
    }
  };
  const computers = props.batch.computedBy?.map((p) => p.name).join('、') || props.batch.createdBy || '—';
  return (
    <Dialog isOpen title={t('approve.title', { n: props.batch.number })} onClose={props.onClose}>
      <DialogBody>
        <p>{t('approve.summary', { allocated: formatFen(props.batch.allocatedFen), count: props.batch.payLineCount })}</p>
        <p data-testid="approve-as">{t('users:fourEyes.approveAs', { name: props.approverName })}</p>
        <p className="muted">{t('users:fourEyes.approveRule', { computers })}</p>
        {busy && <WorkingNote testId="approve-progress" text={t(`progress.${progress?.phase ?? 'read'}`)} value={progress ? (progress.done + 1) / (progress.total + 1) : null} />}
        {error && (
          <Callout intent="danger" data-testid="approve-error">
            {error}
          </Callout>
        )}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('translation:common.cancel')} onClick={props.onClose} />
            <Button intent="primary" icon="endorsed" text={t('approve.confirm')} disabled={busy} onClick={() => void submit()} />
          </>
        }
      />
    </Dialog>
  );
}

/** What a bank file gave: rows matched (to be recorded) and rows refused, each named (the first 200 listed). */
export function BankResultDialog(props: {
  readonly fileName: string;
  readonly reading: BankResultSummary;
  readonly onApply: () => Promise<ActionResult>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('repayment');
  const { reading } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      const result = await props.onApply();
      if (!result.ok) setError(result.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen title={`${t('bank.title')}：${props.fileName}`} onClose={props.onClose} className="repayment-bank-dialog">
      <DialogBody>
        <p data-testid="bank-summary">
          {t('bank.rows', { rows: reading.dataRows, matched: reading.matched, ...reading.counts })}
        </p>
        {reading.rejectedCount > 0 && (
          <Callout intent="warning" data-testid="bank-rejected" title={t('bank.rejected', { count: reading.rejectedCount })}>
            <ul className="repayment-rejected">
              {reading.rejected.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            {reading.rejectedCount > reading.rejected.length && <p className="muted">{t('bank.moreRejected', { count: reading.rejectedCount - reading.rejected.length })}</p>}
          </Callout>
        )}
        {busy && <WorkingNote testId="bank-progress" text={t('progress.results')} value={null} />}
        {error && <Callout intent="danger">{error}</Callout>}
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('translation:common.cancel')} onClick={props.onClose} />
            <Button intent="primary" disabled={reading.matched === 0 || busy} text={reading.matched > 0 ? t('bank.apply', { count: reading.matched }) : t('bank.nothing')} onClick={() => void apply()} />
          </>
        }
      />
    </Dialog>
  );
}

/** A failed or returned payment by hand: the reason goes with it into the audit log. */
export function LineResultDialog(props: { readonly title: string; readonly onSubmit: (note: string) => Promise<ActionResult>; readonly onClose: () => void }) {
  const { t } = useTranslation('repayment');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await props.onSubmit(note.trim());
    if (!result.ok) setError(result.message);
  };
  return (
    <Dialog isOpen title={props.title} onClose={props.onClose}>
      <DialogBody>
        {error && <Callout intent="danger">{error}</Callout>}
        <FieldRow label={t('lines.failNote')} labelFor="line-note">
          <InputGroup id="line-note" autoFocus value={note} onValueChange={setNote} />
        </FieldRow>
      </DialogBody>
      <DialogFooter actions={<Button intent="primary" text={t('translation:common.save')} onClick={() => void submit()} />} />
    </Dialog>
  );
}
