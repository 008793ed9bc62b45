import { Callout, Dialog, DialogBody } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { DocumentData, DocumentTemplate } from '../../../core/documents';
import type { DocumentSource } from '../../../db/repositories/document-types';
import { useApp } from '../../app/app-context';
import { DocumentEditor } from '../documents/DocumentEditor';

/**
 * A 举报奖励通知书 or 风险提示 made from a clue-area record: the document engine's form, prefilled,
 * checked, previewed, saved as a draft or issued into the document registry (with its 文号), where
 * its PDF and DOCX are kept and printed like every other document.
 */
export function NoticeDocumentDialog(props: {
  readonly templateId: string;
  readonly initial: DocumentData | null;
  readonly caseId: string | null;
  /** The clue or risk notice it is made from: a draft saved here reopens from the registry by it. */
  readonly source: DocumentSource | null;
  /** Where the form's typed input is kept (per record). */
  readonly formKey: string;
  readonly onClose: (message: string | null) => void;
}) {
  const { repos } = useApp();
  const [template, setTemplate] = useState<DocumentTemplate | null | undefined>(undefined);
  useEffect(() => {
    void repos.documents.templates.all().then((all) => setTemplate(all.find((t) => t.id === props.templateId) ?? null));
  }, [repos, props.templateId]);
  return (
    <Dialog isOpen={props.initial !== null} onClose={() => props.onClose(null)} title={template?.name ?? '文书'} style={{ width: 1120 }}>
      <DialogBody>
        {template === null && <Callout intent="danger">文书模板缺失：请重新安装程序。</Callout>}
        {template && props.initial && (
          <DocumentEditor
            key={props.formKey}
            caseId={props.caseId}
            {...(props.source ? { source: props.source } : {})}
            template={template}
            initial={props.initial}
            draftId={null}
            formKey={props.formKey}
            onDone={(id, message) =>
              void repos.documents.get(id).then((doc) =>
                props.onClose(doc?.status === '草稿' ? `${message}：可在“文书”登记簿中打开这份草稿继续编辑。` : `${message} 文书已登记在“文书”登记簿中，可在那里下载 PDF 和 Word。`),
              )
            }
            onCancel={() => props.onClose(null)}
          />
        )}
      </DialogBody>
    </Dialog>
  );
}
