// 整改通知书 and 询问通知书 addressed to a firm of the ledger: the menu that opens the document form
// prefilled from the firm, the form itself (the document engine's editor: checked, previewed,
// numbered and issued into the registry like a case's documents, with the firm as addressee), and
// the firm's documents with the registry's detail dialog (files, print, 送达, 作废).
import { Button, Callout, Menu, MenuItem, PopoverNext } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentTemplate } from '../../../core/documents';
import type { Firm, ScreeningRecord } from '../../../core/screening';
import type { DocumentRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DocumentDetailDialog } from '../documents/DocumentDetailDialog';
import { DocumentEditor } from '../documents/DocumentEditor';
import { DocumentTable } from '../documents/RegistryView';
import '../documents/documents.css';
import '../documents/messages';
import { FIRM_DOCUMENT_TYPES, firmDocumentData } from './firm-prefill';

/** The firm's documents and the templates it may issue, read together. */
export function useFirmDocuments(firmId: string): {
  readonly docs: readonly DocumentRow[];
  readonly templates: readonly DocumentTemplate[];
  readonly loaded: boolean;
  readonly reload: () => Promise<void>;
} {
  const { repos } = useApp();
  const [loaded, setLoaded] = useState(false);
  const [docs, setDocs] = useState<readonly DocumentRow[]>([]);
  const [templates, setTemplates] = useState<readonly DocumentTemplate[]>([]);
  const reload = useCallback(async () => {
    const [list, all] = await Promise.all([repos.documents.list({ firmId }), repos.documents.templates.all()]);
    setDocs(list);
    setTemplates(all.filter((t) => FIRM_DOCUMENT_TYPES.includes(t.documentType)));
    setLoaded(true);
  }, [repos, firmId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { docs, templates, loaded, reload };
}

/** 出具文书 ▾: one entry per template (built-in and the office's copies). */
export function IssueDocumentMenu(props: { readonly firmId: string; readonly templates: readonly DocumentTemplate[]; readonly disabled: boolean; readonly navigate: (r: Route) => void }) {
  return (
    <PopoverNext
      placement="bottom-start"
      disabled={props.disabled}
      content={
        <Menu data-testid="firm-document-menu">
          {props.templates.map((t) => (
            <MenuItem key={t.id} icon="document" text={t.basedOn ? `${t.name}（副本）` : t.name} onClick={() => props.navigate({ area: 'screening', rest: ['firm', props.firmId, 'document', t.id] })} />
          ))}
        </Menu>
      }
    >
      <Button icon="document" rightIcon="caret-down" text="出具文书" disabled={props.disabled} />
    </PopoverNext>
  );
}

/** The firm's documents (草稿 and issued), each opening the registry's detail dialog. */
export function FirmDocumentsSection(props: {
  readonly firmId: string;
  readonly docs: readonly DocumentRow[];
  /** The document whose detail dialog is open (the one just issued, or one clicked). */
  readonly open: string | null;
  readonly setOpen: (id: string | null) => void;
  readonly onChanged: () => Promise<void>;
  readonly navigate: (r: Route) => void;
}) {
  const { open, setOpen } = props;
  return (
    <section className="screening-section">
      <h3>文书（{props.docs.length}）</h3>
      {props.docs.length === 0 ? <p className="muted">尚未向该企业出具文书。点击“出具文书”选择整改通知书或询问通知书。</p> : <DocumentTable rows={props.docs} onOpen={setOpen} />}
      {open && (
        <DocumentDetailDialog
          documentId={open}
          onClose={() => setOpen(null)}
          onChanged={props.onChanged}
          onEditDraft={(doc) => {
            setOpen(null);
            props.navigate({ area: 'screening', rest: ['firm', props.firmId, 'draft', doc.id] });
          }}
        />
      )}
    </section>
  );
}

export type FirmEditorRoute = { readonly kind: 'new'; readonly templateId: string } | { readonly kind: 'draft'; readonly documentId: string };

/** #/screening/firm/<id>/document/<templateId> (a new one) or …/draft/<documentId>: the document form. */
export function FirmDocumentEditor(props: {
  readonly firm: Firm;
  readonly latest: ScreeningRecord | undefined;
  readonly route: FirmEditorRoute;
  readonly docs: readonly DocumentRow[];
  readonly templates: readonly DocumentTemplate[];
  readonly loaded: boolean;
  readonly onDone: (documentId: string, message: string) => void;
  readonly onCancel: () => void;
}) {
  const { settings } = useApp();
  const { firm, latest, route } = props;
  const editing = useMemo(() => {
    if (route.kind === 'draft') {
      const doc = props.docs.find((d) => d.id === route.documentId && d.status === '草稿');
      return doc ? { template: doc.body.template, initial: doc.body.data, draftId: doc.id, formKey: `document:${doc.id}` } : null;
    }
    const template = props.templates.find((t) => t.id === route.templateId);
    // The form's start is made once per firm and template: a later reload of the firm must not reset what is typed.
    return template ? { template, initial: firmDocumentData(template, firm, latest, settings, new Date()), draftId: null, formKey: `document:new:firm:${firm.id}:${template.id}` } : null;
  }, [route, props.docs, props.templates, firm, latest, settings]);
  if (!editing) {
    if (!props.loaded) return null;
    return (
      <Callout intent="warning" data-testid="start-error">
        {route.kind === 'draft' ? '这份文书草稿已不存在或已签发，请从企业的文书列表中打开。' : '这个文书模板已不存在，请返回企业页重新选择。'}{' '}
        <Button small text="返回企业" onClick={props.onCancel} />
      </Callout>
    );
  }
  return (
    <div className="documents-page" data-testid="firm-document-editor">
      <DocumentEditor
        key={editing.formKey}
        caseId={null}
        firmId={firm.id}
        source={{ kind: 'firm', id: firm.id, label: firm.name }}
        template={editing.template}
        initial={editing.initial}
        draftId={editing.draftId}
        formKey={editing.formKey}
        onDone={props.onDone}
        onCancel={props.onCancel}
      />
    </div>
  );
}
