import { Button, Callout, Classes, Dialog, HTMLSelect } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditorStatus, Exclusion } from '../../../core/creditors';
import { maskAccount, maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { EXCLUSION_LABELS, STATUS_VALUES, type StoredCreditor } from '../../../db/repositories/creditor-types';
import { FieldRow } from '../../components/FieldRow';
import { ReviewFacts } from './ReviewFacts';
import './review-messages';

/**
 * Verification (核实) by a 审核 user: status and exclusion only, with the personal data masked — verifying
 * never shows a full ID number as a side effect. The repository refuses (and audits) a verification
 * by the person who changed the account or net claim.
 */
export function VerifyDialog(props: {
  readonly creditor: StoredCreditor;
  readonly onSave: (decision: { status: CreditorStatus; exclusion: Exclusion }) => Promise<string | null>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation(['creditorReview', 'creditors']);
  const c = props.creditor;
  const [status, setStatus] = useState<CreditorStatus>(c.status);
  const [exclusion, setExclusion] = useState<Exclusion>(c.exclusion);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      setError(await props.onSave({ status, exclusion }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen title={t('title', { name: c.name })} onClose={props.onClose}>
      <div className={Classes.DIALOG_BODY} data-testid="verify-dialog">
        <p className="muted">{t('hint')}</p>
        <dl className="creditor-facts">
          <dt>{t('creditors:col.idNumber')}</dt>
          <dd className="mono">{c.idType === 'org' ? c.idNumber : maskIdNumber(c.idNumber)}</dd>
          <dt>{t('creditors:panel.account')}</dt>
          <dd className="mono">{c.bankAccount ? maskAccount(c.bankAccount) : '—'}</dd>
          <dt>{t('creditors:col.netClaim')}</dt>
          <dd className="num">{formatFen(c.netClaimFen)}</dd>
          <ReviewFacts creditor={c} />
        </dl>
        {error && (
          <Callout intent="danger" data-testid="verify-error">
            {error}
          </Callout>
        )}
        <FieldRow label={t('status')} labelFor="verify-status">
          <HTMLSelect id="verify-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as CreditorStatus)}>
            {STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('exclusion')} labelFor="verify-exclusion">
          <HTMLSelect id="verify-exclusion" value={exclusion ?? ''} onChange={(e) => setExclusion((e.currentTarget.value || null) as Exclusion)}>
            <option value="">{t('none')}</option>
            {Object.entries(EXCLUSION_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('cancel')} onClick={props.onClose} />
          <Button intent="primary" loading={busy} text={t('save')} onClick={() => void save()} />
        </div>
      </div>
    </Dialog>
  );
}
