import { AnchorButton, Button, Callout, HTMLSelect, NonIdealState } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentData, DocumentTemplate } from '../../../core/documents';
import type { DocumentRow } from '../../../db/records';
import type { CaseWithParties } from '../../../db/repositories/case-repository';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { FieldRow } from '../../components/FieldRow';
import { DocumentDetailDialog } from './DocumentDetailDialog';
import { DocumentEditor } from './DocumentEditor';
import { prefillData } from './prefill';
import { RefundBatchDialog } from './RefundBatchDialog';
import { DocumentTable } from './RegistryView';

interface Editing {
  readonly template: DocumentTemplate;
  readonly initial: DocumentData;
  readonly draftId: string | null;
}

/** #/documents/<caseId>: the case's documents, a new one from a template, refund notices in batch. */
export function CaseDocumentsView(props: { readonly caseId: string; readonly navigate: (r: Route) => void }) {
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

  const load = useCallback(async () => {
    const [c, list, all] = await Promise.all([repos.cases.get(caseId), repos.documents.list({ caseId }), repos.documents.templates.all()]);
    setFound(c ?? null);
    setDocs(list);
    setTemplates(all);
    setTemplateId((old) => old || (all[0]?.id ?? ''));
  }, [repos, caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (found === undefined) return null;
  if (found === null) return <NonIdealState icon="error" title={t('caseMissing')} action={<AnchorButton href="#/documents" text={t('backToRegistry')} />} />;

  const start = () => {
    const template = templates.find((x) => x.id === templateId);
    if (template) setEditing({ template, initial: prefillData(template, found, settings, new Date()), draftId: null });
  };
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
        <h2 className="bp6-heading" style={{ margin: 0 }}>
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
            <Button icon="add" intent="primary" text={t('newDocument')} onClick={start} />
            <Button icon="duplicate" text={t('refundBatch')} onClick={() => setBatchOpen(true)} />
          </div>
          <h3 className="bp6-heading">{t('caseDocuments')}</h3>
          {docs.length === 0 ? <NonIdealState icon="document" title={t('noDocuments')} /> : <DocumentTable rows={docs} onOpen={setOpen} />}
        </>
      )}
      {open && <DocumentDetailDialog documentId={open} onClose={() => setOpen(null)} onChanged={load} onEditDraft={editDraft} />}
      {batchOpen && <RefundBatchDialog caseId={caseId} caseTitle={found.caseFile.title} templates={templates} onClose={() => setBatchOpen(false)} />}
    </div>
  );
}
