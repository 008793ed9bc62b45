import { Button, Callout, Classes, Dialog, HTMLSelect, InputGroup, ProgressBar } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentTemplate } from '../../../core/documents';
import { formatRatePercent } from '../../../core/repayment';
import type { RepaymentBatchRow } from '../../../db/records';
import type { BatchPhase } from '../../../workers/document-render-protocol';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { runInWorker } from '../repayment/repayment-client';
import { type CreditorDetails, LeftOutTally, refundNoticeRecords } from './refund-records';
import { cancelRendering, RenderCancelledError, renderNoticeBatch, sha256Hex } from './render-client';

/** Reading the batch and the register (this page), then the render worker's phases. */
type Phase = 'lines' | 'register' | BatchPhase;

const PHASE_LABEL: Record<Phase, string> = { lines: '读取批次数据', register: '读取参与人名单', check: '检查数据和字符', prepare: '排版准备', pdf: '生成 PDF', docx: '生成 DOCX' };

/** Rejects when the signal is aborted (a read that cannot itself be stopped is no longer waited for). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** 清退告知书 for every creditor of an approved batch: one PDF and one DOCX, with progress and cancel. */
export function RefundBatchDialog(props: { readonly caseId: string; readonly caseTitle: string; readonly templates: readonly DocumentTemplate[]; readonly onClose: () => void }) {
  const { t } = useTranslation('documents');
  const { repos, bridge, settings } = useApp();
  const refundTemplates = props.templates.filter((x) => x.documentType === 'refund');
  const [batches, setBatches] = useState<RepaymentBatchRow[] | null>(null);
  const [batchId, setBatchId] = useState('');
  const [templateId, setTemplateId] = useState(refundTemplates[0]?.id ?? '');
  const [contactPerson, setContactPerson] = useState(settings.operatorName);
  const [contactPhone, setContactPhone] = useState('');
  const [issueDate, setIssueDate] = useState(localIsoDate(new Date()));
  const [objectionPlace, setObjectionPlace] = useState(settings.officeName);
  const [leftOut, setLeftOut] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ phase: Phase; done: number; total: number } | null>(null);
  /** Set while the batch and the register are read: 取消 aborts it (the render worker is ended instead). */
  const reading = useRef<AbortController | null>(null);

  useEffect(() => {
    void repos.repayment.listBatches(props.caseId).then((all) => {
      const approved = all.filter((b) => b.status !== 'draft');
      setBatches(approved);
      setBatchId(approved[0]?.id ?? '');
    });
  }, [repos, props.caseId]);

  const start = async () => {
    const e: Record<string, string> = {};
    if (!contactPerson.trim()) e.contactPerson = '联系人：请填写告知书上的联系人。';
    if (!contactPhone.trim()) e.contactPhone = '联系电话：请填写告知书上的联系电话。';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) e.issueDate = '落款日期：请填写如 2026-11-26 的日期。';
    if (!settings.officeName) e.office = '发文机关未设置：请先在“设置”中填写发文机关名称。';
    if (!objectionPlace.trim()) e.objectionPlace = '异议受理地点：请填写集资参与人提出异议的地点。';
    setErrors(e);
    setFailure(null);
    setDone(null);
    setLeftOut(null);
    const template = refundTemplates.find((x) => x.id === templateId);
    if (Object.keys(e).length || !template) return;
    const abort = new AbortController();
    reading.current = abort;
    setProgress({ phase: 'lines', done: 0, total: 0 });
    try {
      const data = await Promise.race([runInWorker(repos, { kind: 'refundNoticeData', batchId }), untilAborted(abort.signal)]);
      if (!data.ok) {
        setProgress(null);
        setFailure(data.message);
        return;
      }
      if (data.lines.length === 0) {
        setProgress(null);
        setFailure('该批次没有需要告知的集资参与人（没有清退金额）。');
        return;
      }
      // The register a few blocks at a time (issue 17: a million creditors are never all on the page):
      // of the creditors with a notice only what the notice prints is kept; the others are counted.
      const noticed = new Set(data.lines.map((l) => l.cid));
      const details = new Map<string, CreditorDetails>();
      const tally = new LeftOutTally(noticed);
      const registerCount = (await repos.creditors.summary(props.caseId))?.count ?? 0;
      let read = 0;
      setProgress({ phase: 'register', done: 0, total: registerCount });
      await repos.creditors.scanCase(
        props.caseId,
        (creditors) => {
          for (const c of creditors) if (noticed.has(c.cid)) details.set(c.cid, { bankName: c.bankName, bankAccount: c.bankAccount, idType: c.idType });
          tally.add(creditors);
          read += creditors.length;
          setProgress({ phase: 'register', done: read, total: Math.max(read, registerCount) });
        },
        abort.signal,
      );
      reading.current = null;
      const batch = batches?.find((b) => b.id === batchId);
      const { records, names } = refundNoticeRecords(data.lines, details, {
        caseTitle: props.caseTitle,
        batchNumber: data.batchNumber,
        paymentDate: data.batchDate,
        issueDate,
        contactPerson: contactPerson.trim(),
        contactPhone: contactPhone.trim(),
        officeName: settings.officeName,
        ratio: batch ? formatRatePercent(batch.allocatedFen, batch.remainingTotalFen) : '',
        objectionPlace: objectionPlace.trim(),
      }, template);
      setLeftOut(tally.summary() || null);
      setProgress({ phase: 'check', done: 0, total: records.length });
      await repos.users.require('personal.export', { entity: 'documents', entityId: `refund-batch:${batchId}` });
      const out = await renderNoticeBatch(template, records, names, settings.documentFontPreset, (phase, d, total) => setProgress({ phase, done: d, total }));
      setProgress(null);
      const base = `${props.caseTitle}-第${data.batchNumber}批清退告知书（${records.length}份）`.replace(/[\\/:*?"<>|]/g, '_');
      const saved: string[] = [];
      for (const [format, bytes] of [['pdf', out.pdf], ['docx', out.docx]] as const) {
        const r = await bridge.saveFile({ suggestedName: `${base}.${format}`, filters: [{ name: format === 'pdf' ? 'PDF 文件' : 'Word 文档', extensions: [format] }], bytes });
        if (r.status !== 'saved') continue;
        await repos.documents.recordBatchExport(batchId, { caseId: props.caseId, count: records.length, fileName: r.fileName, format, sha256: await sha256Hex(bytes) });
        saved.push(r.fileName);
      }
      setDone(saved.length ? `已生成 ${records.length} 份清退告知书并保存：${saved.join('、')}` : '已生成，但未保存文件。');
    } catch (err) {
      setProgress(null);
      setFailure(abort.signal.aborted || err instanceof RenderCancelledError ? new RenderCancelledError().message : (err as Error).message);
    } finally {
      reading.current = null;
    }
  };

  const running = progress !== null;
  return (
    <Dialog isOpen onClose={running ? undefined : props.onClose} title={t('refundBatch')} style={{ width: 640 }}>
      <div className={Classes.DIALOG_BODY} data-testid="refund-batch">
        {batches !== null && batches.length === 0 ? (
          <Callout intent="primary">{t('batchNone')}</Callout>
        ) : (
          <>
            {errors.office && <Callout intent="danger">{errors.office}</Callout>}
            <FieldRow label={t('batchChoose')} labelFor="doc-batch">
              <HTMLSelect id="doc-batch" value={batchId} onChange={(e) => setBatchId(e.target.value)} disabled={running}>
                {(batches ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    第{b.number}批（{b.date}，{b.payLineCount} 人）
                  </option>
                ))}
              </HTMLSelect>
            </FieldRow>
            <FieldRow label={t('chooseTemplate')} labelFor="doc-batch-template">
              <HTMLSelect id="doc-batch-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)} disabled={running}>
                {refundTemplates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </HTMLSelect>
            </FieldRow>
            <FieldRow label="联系人" labelFor="doc-batch-contact" error={errors.contactPerson} required>
              <InputGroup id="doc-batch-contact" value={contactPerson} onChange={(e) => setContactPerson(e.target.value)} disabled={running} />
            </FieldRow>
            <FieldRow label="联系电话" labelFor="doc-batch-phone" error={errors.contactPhone} required>
              <InputGroup id="doc-batch-phone" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} disabled={running} />
            </FieldRow>
            <FieldRow label="异议受理地点" labelFor="doc-batch-objection" error={errors.objectionPlace} required>
              <InputGroup id="doc-batch-objection" value={objectionPlace} onChange={(e) => setObjectionPlace(e.target.value)} disabled={running} />
            </FieldRow>
            <FieldRow label="落款日期" labelFor="doc-batch-date" error={errors.issueDate} required>
              <DateField id="doc-batch-date" value={issueDate} onValueChange={setIssueDate} disabled={running} />
            </FieldRow>
          </>
        )}
        {progress && (
          <div data-testid="batch-progress">
            <p>
              {PHASE_LABEL[progress.phase]}
              {progress.total > 0 ? `：${progress.done} / ${progress.total}` : '…'}
            </p>
            <ProgressBar value={progress.total ? progress.done / progress.total : undefined} intent="primary" />
          </div>
        )}
        {failure && (
          <Callout intent="danger" className="documents-callout" data-testid="batch-failure">
            {failure}
          </Callout>
        )}
        {done && (
          <Callout intent="success" className="documents-callout" data-testid="batch-done">
            {done}
          </Callout>
        )}
        {leftOut && (
          <Callout intent="warning" className="documents-callout" data-testid="batch-left-out">
            {leftOut}
          </Callout>
        )}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          {running ? (
            <Button intent="danger" text={t('batchCancel')} onClick={() => (reading.current ? reading.current.abort() : cancelRendering())} />
          ) : (
            <>
              <Button text={t('close')} onClick={props.onClose} />
              {batches !== null && batches.length > 0 && <Button intent="primary" text={t('batchStart')} onClick={() => void start()} />}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
