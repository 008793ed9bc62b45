import { Button, FormGroup, HTMLSelect, HTMLTable, Tag } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { EXCHANGE_SECTIONS, receivedRegisterPeople, sectionOf } from '../../../core/exchange';
import { groupedCount } from '../../../core/figures/format';
import { formatFen } from '../../../core/money';
import type { ExchangePackageRow, ExchangeRecordRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import './messages';
import { ReceivedRegisterView } from './ReceivedRegisterView';

const SHOWN = 500;

/** A received register: its office and case. */
export interface RegisterRef {
  readonly office: string;
  readonly caseId: string;
}

/** A case's register as its 'creditors' record states it (count and net claims), when one was received. */
function registerOf(r: ExchangeRecordRow): { count: number; netClaimFen: number } | null {
  const { count, netClaimFen, creditors } = r.data as { count?: unknown; netClaimFen?: unknown; creditors?: unknown };
  if (typeof count !== 'number') return null;
  // A format-1 register carries its creditors inside the record: their sum.
  const net = typeof netClaimFen === 'number' ? netClaimFen : Array.isArray(creditors) ? creditors.reduce((n: number, c: { netClaimFen?: number }) => n + (c.netClaimFen ?? 0), 0) : 0;
  return { count, netClaimFen: net };
}

/**
 * What the districts reported, read-only and marked with the office (corrections come by a new
 * package); a case that came with its creditor register opens it (ReceivedRegisterView).
 */
export function ReceivedRecordsTab(props: { readonly register: RegisterRef | null; readonly onOpen: (register: RegisterRef | null) => void }) {
  if (props.register) return <ReceivedRegisterView office={props.register.office} caseId={props.register.caseId} onBack={() => props.onOpen(null)} />;
  return <ReceivedRecordsList onOpen={props.onOpen} />;
}

function ReceivedRecordsList(props: { readonly onOpen: (register: RegisterRef) => void }) {
  const { t } = useTranslation('exchange');
  const { repos } = useApp();
  const [office, setOffice] = useState('');
  const [kind, setKind] = useState('');
  const [records, setRecords] = useState<readonly ExchangeRecordRow[]>([]);
  const [packages, setPackages] = useState<readonly ExchangePackageRow[]>([]);
  useEffect(() => {
    void repos.exchange.packages().then(setPackages);
  }, [repos]);
  useEffect(() => {
    void repos.exchange.records({ ...(office ? { office } : {}), ...(kind ? { kind } : {}) }).then(setRecords);
  }, [repos, office, kind]);
  const officeNames = useMemo(() => new Map(packages.map((p) => [p.office, p.officeName])), [packages]);
  const periodLabel = useMemo(() => new Map(packages.map((p) => [p.periodKey, p.periodLabel])), [packages]);
  const [registers, setRegisters] = useState<ReadonlyMap<string, { count: number; netClaimFen: number }>>(new Map());
  useEffect(() => {
    void repos.exchange.records({ kind: 'creditors' }).then((rows) => setRegisters(new Map(rows.flatMap((r) => (registerOf(r) ? [[`${r.office}|${r.sourceId}`, registerOf(r) ?? { count: 0, netClaimFen: 0 }]] : [])))));
  }, [repos]);
  // A register is named by its case's number and name where the case came too (its record names only the case id).
  const caseTitles = useMemo(() => new Map(records.filter((r) => r.kind === 'case').map((r) => [`${r.office}|${r.sourceId}`, `${String(r.data.caseNumber ?? '')} ${String(r.data.title ?? '')}`.trim()])), [records]);
  const sorted = useMemo(() => [...records].sort((a, b) => a.officeName.localeCompare(b.officeName, 'zh-CN') || a.kind.localeCompare(b.kind) || a.sourceId.localeCompare(b.sourceId)), [records]);
  return (
    <div className="exchange-records" data-testid="exchange-records">
      <p className="muted">{t('records.intro')}</p>
      <div className="exchange-period">
        <FormGroup label={t('records.office')} labelFor="rec-office" inline>
          <HTMLSelect id="rec-office" value={office} onChange={(e) => setOffice(e.currentTarget.value)}>
            <option value="">{t('records.all')}</option>
            {[...officeNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('records.kind')} labelFor="rec-kind" inline>
          <HTMLSelect id="rec-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t('records.all')}</option>
            {EXCHANGE_SECTIONS.map((s) => (
              <option key={s.kind} value={s.kind}>
                {s.label}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
      </div>
      {sorted.length === 0 ? (
        <p className="muted">{t('records.empty')}</p>
      ) : (
        <>
          {sorted.length > SHOWN && <p className="muted">{t('records.more', { count: sorted.length, shown: SHOWN })}</p>}
          <HTMLTable compact striped className="exchange-record-table" data-testid="received-records">
            <thead>
              <tr>
                <th>{t('records.office')}</th>
                <th>{t('records.district')}</th>
                <th>{t('records.kind')}</th>
                <th>{t('records.content')}</th>
                <th>{t('records.period')}</th>
                <th>{t('register.column')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, SHOWN).map((r) => (
                <tr key={r.key} data-kind={r.kind}>
                  <td>
                    <Tag minimal intent="primary">
                      {r.officeName}
                    </Tag>
                  </td>
                  <td>{r.district ?? '—'}</td>
                  <td>{sectionOf(r.kind).label}</td>
                  <td>{r.kind === 'creditors' && caseTitles.has(`${r.office}|${r.sourceId}`) ? `${caseTitles.get(`${r.office}|${r.sourceId}`)}：${String(r.data.count ?? '')} 人` : sectionOf(r.kind).title(r.data)}</td>
                  <td>{periodLabel.get(r.periodKey) ?? r.periodKey}</td>
                  <td>
                    <RegisterCell record={r} register={r.kind === 'case' || r.kind === 'creditors' ? registers.get(`${r.office}|${r.sourceId}`) : undefined} onOpen={props.onOpen} />
                  </td>
                  <td>
                    <Tag minimal icon="lock">
                      {t('records.readOnly')}
                    </Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </>
      )}
      {packages.length > 0 && (
        <>
          <h4>{t('records.packages')}</h4>
          <HTMLTable compact striped data-testid="received-packages">
            <thead>
              <tr>
                <th>{t('records.office')}</th>
                <th>{t('records.period')}</th>
                <th>{t('import.createdAt')}</th>
                <th>{t('records.importedAt')}</th>
                <th>{t('records.importedBy')}</th>
                <th>{t('records.changes')}</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {packages.map((p) => (
                <tr key={p.fileSha256}>
                  <td>{p.officeName}</td>
                  <td>{p.periodLabel}</td>
                  <td>{formatOfficeDateTime(p.createdAt)}</td>
                  <td>{formatOfficeDateTime(p.receivedAt)}</td>
                  <td>{p.importedBy}</td>
                  <td>
                    {p.changes.added}/{p.changes.changed}/{p.changes.removed}
                  </td>
                  <td className="mono" title={p.fileSha256}>
                    {p.fileSha256.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </>
      )}
    </div>
  );
}

function RegisterCell(props: { readonly record: ExchangeRecordRow; readonly register: { count: number; netClaimFen: number } | undefined; readonly onOpen: (register: RegisterRef) => void }) {
  const { t } = useTranslation('exchange');
  const { register, record } = props;
  if (!register) {
    // The register stayed at the office, but the case says how many people it holds (what 统计 counts).
    const persons = record.kind === 'case' ? receivedRegisterPeople(record.data).registeredPersons : null;
    return persons ? (
      <span className="muted" data-testid="register-count-only">
        {t('register.countOnly', { count: groupedCount(persons) })}
      </span>
    ) : null;
  }
  return (
    <span className="exchange-register-cell" data-testid="register-cell">
      {t('register.summary', { count: register.count.toLocaleString('zh-CN'), net: formatFen(register.netClaimFen) })}{' '}
      <Button small icon="people" text={t('register.open')} onClick={() => props.onOpen({ office: record.office, caseId: record.sourceId })} />
    </span>
  );
}
