import { Button, Callout, Classes, Dialog, HTMLSelect, Radio, RadioGroup, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exclusion } from '../../../core/creditors';
import { EXCLUSION_LABELS } from '../../../db/repositories/creditor-types';
import { decisionProblem, STATUS_NOTE_MAX, type VerificationDecision } from '../../../db/repositories/creditor-verification';
import { FieldRow } from '../../components/FieldRow';
import './review-messages';

type Scope = 'checked' | 'filter';
type Action = 'verified' | 'doubt' | 'exclusion';

/**
 * One verification decision for many creditors (核实): the ticked ones or everyone the current
 * search and filter show. One action, one audit entry; all or nothing (the repository refuses the
 * whole action, naming who, when four eyes forbid one of them).
 */
export function BulkVerifyDialog(props: {
  readonly checkedCount: number;
  readonly filterCount: number;
  readonly onSave: (scope: Scope, decision: VerificationDecision) => Promise<string | null>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('creditorReview');
  const [scope, setScope] = useState<Scope>(props.checkedCount > 0 ? 'checked' : 'filter');
  const [action, setAction] = useState<Action>('verified');
  const [note, setNote] = useState('');
  const [exclusion, setExclusion] = useState<Exclusion>('employee');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = scope === 'checked' ? props.checkedCount : props.filterCount;
  const decision: VerificationDecision = action === 'verified' ? { status: '已核实' } : action === 'doubt' ? { status: '存疑', note } : { exclusion };
  const what = action === 'verified' ? t('bulk.toVerified') : action === 'doubt' ? t('bulk.toDoubt') : t('bulk.toExclusion', { label: exclusion ? EXCLUSION_LABELS[exclusion] : t('none') });
  const save = async () => {
    const problem = decisionProblem(decision);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      setError(await props.onSave(scope, decision));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen title={t('bulk.title')} onClose={busy ? undefined : props.onClose}>
      <div className={Classes.DIALOG_BODY} data-testid="bulk-verify">
        <RadioGroup label={t('bulk.scope')} selectedValue={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
          <Radio value="checked" disabled={props.checkedCount === 0} label={t('bulk.checked', { count: props.checkedCount })} />
          <Radio value="filter" label={t('bulk.filter', { count: props.filterCount })} />
        </RadioGroup>
        <RadioGroup label={t('bulk.action')} selectedValue={action} onChange={(e) => {
            setAction(e.currentTarget.value as Action);
            setError(null);
          }}>
          <Radio value="verified" label={t('bulk.verified')} />
          <Radio value="doubt" label={t('bulk.doubt')} />
          <Radio value="exclusion" label={t('bulk.exclusion')} />
        </RadioGroup>
        {action === 'doubt' && (
          <FieldRow label={t('bulk.note')} labelFor="bulk-note">
            <TextArea id="bulk-note" fill maxLength={STATUS_NOTE_MAX} value={note} placeholder={t('bulk.notePlaceholder')} onChange={(e) => setNote(e.currentTarget.value)} />
          </FieldRow>
        )}
        {action === 'exclusion' && (
          <FieldRow label={t('exclusion')} labelFor="bulk-exclusion">
            <HTMLSelect id="bulk-exclusion" value={exclusion ?? ''} onChange={(e) => setExclusion((e.currentTarget.value || null) as Exclusion)}>
              <option value="">{t('none')}</option>
              {Object.entries(EXCLUSION_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </HTMLSelect>
          </FieldRow>
        )}
        <p data-testid="bulk-summary">
          <strong>{t('bulk.summary', { count, what })}</strong>
        </p>
        {error && (
          <Callout intent="danger" data-testid="bulk-error">
            {error}
          </Callout>
        )}
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('cancel')} onClick={props.onClose} disabled={busy} />
          <Button intent="primary" loading={busy} disabled={count === 0} text={t('bulk.apply', { count })} onClick={() => void save()} />
        </div>
      </div>
    </Dialog>
  );
}
