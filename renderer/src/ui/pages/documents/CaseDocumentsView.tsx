import { AnchorButton, Button, Callout, HTMLSelect, NonIdealState } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentData, DocumentTemplate } from '../../../core/documents';
import type { DocumentRow } from '../../../db/records';
import type { CaseWithParties } from '../../../db/repositories/case-repository';
import type { DocumentSource } from '../../../db/repositories/document-types';
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
  /** Where the form's unsaved input is kept. */
  readonly formKey: string;
  /** A draft made from a clue of this case names the clue. */
  readonly source?: DocumentSource;
}

/**
 * The form the address names: a new document from a template, or a saved draft. `sourceKey` is what
 * the new document is made from: a mediation session (`<petitionId>|<sessionId>`) for 调解协议书, the
 * served document's id for 送达回证, '' for neither.
 */
export type EditorRoute =
  | { readonly kind: 'new'; readonly templateId: string; readonly sourceKey: string }
  | { readonly kind: 'draft'; readonly documentId: string };

/** #/documents/<caseId>: the case's documents, a new one from a template, refund notices in batch. */
export function CaseDocumentsView(props: { readonly caseId: string; readonly editor: EditorRoute | null; readonly navigate: (r: Route) => void }) {
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
  const [loaded, setLoaded] = useState(false);
  const { editor, navigate } = props;
  const list = useCallback(() => navigate({ area: 'documents', rest: [caseId] }), [navigate, caseId]);

  const load = useCallback(async () => {
    const [c, list, all] = await Promise.all([repos.cases.get(caseId), repos.documents.list({ caseId }), repos.documents.templates.all()]);
    setFound(c ?? null);
    setDocs(list);
    // The work report (工作情况报告) is the office's, not a case's: it is made from the 统计 page.
    const forCases = all.filter((x) => x.documentType !== 'report');
    setTemplates(forCases);
    setTemplateId((old) => old || (forCases[0]?.id ?? ''));
    const petitions = (await repos.petitions.list()).filter((p) => p.caseId === caseId);
    setSessions(
      petitions.flatMap((p) =>
        p.mediationSessions
          .filter((m) => m.outcome === '达成协议' || m.outcome === '部分达成协议')
          .map((m) => ({ key: `${p.id}|${m.id}`, petitionId: p.id, sessionId: m.id, label: `${p.registerNo ?? '信访件'} ${m.date} 调解（${m.outcome}）` })),
      ),
    );
    setLoaded(true);
  }, [repos, caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  // The editor follows the address: opening a form, reloading it, or going back to the list.
  // openEditor reads the loaded lists; it runs again when the address or the loaded data change.
  const editorKey = editor ? JSON.stringify(editor) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: editorKey stands for editor; openEditor is this render's
  useEffect(() => {
    if (!loaded || found === undefined || found === null) return;
    if (!editor) return setEditing(null);
    let live = true;
    void openEditor(editor).then((next) => {
      if (!live) return;
      if (next.ok) setEditing(next.editing);
      else {
        setStartError(next.message);
        list();
      }
    });
    return () => {
      live = false;
    };
  }, [editorKey, loaded, found]);

  /** What the address's form starts from: the prefilled template (with the mediation session), or the saved draft. */
  async function openEditor(route: EditorRoute): Promise<{ ok: true; editing: Editing } | { ok: false; message: string }> {
    if (!found) return { ok: false, message: t('caseMissing') };
    if (route.kind === 'draft') {
      const doc = docs.find((d) => d.id === route.documentId && d.status === '草稿');
      if (!doc) return { ok: false, message: '这份文书草稿已不存在或已签发，请从列表中打开。' };
      const source = doc.body.source;
      return { ok: true, editing: { template: doc.body.template, initial: doc.body.data, draftId: doc.id, formKey: `document:${doc.id}`, ...(source ? { source } : {}) } };
    }
    const template = templates.find((x) => x.id === route.templateId);
    if (!template) return { ok: false, message: '这个文书模板已不存在，请重新选择模板。' };
    let initial = prefillData(template, found, settings, new Date());
    const source = sessions.find((x) => x.key === route.sourceKey);
    if (template.documentType === 'mediation' && source) {
      const r = await repos.petitions.mediationAgreement(source.petitionId, source.sessionId);
      if (!r.ok) return { ok: false, message: r.errors.join('；') };
      // A petitioner picked from the register brings the creditor's ID (type and number) along.
      const first = r.value.applicants[0];
      // One creditor read by its cid (a register of a million is never loaded for one person).
      const creditor = first?.creditorId ? await repos.creditors.findCreditor(caseId, first.creditorId) : null;
      const applicants = creditor && first ? [{ ...first, idType: creditor.idType, idNumber: creditor.idNumber }, ...r.value.applicants.slice(1)] : r.value.applicants;
      initial = { ...initial, ...mediationAgreementData({ ...r.value, applicants }) };
      if (r.value.applicants.length > 1) {
        setNotice(`本次调解有 ${r.value.applicants.length} 名申请人，协议书列出第一名（${r.value.applicants[0]?.name ?? ''}）：其余申请人请分别出具协议书。`);
      }
    }
    // 送达回证: the served document's title, number and addressee come from the registry.
    const served = template.documentType === 'service' ? docs.find((d) => d.id === route.sourceKey) : undefined;
    if (served) initial = { ...initial, ...servedDocumentData(served) };
    return { ok: true, editing: { template, initial, draftId: null, formKey: `document:new:${caseId}:${template.id}:${route.sourceKey}` } };
  }

  if (found === undefined) return null;
  if (found === null) return <NonIdealState icon="error" title={t('caseMissing')} action={<AnchorButton href="#/documents" text={t('backToRegistry')} />} />;

  const chosen = templates.find((x) => x.id === templateId);
  const start = () => {
    setStartError(null);
    if (!chosen) return;
    const source = chosen.documentType === 'mediation' ? sessionKey : chosen.documentType === 'service' ? servedId : '';
    navigate({ area: 'documents', rest: [caseId, 'new', chosen.id, ...(source ? [source] : [])] });
  };
  const servable = docs.filter((d) => d.number && d.status !== '作废' && d.body.template.documentType !== 'service');
  const editDraft = (doc: DocumentRow) => {
    setOpen(null);
    navigate({ area: 'documents', rest: [caseId, 'draft', doc.id] });
  };
  const done = async (id: string, message: string) => {
    setNotice(message);
    list();
    await load();
    setOpen(id);
  };

  return (
    <div className="documents-page">
      <div className="documents-toolbar">
        <Button icon="arrow-left" minimal text={t('backToCase')} onClick={() => props.navigate({ area: 'cases', view: 'detail', caseId })} />
        <AnchorButton minimal icon="list" href="#/documents" text={t('backToRegistry')} />
        <h2 className="bp6-heading clamp-title" title={`${found.caseFile.caseNumber} ${found.caseFile.title}`}>
          <span className="bp6-text-muted">{found.caseFile.caseNumber}</span>　{found.caseFile.title}
        </h2>
      </div>
      {notice && (
        <Callout intent="success" className="documents-callout" data-testid="documents-notice">
          {notice}
        </Callout>
      )}
      {editing ? (
        <DocumentEditor
          key={editing.formKey}
          caseId={caseId}
          {...(editing.source ? { source: editing.source } : {})}
          template={editing.template}
          initial={editing.initial}
          draftId={editing.draftId}
          formKey={editing.formKey}
          onDone={(id, m) => void done(id, m)}
          onCancel={list}
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
              <FieldRow label={t('fromSession')}
 labelFor="doc-session">
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
