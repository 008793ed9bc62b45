import { Button, Callout, Classes, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup, TextArea } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../core/common/iso-date';
import type { DocumentData, DocumentTemplate } from '../../../core/documents/template-types';
import type { FigureRow } from '../../../core/figures/compute';
import type { FigurePeriod } from '../../../core/figures/types';
import { WORK_REPORT_TEMPLATE_ID, workReportData } from '../../../core/figures/work-report';
import { useApp } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { notify } from '../../toaster';
import { checkDocument, renderDocument } from '../documents/render-client';

/**
 * The 工作情况报告 for the period: its sentences carry the figures as the source report writes them
 * (1.38亿元, 1600余人, 同比分别减少…); the office edits them here or in Word, then gets DOCX and PDF
 * from the document engine (templates/work-report.json, or a copy of it with other wording).
 */
export function WorkReportDialog(props: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
  readonly rows: readonly FigureRow[];
  readonly period: FigurePeriod;
  readonly district: string | null | undefined;
}) {
  const { t } = useTranslation('dashboard');
  const { repos, bridge, settings } = useApp();
  const [templates, setTemplates] = useState<DocumentTemplate[]>([]);
  const [templateId, setTemplateId] = useState(WORK_REPORT_TEMPLATE_ID);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    if (!props.isOpen) return;
    void repos.documents.templates.all().then((all) => setTemplates(all.filter((x) => x.documentType === 'report')));
    setValues(
      workReportData(props.rows, {
        period: props.period,
        officeName: settings.officeName,
        backlogCutoff: settings.backlogCutoff,
        issueDate: localIsoDate(new Date()),
        ...(props.district ? { district: props.district } : {}),
      }),
    );
    setProblems([]);
  }, [props.isOpen, props.rows, props.period, props.district, repos, settings]);

  const template = templates.find((x) => x.id === templateId) ?? templates[0];
  const unavailable = Object.values(values).filter((v) => v.includes('无法计算')).length;

  const generate = async (format: 'docx' | 'pdf') => {
    if (!template) return;
    setBusy(true);
    setProblems([]);
    try {
      const data: DocumentData = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
      const checked = await checkDocument(template, data);
      const found = [...checked.problems.map((p) => p.message), ...checked.unprintable.map((u) => u.message)];
      if (found.length) {
        setProblems(found);
        return;
      }
      const out = await renderDocument(template, data, { pdf: format === 'pdf', docx: format === 'docx' }, settings.documentFontPreset);
      const bytes = format === 'pdf' ? out.pdf : out.docx;
      if (!bytes) throw new Error('文件未生成：请重试。');
      const name = `${values.title ?? '工作情况报告'}.${format}`;
      const saved = await bridge.saveFile({
        suggestedName: name,
        filters: [format === 'pdf' ? { name: 'PDF 文件', extensions: ['pdf'] } : { name: 'Word 文档', extensions: ['docx'] }],
        bytes,
      });
      if (saved.status !== 'saved') return;
      await repos.figures.recordExport('work-report', saved.fileName, { templateId: template.id, period: props.period, district: props.district ?? null, format });
      await notify(t('reportDialog.saved', { file: saved.fileName }), 'success');
    } catch (e) {
      setProblems([e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen={props.isOpen} onClose={props.onClose} title={t('reportDialog.title')} style={{ width: 820 }}>
      <DialogBody>
        <p className={Classes.TEXT_MUTED}>{t('reportDialog.hint')}</p>
        {unavailable > 0 && <Callout intent="warning">{t('reportDialog.unavailableWarning', { count: unavailable })}</Callout>}
        {problems.length > 0 && (
          <Callout intent="danger" data-testid="report-problems">
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Callout>
        )}
        {templates.length > 1 && (
          <FormGroup label={t('reportDialog.template')} labelFor="report-template">
            <HTMLSelect id="report-template" value={template?.id} onChange={(e) => setTemplateId(e.currentTarget.value)}>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </HTMLSelect>
          </FormGroup>
        )}
        <div className="dashboard-report-fields" data-testid="report-fields">
          {template?.fields.map((f) => (
            <FormGroup key={f.key} label={f.label} labelFor={`report-${f.key}`} helperText={f.hint}>
              {f.type === 'multiline' ? (
                <TextArea id={`report-${f.key}`} fill rows={3} value={values[f.key] ?? ''} onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })} />
              ) : f.type === 'date' ? (
                <DateField id={`report-${f.key}`} value={values[f.key] ?? ''} onValueChange={(v) => setValues({ ...values, [f.key]: v })} />
              ) : (
                <InputGroup id={`report-${f.key}`} value={values[f.key] ?? ''} onValueChange={(v) => setValues({ ...values, [f.key]: v })} />
              )}
            </FormGroup>
          ))}
        </div>
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('reportDialog.close')} onClick={props.onClose} />
            <Button icon="document" text={busy ? t('reportDialog.generating') : t('reportDialog.docx')} disabled={busy || !template} onClick={() => void generate('docx')} />
            <Button intent="primary" icon="print" text={busy ? t('reportDialog.generating') : t('reportDialog.pdf')} disabled={busy || !template} onClick={() => void generate('pdf')} />
          </>
        }
      />
    </Dialog>
  );
}
