import { Button, Callout, Classes, Dialog, HTMLTable, InputGroup, Tag } from '@blueprintjs/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/audit-entry';
import { screenDate } from '../../../core/common/iso-date';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import type { FontSubstitution } from '../../../core/documents';
import type { AttachmentRow, DocumentRow } from '../../../db/records';
import { useApp } from '../../app/app-context';
import { FieldRow } from '../../components/FieldRow';
import { documentHistoryLines, statusIntent } from './document-status';
import { renderDocument } from './render-client';

/** Tells the user which characters the DOCX prints in another font (仿宋_GB2312 lacks them). */
export function substitutionNote(subs: readonly FontSubstitution[]): string {
  if (subs.length === 0) return '';
  const byFont = new Map<string, string[]>();
  for (const s of subs) byFont.set(`${s.instead}→${s.font}`, [...(byFont.get(`${s.instead}→${s.font}`) ?? []), s.char]);
  const parts = [...byFont].map(([k, chars]) => {
    const [instead, font] = k.split('→');
    return `“${chars.join('')}”不在${instead}字库中，已改用“${font}”字体`;
  });
  return `。注意：${parts.join('；')}，请在装有该字体的电脑上核对后再打印。`;
}

function fileBase(doc: DocumentRow): string {
  return `${doc.number ?? `${doc.body.template.name}（草稿）`}${doc.body.summary ? `-${doc.body.summary}` : ''}`.replace(/[\\/:*?"<>|]/g, '_');
}

/** One registered document: its files, status, scans; every action is audited by the repository. */
export function DocumentDetailDialog(props: {
  readonly documentId: string;
  readonly onClose: () => void;
  readonly onChanged: () => void | Promise<void>;
  readonly onEditDraft?: (doc: DocumentRow) => void;
}) {
  const { t } = useTranslation('documents');
  const { repos, bridge, settings } = useApp();
  const [doc, setDoc] = useState<DocumentRow | null>(null);
  const [files, setFiles] = useState<AttachmentRow[]>([]);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    setDoc((await repos.documents.get(props.documentId)) ?? null);
    setFiles(await repos.documents.listAttachments(props.documentId));
    setEntries(await repos.audit.forEntity('documents', props.documentId));
  }, [repos, props.documentId]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!doc) return null;
  const issued = files.find((f) => f.role === 'issued');
  const scans = files.filter((f) => f.role === 'scan');
  const changed = async () => {
    await load();
    await props.onChanged();
  };

  const voided = doc.status === '作废';
  /** The issued PDF as kept; a voided document goes out again only as a copy marked 作废. */
  const pdfToGive = async (): Promise<Uint8Array | null> => {
    if (!issued) return null;
    if (!voided) return issued.bytes;
    const out = await renderDocument(doc.body.template, doc.body.data, { pdf: true, docx: false }, settings.documentFontPreset, true);
    return out.pdf ?? null;
  };
  const savePdf = () =>
    run(async () => {
      await repos.users.require('personal.export', { entity: 'documents', entityId: doc.id, details: { what: 'pdf' } });
      const bytes = await pdfToGive();
      if (!bytes) return;
      const name = voided ? `${fileBase(doc)}（作废）.pdf` : `${fileBase(doc)}.pdf`;
      const r = await bridge.saveFile({ suggestedName: name, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }], bytes });
      if (r.status === 'saved') {
        await repos.documents.recordExport(doc.id, 'pdf', r.fileName);
        setNotice(`已保存：${r.fileName}`);
      }
    });
  const saveDocx = () =>
    run(async () => {
      await repos.users.require('personal.export', { entity: 'documents', entityId: doc.id, details: { what: 'docx' } });
      const out = await renderDocument(doc.body.template, doc.body.data, { pdf: false, docx: true }, settings.documentFontPreset, voided);
      if (!out.docx) return;
      const name = voided ? `${fileBase(doc)}（作废）.docx` : `${fileBase(doc)}.docx`;
      const r = await bridge.saveFile({ suggestedName: name, filters: [{ name: 'Word 文档', extensions: ['docx'] }], bytes: out.docx });
      if (r.status === 'saved') {
        await repos.documents.recordExport(doc.id, 'docx', r.fileName);
        setNotice(`已保存：${r.fileName}${substitutionNote(out.substitutions)}`);
      }
    });
  const print = () =>
    run(async () => {
      const bytes = await pdfToGive();
      if (!issued || !bytes) return;
      // Recorded before printing, so no print goes out unrecorded; a refused or failed one is then
      // recorded as not completed, with the reason shown here.
      await repos.documents.recordExport(doc.id, 'print', issued.fileName);
      try {
        await bridge.printPdf({ title: voided ? `${fileBase(doc)}（作废）` : fileBase(doc), bytes });
      } catch (e) {
        await repos.documents.recordPrintNotCompleted(doc.id, issued.fileName, (e as Error).message);
        throw e;
      } finally {
        await load();
      }
    });
  const move = (status: '已送达' | '已归档') =>
    run(async () => {
      const r = await repos.documents.changeStatus(doc.id, status, '');
      if (!r.ok) setError(r.message);
      await changed();
    });
  const confirmVoid = () =>
    run(async () => {
      const r = await repos.documents.voidDocument(doc.id, reason);
      if (!r.ok) {
        setError(r.message);
        return;
      }
      setVoiding(false);
      await changed();
    });
  const attach = () =>
    run(async () => {
      const f = await bridge.openFile({ title: t('attach'), filters: [{ name: 'PDF 或 JPG', extensions: ['pdf', 'jpg', 'jpeg'] }] });
      if (f.status !== 'opened') return;
      const r = await repos.documents.addAttachment(doc.id, f.fileName, f.bytes);
      if (!r.ok) setError(r.message);
      else setNotice(`已附加：${f.fileName}`);
      await load();
    });
  const saveScan = (a: AttachmentRow) =>
    run(async () => {
      await repos.users.require('personal.export', { entity: 'documents', entityId: doc.id, details: { what: 'attachment' } });
      const ext = a.mimeType === 'application/pdf' ? 'pdf' : 'jpg';
      const r = await bridge.saveFile({ suggestedName: a.fileName, filters: [{ name: a.mimeType === 'application/pdf' ? 'PDF 文件' : 'JPG 图片', extensions: [ext] }], bytes: a.bytes });
      if (r.status === 'saved') await repos.documents.recordExport(doc.id, 'attachment', r.fileName);
    });

  const canMove = (s: '已送达' | '已归档') => (s === '已送达' ? doc.status === '已签发' : doc.status === '已签发' || doc.status === '已送达');
  return (
    <Dialog isOpen onClose={props.onClose} title={`${doc.body.template.name}　${doc.number ?? '（草稿）'}`} style={{ width: 760 }}>
      <div className={`${Classes.DIALOG_BODY} documents-detail-body`} data-testid="document-detail">
        {error && (
          <Callout intent="danger" className="documents-callout" data-testid="document-error">
            {error}
          </Callout>
        )}
        {notice && (
          <Callout intent="success" className="documents-callout">
            {notice}
          </Callout>
        )}
        <HTMLTable compact>
          <tbody>
            <tr>
              <th>{t('colNumber')}</th>
              <td data-testid="detail-number">{doc.number ?? '（草稿，未编号）'}</td>
            </tr>
            <tr>
              <th>{t('colStatus')}</th>
              <td>
                <Tag intent={statusIntent(doc.status)} data-testid="detail-status">
                  {doc.status}
                </Tag>
                {doc.body.voidReason && <span>　作废原因：{doc.body.voidReason}</span>}
              </td>
            </tr>
            <tr>
              <th>{t('colSummary')}</th>
              <td>{doc.body.summary}</td>
            </tr>
            <tr>
              <th>{t('colDate')}</th>
              <td>{doc.issuedDate ? screenDate(doc.issuedDate) : ''}</td>
            </tr>
            {doc.body.pdfSha256 && (
              <tr>
                <th>{t('sha256')}</th>
                <td className="documents-hash" data-testid="detail-sha256">
                  {doc.body.pdfSha256}
                </td>
              </tr>
            )}
          </tbody>
        </HTMLTable>
        <div className="documents-actions">
          {issued && <Button icon="download" text={t('savePdf')} onClick={savePdf} disabled={busy} />}
          <Button icon="document" text={t('saveDocx')} onClick={saveDocx} disabled={busy} />
          {issued && <Button icon="print" text={t('print')} onClick={print} disabled={busy} />}
          {doc.status === '草稿' && props.onEditDraft && <Button icon="edit" intent="primary" text={t('editDraft')} onClick={() => props.onEditDraft?.(doc)} />}
          {canMove('已送达') && <Button text={t('markServed')} onClick={() => move('已送达')} disabled={busy} />}
          {canMove('已归档') && <Button text={t('markArchived')} onClick={() => move('已归档')} disabled={busy} />}
          {doc.status !== '草稿' && doc.status !== '作废' && <Button icon="paperclip" text={t('attach')} onClick={attach} disabled={busy} />}
          {doc.status !== '作废' && <Button intent="danger" minimal text={t('voidDoc')} onClick={() => setVoiding(true)} disabled={busy} />}
        </div>
        {voiding && (
          <div className="documents-toolbar">
            <FieldRow label={t('voidReason')} labelFor="doc-void-reason" required>
              <InputGroup id="doc-void-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </FieldRow>
            <Button intent="danger" text={t('voidConfirm')} onClick={confirmVoid} disabled={busy} />
            <Button text={t('cancel')} onClick={() => setVoiding(false)} />
          </div>
        )}
        <h4 className="bp6-heading">{t('attachments')}</h4>
        <HTMLTable compact data-testid="document-attachments">
          <tbody>
            {issued && (
              <tr>
                <td>{t('issuedFile')}</td>
                <td>{issued.fileName}</td>
                <td>{Math.ceil(issued.bytes.byteLength / 1024)} KB</td>
              </tr>
            )}
            {scans.map((a) => (
              <tr key={a.id}>
                <td>{t('scanFile')}</td>
                <td>
                  <a href={`#scan-${a.id}`} onClick={(e) => { e.preventDefault(); void saveScan(a); }}>
                    {a.fileName}
                  </a>
                </td>
                <td>
                  {Math.ceil(a.bytes.byteLength / 1024)} KB，{formatOfficeDateTime(a.addedAt)} {a.addedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        <h4 className="bp6-heading">{t('history')}</h4>
        <ul data-testid="document-history">
          {documentHistoryLines(doc.body.history, entries).map((line) => (
            <li key={line.key} className={line.failed ? 'documents-history-failed' : undefined}>
              {line.text}
            </li>
          ))}
        </ul>
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('close')} onClick={props.onClose} />
        </div>
      </div>
    </Dialog>
  );
}
