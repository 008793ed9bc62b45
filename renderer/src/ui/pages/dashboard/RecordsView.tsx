import { Button, Callout, HTMLTable, NonIdealState } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow } from '../../../core/figures/compute';
import { exactValue } from '../../../core/figures/format';
import { periodLabelZh } from '../../../core/figures/periods';
import type { FigureRecords } from '../../../core/figures/records';
import type { FigurePeriod } from '../../../core/figures/types';
import { recordLinker } from './record-links';

/** The records one figure counts for the period, each opening its own page. */
export function RecordsView(props: {
  readonly figureId: string;
  readonly row: FigureRow | undefined;
  readonly records: FigureRecords;
  readonly period: FigurePeriod;
  readonly district: string | null | undefined;
  readonly onBack: () => void;
  readonly districtHref: (d: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  const { row } = props;
  if (!row) {
    return <NonIdealState icon="search" title={t('unknownFigure', { id: props.figureId })} action={<Button icon="arrow-left" text={t('back')} onClick={props.onBack} />} />;
  }
  const refs = row.current.records;
  const link = recordLinker(props.records, props.districtHref);
  const links = refs.map(link);
  // At the city: which office sent each received record (a column only when some record was received).
  const showFrom = links.some((l) => l.from !== undefined);
  return (
    <section className="page dashboard-records" data-testid="figure-records">
      <header className="page-header">
        <Button minimal icon="arrow-left" aria-label={t('back')} title={t('back')} onClick={props.onBack} />
        <h2>{t('recordsTitle', { label: row.figure.label })}</h2>
      </header>
      <p>
        {periodLabelZh(props.period)}
        {props.district !== undefined && `，${props.district ?? t('district.unassigned')}`}：<strong data-testid="records-value">{exactValue(row.figure.unit, row.current)}</strong>
        {row.current.note && <span data-testid="records-note">（{row.current.note}）</span>}
      </p>
      <Callout icon="info-sign" title={t('definition')}>
        {row.figure.definition}
      </Callout>
      {row.current.unavailable && <Callout intent="warning">{row.current.unavailable}</Callout>}
      {refs.length === 0 ? (
        <p className="muted">{t('noRecords')}</p>
      ) : (
        <HTMLTable compact striped className="dashboard-table">
          <thead>
            <tr>
              <th>{t('recordCol.n')}</th>
              <th>{t('recordCol.record')}</th>
              <th>{t('recordCol.detail')}</th>
              {showFrom && <th>{t('recordCol.from')}</th>}
            </tr>
          </thead>
          <tbody>
            {refs.map((ref, i) => {
              const l = links[i] ?? link(ref);
              return (
                <tr key={`${ref.kind}:${ref.id}`}>
                  <td>{i + 1}</td>
                  <td>{l.href ? <a href={l.href}>{l.label}</a> : `${l.label} ${t('missingRecord')}`}</td>
                  <td>{ref.detail ?? ''}</td>
                  {showFrom && <td data-testid="record-from">{l.from ?? ''}</td>}
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}
