import { Card, HTMLTable, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { OverdueReview } from '../../../core/screening';
import { useApp } from '../../app/app-context';
import './screening.css';

/**
 * Risk-ledger reviews due today or overdue, on the home screen beside the petition deadlines.
 * Self-contained (no props); shows nothing while none is due.
 */
export function RiskAlertsPanel() {
  const { repos } = useApp();
  const [due, setDue] = useState<{ reviews: OverdueReview[]; names: Map<string, string> } | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([repos.screening.overdueReviews(), repos.screening.load()]).then(([reviews, data]) => {
      if (live) setDue({ reviews, names: new Map(data.firms.map((f) => [f.id, f.name])) });
    });
    return () => {
      live = false;
    };
  }, [repos]);
  if (!due || due.reviews.length === 0) return null;
  return (
    <Card compact className="risk-alerts" data-testid="risk-alerts">
      <div className="risk-alerts-head">
        <h3>风险台账复核到期</h3>
        <Tag intent="danger">{due.reviews.length} 家</Tag>
        <a href="#/screening/risk">查看风险台账</a>
      </div>
      <HTMLTable compact className="full-width">
        <tbody>
          {due.reviews.slice(0, 5).map((o) => (
            <tr key={o.entry.id}>
              <td>
                <a href={`#/screening/firm/${encodeURIComponent(o.entry.firmId)}`}>{due.names.get(o.entry.firmId) ?? '（已不在台账中）'}</a>
              </td>
              <td>跟踪责任人 {o.entry.follower}</td>
              <td>
                应于 {o.entry.nextReview} 复核{' '}
                <Tag minimal intent="danger">
                  {o.daysOverdue === 0 ? '今日到期' : `超期 ${o.daysOverdue} 天`}
                </Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {due.reviews.length > 5 && <p className="muted">另有 {due.reviews.length - 5} 家，见风险台账。</p>}
    </Card>
  );
}
