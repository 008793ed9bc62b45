import { Button, Callout, HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { maskAccount, maskIdNumber, maskPhone } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { EXCLUSION_LABELS, type StoredCreditor } from '../../../db/repositories/creditor-types';
import { ReviewFacts } from './ReviewFacts';

/** One creditor with all their contracts; full personal data only after a deliberate, audited click. */
export function CreditorPanel(props: {
  readonly creditor: StoredCreditor;
  readonly revealed: boolean;
  readonly onReveal: () => void;
  readonly onEdit: () => void;
  readonly onClose: () => void;
  /** Verification without revealing anything (审核). */
  readonly onVerify?: () => void;
  /** What the signed-in user's roles allow; the buttons they do not allow are not shown. */
  readonly allowed?: { readonly edit: boolean; readonly verify: boolean; readonly reveal: boolean };
}) {
  const { t } = useTranslation('creditors');
  const { creditor: c, revealed } = props;
  const show = (value: string | undefined, mask: (v: string) => string) => (value ? (revealed ? value : mask(value)) : '—');
  return (
    <aside className="creditor-panel" aria-label={t('panel.title')} data-testid="creditor-panel">
      <header className="creditor-panel-head">
        <h3>{c.name}</h3>
        <Button minimal icon="cross" aria-label={t('panel.close')} onClick={props.onClose} />
      </header>
      <dl className="creditor-facts">
        <dt>{t('panel.cid')}</dt>
        <dd className="mono">{c.cid}</dd>
        <dt>{t('panel.idType')}</dt>
        <dd>{t(`idTypes.${c.idType}`)}</dd>
        <dt>{t('col.idNumber')}</dt>
        <dd className="mono" data-testid="panel-id">{c.idType === 'org' ? c.idNumber : show(c.idNumber, maskIdNumber)}</dd>
        <dt>{t('col.phone')}</dt>
        <dd className="mono">{show(c.phone, maskPhone)}</dd>
        <dt>{t('panel.bank')}</dt>
        <dd>{c.bankName || '—'}</dd>
        <dt>{t('panel.account')}</dt>
        <dd className="mono">{show(c.bankAccount, maskAccount)}</dd>
        <dt>{t('panel.address')}</dt>
        <dd>{c.address ? (revealed ? c.address : '***') : '—'}</dd>
        <dt>{t('col.status')}</dt>
        <dd>{c.status}</dd>
        <dt>{t('col.exclusion')}</dt>
        <dd>{c.exclusion ? EXCLUSION_LABELS[c.exclusion] : '—'}</dd>
        <dt>{t('col.netClaim')}</dt>
        <dd className="num">{formatFen(c.netClaimFen)}</dd>
        <ReviewFacts creditor={c} />
      </dl>
      <div className="creditor-panel-actions">
        {revealed ? (
          <Callout compact intent="primary" icon="eye-open">
            {t('panel.revealed')}
          </Callout>
        ) : (
          (props.allowed?.reveal ?? true) && <Button icon="eye-open" text={t('panel.reveal')} onClick={props.onReveal} />
        )}
        {(props.allowed?.edit ?? true) && <Button icon="edit" intent="primary" text={t('panel.edit')} onClick={props.onEdit} />}
        {props.onVerify && (props.allowed?.verify ?? true) && <Button icon="endorsed" text={t('creditorReview:verify')} onClick={props.onVerify} />}
      </div>
      <h4>{t('panel.contracts', { count: c.contracts.length })}</h4>
      {/* Two sums side by side and the source above them: three columns did not fit the 320 px panel
          (eight-figure sums and 原表第 104857 行 ran past its right edge). */}
      <HTMLTable compact className="full-width contract-table" data-testid="contract-table">
        <thead>
          <tr>
            <th className="contract-money">{t('col.principal')}</th>
            <th className="contract-money">{t('col.returned')}</th>
          </tr>
        </thead>
        {c.contracts.map((k, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: contracts have no id; their order is fixed
          <tbody key={i}>
            <tr>
              <th className="contract-source" colSpan={2} scope="rowgroup">
                {k.sourceRow > 0 ? t('panel.fromRow', { row: k.sourceRow }) : t('panel.byHand')}
              </th>
            </tr>
            <tr>
              <td className="contract-money contract-sum" data-money="principal">
                {formatFen(k.principalFen)}
              </td>
              <td className="contract-money contract-sum" data-money="returned">
                {formatFen(k.returnedFen)}
              </td>
            </tr>
            {k.note && (
              <tr>
                <td className="contract-note" colSpan={2}>
                  {t('panel.note')}：{k.note}
                </td>
              </tr>
            )}
          </tbody>
        ))}
        {c.contracts.length > 1 && (
          <tfoot>
            <tr>
              <th className="contract-source" colSpan={2}>{t('panel.total')}</th>
            </tr>
            <tr>
              <td className="contract-money contract-sum" data-testid="contracts-principal">
                {formatFen(c.principalFen)}
              </td>
              <td className="contract-money contract-sum" data-testid="contracts-returned">
                {formatFen(c.returnedFen)}
              </td>
            </tr>
          </tfoot>
        )}
      </HTMLTable>
    </aside>
  );
}
