import { Alert, Button, Callout, Spinner } from '@blueprintjs/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData, DocumentTemplate, UnprintableCharacter } from '../../../core/documents';
import type { DocumentSource } from '../../../db/repositories/document-types';
import { useApp } from '../../app/app-context';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useFormDraft } from '../../drafts/use-form-draft';
import { FieldInput } from './FieldInput';
import { type FormValue, type FormValues, fromFormValues, toFormValues } from './form-values';
import { checkDocument, renderDocument } from './render-client';

type Errors = Readonly<Record<string, string>>;

/** Fill, check (fields and printable characters), preview as printed, save a draft or issue. */
export function DocumentEditor(props: {
  readonly caseId: string | null;
  /** A document addressed to a firm of the screening ledger (made from the firm's page). */
  readonly firmId?: string;
  /** The clue, risk notice or firm it is made from: named above the form, kept with the draft. */
  readonly source?: DocumentSource;
  /** Opens that record (where the editor has a way to go there). */
  readonly onOpenSource?: () => void;
  readonly template: DocumentTemplate;
  readonly initial: DocumentData;
  readonly draftId: string | null;
  /** Where the form's unsaved input is kept (drafts/): per saved draft, or per case and template. */
  readonly formKey: string;
  readonly onDone: (documentId: string, message: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation('documents');
  const { repos, settings, bridge } = useApp();
  const { template } = props;
  const start = useMemo(() => toFormValues(template, props.initial), [template, props.initial]);
  const form = useFormDraft<FormValues>(props.formKey, start, template.name, { fresh: props.draftId === null });
  const values = form.value ?? start;
  const setValues = form.set;
  const [errors, setErrors] = useState<Errors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [glyphs, setGlyphs] = useState<readonly UnprintableCharacter[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [previewPdf, setPreviewPdf] = useState<Uint8Array | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** The number the document would get, shown before issuing (签发 cannot be undone, only voided). */
  const [confirming, setConfirming] = useState<string | null>(null);
  const urlRef = useRef<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const showPdf = (pdf: Uint8Array) => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = URL.createObjectURL(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    setPreviewUrl(urlRef.current);
    setPreviewPdf(pdf);
  };

  // Where the window has no built-in PDF viewer (an Electron window without plugins), the same PDF
  // opens in the system's PDF reader instead.
  const openInReader = () =>
    guarded(t('rendering'), async () => {
      if (previewPdf) await bridge.printPdf({ title: `${template.name}（预览）`, bytes: previewPdf });
    });

  /** Field problems (all of them, named) and unprintable characters; null data when it cannot print. */
  const check = async (data: DocumentData, moneyErrors: Errors, requireComplete: boolean): Promise<boolean> => {
    const result = await checkDocument(template, data);
    const byField: Record<string, string> = { ...moneyErrors };
    const list: string[] = Object.values(moneyErrors);
    if (requireComplete) {
      for (const p of result.problems) {
        byField[p.field] ??= p.message;
        list.push(p.message);
      }
    }
    for (const u of result.unprintable) {
      if (u.field) byField[u.field] ??= u.message;
    }
    setErrors(byField);
    setMessages(list);
    setGlyphs(result.unprintable);
    const ok = list.length === 0 && result.unprintable.length === 0;
    // The list of problems sits above the fields: bring it into view.
    if (!ok) formRef.current?.scrollTo({ top: 0 });
    return ok;
  };

  const guarded = async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const preview = () =>
    guarded(t('rendering'), async () => {
      const { data, errors: money } = fromFormValues(template, values);
      // A preview may be incomplete (blank lines show what is missing), but never prints a box.
      if (!(await check(data, money, false))) return;
      const out = await renderDocument(template, data, { pdf: true, docx: false }, settings.documentFontPreset);
      if (out.pdf) showPdf(out.pdf);
    });

  const saveDraft = () =>
    guarded(t('saveDraft'), async () => {
      const { data, errors: money } = fromFormValues(template, values);
      if (Object.keys(money).length) {
        setErrors(money);
        setMessages(Object.values(money));
        return;
      }
      const r = await repos.documents.saveDraft(props.draftId, props.caseId, template, data, props.firmId, props.source);
      if (!r.ok) setFailure(r.message);
      else {
        form.clear();
        props.onDone(r.id, t('draftSaved'));
      }
    });

  const askIssue = () =>
    guarded(t('rendering'), async () => {
      const { data, errors: money } = fromFormValues(template, values);
      if (!(await check(data, money, true))) return;
      const peek = await repos.documents.peekNumber(template);
      if (!peek.ok) setFailure(peek.message);
      else setConfirming(peek.preview.number);
    });

  const issue = () =>
    guarded(t('rendering'), async () => {
      setConfirming(null);
      const { data, errors: money } = fromFormValues(template, values);
      if (!(await check(data, money, true))) return;
      // The number goes on the page, so the PDF is rendered with the number the counter will give;
      // if someone else issues first, the repository refuses and we render again with the next one.
      for (let attempt = 0; attempt < 3; attempt++) {
        const peek = await repos.documents.peekNumber(template);
        if (!peek.ok) {
          setFailure(peek.message);
          return;
        }
        const numbered: DocumentData = { ...data, documentNumber: peek.preview.number };
        if (!(await check(numbered, {}, true))) return;
        const out = await renderDocument(template, numbered, { pdf: true, docx: false }, settings.documentFontPreset);
        if (!out.pdf) throw new Error('PDF 未生成：请重试。');
        const issuedDate = typeof data.issueDate === 'string' ? data.issueDate : localIsoDate(new Date());
        const r = await repos.documents.issue({
          draftId: props.draftId,
          caseId: props.caseId,
          ...(props.firmId ? { firmId: props.firmId } : {}),
          ...(props.source ? { source: props.source } : {}),
          template,
          data: numbered,
          expected: peek.preview,
          pdf: out.pdf,
          pdfFileName: `${peek.preview.number}.pdf`,
          issuedDate,
        });
        if (r.ok) {
          showPdf(out.pdf);
          form.clear();
          props.onDone(r.id, t('issued', { number: r.number }));
          return;
        }
        if (r.field !== 'numberTaken') {
          setErrors({ [r.field]: r.message });
          setFailure(r.message);
          return;
        }
      }
      setFailure('文号连续被占用，请稍后重试签发。');
    });

  const set = (key: string, v: FormValue) => setValues((old) => ({ ...old, [key]: v }));

  return (
    <div className="documents-editor">
      <div className="documents-form" data-testid="document-form" ref={formRef}>
        <h3 className="bp6-heading">{template.name}</h3>
        {props.source && (
          <p className="documents-source" data-testid="document-source">
            {t('source', { label: props.source.label })} {props.onOpenSource && <Button small minimal icon="share" text={t('openSource')} onClick={props.onOpenSource} />}
          </p>
        )}
        <DraftNotice draft={form} />
        {failure && (
          <Callout intent="danger" className="documents-callout" data-testid="document-failure">
            {failure}
          </Callout>
        )}
        {messages.length > 0 && (
          <Callout intent="danger" className="documents-callout" title={t('formErrors')} data-testid="form-errors">
            <ul>
              {messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Callout>
        )}
        {glyphs.length > 0 && (
          <Callout intent="warning" className="documents-callout" title={t('glyphErrors')} data-testid="glyph-errors">
            <ul>
              {glyphs.map((g) => (
                <li key={`${g.field}-${g.codePoint}`}>{g.message}</li>
              ))}
            </ul>
          </Callout>
        )}
        {template.fields.map((def) => (
          <FieldInput key={def.key} def={def} value={values[def.key] ?? ''} error={errors[def.key]} onChange={(v) => set(def.key, v)} />
        ))}
        <div className="documents-actions">
          <Button icon="eye-open" text={t('preview')} onClick={preview} disabled={busy !== null} />
          <Button icon="floppy-disk" text={t('saveDraft')} onClick={saveDraft} disabled={busy !== null} />
          <Button icon="endorsed" intent="primary" text={t('issue')} onClick={askIssue} disabled={busy !== null} />
          <Button text={t('cancel')} onClick={props.onCancel} disabled={busy !== null} />
          {busy && <Spinner size={16} />}
        </div>
      </div>
      <Alert
        isOpen={confirming !== null}
        intent="primary"
        confirmButtonText={t('issueConfirm')}
        cancelButtonText={t('cancel')}
        onConfirm={() => void issue()}
        onCancel={() => setConfirming(null)}
      >
        <p data-testid="issue-confirm">{t('issueConfirmText', { number: confirming ?? '' })}</p>
      </Alert>
      <div className="documents-preview">
        <h4 className="bp6-heading">{t('previewTitle')}</h4>
        <p className="bp6-text-muted">{t('previewDraftNote')}</p>
        {previewUrl && !navigator.pdfViewerEnabled && (
          <Callout intent="primary" className="documents-callout" data-testid="no-pdf-viewer">
            {t('noPdfViewer')} <Button small icon="document-open" text={t('openInReader')} onClick={openInReader} />
          </Callout>
        )}
        {previewUrl && <iframe title={t('previewTitle')} src={`${previewUrl}#navpanes=0&view=FitH`} data-testid="document-preview" />}
      </div>
    </div>
  );
}
