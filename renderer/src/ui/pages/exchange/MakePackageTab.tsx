import { Button, Callout, Checkbox, FormGroup, HTMLSelect, HTMLTable, InputGroup, TextArea } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeIsoDate } from '../../../core/common/office-time';
import { PACKAGE_FILE_EXTENSION, type ReportPeriodKind, reportPeriod, sectionOf } from '../../../core/exchange';
import { formatFen } from '../../../core/money';
import type { ExchangeOfficeRow } from '../../../db/records';
import type { ExchangeIdentity, MadePackage } from '../../../db/repositories/exchange-repository';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import './messages';
import { notify } from '../../toaster';
import { PeriodKindYear } from './PeriodKindYear';

interface RegisterChoice {
  readonly caseId: string;
  readonly label: string;
  readonly count: number;
}

/** A district office makes its signed package for a period and saves it for the USB stick. */
export function MakePackageTab({ identity }: { readonly identity: ExchangeIdentity }) {
  const { t } = useTranslation('exchange');
  const { repos, bridge, can } = useApp();
  const today = officeIsoDate(new Date());
  const [kind, setKind] = useState<ReportPeriodKind>('quarter');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [n, setN] = useState(Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1);
  const [recipients, setRecipients] = useState<readonly ExchangeOfficeRow[]>([]);
  const [recipientId, setRecipientId] = useState('');
  const [registers, setRegisters] = useState<readonly RegisterChoice[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [personal, setPersonal] = useState(false);
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; passphrase?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<MadePackage | null>(null);

  useEffect(() => {
    void (async () => {
      const [offices, summaries, cases] = await Promise.all([repos.exchange.offices(), repos.creditors.listSummaries(), repos.cases.listWithPartyNames()]);
      setRecipients(offices.filter((o) => o.level === 'city'));
      const caseOf = new Map(cases.map((c) => [c.caseFile.id, c.caseFile]));
      setRegisters(summaries.filter((s) => s.count > 0).map((s) => ({ caseId: s.caseId, label: `${caseOf.get(s.caseId)?.caseNumber ?? ''} ${caseOf.get(s.caseId)?.title ?? s.caseId}`, count: s.count })));
    })();
  }, [repos]);

  const period = reportPeriod(kind, year, kind === 'year' ? 1 : Math.min(n, kind === 'quarter' ? 4 : 12));

  const make = async () => {
    const next: typeof errors = {};
    if (personal && reason.trim() === '') next.reason = t('make.reasonMissing');
    if (passphrase !== '' && Array.from(passphrase).length < 8) next.passphrase = t('make.passphraseShort', { count: Array.from(passphrase).length });
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const info = await bridge.appInfo();
      const pkg = await repos.exchange.makePackage({
        period,
        includePersonal: personal,
        personalReason: reason,
        creditorCaseIds: [...chosen],
        recipientId: recipientId || null,
        appVersion: info.version,
        ...(passphrase ? { passphrase } : {}),
      });
      const saved = await bridge.saveFile({ suggestedName: pkg.fileName, filters: [{ name: '报送包', extensions: [PACKAGE_FILE_EXTENSION] }], bytes: pkg.bytes });
      setMade(pkg);
      if (saved.status === 'saved') await notify(t('make.done', { name: saved.fileName }), 'success');
    } catch (e) {
      setErrors({ form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exchange-make" data-testid="exchange-make">
      <p className="muted">{t('make.intro')}</p>
      <div className="exchange-period">
        <PeriodKindYear idPrefix="ex" kind={kind} onKind={setKind} year={year} onYear={setYear} today={today} />
        {kind !== 'year' && (
          <FormGroup label={kind === 'month' ? t('make.month') : t('make.quarter')} labelFor="ex-n" inline>
            <HTMLSelect id="ex-n" value={n} onChange={(e) => setN(Number(e.currentTarget.value))}>
              {Array.from({ length: kind === 'month' ? 12 : 4 }, (_, i) => i + 1).map((i) => (
                <option key={i} value={i}>
                  {kind === 'month' ? `${i}月` : `第${'一二三四'[i - 1]}季度`}
                </option>
              ))}
            </HTMLSelect>
          </FormGroup>
        )}
        <strong data-testid="ex-period-label">{period.label}</strong>
      </div>
      <FormGroup label={t('make.recipient')} labelFor="ex-recipient" inline>
        <HTMLSelect id="ex-recipient" value={recipientId} onChange={(e) => setRecipientId(e.currentTarget.value)}>
          <option value="">{t('make.noRecipient')}</option>
          {recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
      <h4>{t('make.creditors')}</h4>
      {registers.length === 0 ? (
        <p className="muted">{t('make.noRegisters')}</p>
      ) : (
        registers.map((r) => (
          <Checkbox
            key={r.caseId}
            checked={chosen.has(r.caseId)}
            label={`${r.label}（${r.count} 人）`}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.currentTarget.checked) next.add(r.caseId);
              else next.delete(r.caseId);
              setChosen(next);
            }}
          />
        ))
      )}
      <Checkbox checked={personal} disabled={!can('personal.export')} label={t('make.personal')} onChange={(e) => setPersonal(e.currentTarget.checked)} />
      <p className="muted">{t('make.personalHint')}</p>
      {personal && (
        <FieldRow label={t('make.personalReason')} labelFor="ex-reason" error={errors.reason} required>
          <TextArea id="ex-reason" fill rows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        </FieldRow>
      )}
      <FieldRow label={t('make.passphrase')} labelFor="ex-pass" error={errors.passphrase} hint={t('make.passphraseHint')}>
        <InputGroup id="ex-pass" type="password" value={passphrase} onValueChange={setPassphrase} autoComplete="new-password" />
      </FieldRow>
      {errors.form && (
        <Callout intent="danger" data-testid="make-error">
          {errors.form}
        </Callout>
      )}
      <Button intent="primary" icon="export" loading={busy} disabled={!can('exchange.report')} text={t('make.button')} onClick={() => void make()} />
      {made && <PackageSummary made={made} fingerprint={identity.fingerprint} />}
    </div>
  );
}

function PackageSummary({ made, fingerprint }: { readonly made: MadePackage; readonly fingerprint: string }) {
  const { t } = useTranslation('exchange');
  const h = made.header;
  return (
    <Callout intent="success" title={t('make.summary')} className="exchange-summary" data-testid="make-summary">
      <p>
        {made.fileName} · {h.period.label} · {h.personalData.included ? t('make.personalIncluded', { reason: h.personalData.reason }) : t('make.personalMasked')}
        {h.body.encryption ? ` · ${t('make.encrypted')}` : ''}
      </p>
      <HTMLTable compact>
        <tbody>
          {Object.entries(h.counts).map(([kind, count]) => (
            <tr key={kind}>
              <th>{sectionOf(kind).label}</th>
              <td>{count}</td>
            </tr>
          ))}
          <tr>
            <th>涉案金额合计</th>
            <td>{formatFen(h.totals.amountInvolvedFen)} 元</td>
          </tr>
          <tr>
            <th>已清退金额合计</th>
            <td>{formatFen(h.totals.refundPaidFen)} 元</td>
          </tr>
          <tr>
            <th>信访人次</th>
            <td>{h.totals.petitionPersons}</td>
          </tr>
          <tr>
            <th>{t('make.sha')}</th>
            <td className="mono">{made.fileSha256}</td>
          </tr>
          <tr>
            <th>{t('make.fingerprint')}</th>
            <td className="fingerprint">{fingerprint}</td>
          </tr>
        </tbody>
      </HTMLTable>
    </Callout>
  );
}
