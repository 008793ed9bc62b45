import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, HTMLTable, InputGroup, Intent, Tag } from '@blueprintjs/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import { formatFen } from '../../../core/money';
import { RECOVERED_FUND_SOURCE_LABEL, RECOVERED_FUND_SOURCES, type RecoveredFundSource } from '../../../core/repayment/recovered-funds';
import type { FundReceiptRow } from '../../../db/records';
import type { FieldErrors, FundDraft, FundField } from '../../../db/repositories/repayment-types';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import type { CaseRepaymentData } from './case-repayment-data';

const emptyDraft = (): FundDraft => ({ source: '', amountText: '', date: localIsoDate(new Date()), note: '' });

/** 追缴资金: record recovered money by art. 26 source; void a wrong entry with a reason. */
export function FundsTab({ caseId, data, reload }: { readonly caseId: string; readonly data: CaseRepaymentData; readonly reload: () => Promise<void> }) {
  const { t } = useTranslation('repayment');
  const { repos, can } = useApp();
  const empty = useMemo(emptyDraft, []);
  const form = useFormDraft<FundDraft>(`repayment:fund:${caseId}`, empty, t('funds.add'), { fresh: true });
  const draft = form.value ?? empty;
  const setDraft = form.set;
  const [errors, setErrors] = useState<FieldErrors<FundField>>({});
  const [saving, setSaving] = useState(false);
  const [voiding, setVoiding] = useState<FundReceiptRow | null>(null);
  const set = (patch: Partial<FundDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const result = await repos.repayment.addFund(caseId, draft);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors({});
      // Recorded: the form is empty again for the next receipt, and its draft is gone.
      form.discard();
      await notify(t('funds.added'), 'success');
      await reload();
    } finally {
      setSaving(false);
    }
  };

  const bySource = data.figures.recoveredBySource;
  return (
    <div className="repayment-funds">
      <DraftNotice draft={form} />
      <form className="repayment-fund-form" onSubmit={save} noValidate>
        <FieldRow label={t('funds.source')} labelFor="fund-source" error={errors.source} required>
          <HTMLSelect id="fund-source" value={draft.source} onChange={(e) => set({ source: e.currentTarget.value as RecoveredFundSource | '' })}>
            <option value="">{t('funds.select')}</option>
            {RECOVERED_FUND_SOURCES.map((s) => (
              <option key={s} value={s}>{RECOVERED_FUND_SOURCE_LABEL[s]}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('funds.amount')} labelFor="fund-amount" error={errors.amount} required>
          <InputGroup id="fund-amount" className="num" value={draft.amountText} intent={errors.amount ? Intent.DANGER : Intent.NONE} onValueChange={(amountText) => set({ amountText })} />
        </FieldRow>
        <FieldRow label={t('funds.date')} labelFor="fund-date" error={errors.date} required>
          <DateField id="fund-date" value={draft.date} intent={errors.date ? Intent.DANGER : Intent.NONE} onValueChange={(date) => set({ date })} />
        </FieldRow>
        <FieldRow label={t('funds.note')} labelFor="fund-note" error={errors.note}>
          <InputGroup id="fund-note" value={draft.note} onValueChange={(note) => set({ note })} />
        </FieldRow>
        <Button type="submit" intent="primary" icon="add" text={t('funds.add')} loading={saving} className="repayment-fund-submit" />
      </form>
      {data.funds.length === 0 ? (
        <p className="muted">{t('funds.empty')}</p>
      ) : (
        <HTMLTable compact striped className="full-width" data-testid="fund-table">
          <thead>
            <tr>
              <th>{t('funds.date')}</th>
              <th>{t('funds.source')}</th>
              <th className="num">{t('funds.amount')}</th>
              <th>{t('funds.note')}</th>
              <th>{t('funds.recordedBy')}</th>
              <th>{t('funds.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.funds.map((f) => (
              <tr key={f.id} className={f.voided ? 'repayment-voided' : undefined}>
                <td>{f.date}</td>
                <td>{RECOVERED_FUND_SOURCE_LABEL[f.source]}</td>
                <td className="num">{formatFen(f.amountFen)}</td>
                <td>{f.note}</td>
                <td>{f.recordedBy}</td>
                <td>
                  {f.voided ? (
                    <Tag minimal intent="warning" title={f.voided.reason}>
                      {t('funds.voided')}：{f.voided.reason}
                    </Tag>
                  ) : (
                    can('repayment.void') && <Button small minimal icon="disable" text={t('funds.void')} onClick={() => setVoiding(f)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <h3>{t('funds.bySource')}</h3>
      <HTMLTable compact className="repayment-by-source" data-testid="fund-by-source">
        <tbody>
          {RECOVERED_FUND_SOURCES.map((s) => (
            <tr key={s}>
              <td>{RECOVERED_FUND_SOURCE_LABEL[s]}</td>
              <td className="num">{formatFen(bySource[s])}</td>
            </tr>
          ))}
          <tr className="repayment-total-row">
            <td>{t('funds.total')}</td>
            <td className="num">{formatFen(data.figures.recoveredFen)}</td>
          </tr>
        </tbody>
      </HTMLTable>
      {voiding && <VoidFundDialog fund={voiding} onClose={() => setVoiding(null)} onDone={reload} />}
    </div>
  );
}

function VoidFundDialog({ fund, onClose, onDone }: { readonly fund: FundReceiptRow; readonly onClose: () => void; readonly onDone: () => Promise<void> }) {
  const { t } = useTranslation('repayment');
  const { repos } = useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const result = await repos.repayment.voidFund(fund.id, reason);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    await notify(t('funds.voidDone'), 'success');
    onClose();
    await onDone();
  };
  return (
    <Dialog isOpen title={t('funds.voidTitle')} onClose={onClose}>
      <DialogBody>
        <p>
          {fund.date} {RECOVERED_FUND_SOURCE_LABEL[fund.source]} {formatFen(fund.amountFen)} 元
        </p>
        {error && <Callout intent="danger">{error}</Callout>}
        <FieldRow label={t('funds.voidReason')} labelFor="void-reason" required>
          <InputGroup id="void-reason" autoFocus value={reason} onValueChange={setReason} />
        </FieldRow>
      </DialogBody>
      <DialogFooter actions={<Button intent="danger" text={t('funds.void')} onClick={() => void submit()} />} />
    </Dialog>
  );
}
