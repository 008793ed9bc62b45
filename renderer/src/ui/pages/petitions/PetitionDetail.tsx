import { Button, Callout, Card, HTMLTable, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import type { CaseFile } from '../../../core/cases/case-file';
import { PETITION_FORM_LABELS, type Petition } from '../../../core/petitions/types';
import { availableEvents } from '../../../core/petitions/workflow';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { AuditTable } from '../../components/AuditTable';
import { notify } from '../../toaster';
import { AgreementSummary } from './AgreementSummary';
import { DeadlineFacts } from './DeadlineFacts';
import { MediationDialog } from './MediationDialog';
import { PetitionerCell } from './PetitionerCell';
import { petitionLabel } from './petition-clock';
import { StepDialog, type StepType } from './StepDialog';
import type { PetitionData } from './use-petition-data';

export function PetitionDetail(props: {
  readonly petitionId: string;
  readonly data: PetitionData;
  readonly cases: ReadonlyMap<string, CaseFile>;
  readonly navigate: (r: Route) => void;
  readonly onChanged: () => void;
}) {
  const { t } = useTranslation('petitions');
  const { repos } = useApp();
  const { petitionId, data, cases, navigate } = props;
  const [p, setP] = useState<Petition | null | undefined>(undefined);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [step, setStep] = useState<StepType | null>(null);
  const [sessionOpen, setSessionOpen] = useState(false);

  const load = useCallback(async () => {
    const found = await repos.petitions.get(petitionId);
    setP(found ?? null);
    const [own, sessions] = await Promise.all([
      repos.audit.forEntity('petitions', petitionId),
      Promise.all((found?.mediationSessions ?? []).map((s) => repos.audit.forEntity('mediationSessions', s.id))),
    ]);
    setAudit([...own, ...sessions.flat()].sort((a, b) => a.seq - b.seq));
  }, [petitionId, repos]);
  useEffect(() => {
    void load();
  }, [load]);

  if (p === undefined) return <p>{t('detail.loading')}</p>;
  if (p === null) return <Callout intent="warning">{t('detail.notFound')}</Callout>;
  const caseFile = p.caseId ? cases.get(p.caseId) : undefined;
  const events = availableEvents(p);
  const done = (type: StepType) => {
    void notify(t('step.done', { step: t(`step.${type}`) }), 'success');
    void load();
    props.onChanged();
  };

  return (
    <section className="petition-detail">
      <header className="page-header">
        <Button minimal icon="arrow-left" aria-label={t('detail.back')} onClick={() => navigate({ area: 'petitions', rest: [] })} />
        <h2 data-testid="petition-title">{p.registerNo || `${p.petitioners[0]?.name ?? ''} ${p.receivedOn}`}</h2>
        <Tag large intent="primary" data-testid="petition-status">
          {p.status}
        </Tag>
        {!p.registerNo && (
          <Button
            icon="numbered-list"
            text={t('detail.assignNumber')}
            title={t('detail.noNumberYet')}
            onClick={async () => {
              const r = await repos.petitions.assignNumber(p.id);
              void (r.ok ? notify(t('detail.assigned', { number: r.registerNo }), 'success') : notify(r.message, 'danger'));
              void load();
              props.onChanged();
            }}
          />
        )}
        {(p.level === '到省' || p.level === '进京') && (
          <Tag large intent="danger">
            {p.level}
          </Tag>
        )}
      </header>
      <div className="petition-detail-top">
        <Card compact>
          <h3>{t('detail.facts')}</h3>
          <dl className="facts">
            <dt>{t('field.receivedOn')}</dt>
            <dd>{p.receivedOn}</dd>
            <dt>{t('field.channel')}</dt>
            <dd>{p.channel}</dd>
            <dt>{t('field.level')}</dt>
            <dd>{p.level}</dd>
            <dt>{t('field.form')}</dt>
            <dd>
              {PETITION_FORM_LABELS[p.form]} {p.personCount} 人
            </dd>
            <dt>{t('field.urgency')}</dt>
            <dd>{p.urgency}</dd>
            <dt>{t('field.handler')}</dt>
            <dd>{p.handler}</dd>
            <dt>{t('field.caseId')}</dt>
            <dd>{caseFile ? <a href={`#/cases/${encodeURIComponent(caseFile.id)}`}>{caseFile.title}</a> : (p.caseId ?? '—')}</dd>
            <dt>{t('field.petitioners')}</dt>
            <dd data-testid="petitioners">
              {p.petitioners.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: petitioners are stored as an ordered list
                <div key={i}>
                  <PetitionerCell petitionId={p.id} petitioner={x} onRevealed={() => void load()} />
                </div>
              ))}
            </dd>
          </dl>
          <p className="petition-demands">
            <span className="muted">{t('field.demands')}：</span>
            {p.demands}
          </p>
          {p.rejectionReason && (
            <p>
              <span className="muted">{t('detail.rejection')}：</span>
              {p.rejectionReason}
            </p>
          )}
          {p.transfer && (
            <p>
              <span className="muted">{t('detail.transfer')}：</span>
              {p.transfer.date} 转至{p.transfer.toUnit}（{p.transfer.reason}）
            </p>
          )}
          {p.followUp && (
            <p>
              <span className="muted">{t('detail.followUp')}：</span>
              {p.followUp.date} {p.followUp.satisfaction} {p.followUp.note}
            </p>
          )}
        </Card>
        <DeadlineFacts petition={p} data={data} />
      </div>
      <h3>{t('detail.actions')}</h3>
      <div className="button-row" data-testid="petition-actions">
        {events.length === 0 && <span className="muted">{t('detail.noActions')}</span>}
        {events.map((e) => (
          <Button key={e} text={t(`step.${e}`)} intent={e === 'reject' || e === 'transfer' ? 'none' : 'primary'} outlined={e === 'extend'} onClick={() => setStep(e)} />
        ))}
        {p.status === '调处中' && <Button icon="people" text={t('detail.addSession')} onClick={() => setSessionOpen(true)} />}
      </div>
      <h3>{t('detail.history')}</h3>
      <HTMLTable compact striped className="full-width" data-testid="petition-history">
        <thead>
          <tr>
            <th>{t('detail.hDate')}</th>
            <th>{t('detail.hAction')}</th>
            <th>{t('detail.hStatus')}</th>
            <th>{t('detail.hNote')}</th>
            <th>{t('detail.hBy')}</th>
          </tr>
        </thead>
        <tbody>
          {p.history.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; position is its identity
            <tr key={i}>
              <td>{h.date}</td>
              <td>{h.action}</td>
              <td>{h.from && h.from !== h.to ? `${h.from} → ${h.to}` : h.to}</td>
              <td>{h.note ?? ''}</td>
              <td>{h.by}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      <h3>{t('detail.sessions')}</h3>
      {p.mediationSessions.length === 0 ? (
        <p className="muted">{t('detail.noSessions')}</p>
      ) : (
        <HTMLTable compact striped className="full-width" data-testid="session-table">
          <thead>
            <tr>
              <th>{t('session.date')}</th>
              <th>{t('session.method')}</th>
              <th>{t('session.place')}</th>
              <th>{t('session.mediators')}</th>
              <th>{t('session.participants')}</th>
              <th>{t('session.notes')}</th>
              <th>{t('session.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {p.mediationSessions.map((s) => (
              <tr key={s.id}>
                <td>{s.date}</td>
                <td>{s.method}</td>
                <td>{s.place}</td>
                <td>{s.mediators.join('、')}</td>
                <td>{s.participants.join('、')}</td>
                <td>{s.notes}</td>
                <td>{s.outcome}</td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      {p.mediationSessions
        .filter((s) => s.outcome === '达成协议' || s.outcome === '部分达成协议')
        .map((s) => (
          <AgreementSummary key={s.id} petition={p} sessionId={s.id} caseTitle={caseFile?.title ?? null} />
        ))}
      <h3>{t('detail.auditTrail')}</h3>
      <AuditTable entries={audit} perRecord />
      {step && (
        <StepDialog
          label={petitionLabel(p)}
          petitionId={p.id}
          type={step}
          maxExtensionDays={data.section.deadlines.maxExtensionDays}
          onClose={(ok) => {
            setStep(null);
            if (ok) done(step);
          }}
        />
      )}
      {sessionOpen && (
        <MediationDialog
          petitionId={p.id}
          label={petitionLabel(p)}
          onClose={(ok) => {
            setSessionOpen(false);
            if (ok) {
              void notify(t('session.saved'), 'success');
              void load();
              props.onChanged();
            }
          }}
        />
      )}
    </section>
  );
}
