import { HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { FigureRow, DistrictTable as Table } from '../../../core/figures/compute';
import { exactValue, formatValue } from '../../../core/figures/format';

/** Each figure (rows) per district (columns), this period, with the office's total. */
export function DistrictTable(props: { readonly table: Table; readonly rows: readonly FigureRow[]; readonly districtHref: (d: string | null) => string }) {
  const { t } = useTranslation('dashboard');
  const { table } = props;
  return (
    <div className="dashboard-scroll">
      <HTMLTable compact striped className="dashboard-table" data-testid="district-table">
        <thead>
          <tr>
            <th>{t('col.figure')}</th>
            {table.columns.map((d) => (
              <th key={d ?? '-'} className="num">
                <a href={props.districtHref(d)}>{d ?? t('district.unassigned')}</a>
              </th>
            ))}
            <th className="num">{t('col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.figure.id}>
              <td>{r.figure.label}</td>
              {(table.cells.get(r.figure.id) ?? []).map((cell, i) => (
                <td key={table.columns[i] ?? '-'} className="num" title={exactValue(r.figure.unit, cell)}>
                  {formatValue(r.figure.unit, cell)}
                </td>
              ))}
              <td className="num">{formatValue(r.figure.unit, r.current)}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
