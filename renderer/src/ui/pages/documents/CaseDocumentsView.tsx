import { AnchorButton, Button, Callout, HTMLSelect, NonIdealState } from '@blueprintjs/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentData, DocumentTemplate } from '../../../core/documents';
import type { DocumentRow } from '../../../db/records';
import type { CaseWithParties } from '../../../db/repositories/case-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { FieldRow } from '../../components/FieldRow';
import { DocumentDetailDialog } from './DocumentDetailDialog';
import { DocumentEditor } from './DocumentEditor';
import { mediationAgreementData } from './petition-prefill';
import { prefillData, servedDocumentData } from './prefill';
import { RefundBatchDialog } from './RefundBatchDialog';
import { DocumentTable } from './RegistryView';

interface MediationSource {
  readonly key: string;
  readonly petitionId: string;
  readonly sessionId: string;
  readonly label: string;
}

interface Editing {
  readonly template: DocumentTemplate;
  readonly initial: DocumentData;
  readonly draftId: string | null;
}

/** #/documents/<caseId>: the case's documents, a new one from a template, refund notices in batch. */
export function CaseDocumentsView(props: { readonly caseId: string; readonly draftId: string | null; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('documents');
  const { repos, settings } = useApp();
  const { caseId } = props;
  const [found, setFound] = useState<CaseWithParties | null | undefined>(undefined);
  const [docs, setDocs] = useState<DocumentRow[]>([]);
  const [templates, setTemplates] = useState<DocumentTemplate[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const [sessions, setSessions] = useState<MediationSource[]>([]);
  const [sessionKey, setSessionKey] = useState('');
  const [servedId, setServedId] = useState('');
  const [startError, setStartError] = useState<string | null>(null);
  const draftOpened = useRef(false);

  const load = useCallback(async () => {
    const [c, list, all] = await Promise.all([repos.cases.get(caseId), repos.documents.list({ caseId }), repos.documents.templates.all()]);
    setFound(c ?? null);
    setDocs(list);
    // The work report (工作情况报告) is the office's, not a case's: it is made from the 统计 page.
    const forCases = all.filter((x) => x.documentType !== 'report');
    setTemplates(forCases);
    setTemplateId((old) => old || (forCases[0]?.id ?? ''));
    // A draft named in the address opens in the editor once (not again after it is saved).
    const draft = props.draftId && !draftOpened.current ? list.find((d) => d.id === props.draftId && d.status === '草稿') : undefined;
    if (draft) {
      draftOpened.current = true;
      setEditing({ template: draft.body.template, initial: draft.body.data, draftId: draft.id });
    }
    const petitions = (await repos.petitions.list()).filter((p) => p.caseId === caseId);
    setSessions(
      petitions.flatMap((p) =>
        p.mediationSessions
          .filter((m) => m.outcome === '达成协议' || m.outcome === '部分达成协议')
          .map((m) => ({ key: `${p.id}|${m.id}`, petitionId: p.id, sessionId: m.id, label: `${p.registerNo ?? '信访件'} ${m.date} 调解（${m.outcome}）` })),
      ),
    );
  }, [repos, caseId, props.draftId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (found === undefined) return null;
  if (found === null) return <NonIdealState icon="error" title={t('caseMissing')} action={<AnchorButton href="#/documents" text={t('backToRegistry')} />} />;

  const chosen = templates.find((x) => x.id === templateId);
  const fromSession = chosen?.documentType === 'mediation' && sessionKey !== '';
  const start = async () => {
    setStartError(null);
    if (!chosen) return;
    let initial = prefillData(chosen, found, settings, new Date());
    const source = sessions.find((x) => x.key === sessionKey);
    if (fromSession && source) {
      const r = await repos.petitions.mediationAgreement(source.petitionId, source.sessionId);
      if (!r.ok) {
        setStartError(r.errors.join('；'));
        return;
      }
      // A petitioner picked from the register brings the creditor's ID (type and number) along.
      const first = r.value.applicants[0];
      const creditor = first?.creditorId ? (await repos.creditors.loadCase(caseId)).find((c) => c.cid === first.creditorId) : undefined;
      const applicants = creditor && first ? [{ ...first, idType: creditor.idType, idNumber: creditor.idNumber }, ...r.value.applicants.slice(1)] : r.value.applicants;
      initial = { ...initial, ...mediationAgreementData({ ...r.value, applicants }) };
      if (r.value.applicants.length > 1) {
        setNotice(`本次调解有 ${r.value.applicants.length} 名申请人，协议书列出第一名（${r.value.applicants[0]?.name ?? ''}）：其余申请人请分别出具协议书。`);
      }
    }
    // 送达回证: the served document's title, number and addressee come from the registry.
    const served = chosen.documentType === 'service' ? docs.find((d) => d.id === servedId) : undefined;
    if (served) initial = { ...initial, ...servedDocumentData(served) };
    setEditing({ template: chosen, initial, draftId: null });
  };
  const servable = docs.filter((d) => d.number && d.status !== '作废' && d.body.template.documentType !== 'service');
  const editDraft = (doc: DocumentRow) => {
    setOpen(null);
    setEditing({ template: doc.body.template, initial: doc.body.data, draftId: doc.id });
  };
  const done = async (id: string, message: string) => {
    setEditing(null);
    setNotice(message);
    await load();
    setOpen(id);
  };

  return (
    <div className="documents-page">
      <div className="documents-toolbar">
        <Button icon="arrow-left" minimal text={t('backToCase')} onClick={() => props.navigate({ area: 'cases', view: 'detail', caseId })} />
        <AnchorButton minimal icon="list" href="#/documents" text={t('backToRegistry')} />
        <h2 className="bp6-heading">
          {found.caseFile.title}　<span className="bp6-text-muted">{found.caseFile.caseNumber}</span>
        </h2>
      </div>
      {notice && (
        <Callout intent="success" className="documents-callout" data-testid="documents-notice">
          {notice}
        </Callout>
      )}
      {editing ? (
        <DocumentEditor
          key={`${editing.template.id}-${editing.draftId ?? 'new'}`}
          caseId={caseId}
          template={editing.template}
          initial={editing.initial}
          draftId={editing.draftId}
          onDone={(id, m) => void done(id, m)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <>
          <div className="documents-filters">
            <FieldRow label={t('chooseTemplate')} labelFor="doc-template">
              <HTMLSelect id="doc-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.basedOn ? `${x.name}（副本）` : x.name}
                  </option>
                ))}
              </HTMLSelect>
            </FieldRow>
            {chosen?.documentType === 'mediation' && sessions.length > 0 && (
              <FieldRow label={t('fromSession')} labelFor="doc-session">
                <HTMLSelect id="doc-session" value={sessionKey} onChange={(e) => setSessionKey(e.target.value)}>
                  <option value="">{t('noSession')}</option>
                  {sessions.map((x) => (
                    <option key={x.key} value={x.key}>
                      {x.label}
                    </option>
                  ))}
                </HTMLSelect>
              </FieldRow>
            )}
            {chosen?.documentType === 'service' && servable.length > 0 && (
              <FieldRow label="送达的文书" labelFor="doc-served">
                <HTMLSelect id="doc-served" value={servedId} onChange={(e) => setServedId(e.target.value)}>
                  <option value="">（手工填写）</option>
                  {servable.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.number} {d.body.template.name} {d.body.summary}
                    </option>
                  ))}
                </HTMLSelect>
              </FieldRow>
            )}
            <Button icon="add" intent="primary" text={t('newDocument')} onClick={() => void start()} />
            <Button icon="duplicate" text={t('refundBatch')} onClick={() => setBatchOpen(true)} />
          </div>
          {startError && (
            <Callout intent="danger" className="documents-callout" data-testid="start-error">
              {startError}
            </Callout>
          )}
          <h3 className="bp6-heading">{t('caseDocuments')}</h3>
          {docs.length === 0 ? <NonIdealState icon="document" title={t('noDocuments')} /> : <DocumentTable rows={docs} onOpen={setOpen} />}
        </>
      )}
      {open && <DocumentDetailDialog documentId={open} onClose={() => setOpen(null)} onChanged={load} onEditDraft={editDraft} />}
      {batchOpen && <RefundBatchDialog caseId={caseId} caseTitle={found.caseFile.title} templates={templates} onClose={() => setBatchOpen(false)} />}
    </div>
  );
}
