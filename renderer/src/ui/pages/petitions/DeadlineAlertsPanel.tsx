import { Button, ButtonGroup, Callout, Card, HTMLTable, Tag } from '@blueprintjs/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunningClock } from '../../../core/petitions/deadlines';
import { useApp } from '../../app/app-context';
import { DeadlineTag } from './DeadlineTag';
import './messages';
import { petitionClock, petitionLabel } from './petition-clock';
import './petitions.css';
import { useOverdueNotice } from './use-overdue-notice';
import { usePetitionData } from './use-petition-data';

/**
 * Overdue petitions and those due within the configured number of days, "mine" (handler = the
 * operator) or all. Also announces newly overdue items once a day. Self-contained: no props.
 */
export function DeadlineAlertsPanel() {
  const { t } = useTranslation('petitions');
  const { settings } = useApp();
  const { data, error } = usePetitionData({ running: true });
  const operator = settings.operatorName.trim();
  const [scope, setScope] = useState<'mine' | 'all'>(operator ? 'mine' : 'all');

  const all = useMemo(() => {
    if (!data) return [];
    const out: RunningClock[] = [];
    for (const p of data.petitions) {
      const { clock } = petitionClock(p, data);
      if (clock && clock.state !== 'on-track') out.push(clock);
    }
    return out.sort((a, b) => a.daysLeft - b.daysLeft || a.petitionId.localeCompare(b.petitionId));
  }, [data]);
  useOverdueNotice(data, all);

  if (error) return <Callout intent="danger">{t('errors.loadFailed', { message: error })}</Callout>;
  if (!data) return null;
  const byId = new Map(data.petitions.map((p) => [p.id, p]));
  const shown = scope === 'mine' ? all.filter((a) => a.handler === operator) : all;
  const overdue = shown.filter((a) => a.state === 'overdue').length;

  return (
    <Card compact className="petition-alerts" data-testid="deadline-alerts">
      <div className="petition-alerts-head">
        <h3>{t('alerts.title')}</h3>
        <Tag intent={overdue > 0 ? 'danger' : 'none'} minimal={overdue === 0}>
          {t('alerts.overdue')} {overdue}
        </Tag>
        <Tag intent="warning" minimal>
          {t('alerts.dueSoon')} {shown.length - overdue}
        </Tag>
        <ButtonGroup className="petition-alerts-scope">
          <Button small text={t('alerts.mine')} active={scope === 'mine'} onClick={() => setScope('mine')} />
          <Button small text={t('alerts.all')} active={scope === 'all'} onClick={() => setScope('all')} />
        </ButtonGroup>
      </div>
      {scope === 'mine' && !operator && <p className="muted">{t('alerts.operatorUnset')}</p>}
      {shown.length === 0 ? (
        <p className="muted">{t('alerts.empty', { days: data.section.deadlines.dueSoonDays })}</p>
      ) : (
        <HTMLTable compact className="full-width petition-alerts-table">
          <tbody>
            {shown.map((a) => {
              const p = byId.get(a.petitionId);
              return (
                <tr key={`${a.petitionId}:${a.clock}`}>
                  <td>
                    <a href={`#/petitions/${encodeURIComponent(a.petitionId)}`}>{p ? petitionLabel(p) : a.petitionId}</a>
                  </td>
                  <td className="muted">{p?.demands.slice(0, 24)}</td>
                  <td>{a.handler}</td>
                  <td>
                    <DeadlineTag clock={a} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
    </Card>
  );
}
