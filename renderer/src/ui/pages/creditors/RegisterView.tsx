import { Button, Callout, HTMLSelect, InputGroup, NonIdealState, Spinner } from '@blueprintjs/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../core/cases/case-file';
import type { CreditorStatus } from '../../../core/creditors';
import { blockOfRow, columnarRegister, entryOf, indexOfCid, withVerification } from '../../../core/creditors/columnar-register';
import { formatFen } from '../../../core/money';
import { describeExportFailure } from '../../../core/storage/export-failure';
import type { CreditorImportSummary } from '../../../db/records';
import type { CreditorDraft } from '../../../db/repositories/creditor-draft';
import type { LoadedRegister } from '../../../db/repositories/creditor-repository';
import { type CreditorRegisterSummary, EXCLUSION_LABELS, STATUS_VALUES, type StoredCreditor } from '../../../db/repositories/creditor-types';
import type { VerificationBasis, VerificationDecision, VerificationResult } from '../../../db/repositories/creditor-verification';
import { useApp } from '../../app/app-context';
import type { Route } from '../../app/routes';
import { BulkVerifyDialog } from './BulkVerifyDialog';
import { CreditorEditDialog } from './CreditorEditDialog';
import { CreditorPanel } from './CreditorPanel';
import { CreditorTable } from './CreditorTable';
import { VerifyDialog } from './VerifyDialog';
import './review-messages';
import { notify } from '../../toaster';
import { ExportProgress, type ExportRun } from './ExportProgress';
import { buildExport, ExportCancelled, ExportFailed } from './export-client';
import { ImportWizard } from './ImportWizard';
import { EMPTY_QUERY, type RegisterQuery, type SortKey, searchRegister, sortIndices, viewTotals } from './register-query';

type Editing = { readonly creditor: StoredCreditor | null } | null;
type Verifying = StoredCreditor | null;

export function RegisterView({ caseId, navigate }: { readonly caseId: string; readonly navigate: (r: Route) => void }) {
  const { t } = useTranslation('creditors');
  const { repos, bridge, can } = useApp();
  const [caseFile, setCaseFile] = useState<CaseFile | null | undefined>(undefined);
  // The register by columns (a million creditors in ~100 MB); full records are read one at a time.
  const [loaded, setLoaded] = useState<LoadedRegister | null>(null);
  const register = loaded?.columns ?? null;
  // The register as now shown, for a verification that finished after an await.
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState<RegisterQuery>(EMPTY_QUERY);
  const [selected, setSelected] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [verifying, setVerifying] = useState<Verifying>(null);
  const [importing, setImporting] = useState(false);
  const [partial, setPartial] = useState<CreditorRegisterSummary | null>(null);
  const [exporting, setExporting] = useState<ExportRun | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState(false);

  /** `wholeAfter`: the whole register is read once it settles (the first screen does not wait for it). */
  const reload = useCallback(async (wholeAfter?: Promise<unknown>) => {
    try {
      // The first screen shows from the first block; search, sort and totals wait for the whole list.
      const whole = await repos.creditors.loadColumns(
        caseId,
        (first, summary) => {
          setLoaded(first);
          setPartial(summary);
        },
        wholeAfter,
      );
      // A case without a register shows an empty one (count 0, the import button).
      setLoaded(whole ?? { caseId, generation: 0, columns: columnarRegister([]), seqs: [] });
      setPartial(null);
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  }, [repos, caseId]);

  useEffect(() => {
    void repos.cases.get(caseId).then((c) => setCaseFile(c?.caseFile ?? null));
    // Blocks of an import the app did not finish (killed mid-way) are removed beside the first read:
    // they belong to other generations than the pointer's, which is all the page reads.
    void repos.creditors.cleanupOrphans(caseId);
    void reload();
  }, [repos, caseId, reload]);

  // Each query is one pass over the register's key columns.
  const view = useMemo(() => {
    if (!register) return null;
    const started = performance.now();
    const found = searchRegister(register, query);
    const indices = sortIndices(register, found, query.sort, query.descending);
    return { indices, totals: viewTotals(register, indices), ms: performance.now() - started };
  }, [register, query]);
  // Found when one is selected (one native scan of the cid column), then its full record is read
  // from its block: a cid → index map of the whole register would hold ~80 MB at a million.
  const selectedIndex = useMemo(() => (selected === null || !register ? -1 : indexOfCid(register, selected)), [register, selected]);
  const [record, setRecord] = useState<StoredCreditor | null>(null);
  useEffect(() => {
    if (!loaded || selectedIndex < 0) {
      setRecord(null);
      return;
    }
    let live = true;
    void repos.creditors.creditorAt(loaded, selectedIndex).then((c) => live && setRecord(c));
    return () => {
      live = false;
    };
  }, [repos, loaded, selectedIndex]);
  const current = record !== null && record.cid === selected ? record : undefined;

  const hasFileStatus = useMemo(() => register?.fileStatuses.some((s) => s !== 0) ?? false, [register]);

  const sortBy = (sort: SortKey) => setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : false }));

  async function reveal(c: StoredCreditor) {
    await repos.creditors.recordReveal(caseId, c);
    setRevealed((s) => new Set([...s, c.cid]));
  }

  /**
   * The edit form shows personal data in full, so opening it counts as a reveal (audited); the
   * table itself stays masked.
   */
  async function edit(c: StoredCreditor) {
    if (!revealed.has(c.cid)) await repos.creditors.recordReveal(caseId, c);
    setEditing({ creditor: c });
  }

  /**
   * What the repository needs to know of the page's register: which blocks hold the chosen rows
   * (only those are read) and which version of the register it is.
   */
  function basisOf(rows: Iterable<number>): VerificationBasis | undefined {
    if (!loaded) return undefined;
    const seqs = new Set<number>();
    for (const i of rows) {
      const seq = loaded.seqs[blockOfRow(loaded.columns, i).block];
      if (seq !== undefined) seqs.add(seq);
    }
    return { generation: loaded.generation, ...(loaded.updatedAt ? { updatedAt: loaded.updatedAt } : {}), seqs: [...seqs] };
  }

  /**
   * After a verification: the page's register updated in place when it was the stored one right
   * before (issue 17: reading 100k creditors again cost as much as the verification), else read again.
   */
  async function showVerified(result: Extract<VerificationResult, { ok: true }>, base: LoadedRegister | null, rowOf: ReadonlyMap<string, number>): Promise<void> {
    const applied = result.applied;
    const rows: [number, StoredCreditor][] = [];
    for (const c of applied?.creditors ?? []) {
      const i = rowOf.get(c.cid);
      if (i === undefined || i < 0) break;
      rows.push([i, c]);
    }
    if (!base || !applied?.current || applied.generation !== base.generation || loadedRef.current !== base || rows.length !== applied.creditors.length) {
      await reload();
      return;
    }
    setLoaded({ ...base, columns: withVerification(base.columns, rows), updatedAt: applied.updatedAt });
  }

  async function verify(decision: Pick<StoredCreditor, 'status' | 'exclusion'>): Promise<string | null> {
    if (!verifying) return null;
    const base = loaded;
    const index = register ? indexOfCid(register, verifying.cid) : -1;
    const result = await repos.creditors.setVerification(caseId, [verifying.cid], decision, index >= 0 ? basisOf([index]) : undefined);
    if (!result.ok) return result.message;
    const name = verifying.name;
    setVerifying(null);
    await showVerified(result, base, new Map([[verifying.cid, index]]));
    await notify(t('creditorReview:saved', { name }), 'success');
    return null;
  }

  /** One decision for the ticked creditors or the whole current view: one action, one audit entry. */
  async function bulkVerify(scope: 'checked' | 'filter', decision: VerificationDecision): Promise<string | null> {
    if (!register || !view) return null;
    const base = loaded;
    const rowOf = new Map<string, number>();
    if (scope === 'checked') for (const cid of checked) rowOf.set(cid, indexOfCid(register, cid));
    else for (const i of view.indices) rowOf.set(entryOf(register.cids, i), i);
    const rows = [...rowOf.values()].filter((i) => i >= 0);
    const result = await repos.creditors.setVerification(caseId, [...rowOf.keys()], decision, basisOf(rows));
    if (!result.ok) return result.message;
    setBulk(false);
    setChecked(new Set());
    await showVerified(result, base, rowOf);
    const what =
      decision.status === '已核实'
        ? t('creditorReview:bulk.toVerified')
        : decision.status === '存疑'
          ? t('creditorReview:bulk.toDoubt')
          : t('creditorReview:bulk.toExclusion', { label: decision.exclusion ? EXCLUSION_LABELS[decision.exclusion] : t('creditorReview:none') });
    await notify(t('creditorReview:bulk.done', { count: result.changed, what }), 'success');
    return null;
  }

  const toggleChecked = (cid: string) =>
    setChecked((s) => {
      const next = new Set(s);
      if (!next.delete(cid)) next.add(cid);
      return next;
    });

  async function save(draft: CreditorDraft) {
    const cid = editing?.creditor?.cid ?? null;
    const result = await repos.creditors.save(caseId, cid, draft);
    if (!result.ok) return result.errors;
    setEditing(null);
    await reload();
    setSelected(result.cid);
    void notify(t('edit.saved', { name: draft.name.trim() }), 'success');
    if (result.warnings.length > 0) void notify(t('edit.warnings', { text: result.warnings.join('；') }), 'warning', { timeout: 10_000 });
    return null;
  }

  async function exportRegister(kind: 'full' | 'public') {
    if (!register) return;
    setExporting({ kind, total: register.count, run: null });
    try {
      // Refused (and audited) before any file is built when the user may not export personal data.
      if (kind === 'full') await repos.creditors.mayExport(caseId, 'full');
      // Streamed in a worker from the stored register (a million creditors, in pieces of 20 blocks).
      const run = buildExport({ caseId, kind, sheetName: kind === 'full' ? t('export.sheetFull') : t('export.sheetPublic') }, register.count);
      setExporting((e) => e && { ...e, run });
      const built = await run.done;
      const title = caseFile?.caseNumber ?? caseId;
      const name = `${title}-${kind === 'full' ? '集资参与人名单' : '集资参与人公示名单'}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
      // A Blob: Electron saves it in 4 MiB pieces, the page never holds the whole file.
      const saved = await bridge.saveFile({ suggestedName: name, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes: built.file });
      if (saved.status !== 'saved') {
        void notify(t('export.cancelled'));
        return;
      }
      await repos.creditors.recordExport(caseId, kind, saved.fileName, built.hash, built.rows);
      const sheets = built.sheetNames.length;
      void notify(
        sheets > 1 ? t('export.savedSheets', { file: saved.fileName, rows: built.rows, count: sheets, sheets: built.sheetNames.join('、') }) : t('export.saved', { file: saved.fileName, rows: built.rows }),
        'success',
        sheets > 1 ? { timeout: 10_000 } : undefined,
      );
    } catch (err) {
      if (err instanceof ExportCancelled) void notify(t('export.cancelled'));
      // The worker's failures come described; the save's (a Blob the browser's store could not hold) are described here.
      else void notify(err instanceof ExportFailed ? err.message : describeExportFailure(err, '导出名单', '名单未受影响'), 'danger', { timeout: 0 });
    } finally {
      setExporting(null);
    }
  }

  async function committed(fileName: string, summary: CreditorImportSummary, workerEnded: Promise<void>) {
    setImporting(false);
    // The first screen at once; the rest of the register once the import worker's memory is given back.
    await reload(workerEnded);
    const message =
      summary.mode === 'replace'
        ? t('wizard.replaced', { file: fileName, count: summary.newCreditors + summary.mergedCreditors, removed: summary.removedCreditors ?? 0 })
        : t('wizard.committed', { file: fileName, added: summary.newCreditors, merged: summary.mergedCreditors });
    await notify(message, 'success');
  }

  if (caseFile === null) {
    return (
      <section className="page">
        <Callout intent="warning">{t('errors.caseMissing')}</Callout>
        <Button text={t('toolbar.back')} onClick={() => navigate({ area: 'creditors', rest: [] })} />
      </section>
    );
  }

  return (
    <section className="page creditors-page">
      <header className="page-header">
        <h2 data-testid="creditors-title" className="clamp-title" title={caseFile ? `${caseFile.caseNumber} ${caseFile.title}` : undefined}>
          {t('title')}
          {caseFile && <span className="muted creditors-case"> · {caseFile.caseNumber} {caseFile.title}</span>}
        </h2>
        <a href={`#/cases/${encodeURIComponent(caseId)}`}>{t('toolbar.caseLink')}</a>
        <a href="#/creditors">{t('toolbar.back')}</a>
      </header>
      <div className="filter-bar">
        <InputGroup
          leftIcon="search"
          placeholder={t('toolbar.search')}
          aria-label={t('toolbar.search')}
          className="filter-search"
          disabled={partial !== null}
          value={query.text}
          onValueChange={(text) => setQuery((q) => ({ ...q, text }))}
        />
        <HTMLSelect aria-label={t('toolbar.status')} disabled={partial !== null} value={query.status} onChange={(e) => setQuery((q) => ({ ...q, status: e.currentTarget.value as CreditorStatus | '' }))}>
          <option value="">{t('toolbar.status')}：{t('toolbar.all')}</option>
          {STATUS_VALUES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </HTMLSelect>
        {hasFileStatus && (
          <HTMLSelect
            aria-label={t('fileStatus.filter')}
            disabled={partial !== null}
            value={query.fileStatus ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, fileStatus: e.currentTarget.value as CreditorStatus | '' }))}
          >
            <option value="">{t('fileStatus.filter')}：{t('fileStatus.any')}</option>
            {STATUS_VALUES.map((s) => (
              <option key={s} value={s}>{t('fileStatus.tag', { status: s })}</option>
            ))}
          </HTMLSelect>
        )}
        {can('creditors.write') && <Button icon="import" intent="primary" text={t('toolbar.import')} onClick={() => setImporting(true)} />}
        {can('creditors.write') && <Button icon="add" text={t('toolbar.add')} onClick={() => setEditing({ creditor: null })} />}
        {can('creditors.verify') && (
          <Button icon="tick-circle" text={t('creditorReview:bulk.open')} disabled={!register?.count || partial !== null} onClick={() => setBulk(true)} />
        )}
        {checked.size > 0 && <Button minimal icon="cross" text={t('creditorReview:bulk.clear', { count: checked.size })} onClick={() => setChecked(new Set())} />}
        {can('personal.export') && (
          <Button
            icon="export"
            text={t('toolbar.exportFull')}
            disabled={!register?.count || exporting !== null}
            loading={exporting?.kind === 'full'}
            onClick={() => void exportRegister('full')}
          />
        )}
        <Button
          icon="eye-off"
          text={t('toolbar.exportPublic')}
          disabled={!register?.count || exporting !== null}
          loading={exporting?.kind === 'public'}
          onClick={() => void exportRegister('public')}
        />
      </div>
      {exporting && <ExportProgress exporting={exporting} />}
      {partial && (
        <div className="creditor-totals" data-testid="creditor-totals-partial">
          <span>
            {t('totals.count')} <strong>{partial.count.toLocaleString('zh-CN')}</strong>
          </span>
          <span>
            {t('totals.principal')} <strong>{formatFen(partial.totals.principalFen)}</strong>
          </span>
          <span>
            {t('totals.returned')} <strong>{formatFen(partial.totals.returnedFen)}</strong>
          </span>
          <span>
            {t('totals.netClaim')} <strong>{formatFen(partial.totals.netClaimFen)}</strong>
          </span>
          <Spinner size={14} />
          <span className="muted">{t('table.loadingRest', { count: partial.count })}</span>
        </div>
      )}
      {view && register && !partial && (
        <div className="creditor-totals" data-testid="creditor-totals">
          <span>
            {t('totals.count')} <strong data-testid="total-count">{view.totals.count.toLocaleString('zh-CN')}</strong>
            {view.totals.count !== register.count && <span className="muted">{t('totals.of', { count: register.count })}</span>}
          </span>
          <span>
            {t('totals.principal')} <strong>{formatFen(view.totals.principalFen)}</strong>
          </span>
          <span>
            {t('totals.returned')} <strong>{formatFen(view.totals.returnedFen)}</strong>
          </span>
          <span>
            {t('totals.netClaim')} <strong data-testid="total-net">{formatFen(view.totals.netClaimFen)}</strong>
          </span>
          <span className="muted" data-testid="search-ms" data-ms={view.ms.toFixed(1)}>
            {t('totals.searchMs', { ms: view.ms.toFixed(1) })}
          </span>
        </div>
      )}
      {loadError && <Callout intent="danger">{t('errors.loadFailed', { message: loadError })}</Callout>}
      <div className="creditors-body">
        {!register || !view ? (
          <NonIdealState icon={<Spinner />} description={t('table.loading')} />
        ) : register.count === 0 ? (
          <NonIdealState icon="people" description={t('table.empty')} />
        ) : view.indices.length === 0 ? (
          <NonIdealState icon="search" description={t('table.noMatch')} />
        ) : (
          <CreditorTable
            register={register}
            indices={view.indices}
            revealed={revealed}
            selected={selected}
            sort={query.sort}
            descending={query.descending}
            onSort={(key) => partial === null && sortBy(key)}
            onSelect={setSelected}
            {...(can('creditors.verify') ? { checked, onCheck: toggleChecked } : {})}
          />
        )}
        {current && (
          <CreditorPanel
            creditor={current}
            revealed={revealed.has(current.cid)}
            onReveal={() => void reveal(current)}
            onEdit={() => void edit(current)}
            onVerify={() => setVerifying(current)}
            allowed={{ edit: can('creditors.write'), verify: can('creditors.verify'), reveal: can('personal.reveal') }}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
      {editing && <CreditorEditDialog caseId={caseId} creditor={editing.creditor} canVerify={can('creditors.verify')} onSave={save} onClose={() => setEditing(null)} />}
      {verifying && <VerifyDialog creditor={verifying} onSave={verify} onClose={() => setVerifying(null)} />}
      {bulk && view && <BulkVerifyDialog checkedCount={checked.size} filterCount={view.indices.length} onSave={bulkVerify} onClose={() => setBulk(false)} />}
      {importing && <ImportWizard caseId={caseId} onClose={() => setImporting(false)} onCommitted={(f, s, ended) => void committed(f, s, ended)} />}
    </section>
  );
}
