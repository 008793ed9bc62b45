import { HTMLSelect } from '@blueprintjs/core';
import { useState } from 'react';
import { DISPOSITION_KINDS } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import type { Route } from '../../app/routes';
import { DispositionTable } from './DispositionTable';

/** Every disposition, newest first, with the count per kind (the report's 列入异常名录 356, 刑事打击 73 …). */
export function DispositionsTab(props: { readonly data: ScreeningData; readonly navigate: (r: Route) => void }) {
  const [kind, setKind] = useState('');
  const firmName = new Map(props.data.firms.map((f) => [f.id, f.name]));
  const counts = DISPOSITION_KINDS.map((k) => [k, props.data.dispositions.filter((d) => d.kind === k).length] as const).filter(([, n]) => n > 0);
  const rows = props.data.dispositions.filter((d) => !kind || d.kind === kind);
  return (
    <div>
      <div className="screening-toolbar">
        <HTMLSelect aria-label="处置方式" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          <option value="">全部处置方式</option>
          {DISPOSITION_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </HTMLSelect>
        <span data-testid="disposition-counts">{counts.length === 0 ? '尚无处置。在企业页点击“处置”登记。' : counts.map(([k, n]) => `${k} ${n}`).join('，')}</span>
      </div>
      {rows.length > 0 && <DispositionTable rows={rows} firmName={firmName} navigate={props.navigate} testId="dispositions-table" />}
    </div>
  );
}
