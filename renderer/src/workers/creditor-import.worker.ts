// Parses, validates and commits a creditor import off the UI thread (see README.md).
import { type CellValue, type CreditorImportResult, createCreditorImport, runCreditorImport } from '../core/creditors';
import { importedFrom } from '../core/creditors/merge';
import { classifyWriteFailure, describeWriteFailure, type SpaceFigure } from '../core/storage';
import { WorkstationDb } from '../db/database';
import { createRepositories } from '../db/repositories';
import { type CreditorImportPlan, type ImportBlocks, planReleased } from '../db/repositories/creditor-repository';
import type { FromWorker, ImportReport, ImportRunOptions, SheetPreview, ToWorker } from './creditor-import-protocol';
import { type OpenedFile, openFile } from './creditor-import-source';
import { problemsWorkbook } from './creditor-problems-xlsx';
import { checkImportRoom } from './import-room';
import { type PieceWorkers, piecesHere, startPieceWorkers } from './sheet-pieces';

const PREVIEW_ROWS = 60;
const NO_CREDITORS = importedFrom([]);

let repos: ReturnType<typeof createRepositories> | null = null;
/**
 * Workers for the pieces of a large sheet, started with this one (when the wizard opens) so their
 * code is loaded before a file is chosen; handed to the file opened (a CSV ends them).
 */
let spare: PieceWorkers | null = piecesHere() > 1 ? startPieceWorkers(piecesHere() - 1) : null;
let file: OpenedFile | null = null;
interface Validated {
  readonly options: ImportRunOptions;
  readonly result: CreditorImportResult;
  readonly plan: CreditorImportPlan;
  readonly report: ImportReport;
}

let last: Validated | null = null;
/** Counts 'open' (and 'close'): a file opened after another was asked for, or the wizard closed, is dropped. */
let openings = 0;
let abort: AbortController | null = null;
/** Set by the user's 'cancel': only then is an AbortError reported as 「已取消」 (issue 12). */
let cancelRequested = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function getRepos() {
  repos ??= createRepositories(new WorkstationDb());
  return repos;
}

function preview(options: ImportRunOptions): SheetPreview {
  if (!file) throw new Error('请先选择文件。');
  const rows: { row: number; cells: CellValue[] }[] = [];
  const session = createCreditorImport({ ...options, sheetName: options.sheet });
  for (const r of file.rows(options.sheet)) {
    rows.push({ row: r.row, cells: r.cells.slice() });
    if (rows.length >= PREVIEW_ROWS) break;
  }
  session.feed(rows);
  const probe = session.finish();
  return { sheet: options.sheet, rows, headerRow: probe.headerRow, headers: probe.headers, mapping: probe.mapping, units: probe.units, fatal: probe.fatal };
}

/** A validation under way; one started right after opening (speculative) is adopted by a matching 'run'. */
interface Validation {
  readonly key: string;
  readonly controller: AbortController;
  visible: boolean;
  readonly promise: Promise<Validated>;
}

let pending: Validation | null = null;

/**
 * The validated plan's blocks, written as an unseen generation while the user reads the report;
 * 'commit' then only waits for them and flips the pointer. Anything else (another run, another
 * file, cancel) discards them.
 */
interface AheadWrite {
  readonly plan: CreditorImportPlan;
  readonly controller: AbortController;
  readonly promise: Promise<ImportBlocks>;
  /** Set by 'commit', so the bar shows blocks written before and after the click. */
  onProgress: ((done: number, total: number) => void) | null;
}

let ahead: AheadWrite | null = null;
/**
 * Settles once a discarded write has stopped and its blocks are gone. Every later write waits for
 * it: a generation number freed by that delete must not be handed out while the old write could
 * still land blocks under it.
 */
let discarded: Promise<void> = Promise.resolve();

function writeAhead(plan: CreditorImportPlan): void {
  discardAhead();
  const controller = new AbortController();
  const write: AheadWrite = {
    plan,
    controller,
    onProgress: null,
    promise: discarded.then(() =>
      getRepos().creditors.writeImportBlocks(plan, { signal: controller.signal, release: true, onProgress: (done, total) => write.onProgress?.(done, total) }),
    ),
  };
  // Failures surface at 'commit' (which then writes again); a discarded write is no error.
  write.promise.catch(() => undefined);
  ahead = write;
}

function discardAhead(): void {
  const write = ahead;
  if (!write) return;
  ahead = null;
  write.controller.abort();
  const stopped = write.promise.then(
    (blocks) => getRepos().creditors.discardImportBlocks(blocks),
    () => undefined,
  );
  discarded = Promise.all([discarded, stopped]).then(
    () => undefined,
    () => undefined,
  );
}

const optionsKey = (caseId: string, o: ImportRunOptions) =>
  JSON.stringify([caseId, o.sheet, o.headerRow ?? null, o.mapping ?? null, o.units ?? null, o.plan?.mode ?? 'merge', o.plan?.addRepeats === true]);

function startValidation(caseId: string, options: ImportRunOptions, visible: boolean): Validation {
  const controller = new AbortController();
  const shown = { visible };
  const promise = validate(caseId, options, controller.signal, () => shown.visible);
  // A speculative run that is never adopted may be aborted; that is not an error anyone waits for.
  promise.catch(() => undefined);
  return Object.assign(shown, { key: optionsKey(caseId, options), controller, promise });
}

async function run(caseId: string, options: ImportRunOptions, disk: SpaceFigure | null): Promise<void> {
  const key = optionsKey(caseId, options);
  if (!pending || pending.key !== key) {
    pending?.controller.abort();
    pending = startValidation(caseId, options, true);
  }
  const mine = pending;
  mine.visible = true;
  abort = mine.controller;
  try {
    last = await mine.promise;
  } finally {
    if (pending === mine) pending = null;
  }
  const writes = !last.report.fatal && last.report.importedRows > 0;
  // Nothing is written ahead unless it fits: a write that fills the disk can lose the database.
  const room = writes ? await checkImportRoom(last.plan.creditors, disk) : null;
  if (room && !room.ok) last = { ...last, report: { ...last.report, spaceProblem: `${room.message}本案名单没有变化。` } };
  post({ type: 'report', report: last.report });
  if (writes && room?.ok) writeAhead(last.plan);
}

async function validate(caseId: string, options: ImportRunOptions, signal: AbortSignal, visible: () => boolean): Promise<Validated> {
  if (!file) throw new Error('请先选择文件。');
  const started = performance.now();
  const result = await runCreditorImport(
    file.runs(options.sheet),
    // The creditors stay in the import's columns (issue 17): objects are made a block at a time as
    // the plan is written, so a million of them never exist at once.
    { ...options, sheetName: options.sheet, keepOkRows: false, creditorObjects: false },
    {
      signal,
      rowsTotal: file.rowCount(options.sheet),
      onProgress: (p) => visible() && post({ type: 'progress', phase: 'validate', done: p.rowsDone, total: p.rowsTotal }),
    },
  );
  const parseMs = performance.now() - started;
  performance.mark('import:validated');
  signal.throwIfAborted();
  const creditorsInFile = result.imported.count;
  const before = (await getRepos().creditors.summary(caseId))?.count ?? 0;
  const plan = await getRepos().creditors.planImport(caseId, result.imported, options.plan ?? {});
  signal.throwIfAborted();
  performance.mark('import:planned');
  // A repeated contract's row is no problem of the file, but the user must see it before commit.
  const problems = [...result.rows, ...plan.conflicts, ...plan.repeats].sort((a, b) => a.row - b.row);
  const report: ImportReport = {
    sheet: options.sheet,
    fatal: result.fatal,
    problems,
    dataRows: result.dataRows,
    okRows: result.okRows,
    warningRows: result.warningRows,
    errorRows: result.errorRows,
    conflictRows: plan.conflicts.length,
    skipped: result.skipped,
    creditorsInFile,
    newCreditors: plan.newCreditors,
    mergedCreditors: plan.mergedCreditors,
    importedRows: plan.importedRows,
    mode: plan.mode,
    repeatedRows: plan.repeats.length,
    repeatsAdded: plan.repeatsAdded,
    removedCreditors: plan.removedCreditors,
    removedVerified: plan.removedVerified,
    registerCountBefore: before,
    filePrincipalFen: result.totalPrincipalFen,
    fileReturnedFen: result.totalReturnedFen,
    fileNetClaimFen: result.totalNetClaimFen,
    registerCount: plan.creditors.length,
    registerPrincipalFen: plan.totals.principalFen,
    registerNetClaimFen: plan.totals.netClaimFen,
    mapping: result.mapping,
    headers: result.headers,
    units: result.units,
    headerRow: result.headerRow,
    parseMs,
  };
  // The creditors now live in the plan only; the result keeps the counts for the import record.
  return { options, result: { ...result, creditors: [], imported: NO_CREDITORS }, plan, report };
}

async function commit(fileHash: string, disk: SpaceFigure | null): Promise<void> {
  if (!file || !last) throw new Error('请先完成校验再导入。');
  if (last.report.fatal) throw new Error(last.report.fatal.message);
  const { result, plan, report } = last;
  // Written ahead, the plan's creditors were let go block by block: without those blocks (cancelled,
  // failed) there is nothing left to write.
  if (planReleased(plan) && ahead?.plan !== plan) throw new Error('本次导入已取消或写入出错，写入的数据已删除：请重新点击“校验”后再导入。');
  if (!ahead || ahead.plan !== plan) {
    const room = await checkImportRoom(plan.creditors, disk);
    if (!room.ok) throw new Error(`${room.message}本案名单没有变化。`);
  }
  if (ahead && ahead.plan !== plan) discardAhead();
  const onProgress = (done: number, total: number) => post({ type: 'progress', phase: 'commit', done, total });
  let written: ImportBlocks | undefined;
  const write = ahead?.plan === plan ? ahead : null;
  if (write) {
    ahead = null;
    abort = write.controller;
    write.onProgress = onProgress;
    // A write that failed (not cancelled) is done again below, as if it had never started.
    written = await write.promise.catch((err: unknown) => {
      if (write.controller.signal.aborted) throw err;
      // Its creditors were let go as they were written: the write's own error (a full disk) is
      // what the user must hear; a fresh validation starts over.
      if (planReleased(plan)) throw err;
      return undefined;
    });
    if (written) onProgress(written.blocks, written.blocks);
  }
  if (!written) {
    abort = new AbortController();
    await discarded;
  }
  const record = {
    fileName: file.fileName,
    fileHash,
    sheetName: report.sheet,
    dataRows: result.dataRows,
    okRows: result.okRows,
    warningRows: result.warningRows,
    errorRows: result.errorRows,
  };
  const control = { signal: abort?.signal, onProgress };
  let outcome = await getRepos().creditors.commitImport(plan, record, control, written);
  // Blocks written ahead are orphans until the flip: a register page opened meanwhile (another
  // window) may have cleaned them up. Writing them again is refused too if the register changed.
  if (!outcome.ok && written && !planReleased(plan)) outcome = await getRepos().creditors.commitImport(plan, record, control);
  if (!outcome.ok) throw new Error(outcome.message);
  // The plan held every creditor: let it go before the page loads the register it became.
  last = null;
  file = null;
  post({ type: 'committed', generation: outcome.generation, summary: outcome.summary });
}

function exportProblems(): void {
  if (!file || !last) throw new Error('请先完成校验。');
  const { report } = last;
  let headerCells: readonly CellValue[] = report.headers;
  const rows = file.rows(report.sheet);
  for (const r of file.rows(report.sheet)) {
    if (r.row === report.headerRow) {
      headerCells = r.cells;
      break;
    }
  }
  const bytes = problemsWorkbook(headerCells, rows, report.problems);
  post({ type: 'problems-file', bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'open': {
      const started = performance.now();
      pending?.controller.abort();
      pending = null;
      discardAhead();
      file = null;
      last = null;
      const opening = ++openings;
      // The database opens (and the register's summary is read) in the browser while the file parses.
      void getRepos()
        .creditors.summary(message.caseId)
        .catch(() => undefined);
      const helpers = spare;
      spare = null;
      const opened = await openFile(message.fileName, message.file, helpers);
      // A later file, or the wizard closing, while the pieces were parsed elsewhere.
      if (opening !== openings) return;
      file = opened;
      post({ type: 'opened', kind: file.kind, sheetNames: file.sheetNames, chosenSheet: file.chosenSheet, parseMs: performance.now() - started });
      // Most files need no correction: validate with what was detected while the user looks at the
      // preview, so the report is ready when asked for (a different choice discards this run).
      const first = preview({ sheet: file.chosenSheet });
      post({ type: 'preview', preview: first });
      performance.mark('import:preview-sent');
      if (first.headerRow !== null && first.fatal === null) pending = startValidation(message.caseId, { sheet: file.chosenSheet }, false);
      return;
    }
    case 'preview':
      post({ type: 'preview', preview: preview(message.options) });
      return;
    case 'run':
      last = null;
      cancelRequested = false;
      discardAhead();
      return run(message.caseId, message.options, message.disk ?? null);
    case 'cancel':
      cancelRequested = true;
      pending?.controller.abort();
      abort?.abort();
      discardAhead();
      return;
    case 'commit':
      cancelRequested = false;
      return commit(message.fileHash, message.disk ?? null);
    case 'export-problems':
      exportProblems();
      return;
    case 'close':
      // Blocks written ahead hold the file's personal data: they go before the worker does.
      openings++;
      spare?.end();
      spare = null;
      pending?.controller.abort();
      discardAhead();
      await discarded;
      post({ type: 'closed' });
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((err: unknown) => {
    if (err instanceof Error && err.name === 'AbortError' && cancelRequested) post({ type: 'cancelled' });
    else if (classifyWriteFailure(err) !== 'other' || (err instanceof Error && err.name === 'AbortError')) {
      // A transaction the browser aborted (full disk, I/O error) is no cancel of the user's.
      post({ type: 'failed', message: describeWriteFailure(err, '导入', '本案名单没有变化') });
    } else post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});
