import { Button, HTMLTable } from '@blueprintjs/core';
import type { Disposition } from '../../../core/screening';
import type { Route } from '../../app/routes';

/**
 * Dispositions as a table: on the 处置 tab with the firm of each (firmName given), on a firm's page
 * without. A 移送公安 opens its case; a linked document shows its name and 文号.
 */
export function DispositionTable(props: { readonly rows: readonly Disposition[]; readonly firmName?: ReadonlyMap<string, string>; readonly navigate: (r: Route) => void; readonly testId: string }) {
  const { firmName } = props;
  return (
    <HTMLTable compact striped className="full-width" data-testid={props.testId}>
      <thead>
        <tr>
          <th>日期</th>
          {firmName && <th>企业</th>}
          <th>处置方式</th>
          <th>决定人</th>
          <th>文书及文号</th>
          <th>备注</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((d) => (
          <tr key={d.id}>
            <td>{d.date}</td>
            {firmName && (
              <td>
                <a href={`#/screening/firm/${encodeURIComponent(d.firmId)}`}>{firmName.get(d.firmId) ?? '（已不在台账中）'}</a>
              </td>
            )}
            <td>{d.kind}</td>
            <td>{d.decidedBy}</td>
            <td>
              {d.documentRef}
              {d.caseId && <Button small minimal icon="folder-close" text="关联案件" onClick={() => props.navigate({ area: 'cases', view: 'detail', caseId: d.caseId ?? '' })} />}
            </td>
            <td>{d.note}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}
