import { AnchorButton, Button, ButtonGroup, Callout, Card, HTMLTable, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import { isBacklogCase } from '../../../core/cases/backlog';
import { screenDate } from '../../../core/common/iso-date';
import { formatFen } from '../../../core/money';
import type { CaseWithParties } from '../../../db/repositories/case-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { AuditTable } from '../../components/AuditTable';
import { notify } from '../../toaster';
import { CaseReferrals } from '../screening/CaseReferrals';
import { casePeopleText } from './case-people';
import { PartyIdCell } from './PartyIdCell';
import { StageChangeDialog } from './StageChangeDialog';

export function CaseDetailPage({ caseId, navigate }: { caseId: string; navigate: (r: Route) => void }) {
  const { t } = useTranslation();
  const { repos, settings } = useApp();
  const [found, setFound] = useState<CaseWithParties | null | undefined>(undefined);
  const [history, setHistory] = useState<AuditEntry[]>([]);
  const [registered, setRegistered] = useState<number | null>(null);
  const [stageOpen, setStageOpen] = useState(false);

  const load = useCallback(async () => {
    setFound((await repos.cases.get(caseId)) ?? null);
    setHistory(await repos.audit.forEntity('cases', caseId));
    // Only the register's summary row: a million creditors are never read for this figure.
    setRegistered((await repos.creditors.summary(caseId))?.count ?? null);
  }, [caseId, repos]);
  useEffect(() => {
    void load();
  }, [load]);

  if (found === undefined) return <p>{t('common.loading')}</p>;
  if (found === null) return <Callout intent="warning">{t('cases.notFound')}</Callout>;
  const { caseFile: c, parties } = found;
  const money = (fen: number | null) => (fen === null ? '—' : `${formatFen(fen)} 元`);

  return (
    <section className="page">
      <header className="page-header">
        <Button minimal icon="arrow-left" aria-label={t('common.back')} onClick={() => navigate({ area: 'cases', view: 'list' })} />
        <h2 data-testid="case-title" className="clamp-title" title={c.title}>
          {c.title}
        </h2>
        <Tag large intent="primary" data-testid="case-stage">
          {c.stage}
        </Tag>
        {isBacklogCase(c.filedDate, settings.backlogCutoff) && <Tag intent="warning">{t('cases.backlogTag')}</Tag>}
        <Button icon="flow-linear" text={t('cases.changeStage')} onClick={() => setStageOpen(true)} />
        <Button icon="edit" text={t('common.edit')} onClick={() => navigate({ area: 'cases', view: 'edit', caseId })} />
      </header>
      <ButtonGroup className="case-links">
        <AnchorButton icon="people" text={t('nav.creditors')} href={`#/creditors/${encodeURIComponent(caseId)}`} />
        <AnchorButton icon="bank-account" text={t('nav.repayment')} href={`#/repayment/${encodeURIComponent(caseId)}`} />
        <AnchorButton icon="document" text={t('nav.documents')} href={`#/documents/${encodeURIComponent(caseId)}`} />
      </ButtonGroup>
      <Card compact>
        <dl className="facts">
          <dt>{t('cases.title')}</dt>
          <dd className="fact-wide">{c.title}</dd>
          <dt>{t('cases.caseNumber')}</dt>
          <dd>{c.caseNumber}</dd>
          <dt>{t('cases.charge')}</dt>
          <dd>{c.charge}</dd>
          <dt>{t('cases.sector')}</dt>
          <dd>{c.sector}</dd>
          <dt>{t('cases.district')}</dt>
          <dd>{c.district}</dd>
          <dt>{t('cases.leadUnit')}</dt>
          <dd>{c.leadUnit || '—'}</dd>
          <dt>{t('cases.officers')}</dt>
          <dd>{c.officers.join('、') || '—'}</dd>
          <dt>{t('cases.filedDate')}</dt>
          <dd>{screenDate(c.filedDate)}</dd>
          <dt>{t('cases.amountInvolved')}</dt>
          <dd>{money(c.amountInvolvedFen)}</dd>
          <dt>{t('cases.peopleInvolved')}</dt>
          <dd data-testid="case-people">{casePeopleText(c.peopleInvolved, registered)}</dd>
          <dt>{t('cases.lossesRecovered')}</dt>
          <dd>{money(c.lossesRecoveredFen)}</dd>
        </dl>
      </Card>
      <h3>{t('cases.parties')}</h3>
      {parties.length === 0 ? (
        <p className="muted">{t('cases.noParties')}</p>
      ) : (
        <HTMLTable compact striped className="full-width" data-testid="party-table">
          <thead>
            <tr>
              <th>{t('cases.partyName')}</th>
              <th>{t('cases.partyRole')}</th>
              <th>{t('cases.partyIdFirm')} / {t('cases.partyIdPerson')}</th>
              <th>{t('cases.partyNote')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.role}</td>
                <td>
                  <PartyIdCell caseId={caseId} party={p} onRevealed={() => void load()} />
                </td>
                <td>{p.note}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      <CaseReferrals caseId={caseId} />
      <h3>{t('cases.stageHistory')}</h3>
      <HTMLTable compact className="full-width" data-testid="stage-history">
        <tbody>
          {c.stageHistory.map((s) => (
            <tr key={`${s.stage}-${s.recordedAt}`}>
              <td>{screenDate(s.date)}</td>
              <td>{s.stage}</td>
              <td>{s.note}</td>
              <td className="muted">{s.operator}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      <h3>{t('cases.history')}</h3>
      <AuditTable entries={history} perRecord />
      {stageOpen && (
        <StageChangeDialog
          caseFile={c}
          isOpen
          onClose={(changedTo) => {
            setStageOpen(false);
            if (changedTo) {
              void notify(t('cases.stageChanged', { stage: changedTo }), 'success');
              void load();
            }
          }}
        />
      )}
    </section>
  );
}
