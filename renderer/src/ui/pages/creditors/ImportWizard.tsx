import { Alert, Button, Callout, Checkbox, Classes, Dialog, HTMLTable, ProgressBar } from '@blueprintjs/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOfficeDateTime } from '../../../core/common/office-time';
import type { AmountUnits, ColumnMapping } from '../../../core/creditors';
import { TEMPLATE_COLUMNS } from '../../../core/creditors/template';
import { formatFen } from '../../../core/money';
import type { CreditorImportRow, CreditorImportSummary } from '../../../db/records';
import type { PlanOptions } from '../../../db/repositories/creditor-merge';
import type { FromWorker, ImportReport, ImportRunOptions, SheetPreview, ToWorker } from '../../../workers/creditor-import-protocol';
import { sha256Hex, sha256HexOf } from '../../../workers/sha256-hex';
import { useApp } from '../../app/app-context';
import { ImportReportView } from './ImportReportView';
import { ImportSetup } from './ImportSetup';
import { CREDITOR_SETTINGS_SECTION, DEFAULT_REMEMBERED, type ImportWorker, layoutKey, startImportWorker } from './import-client';
import { dataDiskFigure } from './import-disk';

interface ChosenFile {
  readonly name: string;
  readonly hash: string;
  readonly size: number;
  readonly earlier: readonly CreditorImportRow[];
}

type Busy = null | 'reading' | 'validate' | 'commit';

/**
 * The import wizard: file → sheet, header, mapping, units (with a preview) → validation report →
 * commit. Parsing, validation and the database writes run in a Web Worker; this only shows them.
 */
export function ImportWizard(props: {
  readonly caseId: string;
  readonly onClose: () => void;
  /** `workerEnded` settles once the import worker is gone: the whole register is read after it. */
  readonly onCommitted: (fileName: string, summary: CreditorImportSummary, workerEnded: Promise<void>) => void;
}) {
  const { t } = useTranslation('creditors');
  const { repos, bridge } = useApp();
  const worker = useRef<ImportWorker | null>(null);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheetNames, setSheetNames] = useState<readonly string[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [units, setUnits] = useState<AmountUnits | undefined>(undefined);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanOptions>({});
  const [confirmReplace, setConfirmReplace] = useState(false);
  const appliedLayout = useRef<string | null>(null);

  // Set by 取消 until the next request: the cancelled check's report or progress still on its way
  // (the worker's messages come in order, so anything before the next request is the old check's)
  // is dropped, never shown, as in the advert and firm import checks (ui/hooks/use-import-check.ts).
  const cancelled = useRef(false);
  const send = (message: ToWorker) => {
    // A new check, or the commit, is a new request: its report is shown again.
    if (message.type === 'open' || message.type === 'run' || message.type === 'commit') cancelled.current = false;
    worker.current?.send(message);
  };
  const onMessage = useRef<(m: FromWorker) => void>(() => {});
  onMessage.current = (m: FromWorker) => {
    if (cancelled.current && (m.type === 'report' || m.type === 'progress')) {
      if (m.type === 'report') {
        setBusy(null);
        setProgress(null);
        setNotice(t('wizard.cancelled'));
      }
      return;
    }
    switch (m.type) {
      case 'opened':
        setBusy(null);
        setSheetNames(m.sheetNames);
        setSheet(m.chosenSheet);
        return;
      case 'preview':
        setPreview(m.preview);
        void applyRemembered(m.preview);
        return;
      case 'progress':
        setProgress({ done: m.done, total: m.total });
        return;
      case 'report':
        setBusy(null);
        setProgress(null);
        setReport(m.report);
        return;
      case 'cancelled':
        setBusy(null);
        setProgress(null);
        setNotice(t('wizard.cancelled'));
        return;
      case 'committed': {
        setBusy(null);
        // The worker's heap held the whole import: the page shows the register's first screen at
        // once and reads the rest of it only once the worker is ended (its memory given back).
        const ending = worker.current?.end() ?? Promise.resolve();
        worker.current = null;
        props.onCommitted(file?.name ?? '', m.summary, ending);
        return;
      }
      case 'problems-file':
        void saveProblems(new Uint8Array(m.bytes));
        return;
      case 'failed':
        // A plan refused (a replacement the case's batches forbid): back to merging, checked again.
        if (busy === 'validate' && plan.mode === 'replace') {
          setPlan({});
          setReport(null);
        }
        setBusy(null);
        setProgress(null);
        setError(m.message);
        return;
    }
  };

  useEffect(() => {
    const w = startImportWorker((m) => onMessage.current(m));
    worker.current = w;
    return () => void w.end();
  }, []);

  const options = useCallback(
    (): ImportRunOptions => ({
      sheet: sheet ?? '',
      ...(headerRow === undefined ? {} : { headerRow }),
      ...(mapping === undefined ? {} : { mapping }),
      ...(units === undefined ? {} : { units }),
    }),
    [sheet, headerRow, mapping, units],
  );

  /** Merge or replace, repeats skipped or added: the plan is made again (the file is read again). */
  async function replan(next: PlanOptions) {
    setPlan(next);
    setError(null);
    setBusy('validate');
    setProgress({ done: 0, total: 0 });
    send({ type: 'run', caseId: props.caseId, options: { ...options(), plan: next }, disk: await dataDiskFigure(bridge) });
  }

  useEffect(() => {
    if (sheet === null) return;
    setReport(null);
    worker.current?.send({ type: 'preview', options: options() });
  }, [sheet, options]);

  /** A mapping corrected once for this header layout is used again without asking. */
  async function applyRemembered(p: SheetPreview) {
    if (mapping !== undefined || p.headerRow === null) return;
    const key = layoutKey(p.headers);
    if (appliedLayout.current === key) return;
    appliedLayout.current = key;
    const remembered = (await repos.settings.getSection(CREDITOR_SETTINGS_SECTION, DEFAULT_REMEMBERED)).mappings[key];
    if (remembered) setMapping(remembered);
  }

  async function chooseFile() {
    setError(null);
    setNotice(null);
    const opened = await bridge.openFileBlob({
      title: t('wizard.chooseFile'),
      filters: [
        { name: 'Excel / CSV', extensions: ['xlsx', 'xls', 'csv'] },
      ],
    });
    if (opened.status !== 'opened') return;
    setBusy('reading');
    setFile(null);
    setSheet(null);
    setPreview(null);
    setReport(null);
    setHeaderRow(undefined);
    setMapping(undefined);
    setUnits(undefined);
    setPlan({});
    appliedLayout.current = null;
    // The worker reads the file (a Blob handle) in pieces while this thread hashes it, outside any
    // transaction: on two cores the hash costs no waiting. WebCrypto needs the bytes whole; they
    // are let go as soon as it has its copy, before the worker builds anything large.
    send({ type: 'open', caseId: props.caseId, fileName: opened.fileName, file: opened.file });
    const hash = await sha256HexOf(new Uint8Array(await opened.file.arrayBuffer()));
    const earlier = await repos.creditors.importsWithHash(props.caseId, hash);
    setFile({ name: opened.fileName, hash, size: opened.file.size, earlier });
  }

  async function validate() {
    if (!preview) return;
    setError(null);
    setNotice(null);
    if (mapping !== undefined && preview.headerRow !== null) {
      const saved = await repos.settings.getSection(CREDITOR_SETTINGS_SECTION, DEFAULT_REMEMBERED);
      await repos.settings.saveSection(CREDITOR_SETTINGS_SECTION, { mappings: { ...saved.mappings, [layoutKey(preview.headers)]: mapping } });
      setNotice(t('wizard.mappingSaved'));
    }
    setBusy('validate');
    setProgress({ done: 0, total: 0 });
    send({ type: 'run', caseId: props.caseId, options: { ...options(), plan }, disk: await dataDiskFigure(bridge) });
  }

  async function commit() {
    if (!file) return;
    setError(null);
    setBusy('commit');
    setProgress({ done: 0, total: 0 });
    send({ type: 'commit', fileHash: file.hash, disk: await dataDiskFigure(bridge) });
  }

  /** A blank register with the headers the import knows (built here: it is a few KB). */
  async function saveTemplate() {
    const { blankRegisterXlsx } = await import('../../../workers/creditor-template-xlsx');
    const saved = await bridge.saveFile({ suggestedName: '集资参与人名单模板.xlsx', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes: blankRegisterXlsx() });
    if (saved.status === 'saved') setNotice(t('wizard.templateSaved', { file: saved.fileName }));
  }

  async function saveProblems(bytes: Uint8Array) {
    if (!file) return;
    const base = file.name.replace(/\.[^.]+$/, '');
    const saved = await bridge.saveFile({ suggestedName: `${base}-问题行.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes });
    if (saved.status !== 'saved') return;
    await repos.creditors.recordExport(props.caseId, 'problems', saved.fileName, await sha256Hex(bytes), report?.problems.length ?? 0);
    setNotice(t('export.saved', { file: saved.fileName, rows: report?.problems.length ?? 0 }));
  }

  const running = busy === 'validate' || busy === 'commit';
  const canCommit = file !== null && report !== null && !report.fatal && report.importedRows > 0 && busy === null;

  return (
    <Dialog isOpen title={t('wizard.title')} onClose={running ? undefined : props.onClose} className="import-wizard" canOutsideClickClose={false}>
      <div className={Classes.DIALOG_BODY}>
        <div className="import-file-bar">
          <Button icon="document-open" text={t('wizard.chooseFile')} onClick={() => void chooseFile()} disabled={busy !== null} />
          {!file && <Button icon="download" minimal text={t('wizard.template')} onClick={() => void saveTemplate()} disabled={busy !== null} />}
          {file && (
            <span className="import-file" data-testid="import-file">
              {t('wizard.file')}：{file.name}（{(file.size / 1024).toFixed(0)} KB） <span className="muted mono">{t('wizard.hash')} {file.hash.slice(0, 16)}…</span>
            </span>
          )}
        </div>
        {file && file.earlier.length > 0 && (
          <Callout intent="warning" data-testid="same-file-warning" compact>
            {t('wizard.sameFile', { at: file.earlier.map((e) => formatOfficeDateTime(e.importedAt)).join('、') })}
          </Callout>
        )}
        {error && (
          <Callout intent="danger" data-testid="import-error" compact>
            {error}
          </Callout>
        )}
        {notice && (
          <Callout intent="primary" compact>
            {notice}
          </Callout>
        )}
        {busy === 'reading' && <ProgressBar intent="primary" animate={false} />}
        {!file && busy === null && <ColumnGuide />}
        {running && (
          <div className="import-progress" data-testid="import-progress">
            <span>{busy === 'validate' ? t('wizard.validating') : t('wizard.committing')}</span>
            <ProgressBar intent="primary" animate={false} value={progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined} />
            {progress && progress.total > 0 && <span className="muted">{t('wizard.progress', { done: progress.done.toLocaleString('zh-CN'), total: progress.total.toLocaleString('zh-CN') })}</span>}
            <Button
              text={t('wizard.cancel')}
              onClick={() => {
                cancelled.current = true;
                send({ type: 'cancel' });
              }}
            />
          </div>
        )}
        {report?.spaceProblem && !error && (
          <Callout intent="danger" data-testid="import-space" compact>
            {report.spaceProblem}
          </Callout>
        )}
        {report && !report.fatal && <PlanChoice report={report} busy={busy !== null} onPlan={(next) => void replan(next)} />}
        {report ? (
          <ImportReportView report={report} />
        ) : (
          sheet !== null && (
            <ImportSetup
              sheetNames={sheetNames}
              sheet={sheet}
              headerRow={headerRow}
              preview={preview}
              onSheet={(s) => {
                setSheet(s);
                setHeaderRow(undefined);
                setMapping(undefined);
              }}
              onHeaderRow={setHeaderRow}
              onMapping={setMapping}
              onUnits={setUnits}
            />
          )
        )}
      </div>
      <div className={Classes.DIALOG_FOOTER}>
        <div className={Classes.DIALOG_FOOTER_ACTIONS}>
          <Button text={t('wizard.close')} onClick={props.onClose} disabled={running} />
          {report && (
            <>
              <Button text={t('wizard.back')} onClick={() => setReport(null)} disabled={running} />
              {report.problems.length > 0 && (
                <Button icon="export" text={t('wizard.exportProblems')} onClick={() => void repos.creditors.mayExport(props.caseId, 'problems').then(() => worker.current?.send({ type: 'export-problems' }))} disabled={running} />
              )}
              {report.mode === 'replace' ? (
                <Button intent="danger" icon="swap-horizontal" text={t('wizard.commitReplace', { count: report.importedRows })} disabled={!canCommit} onClick={() => setConfirmReplace(true)} />
              ) : (
                <Button
                  intent="primary"
                  icon="import"
                  text={report.importedRows > 0 ? t('wizard.commit', { count: report.importedRows }) : report.repeatedRows > 0 ? t('wizard.allRepeated') : t('wizard.nothingToImport')}
                  disabled={!canCommit}
                  onClick={() => void commit()}
                />
              )}
            </>
          )}
          {!report && preview && (
            <Button intent="primary" text={t('wizard.validate')} onClick={() => void validate()} disabled={busy !== null || preview.headerRow === null} />
          )}
        </div>
      </div>
      {report && file && (
        <Alert
          isOpen={confirmReplace}
          intent="danger"
          icon="swap-horizontal"
          confirmButtonText={t('wizard.confirmReplaceOk')}
          cancelButtonText={t('wizard.cancel')}
          onCancel={() => setConfirmReplace(false)}
          onConfirm={() => {
            setConfirmReplace(false);
            void commit();
          }}
        >
          <h4>{t('wizard.confirmReplaceTitle')}</h4>
          <p data-testid="confirm-replace">
            {t('wizard.confirmReplace', {
              file: file.name,
              count: report.registerCount,
              net: formatFen(report.registerNetClaimFen),
              removed: report.removedCreditors,
              verified: report.removedVerified,
            })}
          </p>
        </Alert>
      )}
    </Dialog>
  );
}

/** The short guide to the columns, shown before a file is chosen. */
function ColumnGuide() {
  const { t } = useTranslation('creditors');
  return (
    <div data-testid="column-guide">
      <h4>{t('wizard.guideTitle')}</h4>
      <HTMLTable compact striped className="import-guide full-width">
        <tbody>
          {TEMPLATE_COLUMNS.map((c) => (
            <tr key={c.field}>
              <th scope="row">{c.header}</th>
              <td>{c.required ? t('wizard.required') : ''}</td>
              <td>{c.guide}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}

/** Repeated contracts (skip or add) and the distinct action of replacing the register with the file. */
function PlanChoice(props: { readonly report: ImportReport; readonly busy: boolean; readonly onPlan: (next: PlanOptions) => void }) {
  const { t } = useTranslation('creditors');
  const { report } = props;
  if (report.mode === 'replace') {
    return (
      <Callout intent="danger" compact data-testid="replace-mode">
        <p>
          {t('wizard.replacing', { count: report.registerCount, before: report.registerCountBefore, removed: report.removedCreditors, verified: report.removedVerified })}
        </p>
        <Button small text={t('wizard.backToMerge')} disabled={props.busy} onClick={() => props.onPlan({})} />
      </Callout>
    );
  }
  return (
    <>
      {report.repeatedRows > 0 && (
        <Callout intent="warning" compact data-testid="repeated-contracts">
          <p>{report.repeatsAdded ? t('wizard.repeatsAdded', { count: report.repeatedRows }) : t('wizard.repeats', { count: report.repeatedRows })}</p>
          <Checkbox
            checked={report.repeatsAdded}
            disabled={props.busy}
            label={t('wizard.addRepeats')}
            onChange={(e) => props.onPlan({ addRepeats: e.currentTarget.checked })}
          />
        </Callout>
      )}
      {report.registerCountBefore > 0 && (
        <div className="import-replace">
          <Button icon="swap-horizontal" text={t('wizard.replace')} disabled={props.busy} onClick={() => props.onPlan({ mode: 'replace' })} />
          <span className="muted">{t('wizard.replaceHint')}</span>
        </div>
      )}
    </>
  );
}
