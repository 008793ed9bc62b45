import { HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { PAYMENT_LABEL } from '../../../core/repayment/batch-lifecycle';
import type { PaymentResultRow } from '../../../db/records';
import type { ExcludedRow } from '../../../db/repositories/repayment-pages';
import { localTime, PAYMENT_INTENT } from './batch-labels';

/** Creditors taking no part in batches, with the reason (current register state; the first 500, the rest counted). */
export function ExcludedTable({ excluded, count }: { readonly excluded: readonly ExcludedRow[]; readonly count: number }) {
  const { t } = useTranslation('repayment');
  if (count === 0) return <p className="muted">{t('excluded.empty')}</p>;
  return (
    <div>
      <p className="muted">{t('excluded.note')}</p>
      <HTMLTable compact striped className="full-width" data-testid="excluded-table">
        <thead>
          <tr>
            <th>{t('lines.name')}</th>
            <th>{t('lines.idNumber')}</th>
            <th className="num">{t('excluded.netClaim')}</th>
            <th>{t('excluded.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {excluded.map((c) => (
            <tr key={c.cid}>
              <td>{c.name}</td>
              <td className="mono">{maskIdNumber(c.idNumber)}</td>
              <td className="num">{formatFen(c.netClaimFen)}</td>
              <td>
                <Tag minimal intent="warning">{c.reason}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {count > excluded.length && <p className="muted">… {count - excluded.length}</p>}
    </div>
  );
}

/** Each registration of bank results: when, who, from which file, counts, failures and refused rows. */
export function PaymentResultsTable({ results, names }: { readonly results: readonly PaymentResultRow[]; readonly names: Readonly<Record<string, string>> }) {
  const { t } = useTranslation('repayment');
  if (results.length === 0) return <p className="muted">{t('results.empty')}</p>;
  return (
    <HTMLTable compact striped className="full-width" data-testid="payment-results">
      <thead>
        <tr>
          <th>{t('results.at')}</th>
          <th>{t('results.by')}</th>
          <th>{t('results.file')}</th>
          <th className="num">{t('results.paid')}</th>
          <th className="num">{t('results.failed')}</th>
          <th className="num">{t('results.returned')}</th>
          <th>{t('results.rejected')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.id}>
            <td>{localTime(r.recordedAt)}</td>
            <td>{r.recordedBy}</td>
            <td>{r.fileName ?? t('results.manual')}</td>
            <td className="num">{r.counts.paid}</td>
            <td className="num">{r.counts.failed}</td>
            <td className="num">{r.counts.returned}</td>
            <td>
              {r.results
                .filter((x) => x.result !== 'paid')
                .map((x) => (
                  <Tag key={x.cid} minimal intent={PAYMENT_INTENT[x.result]} className="inline-tag">
                    {names[x.cid] ?? x.cid} {PAYMENT_LABEL[x.result]}
                    {x.note ? `：${x.note}` : ''}
                  </Tag>
                ))}
              {r.rejected.length > 0 && <div className="muted">{r.rejected.join('；')}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
