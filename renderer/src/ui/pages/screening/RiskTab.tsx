import { Button, HTMLTable, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { localIsoDate } from '../../../core/common/iso-date';
import { overdueReviews, type RiskEntry } from '../../../core/screening';
import type { ScreeningData } from '../../../db/repositories/screening-repository';
import { useApp } from '../../app/app-context';
import { RiskReviewDialog } from './ActionDialogs';

/** The dynamic risk ledger: firms under watch, why, since when, who follows them, the next review. */
export function RiskTab(props: { readonly data: ScreeningData; readonly onChanged: () => void }) {
  const { can } = useApp();
  const [open, setOpen] = useState<{ entry: RiskEntry; mode: 'review' | 'remove' } | null>(null);
  const [showRemoved, setShowRemoved] = useState(false);
  const today = localIsoDate(new Date());
  const overdue = new Map(overdueReviews(props.data.risk, today).map((o) => [o.entry.id, o.daysOverdue]));
  const firmName = new Map(props.data.firms.map((f) => [f.id, f.name]));
  const rows = props.data.risk
    .filter((e) => showRemoved || e.removed === null)
    .sort((a, b) => (a.removed ? 1 : 0) - (b.removed ? 1 : 0) || a.nextReview.localeCompare(b.nextReview));
  const active = props.data.risk.filter((e) => e.removed === null).length;
  return (
    <div>
      <div className="screening-toolbar">
        <span data-testid="risk-count">
          在册 {active} 家，复核到期 {overdue.size} 家
        </span>
        <Button small minimal text={showRemoved ? '隐藏已移出' : '显示已移出'} onClick={() => setShowRemoved((v) => !v)} />
        <span className="muted">在企业页点击“纳入风险台账”添加。</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">风险动态管理台账为空。</p>
      ) : (
        <HTMLTable compact striped className="full-width" data-testid="risk-table">
          <thead>
            <tr>
              <th>企业</th>
              <th>纳入原因</th>
              <th>纳入日期</th>
              <th>跟踪责任人</th>
              <th>下次复核</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => {
              const late = overdue.get(e.id);
              return (
                <tr key={e.id}>
                  <td>
                    <a href={`#/screening/firm/${encodeURIComponent(e.firmId)}`}>{firmName.get(e.firmId) ?? '（已不在台账中）'}</a>
                  </td>
                  <td>{e.reason}</td>
                  <td>{e.since}</td>
                  <td>{e.follower}</td>
                  <td>
                    {e.removed ? (
                      `已于 ${e.removed.on} 移出：${e.removed.reason}`
                    ) : (
                      <>
                        {e.nextReview}{' '}
                        {late !== undefined && (
                          <Tag intent="danger" minimal>
                            {late === 0 ? '今日到期' : `超期 ${late} 天`}
                          </Tag>
                        )}
                      </>
                    )}
                  </td>
                  <td>
                    {!e.removed && (
                      <>
                        <Button small text="登记复核" disabled={!can('screening.write')} onClick={() => setOpen({ entry: e, mode: 'review' })} />{' '}
                        <Button small text="移出" disabled={!can('screening.write')} onClick={() => setOpen({ entry: e, mode: 'remove' })} />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
      {open && (
        <RiskReviewDialog
          entry={open.entry}
          firmName={firmName.get(open.entry.firmId) ?? ''}
          mode={open.mode}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            props.onChanged();
          }}
        />
      )}
    </div>
  );
}
