import { Callout, Card } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { Petition } from '../../../core/petitions/types';
import { DeadlineTag } from './DeadlineTag';
import { petitionClock } from './petition-clock';
import type { PetitionData } from './use-petition-data';

/** 受理期限, 办结期限 and the extended deadline of one petition, with the clock now running. */
export function DeadlineFacts({ petition: p, data }: { readonly petition: Petition; readonly data: PetitionData }) {
  const { t } = useTranslation('petitions');
  const view = petitionClock(p, data);
  const d = view.deadlines;
  const decided = p.acceptedOn ?? p.rejectedOn;
  return (
    <Card compact data-testid="petition-deadlines">
      <h3>{t('detail.deadlines')}</h3>
      {view.problem && <Callout intent="danger">{view.problem}</Callout>}
      {d && (
        <dl className="facts petition-deadline-facts">
          <dt>{t('detail.acceptBy')}</dt>
          <dd data-testid="accept-by">
            {d.acceptBy}
            {decided && <span className="muted">（{t(p.acceptedOn ? 'detail.acceptedOn' : 'detail.rejectedOn', { date: decided })}）</span>}
          </dd>
          <dt>{t('detail.resolveBy')}</dt>
          <dd data-testid="resolve-by">
            {d.resolveBy ?? t('detail.afterAcceptance')}
            {p.closedOn && <span className="muted">（{t('detail.closedOn', { date: p.closedOn })}）</span>}
          </dd>
          {d.extendedResolveBy && (
            <>
              <dt>{t('detail.extendedTo')}</dt>
              <dd data-testid="extended-by">{d.extendedResolveBy}</dd>
            </>
          )}
          {p.extension && (
            <>
              <dt>{t('detail.extension')}</dt>
              <dd>
                {t('detail.extensionText', {
                  days: p.extension.days,
                  approver: p.extension.approver,
                  date: p.extension.approvedOn,
                  reason: p.extension.reason,
                })}
              </dd>
            </>
          )}
        </dl>
      )}
      <div className="petition-clock-now">
        <DeadlineTag clock={view.clock} />
      </div>
      {d && d.warnings.length > 0 && (
        <Callout intent="warning" title={t('detail.warnings')}>
          {d.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </Callout>
      )}
    </Card>
  );
}
