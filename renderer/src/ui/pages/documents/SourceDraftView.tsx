import { AnchorButton, Callout } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from '../../../db/records';
import type { DocumentSource } from '../../../db/repositories/document-types';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { DocumentEditor } from './DocumentEditor';

/** Where a document's source record is opened (its page in 线索监测 or 排查). */
export function sourceRoute(source: DocumentSource): Route {
  switch (source.kind) {
    case 'clue':
      return { area: 'clues', rest: [source.id] };
    case 'risk-notice':
      return { area: 'clues', rest: ['notices'] };
    case 'firm':
      return { area: 'screening', rest: ['firm', source.id] };
  }
}

/**
 * #/documents/draft/<documentId>: a draft made outside a case (a 举报奖励通知书 from a clue, a 风险提示
 * from its record) reopened from the registry in the editor, its source named above the form.
 * Saving or issuing it returns to the registry.
 */
export function SourceDraftView(props: { readonly documentId: string; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('documents');
  const { repos } = useApp();
  const [doc, setDoc] = useState<DocumentRow | null | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void repos.documents.get(props.documentId).then((d) => {
      if (live) setDoc(d && d.status === '草稿' ? d : null);
    });
    return () => {
      live = false;
    };
  }, [repos, props.documentId]);
  if (doc === undefined) return null;
  const back = <AnchorButton minimal icon="list" href="#/documents" text={t('backToRegistry')} />;
  if (done) {
    return (
      <div className="documents-page">
        <Callout intent="success" className="documents-callout" data-testid="documents-notice">
          {done} {back}
        </Callout>
      </div>
    );
  }
  if (doc === null) {
    return (
      <Callout intent="warning" data-testid="start-error">
        {t('draftGone')} {back}
      </Callout>
    );
  }
  const source = doc.body.source;
  return (
    <div className="documents-page" data-testid="source-draft-editor">
      <div className="documents-toolbar">{back}</div>
      <DocumentEditor
        key={doc.id}
        caseId={doc.caseId}
        {...(doc.body.firmId ? { firmId: doc.body.firmId } : {})}
        {...(source ? { source, onOpenSource: () => props.navigate(sourceRoute(source)) } : {})}
        template={doc.body.template}
        initial={doc.body.data}
        draftId={doc.id}
        formKey={`document:${doc.id}`}
        onDone={(_id, message) => setDone(message)}
        onCancel={() => props.navigate({ area: 'documents', rest: [] })}
      />
    </div>
  );
}
