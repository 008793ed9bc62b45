import { HTMLTable } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { screenDate } from '../../../core/common/iso-date';
import type { Disposition } from '../../../core/screening';
import { useApp } from '../../app/app-context';

/** On a case's page: the firms of the screening ledger referred to the police in this case (移送公安). */
export function CaseReferrals(props: { readonly caseId: string }) {
  const { repos } = useApp();
  const [rows, setRows] = useState<ReadonlyArray<{ readonly disposition: Disposition; readonly firmName: string }>>([]);
  useEffect(() => {
    let live = true;
    void repos.screening.referralsOfCase(props.caseId).then((r) => {
      if (live) setRows(r);
    });
    return () => {
      live = false;
    };
  }, [repos, props.caseId]);
  if (rows.length === 0) return null;
  return (
    <>
      <h3>排查移送（{rows.length}）</h3>
      <HTMLTable compact className="full-width" data-testid="case-referrals">
        <tbody>
          {rows.map(({ disposition: d, firmName }) => (
            <tr key={d.id}>
              <td>{screenDate(d.date)}</td>
              <td>
                <a href={`#/screening/firm/${encodeURIComponent(d.firmId)}`}>{firmName}</a>
              </td>
              <td>移送公安（决定人：{d.decidedBy}）</td>
              <td>{d.documentRef}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </>
  );
}
