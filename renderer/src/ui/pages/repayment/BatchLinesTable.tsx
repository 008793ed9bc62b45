import { Button, HTMLTable, InputGroup, Switch, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskIdNumber } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { PAYMENT_LABEL } from '../../../core/repayment/batch-lifecycle';
import type { AllocationLineRecord, RepaymentBatchRow } from '../../../db/records';
import { explainStoredLine } from '../../../db/repositories/repayment-lines';
import type { RepaymentCreditor } from '../../../db/repositories/repayment-types';
import { PAYMENT_INTENT } from './batch-labels';

const PAGE = 50;

/** Every creditor's line: remaining claim, this batch, ratio and formula (built per visible row), payment. */
export function BatchLinesTable(props: {
  readonly batch: RepaymentBatchRow;
  readonly lines: readonly AllocationLineRecord[];
  readonly creditors: ReadonlyMap<string, RepaymentCreditor>;
  readonly revealed: ReadonlySet<string>;
  readonly onReveal: (cid: string) => void;
  readonly onResult: (line: AllocationLineRecord, result: 'paid' | 'failed' | 'returned') => void;
  /** What the signed-in user's roles allow (absent: allowed). */
  readonly canReveal?: boolean;
  readonly canRecord?: boolean;
}) {
  const { batch, lines, creditors, revealed } = props;
  const { t } = useTranslation('repayment');
  const [search, setSearch] = useState('');
  const [onlyPaid, setOnlyPaid] = useState(false);
  const [page, setPage] = useState(0);
  const filtered = useMemo(() => {
    const q = search.trim();
    const out: { line: AllocationLineRecord; seq: number }[] = [];
    lines.forEach((line, i) => {
      if (onlyPaid && line.amountFen === 0) return;
      if (q !== '') {
        const c = creditors.get(line.cid);
        if (!c || !(c.name.includes(q) || c.idNumber.startsWith(q.toUpperCase()))) return;
      }
      out.push({ line, seq: i + 1 });
    });
    return out;
  }, [lines, creditors, search, onlyPaid]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * PAGE, current * PAGE + PAGE);
  const canRecord = batch.status !== 'draft' && props.canRecord !== false;

  return (
    <div>
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          className="filter-search"
          placeholder={t('lines.search')}
          aria-label={t('lines.search')}
          value={search}
          onValueChange={(v) => {
            setSearch(v);
            setPage(0);
          }}
        />
        <Switch
          label={t('lines.onlyPaid')}
          checked={onlyPaid}
          onChange={(e) => {
            setOnlyPaid(e.currentTarget.checked);
            setPage(0);
          }}
        />
        <span className="muted">{t('lines.page', { page: current + 1, pages, count: filtered.length })}</span>
        <Button small icon="chevron-left" aria-label={t('lines.prev')} disabled={current === 0} onClick={() => setPage(current - 1)} />
        <Button small icon="chevron-right" aria-label={t('lines.next')} disabled={current >= pages - 1} onClick={() => setPage(current + 1)} />
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
          {visible.map(({ line, seq }) => {
            const c = creditors.get(line.cid);
            const x = explainStoredLine(batch, line);
            const shown = revealed.has(line.cid);
            return (
              <tr key={line.cid} data-testid={`line-${line.cid}`}>
                <td className="num">{seq}</td>
                <td>{c?.name ?? line.cid}</td>
                <td className="mono repayment-id">
                  {c ? (shown ? c.idNumber : maskIdNumber(c.idNumber)) : '—'}
                  {c && !shown && props.canReveal !== false && <Button minimal small icon="eye-open" aria-label={`${t('lines.reveal')} ${c.name}`} title={t('lines.reveal')} onClick={() => props.onReveal(line.cid)} />}
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
                          <Button minimal small text={t('lines.markPaid')} onClick={() => props.onResult(line, 'paid')} />
                          <Button minimal small intent="danger" text={t('lines.markFailed')} onClick={() => props.onResult(line, 'failed')} />
                        </>
                      )}
                      {canRecord && line.status === 'paid' && <Button minimal small intent="warning" text={t('lines.markReturned')} onClick={() => props.onResult(line, 'returned')} />}
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
