import { Alert, Button, Callout, Tab, Tabs, Tag } from '@blueprintjs/core';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanString, formatFen } from '../../../core/money';
import { describeExportFailure } from '../../../core/storage/export-failure';
import { isPermissionDenied } from '../../../db/access';
import type { PaymentResultRow, RepaymentBatchRow } from '../../../db/records';
import type { BankResultSummary } from '../../../db/repositories/repayment-bank';
import type { BatchLineRow, BatchScreen } from '../../../db/repositories/repayment-pages';
import type { ActionResult, BatchDraft } from '../../../db/repositories/repayment-types';
import type { DisbursementFileResult, RepaymentProgressReport } from '../../../workers/repayment-protocol';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { notify } from '../../toaster';
import { ApproveDialog, BankResultDialog, LineResultDialog } from './BatchDialogs';
import { BatchFormDialog } from './BatchFormDialog';
import { BatchLinesTable, LINES_PER_SCREEN, type LinesState } from './BatchLinesTable';
import { ExcludedTable, PaymentResultsTable } from './BatchTables';
import { BATCH_STATUS_INTENT, BATCH_STATUS_LABEL, localTime, ruleText } from './batch-labels';
import { PendingChangesNote, RelaxationNote } from './FourEyesNotes';
import { runInWorker } from './repayment-client';
import { WorkingNote } from './WorkingNote';

interface Loaded {
  readonly batch: RepaymentBatchRow;
  readonly results: readonly PaymentResultRow[];
  readonly fundsAvailableFen: number;
}

const FIRST_SCREEN: LinesState = { search: '', onlyPaid: false, offset: 0 };

/** Creditors named in the payment results' failed and returned entries. */
function namedInResults(results: readonly PaymentResultRow[]): string[] {
  return results.flatMap((r) => r.results.filter((x) => x.result !== 'paid').map((x) => x.cid));
}

type Open =
  | { readonly kind: 'recompute' | 'approve' | 'delete' }
  | { readonly kind: 'bank'; readonly fileName: string; readonly reading: BankResultSummary }
  | { readonly kind: 'line'; readonly row: BatchLineRow; readonly result: 'failed' | 'returned' }
  | null;

export function BatchView({ caseId, batchId, navigate }: { readonly caseId: string; readonly batchId: string; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('repayment');
  const { repos, bridge, session, can } = useApp();
  const [data, setData] = useState<Loaded | null | undefined>(undefined);
  const [open, setOpen] = useState<Open>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  // What the repayment worker is doing for this page (the bank list, a bank result file), with its phase.
  const [working, setWorking] = useState<{ readonly what: 'export' | 'bankResult'; readonly progress: RepaymentProgressReport | null } | null>(null);
  const back = () => navigate({ area: 'repayment', rest: [caseId, 'batches'] });

  // The lines and the register stay in the repayment worker: the page holds one screen of rows.
  const [linesState, setLinesState] = useState<LinesState>(FIRST_SCREEN);
  const [screen, setScreen] = useState<BatchScreen | null>(null);
  const linesStateRef = useRef(linesState);
  linesStateRef.current = linesState;
  const asked = useRef(0);
  const askScreen = useCallback(
    async (state: LinesState, fresh: boolean, results: readonly PaymentResultRow[]) => {
      const n = ++asked.current;
      const answer = await runInWorker(repos, { kind: 'batchScreen', batchId, fresh, query: { ...state, limit: LINES_PER_SCREEN }, nameCids: namedInResults(results) });
      if (n !== asked.current) return; // a later question (typing, paging) is on its way
      // A screen of 50 lines with their buttons is ~50 ms of React work on a loaded PC: as a
      // transition React renders it in slices of a few ms and the window keeps answering (issue 17).
      startTransition(() => {
        if (answer === null) setData(null);
        else setScreen(answer);
      });
    },
    [batchId, repos],
  );

  const reload = useCallback(async () => {
    const batch = await repos.repayment.getBatch(batchId);
    if (!batch) {
      setData(null);
      return;
    }
    const [results, funds] = await Promise.all([repos.repayment.paymentResults(batchId), repos.repayment.fundsAvailable(batch.caseId)]);
    // The whole page with its screen of lines re-renders: in slices, as a transition (see askScreen).
    startTransition(() => setData({ batch, results, fundsAvailableFen: funds.fundsAvailableFen }));
    await askScreen(linesStateRef.current, true, results);
  }, [batchId, repos, askScreen]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => () => void runInWorker(repos, { kind: 'releaseScreens', which: 'batch' }), [repos]);

  if (data === undefined) return <WorkingNote text={t('progress.lines')} value={null} />;
  if (data === null) return <Callout intent="warning">该清退批次不存在，可能草稿已被删除。</Callout>;
  const b = data.batch;
  const changeLines = (next: LinesState) => {
    setLinesState(next);
    void askScreen(next, false, data.results);
  };

  const done = async (result: ActionResult, message: string): Promise<ActionResult> => {
    if (result.ok) {
      setOpen(null);
      setProblem(null);
      await notify(message, 'success');
      await reload();
    }
    return result;
  };
  const act = async (run: () => Promise<ActionResult>, message: string) => {
    const result = await run();
    if (!result.ok) setProblem(result.message);
    else await done(result, message);
  };

  const exportBank = async () => {
    setWorking({ what: 'export', progress: null });
    let file: DisbursementFileResult;
    try {
      file = await runInWorker(repos, { kind: 'disbursementFile', batchId }, (progress) => setWorking({ what: 'export', progress })).finally(() => setWorking(null));
    } catch (err) {
      // A refusal goes to the app's handler (shown as 无权操作); a failure while the file was built is said here.
      if (isPermissionDenied(err)) throw err;
      setProblem(describeExportFailure(err, '导出代发清单', '批次没有变化'));
      return;
    }
    if (!file.ok) {
      setProblem(file.message);
      return;
    }
    if (file.missingAccounts > 0) setProblem(t('batch.missingAccounts', { count: file.missingAccounts }));
    // The worker's Blob: the page neither holds nor copies the file's bytes (tens of MB at a million lines).
    let saved: Awaited<ReturnType<typeof bridge.saveFile>>;
    try {
      saved = await bridge.saveFile({ suggestedName: file.suggestedName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes: file.file });
    } catch (err) {
      // Reading the worker's Blob fails when the browser's blob store is full: say so, and what to do.
      setProblem(describeExportFailure(err, '导出代发清单', '批次没有变化'));
      return;
    }
    if (saved.status !== 'saved') return;
    await repos.repayment.recordExport(batchId, saved.fileName, file.rowCount, file.totalFen, file.hash);
    // The facts say who exported when (the batch row only: the lines did not change).
    const row = await repos.repayment.getBatch(batchId);
    if (row) startTransition(() => setData((d) => (d ? { ...d, batch: row } : d)));
    await notify(t('batch.exported', { count: file.rowCount, total: formatFen(file.totalFen) }), 'success');
  };
  const importBank = async () => {
    const picked = await bridge.openFile({ title: t('bank.title'), filters: [{ name: '银行回单', extensions: ['xlsx', 'xls', 'csv'] }] });
    if (picked.status !== 'opened') return;
    setWorking({ what: 'bankResult', progress: null });
    const reading = await runInWorker(repos, { kind: 'readBankResult', batchId, fileName: picked.fileName, bytes: picked.bytes }, (progress) => setWorking({ what: 'bankResult', progress })).finally(() =>
      setWorking(null),
    );
    setOpen({ kind: 'bank', fileName: picked.fileName, reading });
  };
  const reveal = async (cid: string) => {
    await repos.repayment.recordReveal(caseId, cid, 'idNumber');
    setRevealed((s) => new Set([...s, cid]));
  };
  const onResult = (row: BatchLineRow, result: 'paid' | 'failed' | 'returned') => {
    if (result === 'paid') void act(() => runInWorker(repos, { kind: 'recordPaymentResults', batchId, results: [{ cid: row.line.cid, result, note: '' }] }), t('lines.recorded'));
    else setOpen({ kind: 'line', row, result });
  };

  const facts: [string, string, string?][] = [
    [t('batch.date'), b.date],
    [t('batch.amount'), `${formatFen(b.amountFen)} 元`],
    [t('batch.allocated'), `${formatFen(b.allocatedFen)} 元`],
    [t('batch.unallocated'), `${formatFen(b.unallocatedFen)} 元`],
    [t('batch.rule'), ruleText(b.rule, t)],
    [t('batch.payLines'), String(b.payLineCount)],
    [t('batch.eligible'), String(b.eligibleCount)],
    [t('batch.excluded'), String(b.excludedCount)],
    [t('batch.computedAt'), localTime(b.computedAt)],
    [t('batch.createdBy'), b.createdBy || '—'],
    [t('users:fourEyes.computedBy'), b.computedBy?.map((p) => p.name).join('、') || '—'],
    [t('batch.approvedBy'), b.approvedBy ?? '—'],
    [t('batch.approvedAt'), localTime(b.approvedAt)],
    [t('batch.committed'), `${formatFen(b.committedFen)} 元`],
    [t('batch.paidSum'), `${formatFen(b.paidFen)} 元`],
    ...(b.bankExports?.length ? [[t('users:fourEyes.bankExports'), b.bankExports.map((x) => `${x.by.name} ${localTime(x.at)}`).join('；'), 'bank-exports'] as [string, string, string]] : []),
  ];

  return (
    <section className="page repayment-page">
      <header className="page-header">
        <Button minimal icon="arrow-left" aria-label={t('batch.back')} title={t('batch.back')} onClick={back} />
        <h2 data-testid="batch-title">
          {t('batch.title', { n: b.number })}
          <Tag className="inline-tag" intent={BATCH_STATUS_INTENT[b.status]} data-testid="batch-status">
            {BATCH_STATUS_LABEL[b.status]}
          </Tag>
        </h2>
        {b.status === 'draft' && (
          <>
            {can('repayment.compute') && <Button icon="refresh" text={t('batch.recompute')} onClick={() => setOpen({ kind: 'recompute' })} />}
            {can('repayment.approve') && <Button intent="primary" icon="endorsed" text={t('batch.approve')} onClick={() => setOpen({ kind: 'approve' })} />}
            {can('repayment.compute') && <Button intent="danger" minimal icon="trash" text={t('batch.delete')} onClick={() => setOpen({ kind: 'delete' })} />}
          </>
        )}
        {b.status !== 'draft' && (
          <>
            {can('repayment.bankFile') && <Button icon="export" text={t('batch.exportBank')} disabled={working !== null} onClick={() => void exportBank()} />}
            {can('repayment.results') && <Button icon="import" text={t('batch.importBank')} disabled={working !== null} onClick={() => void importBank()} />}
          </>
        )}
        {b.status === 'approved' && can('repayment.results') && <Button intent="success" icon="tick" text={t('batch.markPaid')} onClick={() => void act(() => runInWorker(repos, { kind: 'markPaid', batchId }), t('batch.markedPaid'))} />}
      </header>
      {working && (
        <WorkingNote
          testId="batch-working"
          text={t(`progress.${working.progress?.phase ?? 'read'}`)}
          value={working.progress ? (working.progress.done + 1) / (working.progress.total + 1) : null}
        />
      )}
      {problem && (
        <Callout intent="danger" data-testid="batch-problem" className="repayment-problem">
          {problem}
        </Callout>
      )}
      {b.status === 'draft' && <Callout className="repayment-problem">{t('batch.draftNote')}</Callout>}
      {b.status !== 'paid' && screen && <PendingChangesNote pending={screen.pendingChanges} />}
      <RelaxationNote relaxations={b.relaxations ?? []} />
      <dl className="facts repayment-facts" data-testid="batch-facts">
        {facts.map(([k, v, testId]) => (
          <div key={k} className="repayment-fact" data-testid={testId}>
            <dt>{k}</dt>
            <dd className="num">{v}</dd>
          </div>
        ))}
      </dl>
      {b.unallocatedFen > 0 && <Callout intent="warning">{t('batch.unallocatedNote', { amount: formatFen(b.unallocatedFen) })}</Callout>}
      <Tabs id="batch-tabs" defaultSelectedTabId="lines" renderActiveTabPanelOnly>
        <Tab
          id="lines"
          title={t('batch.tabLines')}
          panel={
            screen ? (
              <BatchLinesTable
                batch={b}
                rows={screen.rows}
                matched={screen.matched}
                state={{ ...linesState, offset: screen.offset }}
                onState={changeLines}
                revealed={revealed}
                onReveal={(cid) => void reveal(cid)}
                onResult={onResult}
                canReveal={can('personal.reveal')}
                canRecord={can('repayment.results')}
              />
            ) : (
              <WorkingNote text={t('progress.lines')} value={null} />
            )
          }
        />
        <Tab id="excluded" title={t('batch.tabExcluded')} panel={screen ? <ExcludedTable excluded={screen.excluded} count={screen.excludedCount} /> : <WorkingNote text={t('progress.lines')} value={null} />} />
        <Tab id="results" title={t('batch.tabResults')} panel={<PaymentResultsTable results={data.results} names={screen?.names ?? {}} />} />
      </Tabs>
      {open?.kind === 'recompute' && (
        <BatchFormDialog
          title={t('form.titleRecompute', { n: b.number })}
          draftKey={`repayment:batch:${b.id}`}
          initial={batchFormOf(b)}
          fundsAvailableFen={data.fundsAvailableFen}
          onSubmit={(draft, onProgress) => runInWorker(repos, { kind: 'recomputeBatch', batchId, draft }, onProgress)}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            void reload();
          }}
        />
      )}
      {open?.kind === 'approve' && (
        <ApproveDialog
          batch={b}
          approverName={session?.name ?? ''}
          onClose={() => setOpen(null)}
          onApprove={async (onProgress) => done(await runInWorker(repos, { kind: 'approve', batchId }, onProgress), t('approve.done'))}
        />
      )}
      {open?.kind === 'bank' && (
        <BankResultDialog
          fileName={open.fileName}
          reading={open.reading}
          onClose={() => setOpen(null)}
          onApply={async () => done(await runInWorker(repos, { kind: 'applyBankResult', batchId, fileName: open.fileName }), t('lines.recorded'))}
        />
      )}
      {open?.kind === 'line' && (
        <LineResultDialog
          title={`${open.row.name ?? ''} ${formatFen(open.row.line.amountFen)} 元：${open.result === 'failed' ? t('lines.markFailed') : t('lines.markReturned')}`}
          onClose={() => setOpen(null)}
          onSubmit={async (note) => done(await runInWorker(repos, { kind: 'recordPaymentResults', batchId, results: [{ cid: open.row.line.cid, result: open.result, note }] }), t('lines.recorded'))}
        />
      )}
      <Alert
        isOpen={open?.kind === 'delete'}
        intent="danger"
        icon="trash"
        confirmButtonText={t('batch.delete')}
        cancelButtonText={t('translation:common.cancel')}
        onCancel={() => setOpen(null)}
        onConfirm={() =>
          void repos.repayment.deleteDraft(batchId).then(async (r) => {
            if (!r.ok) {
              setProblem(r.message);
              setOpen(null);
              return;
            }
            await notify(t('batch.deleted'), 'success');
            back();
          })
        }
      >
        {t('batch.delete')}：{t('batches.nth', { n: b.number })}？
      </Alert>
    </section>
  );
}

/** The batch form as the stored batch says (the baseline its draft is checked against). */
function batchFormOf(b: RepaymentBatchRow): BatchDraft {
  return {
    amountText: fenToYuanString(b.amountFen),
    date: b.date,
    smallClaimsFirst: b.rule.smallClaimThresholdFen > 0,
    thresholdText: b.rule.smallClaimThresholdFen > 0 ? fenToYuanString(b.rule.smallClaimThresholdFen) : '',
    minPaymentText: b.rule.minPaymentFen > 0 ? fenToYuanString(b.rule.minPaymentFen) : '',
  };
}
