import { HTMLTable, Intent, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeIsoDate } from '../../../core/common/office-time';
import { periodsOfYear, REPORT_STATE_LABELS, type ReportPeriodKind, type ReportState, reportState } from '../../../core/exchange';
import type { ExchangeOfficeRow, ExchangePackageRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import './messages';
import { PeriodKindYear } from './PeriodKindYear';

const STATE_INTENT: Readonly<Record<ReportState, Intent>> = { 'on-time': Intent.SUCCESS, late: Intent.WARNING, missing: Intent.DANGER, 'not-due': Intent.NONE };

/** Offices × periods: who has reported, late, or not at all. */
export function OverviewTab() {
  const { t } = useTranslation('exchange');
  const { repos } = useApp();
  const today = officeIsoDate(new Date());
  const [kind, setKind] = useState<ReportPeriodKind>('quarter');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [offices, setOffices] = useState<readonly ExchangeOfficeRow[]>([]);
  const [packages, setPackages] = useState<readonly ExchangePackageRow[]>([]);
  useEffect(() => {
    void Promise.all([repos.exchange.offices(), repos.exchange.packages()]).then(([o, p]) => {
      setOffices(o.filter((x) => x.level === 'district'));
      setPackages(p);
    });
  }, [repos]);
  const periods = periodsOfYear(kind, year);
  // First receipt per office and period, in office time (a later correction does not make it late).
  const firstReceipt = new Map<string, string>();
  for (const p of packages) {
    // Notices (市 → 区县) are not reports.
    if (p.kind === 'notice') continue;
    const key = `${p.office}|${p.periodKey}`;
    const day = officeIsoDate(new Date(p.receivedAt));
    const had = firstReceipt.get(key);
    if (had === undefined || day < had) firstReceipt.set(key, day);
  }
  return (
    <div className="exchange-overview" data-testid="exchange-overview">
      <p className="muted">{t('overview.intro')}</p>
      <div className="exchange-period">
        <PeriodKindYear idPrefix="ov" kind={kind} onKind={setKind} year={year} onYear={setYear} today={today} />
      </div>
      {offices.length === 0 ? (
        <p className="muted">{t('overview.noOffices')}</p>
      ) : (
        <HTMLTable compact bordered className="exchange-grid" data-testid="overview-grid">
          <thead>
            <tr>
              <th>{t('overview.office')}</th>
              {periods.map((p) => (
                <th key={p.key}>{p.label.replace(`${year}年`, '') || p.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.id}>
                <th>
                  {o.name}
                  <div className="muted">{o.district}</div>
                </th>
                {periods.map((p) => {
                  const received = o.officeId ? (firstReceipt.get(`${o.officeId}|${p.key}`) ?? null) : null;
                  const state = reportState(p, received, today);
                  return (
                    <td key={p.key} data-state={state}>
                      <Tag minimal intent={STATE_INTENT[state]}>
                        {REPORT_STATE_LABELS[state]}
                      </Tag>
                      {received && <div className="muted">{t('overview.receivedOn', { date: received })}</div>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </div>
  );
}
