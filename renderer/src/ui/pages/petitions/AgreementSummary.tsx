import { Callout, Card } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { screenDate } from '../../../core/common/iso-date';
import { maskIdNumber, maskPhone } from '../../../core/identity';
import { buildMediationAgreement } from '../../../core/petitions/mediation';
import type { Petition } from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';

/**
 * The data the 调解协议书 will be filled with, shown as a summary (personal numbers masked).
 * The document engine renders the document itself; this keeps the data ready and checked.
 */
export function AgreementSummary(props: { readonly petition: Petition; readonly sessionId: string; readonly caseTitle: string | null }) {
  const { t } = useTranslation('petitions');
  const { settings } = useApp();
  const r = buildMediationAgreement(props.petition, props.sessionId, settings.officeName, props.caseTitle);
  if (!r.ok) {
    return (
      <Callout intent="warning" title={t('detail.agreement')}>
        <ul className="petition-error-list">
          {r.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </Callout>
    );
  }
  const a = r.value;
  return (
    <Card compact className="petition-agreement" data-testid="agreement-summary">
      <h4>
        {a.title} <span className="muted">— {t('detail.agreementHint')}</span>
      </h4>
      <dl className="facts">
        <dt>{t('agreement.organization')}</dt>
        <dd>{a.organization}</dd>
        <dt>{t('agreement.method')}</dt>
        <dd>{a.method}</dd>
        <dt>{t('agreement.applicants')}</dt>
        <dd>
          {a.applicants
            .map((x) => [x.name, x.idNumber ? maskIdNumber(x.idNumber) : '', x.phone ? maskPhone(x.phone) : ''].filter(Boolean).join(' '))
            .join('；')}
        </dd>
        <dt>{t('agreement.respondent')}</dt>
        <dd>{a.respondent.name}</dd>
        <dt>{t('agreement.caseTitle')}</dt>
        <dd>{a.caseTitle ?? '—'}</dd>
        <dt>{t('agreement.mediators')}</dt>
        <dd>{a.mediators.join('、')}</dd>
        <dt>{t('agreement.dispute')}</dt>
        <dd>{a.disputeSummary}</dd>
        <dt>{t('agreement.placeDate')}</dt>
        <dd>
          {a.place}，{screenDate(a.date)}
        </dd>
        <dt>{t('agreement.terms')}</dt>
        <dd>
          {a.terms.map((term) => (
            <div key={term}>{term}</div>
          ))}
        </dd>
        <dt>{t('agreement.copies')}</dt>
        <dd>{t('agreement.copiesText', { n: a.copies })}</dd>
      </dl>
    </Card>
  );
}
