import { Button, Callout, Dialog, DialogBody, DialogFooter, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import {
  MEDIATION_METHODS,
  MEDIATION_SESSION_OUTCOMES,
  type MediationMethod,
  type MediationSessionOutcome,
} from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { DraftNotice } from '../../drafts/DraftNotice';
import { fieldSetter, useFormDraft } from '../../drafts/use-form-draft';

const splitList = (text: string) => text.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);
const splitLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** Records one mediation session; the core checks it and the messages name the field. */
interface SessionForm {
  readonly date: string;
  readonly place: string;
  readonly method: MediationMethod;
  readonly mediators: string;
  readonly participants: string;
  readonly respondent: string;
  readonly notes: string;
  readonly outcome: MediationSessionOutcome;
  readonly terms: string;
}

export function MediationDialog(props: { readonly petitionId: string; readonly label: string; readonly onClose: (done: boolean) => void }) {
  const { t } = useTranslation('petitions');
  const { repos, settings } = useApp();
  const start = useMemo<SessionForm>(
    () => ({
      date: localIsoDate(new Date()),
      place: '',
      method: '人民调解',
      mediators: settings.operatorName,
      participants: '',
      respondent: '',
      notes: '',
      outcome: '达成协议',
      terms: '',
    }),
    [settings.operatorName],
  );
  // A session's record is long to type: it is kept as a draft until saved, across closing the dialog.
  const form = useFormDraft<SessionForm>(`petition:mediation:${props.petitionId}`, start, `${t('session.title')}（${props.label}）`, { fresh: true });
  const f = form.value ?? start;
  const on = fieldSetter(form);
  const { date, place, method, mediators, participants, respondent, notes, outcome, terms } = f;
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    try {
      const r = await repos.petitions.addMediationSession(props.petitionId, {
        date,
        place,
        method,
        mediators: splitList(mediators),
        participants: splitLines(participants),
        respondent,
        notes,
        outcome,
        agreementTerms: splitLines(terms),
      });
      if (!r.ok) setErrors(r.errors);
      else {
        form.clear();
        props.onClose(true);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog isOpen onClose={() => props.onClose(false)} title={t('session.title')} icon="people" className="petition-session-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogBody>
          <DraftNotice draft={form} />
          {errors.length > 0 && (
            <Callout intent="danger" data-testid="session-errors">
              <ul className="petition-error-list">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </Callout>
          )}
          <div className="petition-dialog-grid">
            <FieldRow label={t('session.date')} labelFor="session-date" required>
              <DateField id="session-date" value={date} onValueChange={on('date')} autoFocus />
            </FieldRow>
            <FieldRow label={t('session.method')} labelFor="session-method" required>
              <HTMLSelect id="session-method" fill value={method} onChange={(e) => on('method')(e.currentTarget.value as MediationMethod)}>
                {MEDIATION_METHODS.map((m) => (
                  <option key={m} value={m}>{m}</option>
                ))}
              </HTMLSelect>
            </FieldRow>
            <FieldRow label={t('session.place')} labelFor="session-place" required>
              <InputGroup id="session-place" value={place} onValueChange={on('place')} />
            </FieldRow>
            <FieldRow label={t('session.mediators')} labelFor="session-mediators" hint={t('session.mediatorsHint')} required>
              <InputGroup id="session-mediators" value={mediators} onValueChange={on('mediators')} />
            </FieldRow>
            <FieldRow label={t('session.respondent')} labelFor="session-respondent" hint={t('session.respondentHint')}>
              <InputGroup id="session-respondent" value={respondent} onValueChange={on('respondent')} />
            </FieldRow>
            <FieldRow label={t('session.outcome')} labelFor="session-outcome" required>
              <HTMLSelect id="session-outcome" fill value={outcome} onChange={(e) => on('outcome')(e.currentTarget.value as MediationSessionOutcome)}>
                {MEDIATION_SESSION_OUTCOMES.map((m) => (
                  <option key={m} value={m}>{m}</option>
                ))}
              </HTMLSelect>
            </FieldRow>
          </div>
          <FieldRow label={t('session.participants')} labelFor="session-participants" hint={t('session.participantsHint')} required>
            <TextArea id="session-participants" fill rows={3} value={participants} onChange={(e) => on('participants')(e.currentTarget.value)} />
          </FieldRow>
          <FieldRow label={t('session.notes')} labelFor="session-notes">
            <TextArea id="session-notes" fill rows={2} value={notes} onChange={(e) => on('notes')(e.currentTarget.value)} />
          </FieldRow>
          <FieldRow label={t('session.terms')} labelFor="session-terms" hint={t('session.termsHint')}>
            <TextArea id="session-terms" fill rows={3} value={terms} onChange={(e) => on('terms')(e.currentTarget.value)} />
          </FieldRow>
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
