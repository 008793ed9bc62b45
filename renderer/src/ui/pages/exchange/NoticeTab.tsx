import { Button, Callout, Checkbox, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Clue } from '../../../core/clues/types';
import { type NoticeField, PACKAGE_FILE_EXTENSION } from '../../../core/exchange';
import type { Petition } from '../../../core/petitions/types';
import type { ExchangeOfficeRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import './messages';
import { notify } from '../../toaster';

type Errors = Partial<Record<NoticeField | 'recipient' | 'reason' | 'form', string>>;

const toggle = (set: ReadonlySet<string>, id: string, on: boolean): Set<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

/** 市 → 区县: a notice, and clues or petitions assigned, as one signed package for one district office. */
export function NoticeTab() {
  const { t } = useTranslation('exchange');
  const { repos, bridge, can } = useApp();
  const [offices, setOffices] = useState<readonly ExchangeOfficeRow[]>([]);
  const [clues, setClues] = useState<readonly Clue[]>([]);
  const [petitions, setPetitions] = useState<readonly Petition[]>([]);
  const [recipientId, setRecipientId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [clueIds, setClueIds] = useState<ReadonlySet<string>>(new Set());
  const [petitionIds, setPetitionIds] = useState<ReadonlySet<string>>(new Set());
  const [request, setRequest] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const [o, c, p] = await Promise.all([repos.exchange.offices(), repos.clues.list(), repos.petitions.list()]);
      setOffices(o.filter((x) => x.level === 'district'));
      setClues(c.filter((x) => x.status !== '已办结'));
      setPetitions(p.filter((x) => x.closedOn === undefined));
    })();
  }, [repos]);

  const make = async () => {
    setBusy(true);
    setMade(null);
    try {
      const info = await bridge.appInfo();
      const hasNotice = title.trim() !== '' || body.trim() !== '';
      const result = await repos.exchange.makeNoticePackage({
        recipientId,
        notice: hasNotice ? { title, body } : null,
        clueIds: [...clueIds],
        petitionIds: [...petitionIds],
        request,
        includePersonal: false,
        personalReason: '',
        appVersion: info.version,
      });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors({});
      const pkg = result.value;
      const saved = await bridge.saveFile({ suggestedName: pkg.fileName, filters: [{ name: '通知包', extensions: [PACKAGE_FILE_EXTENSION] }], bytes: pkg.bytes });
      setMade(pkg.fileName);
      if (saved.status === 'saved') await notify(t('notice.done', { name: saved.fileName }), 'success');
    } catch (e) {
      setErrors({ form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exchange-notice" data-testid="exchange-notice">
      <p className="muted">{t('notice.intro')}</p>
      <FieldRow label={t('notice.recipient')} labelFor="nt-recipient" error={errors.recipient} required>
        <HTMLSelect id="nt-recipient" value={recipientId} onChange={(e) => setRecipientId(e.currentTarget.value)}>
          <option value="">{t('notice.choose')}</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </HTMLSelect>
      </FieldRow>
      <FieldRow label={t('notice.title')} labelFor="nt-title" error={errors.title}>
        <InputGroup id="nt-title" value={title} onValueChange={setTitle} />
      </FieldRow>
      <FieldRow label={t('notice.body')} labelFor="nt-body" error={errors.body}>
        <TextArea id="nt-body" fill rows={4} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      </FieldRow>
      <h4>{t('notice.clues')}</h4>
      {clues.length === 0 && <p className="muted">{t('notice.none')}</p>}
      {clues.map((c) => (
        <Checkbox
          key={c.id}
          checked={clueIds.has(c.id)}
          label={`${c.clueNo} ${c.subject.name}：${c.allegation.slice(0, 40)}`}
          onChange={(e) => setClueIds(toggle(clueIds, c.id, e.currentTarget.checked))}
        />
      ))}
      <h4>{t('notice.petitions')}</h4>
      {petitions.length === 0 && <p className="muted">{t('notice.none')}</p>}
      {petitions.map((p) => (
        <Checkbox
          key={p.id}
          checked={petitionIds.has(p.id)}
          label={`${p.registerNo} ${p.receivedOn} ${p.demands.slice(0, 40)}`}
          onChange={(e) => setPetitionIds(toggle(petitionIds, p.id, e.currentTarget.checked))}
        />
      ))}
      <FieldRow label={t('notice.request')} labelFor="nt-request" error={errors.request}>
        <TextArea id="nt-request" fill rows={2} value={request} onChange={(e) => setRequest(e.currentTarget.value)} />
      </FieldRow>
      {(errors.items || errors.form) && (
        <Callout intent="danger" data-testid="notice-error">
          {errors.items ?? errors.form}
        </Callout>
      )}
      <Button intent="primary" icon="export" loading={busy} disabled={!can('exchange.report')} text={t('notice.button')} onClick={() => void make()} />
      {made && (
        <Callout intent="success" data-testid="notice-made">
          {made}
        </Callout>
      )}
    </div>
  );
}
