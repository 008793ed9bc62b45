import { Button, Callout, Classes, Dialog, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exclusion } from '../../../core/creditors';
import type { CreditorDraft, CreditorDraftField } from '../../../db/repositories/creditor-draft';
import { EXCLUSION_LABELS, STATUS_VALUES, type StoredCreditor } from '../../../db/repositories/creditor-types';
import { FieldRow } from '../../components/FieldRow';
import { draftFromCreditor } from './creditor-draft-from-record';
import './review-messages';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';

const ID_TYPE_CHOICES = ['', '居民身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证'];

type Errors = Partial<Record<CreditorDraftField | 'permission', string>>;

/** Add or edit one creditor. Save validates like an import row; what was typed is kept on errors. */
export function CreditorEditDialog(props: {
  readonly caseId: string;
  readonly creditor: StoredCreditor | null;
  /** Status and exclusion are a 审核 user's to set; others see them but cannot change them. */
  readonly canVerify?: boolean;
  readonly onSave: (draft: CreditorDraft) => Promise<Errors | null>;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('creditors');
  const start = useMemo(() => draftFromCreditor(props.creditor), [props.creditor]);
  // Hand entry of a creditor is kept as a draft (closing the dialog keeps it) until it is saved.
  const form = useFormDraft<CreditorDraft>(
    `creditor:${props.caseId}:${props.creditor?.cid ?? 'new'}`,
    start,
    props.creditor ? `${t('edit.titleEdit')}（${props.creditor.name}）` : t('edit.titleNew'),
    { fresh: !props.creditor },
  );
  const draft = form.value ?? start;
  const setDraft = form.set;
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<CreditorDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setContract = (i: number, patch: Partial<CreditorDraft['contracts'][number]>) =>
    setDraft((d) => ({ ...d, contracts: d.contracts.map((k, j) => (j === i ? { ...k, ...patch } : k)) }));

  const save = async () => {
    setSaving(true);
    try {
      const errors = await props.onSave(draft);
      if (!errors) form.clear();
      setErrors(errors ?? {});
    } finally {
      setSaving(false);
    }
  };
  const errorCount = Object.keys(errors).length;
  const text = (field: keyof CreditorDraft & string, id: string, required = false) => (
    <FieldRow label={t(`edit.${field}`)} labelFor={id} error={errors[field as CreditorDraftField]} required={required}>
      <InputGroup id={id} value={String(draft[field] ?? '')} onValueChange={(v) => set({ [field]: v })} />
    </FieldRow>
  );

  return (
    <Dialog isOpen title={props.creditor ? t('edit.titleEdit') : t('edit.titleNew')} onClose={props.onClose} className="creditor-edit-dialog">
      <form
        className={Classes.DIALOG_BODY}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <DraftNotice draft={form} />
        {errors.permission ? (
          <Callout intent="danger" data-testid="form-errors" compact>
            {t('creditorReview:permission', { message: errors.permission })}
          </Callout>
        ) : (
          errorCount > 0 && (
            <Callout intent="danger" data-testid="form-errors" compact>
              {t('edit.fixErrors', { count: errorCount })}
            </Callout>
          )
        )}
        <div className="creditor-edit-grid">
          {text('name', 'creditor-name', true)}
          <FieldRow label={t('edit.idType')} labelFor="creditor-idType">
            <HTMLSelect id="creditor-idType" value={draft.idType} onChange={(e) => set({ idType: e.currentTarget.value })}>
              {ID_TYPE_CHOICES.map((c) => (
                <option key={c} value={c}>{c || t('edit.idTypeAuto')}</option>
              ))}
            </HTMLSelect>
          </FieldRow>
          {text('idNumber', 'creditor-idNumber', true)}
          {text('phone', 'creditor-phone')}
          {text('bankName', 'creditor-bankName')}
          {text('bankAccount', 'creditor-bankAccount')}
          {text('address', 'creditor-address')}
          <FieldRow label={t('edit.status')} labelFor="creditor-status" error={errors.status}>
            <HTMLSelect id="creditor-status" disabled={props.canVerify === false} value={draft.status} onChange={(e) => set({ status: e.currentTarget.value as CreditorDraft['status'] })}>
              {STATUS_VALUES.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </HTMLSelect>
          </FieldRow>
          <FieldRow label={t('edit.exclusion')} labelFor="creditor-exclusion" error={errors.exclusion}>
            <HTMLSelect
              id="creditor-exclusion"
              disabled={props.canVerify === false}
              value={draft.exclusion ?? ''}
              onChange={(e) => set({ exclusion: (e.currentTarget.value || null) as Exclusion })}
            >
              <option value="">{t('edit.exclusionNone')}</option>
              {Object.entries(EXCLUSION_LABELS).map(([k, label]) => (
                <option key={k} value={k}>{label}</option>
              ))}
            </HTMLSelect>
          </FieldRow>
        </div>
        <h4>{t('edit.contracts')}</h4>
        {errors.contracts && (
          <Callout intent="danger" compact>
            {errors.contracts}
          </Callout>
        )}
        {draft.contracts.map((k, i) => {
          const n = draft.contracts.length > 1 ? String(i + 1) : '';
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: contracts have no id; order is their identity in the form
            <div className="creditor-contract-row" key={i}>
              <FieldRow label={t('edit.principal', { n })} labelFor={`contract-principal-${i}`} error={errors[`principal.${i}`]} hint={t('edit.amountHint')} required>
                <InputGroup id={`contract-principal-${i}`} value={k.principal} onValueChange={(v) => setContract(i, { principal: v })} />
              </FieldRow>
              <FieldRow label={t('edit.returned', { n })} labelFor={`contract-returned-${i}`} error={errors[`returned.${i}`]}>
                <InputGroup id={`contract-returned-${i}`} value={k.returned} onValueChange={(v) => setContract(i, { returned: v })} />
              </FieldRow>
              <FieldRow label={t('edit.note', { n })} labelFor={`contract-note-${i}`} error={errors[`note.${i}`]}>
                <InputGroup id={`contract-note-${i}`} value={k.note} onValueChange={(v) => setContract(i, { note: v })} />
              </FieldRow>
              <Button
                minimal
                icon="trash"
                aria-label={`${t('edit.removeContract')} ${i + 1}`}
                onClick={() => setDraft((d) => ({ ...d, contracts: d.contracts.filter((_, j) => j !== i) }))}
              />
            </div>
          );
        })}
        <Button icon="add" text={t('edit.addContract')} onClick={() => set({ contracts: [...draft.contracts, { principal: '', returned: '', note: '' }] })} />
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('edit.cancel')} onClick={props.onClose} />
          <Button type="submit" intent="primary" text={t('edit.save')} loading={saving} />
        </div>
      </form>
    </Dialog>
  );
}
