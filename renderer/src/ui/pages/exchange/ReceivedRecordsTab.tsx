import { FormGroup, HTMLSelect, HTMLTable, Tag } from '@blueprintjs/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import { EXCHANGE_SECTIONS, sectionOf } from '../../../core/exchange';
import type { ExchangePackageRow, ExchangeRecordRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import './messages';

const SHOWN = 500;

/** What the districts reported, read-only and marked with the office (corrections come by a new package). */
export function ReceivedRecordsTab() {
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
                <th />
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, SHOWN).map((r) => (
                <tr key={r.key}>
                  <td>
                    <Tag minimal intent="primary">
                      {r.officeName}
                    </Tag>
                  </td>
                  <td>{r.district ?? '—'}</td>
                  <td>{sectionOf(r.kind).label}</td>
                  <td>{sectionOf(r.kind).title(r.data)}</td>
                  <td>{periodLabel.get(r.periodKey) ?? r.periodKey}</td>
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
