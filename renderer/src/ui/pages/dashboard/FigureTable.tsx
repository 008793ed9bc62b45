import { HTMLTable, Icon, Spinner, Tag, Tooltip } from '@blueprintjs/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { describeChange } from '../../../core/figures/change';
import type { FigureRow } from '../../../core/figures/compute';
import { exactValue, formatValue } from '../../../core/figures/format';
import type { FigureArea } from '../../../core/figures/types';

/**
 * Every figure, grouped by area: this period, the same period a year before, the change named
 * (下降/上升). Hovering a label shows its 口径; the value opens the records it counts.
 */
export function FigureTable(props: {
  readonly areas: readonly FigureArea[];
  readonly rows: readonly FigureRow[];
  readonly recordsHref: (figureId: string) => string;
  /** Areas whose figures are being brought up to date (shown with a tag). */
  readonly updatingAreas: ReadonlySet<string>;
  /** Areas whose records are still being read: no value is shown for them yet. */
  readonly pendingAreas: ReadonlySet<string>;
}) {
  const { t } = useTranslation('dashboard');
  const byId = new Map(props.rows.map((r) => [r.figure.id, r]));
  return (
    <HTMLTable compact striped className="dashboard-table" data-testid="figure-table">
      <thead>
        <tr>
          <th>{t('col.figure')}</th>
          <th className="num">{t('col.current')}</th>
          <th className="num">{t('col.previous')}</th>
          <th>{t('col.change')}</th>
          <th className="no-print">{t('col.records')}</th>
        </tr>
      </thead>
      <tbody>
        {props.areas.map((area) => (
          <Fragment key={area.id}>
            <tr className="dashboard-area-row">
              <th colSpan={5}>
                {area.label}
                {props.updatingAreas.has(area.id) && (
                  <Tag minimal intent="warning" className="dashboard-updating">
                    更新中
                  </Tag>
                )}
              </th>
            </tr>
            {area.figures.map((f) => {
              const r = byId.get(f.id);
              if (!r) return null;
              if (props.pendingAreas.has(area.id)) {
                return (
                  <tr key={f.id} data-figure={f.id}>
                    <td>{f.label}</td>
                    <td className="num" colSpan={4}>
                      <span className="muted" data-testid={`pending-${f.id}`}>
                        <Spinner size={12} className="dashboard-inline-spinner" /> {t('reading')}
                      </span>
                    </td>
                  </tr>
                );
              }
              const change = describeChange(r.change);
              return (
                <tr key={f.id} data-figure={f.id}>
                  <td>
                    <Tooltip content={<div className="dashboard-definition">{f.definition}</div>} placement="right" hoverOpenDelay={150}>
                      <button type="button" className="dashboard-label" aria-describedby={`def-${f.id}`}>
                        {f.label} <Icon icon="info-sign" size={12} className="muted no-print" />
                      </button>
                    </Tooltip>
                    <span id={`def-${f.id}`} className="visually-hidden">
                      {f.definition}
                    </span>
                  </td>
                  <td className="num" title={exactValue(f.unit, r.current)}>
                    {r.current.value === null ? (
                      <Tooltip content={r.current.unavailable ?? t('unavailable')}>
                        <span className="muted">
                          — <Icon icon="warning-sign" size={12} intent="warning" />
                        </span>
                      </Tooltip>
                    ) : (
                      <a href={props.recordsHref(f.id)} data-testid={`value-${f.id}`}>
                        {formatValue(f.unit, r.current)}
                      </a>
                    )}
                    {r.current.note && (
                      <div className="dashboard-note muted" data-testid={`note-${f.id}`}>
                        {r.current.note}
                      </div>
                    )}
                  </td>
                  <td className="num" title={exactValue(f.unit, r.previous)} data-testid={`previous-${f.id}`}>
                    {formatValue(f.unit, r.previous)}
                  </td>
                  <td className={r.change.direction === 'up' ? 'change-up' : r.change.direction === 'down' ? 'change-down' : ''} data-testid={`change-${f.id}`}>
                    {change}
                  </td>
                  <td className="no-print">
                    <a href={props.recordsHref(f.id)}>{t('records', { count: r.current.recordCount })}</a>
                  </td>
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </HTMLTable>
  );
}
