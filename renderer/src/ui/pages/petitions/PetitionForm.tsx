import { Button, Callout, HTMLSelect, InputGroup, Intent, Tag, TextArea } from '@blueprintjs/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, CaseParty } from '../../../core/cases/case-file';
import { localIsoDate } from '../../../core/common/iso-date';
import { maskIdNumber } from '../../../core/identity';
import {
  PETITION_CHANNELS,
  PETITION_FORM_LABELS,
  PETITION_FORMS,
  PETITION_LEVELS,
  PETITION_URGENCIES,
  type Petitioner,
} from '../../../core/petitions/types';
import type { FieldError, PetitionFormInput } from '../../../core/petitions/validation';
import type { PickedCreditor } from '../../../workers/creditor-search-protocol';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { notify } from '../../toaster';
import { CreditorPicker } from './CreditorPicker';

type Draft = PetitionFormInput & { readonly personCount: string };

function emptyDraft(handler: string): Draft {
  return {
    receivedOn: localIsoDate(new Date()),
    channel: '来访',
    level: '到县区',
    form: 'individual',
    personCount: '1',
    petitioners: [{ kind: 'entered', name: '' }],
    caseId: null,
    demands: '',
    urgency: '一般',
    handler,
  };
}

export function PetitionForm({ cases, navigate }: { readonly cases: ReadonlyMap<string, CaseFile>; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('petitions');
  const { repos, settings } = useApp();
  const start = useMemo(() => emptyDraft(settings.operatorName), [settings.operatorName]);
  const form = useFormDraft<Draft>('petition:new', start, t('form.title'), { fresh: true });
  const draft = form.value ?? start;
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [parties, setParties] = useState<readonly CaseParty[]>([]);
  const [partyPick, setPartyPick] = useState('');
  const [number, setNumber] = useState<string | null>(null);

  useEffect(() => {
    setPartyPick('');
    if (!draft.caseId) return setParties([]);
    void repos.cases.get(draft.caseId).then((found) => setParties((found?.parties ?? []).filter((p) => p.kind === 'person')));
  }, [draft.caseId, repos]);
  // The number registration will give, so the clerk can write it on the paper letter now.
  useEffect(() => {
    let live = true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.receivedOn)) return setNumber(null);
    void repos.petitions.peekNumber(draft.receivedOn).then((peek) => {
      if (live) setNumber(peek.ok ? peek.number : null);
    });
    return () => {
      live = false;
    };
  }, [draft.receivedOn, repos]);

  const set = (patch: Partial<Draft>) => form.set((d) => ({ ...d, ...patch }));
  const errorOf = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message).join(' ') || undefined;
  const setPetitioner = (i: number, patch: Partial<{ name: string; phone: string }>) =>
    set({ petitioners: draft.petitioners.map((p, j) => (j === i && p.kind === 'entered' ? { ...p, ...patch } : p)) });

  const addParty = () => {
    const party = parties.find((p) => p.id === partyPick);
    if (!party) return;
    const picked: Petitioner = { kind: 'entered', name: party.name, ...(party.idNumber ? { idNumber: party.idNumber } : {}) };
    // Replace the blank first row rather than leaving an empty name to be refused.
    const kept = draft.petitioners.filter((p) => p.name.trim() !== '');
    set({ petitioners: [...kept, picked] });
  };
  const addCreditor = (c: PickedCreditor) => {
    const kept = draft.petitioners.filter((p) => p.name.trim() !== '');
    set({ petitioners: [...kept, { kind: 'creditor', creditorId: c.cid, name: c.name }] });
  };
  const takenCreditors = new Set(draft.petitioners.flatMap((p) => (p.kind === 'creditor' ? [p.creditorId] : [])));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const result = await repos.petitions.register(draft);
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      form.clear();
      await notify(t('form.registered', { number: result.registerNo }), 'success');
      navigate({ area: 'petitions', rest: [result.petitionId] });
    } finally {
      setSaving(false);
    }
  };

  const select = (field: 'channel' | 'level' | 'urgency', values: readonly string[]) => (
    <HTMLSelect id={`petition-${field}`} fill value={draft[field]} onChange={(e) => set({ [field]: e.currentTarget.value })}>
      {values.map((v) => (
        <option key={v} value={v}>{v}</option>
      ))}
    </HTMLSelect>
  );
  const petitionerErrors = errors.filter((e) => e.field.startsWith('petitioners'));

  return (
    <form className="page petition-form" onSubmit={save} noValidate>
      <header className="page-header">
        <h2>{t('form.title')}</h2>
        <Button text={t('translation:common.cancel')} onClick={() => navigate({ area: 'petitions', rest: [] })} />
        <Button type="submit" intent="primary" icon="floppy-disk" text={t('translation:common.save')} loading={saving} />
      </header>
      <DraftNotice draft={form} />
      {errors.length > 0 && (
        <Callout intent="danger" data-testid="form-errors">
          {t('errors.fixErrors', { count: errors.length })}
        </Callout>
      )}
      {number && (
        <p className="muted" data-testid="petition-number-preview">
          {t('form.numberPreview', { number })}
        </p>
      )}
      {errorOf('registerNo') && <Callout intent="danger">{errorOf('registerNo')}</Callout>}
      <div className="form-grid">
        <FieldRow label={t('field.receivedOn')} labelFor="petition-receivedOn" error={errorOf('receivedOn')} required>
          <DateField id="petition-receivedOn" value={draft.receivedOn} onValueChange={(v) => set({ receivedOn: v })} intent={errorOf('receivedOn') ? Intent.DANGER : Intent.NONE} autoFocus />
        </FieldRow>
        <FieldRow label={t('field.channel')} labelFor="petition-channel" error={errorOf('channel')} required>
          {select('channel', PETITION_CHANNELS)}
        </FieldRow>
        <FieldRow label={t('field.level')} labelFor="petition-level" error={errorOf('level')} required>
          {select('level', PETITION_LEVELS)}
        </FieldRow>
        <FieldRow label={t('field.form')} labelFor="petition-form" error={errorOf('form')} required>
          <HTMLSelect
            id="petition-form"
            fill
            value={draft.form}
            onChange={(e) => {
              const form = e.currentTarget.value;
              set({ form, ...(form === 'individual' && draft.personCount.trim() === '' ? { personCount: '1' } : {}) });
            }}
          >
            {PETITION_FORMS.map((f) => (
              <option key={f} value={f}>{PETITION_FORM_LABELS[f]}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
        <FieldRow label={t('field.personCount')} labelFor="petition-personCount" error={errorOf('personCount')} required>
          <InputGroup id="petition-personCount" className="num" value={draft.personCount} onValueChange={(v) => set({ personCount: v })} intent={errorOf('personCount') ? Intent.DANGER : Intent.NONE} />
        </FieldRow>
        <FieldRow label={t('field.urgency')} labelFor="petition-urgency" error={errorOf('urgency')} required>
          {select('urgency', PETITION_URGENCIES)}
        </FieldRow>
        <FieldRow label={t('field.handler')} labelFor="petition-handler" error={errorOf('handler')} hint={t('form.handlerHint')} required>
          <InputGroup id="petition-handler" value={draft.handler} onValueChange={(v) => set({ handler: v })} intent={errorOf('handler') ? Intent.DANGER : Intent.NONE} />
        </FieldRow>
        <FieldRow label={t('field.caseId')} labelFor="petition-caseId" error={errorOf('caseId')}>
          <HTMLSelect id="petition-caseId" fill value={draft.caseId ?? ''} onChange={(e) => set({ caseId: e.currentTarget.value || null })}>
            <option value="">{t('form.noCase')}</option>
            {[...cases.values()].map((c) => (
              <option key={c.id} value={c.id}>{`${c.caseNumber} ${c.title}`}</option>
            ))}
          </HTMLSelect>
        </FieldRow>
      </div>
      <FieldRow label={t('field.demands')} labelFor="petition-demands" error={errorOf('demands')} required>
        <TextArea id="petition-demands" fill rows={3} value={draft.demands} onChange={(e) => set({ demands: e.currentTarget.value })} intent={errorOf('demands') ? Intent.DANGER : Intent.NONE} />
      </FieldRow>
      <h3>{t('field.petitioners')}</h3>
      {petitionerErrors.map((e) => (
        <p key={`${e.field}-${e.message}`} className="inline-error">{e.message}</p>
      ))}
      <div className="petitioner-rows">
        {draft.petitioners.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is the identity
          <div className="button-row" key={i}>
            <InputGroup
              aria-label={t('form.petitionerName', { n: i + 1 })}
              value={p.name}
              readOnly={p.kind === 'creditor'}
              onValueChange={(name) => setPetitioner(i, { name })}
              placeholder={t('form.typedName')}
            />
            {p.kind === 'creditor' && (
              <Tag minimal intent="primary">
                {t('form.fromCreditors')}
              </Tag>
            )}
            {p.kind === 'entered' && (
              <InputGroup aria-label={`${t('form.typedPhone')} ${i + 1}`} value={p.phone ?? ''} onValueChange={(phone) => setPetitioner(i, { phone })} placeholder={t('form.typedPhone')} />
            )}
            {p.kind === 'entered' && p.idNumber && <span className="mono muted">{maskIdNumber(p.idNumber)}</span>}
            <Button minimal icon="trash" aria-label={t('form.removePetitioner', { n: i + 1 })} onClick={() => set({ petitioners: draft.petitioners.filter((_, j) => j !== i) })} />
          </div>
        ))}
      </div>
      <div className="button-row">
        <Button icon="add" text={t('form.addTyped')} onClick={() => set({ petitioners: [...draft.petitioners, { kind: 'entered', name: '' }] })} />
        {draft.caseId && (
          <>
            <HTMLSelect aria-label={t('form.pickParty')} value={partyPick} onChange={(e) => setPartyPick(e.currentTarget.value)} disabled={parties.length === 0}>
              <option value="">{parties.length === 0 ? t('form.pickPartyNone') : t('form.pickParty')}</option>
              {parties.map((p) => (
                <option key={p.id} value={p.id}>{`${p.name}（${p.role}）`}</option>
              ))}
            </HTMLSelect>
            <Button text={t('form.addParty')} disabled={!partyPick} onClick={addParty} />
          </>
        )}
      </div>
      <div className="button-row">
        {draft.caseId && <CreditorPicker caseId={draft.caseId} taken={takenCreditors} onPick={addCreditor} />}
      </div>
    </form>
  );
}
