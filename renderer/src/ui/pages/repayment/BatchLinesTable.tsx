import { Button, HTMLTable, InputGroup, Switch, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { PAYMENT_LABEL } from '../../../core/repayment/batch-lifecycle';
import type { RepaymentBatchRow } from '../../../db/records';
import { explainStoredLine } from '../../../db/repositories/repayment-lines';
import type { BatchLineRow } from '../../../db/repositories/repayment-pages';
import { PAYMENT_INTENT } from './batch-labels';

/** Lines per screen: the page asks the repayment worker for these rows only. */
export const LINES_PER_SCREEN = 50;

/** Where the lines table stands: its search, its switch and the first row of the screen. */
export interface LinesState {
  readonly search: string;
  readonly onlyPaid: boolean;
  readonly offset: number;
}

/** One screen of a batch's lines: remaining claim, this batch, ratio and formula (built per row), payment. */
export function BatchLinesTable(props: {
  readonly batch: RepaymentBatchRow;
  readonly rows: readonly BatchLineRow[];
  /** Lines matching the search and switch (all screens). */
  readonly matched: number;
  readonly state: LinesState;
  readonly onState: (next: LinesState) => void;
  readonly revealed: ReadonlySet<string>;
  readonly onReveal: (cid: string) => void;
  readonly onResult: (row: BatchLineRow, result: 'paid' | 'failed' | 'returned') => void;
  /** What the signed-in user's roles allow (absent: allowed). */
  readonly canReveal?: boolean;
  readonly canRecord?: boolean;
}) {
  const { batch, rows, matched, state, revealed } = props;
  const { t } = useTranslation('repayment');
  const pages = Math.max(1, Math.ceil(matched / LINES_PER_SCREEN));
  const current = Math.min(Math.floor(state.offset / LINES_PER_SCREEN), pages - 1);
  const go = (page: number) => props.onState({ ...state, offset: page * LINES_PER_SCREEN });
  const canRecord = batch.status !== 'draft' && props.canRecord !== false;

  return (
    <div>
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          className="filter-search"
          placeholder={t('lines.search')}
          aria-label={t('lines.search')}
          value={state.search}
          onValueChange={(search) => props.onState({ ...state, search, offset: 0 })}
        />
        <Switch
          label={t('lines.onlyPaid')}
          checked={state.onlyPaid}
          onChange={(e) => props.onState({ ...state, onlyPaid: e.currentTarget.checked, offset: 0 })}
        />
        <span className="muted">{t('lines.page', { page: current + 1, pages, count: matched })}</span>
        <Button small icon="chevron-left" aria-label={t('lines.prev')} disabled={current === 0} onClick={() => go(current - 1)} />
        <Button small icon="chevron-right" aria-label={t('lines.next')} disabled={current >= pages - 1} onClick={() => go(current + 1)} />
      </div>
      <HTMLTable compact striped className="full-width repayment-lines" data-testid="batch-lines">
        <thead>
          <tr>
            <th className="num">{t('lines.seq')}</th>
            <th>{t('lines.name')}</th>
            <th>{t('lines.idNumber')}</th>
            <th className="num">{t('lines.remaining')}</th>
            <th className="num">{t('lines.amount')}</th>
            <th className="num">{t('lines.ratio')}</th>
            <th>{t('lines.formula')}</th>
            <th>{t('lines.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { line, seq, name, idNumber } = row;
            const x = explainStoredLine(batch, line);
            const shown = revealed.has(line.cid);
            return (
              <tr key={line.cid} data-testid={`line-${line.cid}`}>
                <td className="num">{seq}</td>
                <td>{name ?? line.cid}</td>
                <td className="mono repayment-id">
                  {idNumber !== null ? (shown ? idNumber : maskIdNumber(idNumber)) : '—'}
                  {idNumber !== null && !shown && props.canReveal !== false && <Button minimal small icon="eye-open" aria-label={`${t('lines.reveal')} ${name ?? ''}`} title={t('lines.reveal')} onClick={() => props.onReveal(line.cid)} />}
                </td>
                <td className="num">{formatFen(line.remainingFen)}</td>
                <td className="num">{formatFen(line.amountFen)}</td>
                <td className="num">{x.ratio}</td>
                <td className="repayment-formula">{x.formula}</td>
                <td>
                  {line.amountFen > 0 && (
                    <>
                      <Tag minimal intent={PAYMENT_INTENT[line.status]} title={line.note}>
                        {PAYMENT_LABEL[line.status]}
                        {line.note ? `：${line.note}` : ''}
                      </Tag>
                      {canRecord && line.status === 'pending' && (
                        <>
                          <Button minimal small text={t('lines.markPaid')} onClick={() => props.onResult(row, 'paid')} />
                          <Button minimal small intent="danger" text={t('lines.markFailed')} onClick={() => props.onResult(row, 'failed')} />
                        </>
                      )}
                      {canRecord && line.status === 'paid' && <Button minimal small intent="warning" text={t('lines.markReturned')} onClick={() => props.onResult(row, 'returned')} />}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </HTMLTable>
    </div>
  );
}
